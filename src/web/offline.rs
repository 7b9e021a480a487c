//! Offline use: registers the service worker (`public/sw.js`), which keeps
//! the widget and its data on the phone after one visit. Never on a kiosk,
//! where nothing is kept.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export function keep_for_offline() { \
    if ('serviceWorker' in navigator) \
        navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch(() => {}); } \
    export function forget_data_fetched() { \
    if (self.caches) caches.delete('waymark-data').catch(() => {}); }")]
extern "C" {
    /// Starts (or updates) the service worker, scoped to where the widget is
    /// hosted (the page's `<base>`, as Trunk's public URL sets it).
    pub fn keep_for_offline();
    /// Drops the config, directory and postcode files the worker kept (the
    /// postcode areas searched say roughly where the person is); the widget
    /// itself stays. For quick exit.
    pub fn forget_data_fetched();
}
