//! The web edge: Leptos components, pages and browser effects. Data flows one
//! way: config and data files → core types → signals → views.

mod answers;
mod app;
mod browser;
mod components;
mod config;
mod fetch;
mod i18n;
mod pages;
mod router;

/// Mounts the widget into the page, replacing the static loading message.
pub fn mount() {
    let root =
        leptos::prelude::document().get_element_by_id("waymark").expect("index.html has a #waymark element");
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, app::App).forget();
}
