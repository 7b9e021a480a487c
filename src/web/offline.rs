//! Offline use: registers the service worker (`public/sw.js`), which keeps
//! the widget and its data on the phone after one visit. Never on a kiosk,
//! where nothing is kept.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export function register_worker(url) { \
    if ('serviceWorker' in navigator) navigator.serviceWorker.register(url).catch(() => {}); }")]
extern "C" {
    fn register_worker(url: &str);
}

/// Starts (or updates) the service worker, scoped to where the widget is hosted.
pub fn keep_for_offline() {
    let base = leptos::prelude::document().base_uri().ok().flatten().unwrap_or_default();
    if let Ok(url) = web_sys::Url::new_with_base("sw.js", &base) {
        register_worker(&url.href());
    }
}
