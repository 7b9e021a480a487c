//! The web edge: Leptos components, pages and browser effects. Its rooms
//! depend one way: `app` → `pages` → `kiosk` and `components` → `router` →
//! `state` → `platform` → `crate::core`. Data flows one way too: config and
//! data files → core types → signals → views; the only way out is
//! `platform::sender`. docs/architecture.md draws the tree.

mod app;
mod components;
mod inbox;
mod kiosk;
mod pages;
mod platform;
mod router;
mod state;

/// Mounts the widget into the page; the app takes over from the page's
/// prerendered content (or its "Loading" message) once it has something to show.
pub fn mount() {
    platform::stopped::show_stopped_page_on_panic();
    let root =
        leptos::prelude::document().get_element_by_id("waymark").expect("index.html has a #waymark element");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    // The app lives as long as the page.
    leptos::mount::mount_to(root, app::App).forget();
}

/// Mounts the referral inbox (`/inbox`, its own bundle: `src/bin/inbox.rs`).
pub fn mount_inbox() {
    platform::stopped::show_stopped_page_on_panic();
    let root = leptos::prelude::document()
        .get_element_by_id("waymark")
        .expect("the inbox page has a #waymark element");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    root.set_inner_text("");
    leptos::mount::mount_to(root, inbox::InboxApp).forget();
}
