//! The web edge: Leptos components, pages and browser effects. Data flows one
//! way: config and data files → core types → signals → views.

// The first bundle (without the `journey` feature) leaves the pages that show
// services out, so their code is unused there (see `journey`).
#![cfg_attr(not(feature = "journey"), allow(dead_code, unused_imports))]

mod answers;
mod app;
mod browser;
mod components;
mod config;
mod directory;
mod fetch;
mod i18n;
mod journey;
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
    // An owner of our own around the app, so the first bundle can be taken
    // down whole (its listeners and timers too) when the journey bundle takes over.
    let owner = leptos::prelude::Owner::new();
    let mounted = owner.with(|| leptos::mount::mount_to(root, app::App));
    if cfg!(feature = "journey") {
        mounted.forget();
        // Dropping an owner cleans up what it owns: this one lives with the page.
        std::mem::forget(owner);
    } else {
        journey::keep_release(mounted, owner);
    }
}
