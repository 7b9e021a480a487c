use std::sync::Arc;

use leptos::prelude::*;

use crate::web::browser::set_title;
use crate::web::components::region::{region, OnEvent, Render};
use crate::web::i18n::t;

/// What a page shows: its main heading (also the tab title) and its
/// regions of markup. Every page is one of these, so the
/// download holds one page view however many pages there are.
pub struct Screen {
    title: String,
    /// False when the markup holds the heading (a question's label is the page's `h1`).
    heading: bool,
    regions: Vec<AnyView>,
}

impl Screen {
    pub fn new(title: String) -> Self {
        Screen { title, heading: true, regions: Vec::new() }
    }

    /// A page whose markup has its own `h1`; `title` names the tab.
    pub fn titled(title: String) -> Self {
        Screen { heading: false, ..Screen::new(title) }
    }

    /// Markup that does not change while the page is shown.
    pub fn markup(self, html: String) -> Self {
        self.region(Arc::new(move || html.clone()), None, None)
    }

    /// Markup redrawn when the signals `render` reads change, with a
    /// delegated handler for what happens inside it; `role` makes it, for
    /// example, a live `status` region.
    pub fn region(mut self, render: Render, role: Option<&'static str>, on_event: Option<OnEvent>) -> Self {
        self.regions.push(region(render, role, on_event));
        self
    }
}

/// Draws a page. After an in-app navigation focus moves to its heading, so
/// screen reader and keyboard users start at the top of the new page; the
/// first page of a visit keeps focus where the browser put it.
pub fn show(screen: Screen) -> AnyView {
    let Screen { title, heading, regions } = screen;
    set_title(&title, &t("shell.service_name"));
    if crate::web::router::use_router().has_navigated() {
        request_animation_frame(|| {
            if let Ok(Some(h1)) = document().query_selector("#main-content h1") {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(h1).focus();
            }
        });
    }
    view! {
        {heading.then(|| view! { <h1 class="wm-heading-l" tabindex="-1">{title}</h1> })}
        {regions}
    }
    .into_any()
}
