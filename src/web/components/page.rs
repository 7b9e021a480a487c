use std::sync::atomic::{AtomicBool, Ordering};

use leptos::html::H1;
use leptos::prelude::*;

use crate::web::browser::set_title;
use crate::web::i18n::t;

static FIRST_PAGE_SHOWN: AtomicBool = AtomicBool::new(false);

/// A page with its main heading. It names the browser tab after the page and,
/// after an in-app navigation, moves focus to the heading so screen reader and
/// keyboard users start at the top of the new page (the first page keeps
/// focus where the browser put it).
#[component]
pub fn Page(
    /// The main heading, also used for the tab title.
    title: String,
    /// Shown small above the heading, e.g. the organisation.
    #[prop(optional, into)]
    caption: Option<String>,
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    set_title(&title, &t("shell.service_name"));
    let navigated_here = FIRST_PAGE_SHOWN.swap(true, Ordering::Relaxed);
    Effect::new(move |_| {
        if navigated_here {
            if let Some(h1) = heading.get() {
                let _ = h1.focus();
            }
        }
    });
    view! {
        {caption.map(|c| view! { <span class="wm-caption">{c}</span> })}
        <h1 class="wm-heading-l" tabindex="-1" node_ref=heading>{title}</h1>
        {children()}
    }
}
