//! Offline use: registers the service worker (`public/sw.js`), which keeps
//! the widget and its data on the phone after one visit. Never on a kiosk,
//! where nothing is kept.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export function keep_for_offline() { \
    if ('serviceWorker' in navigator) \
        navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch(() => {}); } \
    export function keep_files_offline(paths) { \
    if ('serviceWorker' in navigator) navigator.serviceWorker.ready.then(() => Promise.all( \
        paths.split('\\n').map((p) => fetch(new URL(p, document.baseURI))))).catch(() => {}); } \
    export function forget_data_fetched() { \
    if (self.caches) caches.delete('waymark-data').catch(() => {}); } \
    export function forget_offline_copies() { \
        const dropCaches = () => self.caches \
            ? caches.keys().then((all) => Promise.all(all.map((k) => caches.delete(k)))) : null; \
        const unregister = () => navigator.serviceWorker \
            ? navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister()))) \
            : null; \
        const later = () => new Promise((done) => setTimeout(done, 2000)); \
        Promise.all([dropCaches(), unregister()]).then(dropCaches).then(later).then(dropCaches).catch(() => {}); }")]
extern "C" {
    /// Starts (or updates) the service worker, scoped to where the widget is
    /// hosted (the page's `<base>`, as Trunk's public URL sets it).
    pub fn keep_for_offline();
    /// Fetches `paths` (one per line) again once the worker is running, so
    /// it keeps them: the words and question set of a language other than
    /// English, which it does not keep for everyone.
    pub fn keep_files_offline(paths: &str);
    /// Drops the config, directory and postcode files the worker kept (the
    /// postcode areas searched say roughly where the person is); the widget
    /// itself stays. For quick exit.
    pub fn forget_data_fetched();
    /// A kiosk keeps no offline copy: any service worker or cache from an
    /// earlier, non-kiosk use of this browser goes. The caches are dropped
    /// again once the workers are unregistered, and once more a little
    /// later, as a worker still installing could write its cache back.
    pub fn forget_offline_copies();
}
