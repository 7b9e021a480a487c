use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

use crate::web::browser::set_title;
use crate::web::i18n::t;

static FIRST_PAGE_SHOWN: AtomicBool = AtomicBool::new(false);

/// After an in-app navigation, moves focus to the page's main heading once
/// it is drawn, so screen reader and keyboard users start at the top of the
/// new page; the first page of a visit keeps focus where the browser put it.
pub fn focus_heading_after_navigation() {
    if FIRST_PAGE_SHOWN.swap(true, Ordering::Relaxed) {
        request_animation_frame(|| {
            if let Ok(Some(h1)) = document().query_selector("#main-content h1") {
                let h1: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(h1);
                let _ = h1.focus();
            }
        });
    }
}

/// A page with its main heading; it names the browser tab after the page and
/// takes focus after an in-app navigation.
#[component]
pub fn Page(
    /// The main heading, also used for the tab title.
    title: String,
    /// Shown small above the heading, e.g. the organisation.
    #[prop(optional, into)]
    caption: Option<String>,
    children: Children,
) -> impl IntoView {
    set_title(&title, &t("shell.service_name"));
    focus_heading_after_navigation();
    view! {
        {caption.map(|c| view! { <span class="wm-caption">{c}</span> })}
        <h1 class="wm-heading-l" tabindex="-1">{title}</h1>
        {children()}
    }
}
