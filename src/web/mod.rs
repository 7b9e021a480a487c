//! The web edge: Leptos components, pages and browser effects. Data flows one
//! way: config and data files → core types → signals → views.

mod answers;
mod app;
mod browser;
mod components;
mod config;
mod directory;
mod fetch;
mod i18n;
mod kiosk;
mod nearby;
mod offline;
mod pages;
mod referral;
mod router;
mod shortlist;
mod state;
mod stopped;
mod text_size;

/// Mounts the widget into the page; the app removes the static loading
/// message (and the noscript text) once it has something to show.
pub fn mount() {
    stopped::show_stopped_page_on_panic();
    let root =
        leptos::prelude::document().get_element_by_id("waymark").expect("index.html has a #waymark element");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, app::App).forget();
}
