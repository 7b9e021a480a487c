//! Offline use: registers the service worker (`public/sw.js`), which keeps
//! the widget and its data on the phone after one visit. Never on a kiosk,
//! where nothing is kept. Through web-sys rather than inline JavaScript, so
//! every code file of the build is named by its content hash.

use std::time::Duration;

use leptos::prelude::{document, window};
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// A browser with no service workers (or none allowed here) just goes without.
fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

fn address(path: &str) -> Option<String> {
    let base = document().base_uri().ok()??;
    Some(web_sys::Url::new_with_base(path, &base).ok()?.href())
}

/// Starts (or updates) the service worker, scoped to where the widget is
/// hosted (the page's `<base>`, as Trunk's public URL sets it).
pub fn keep_for_offline() {
    let (Some(workers), Some(worker)) = (service_workers(), address("sw.js")) else { return };
    spawn_local(async move {
        let _ = JsFuture::from(workers.register(&worker)).await;
    });
}

/// Fetches `paths` again once the worker is running, so it keeps them: the
/// words and question set of a language other than English, which it does
/// not keep for everyone.
pub fn keep_files_offline(paths: Vec<String>) {
    let Some(workers) = service_workers() else { return };
    spawn_local(async move {
        let Ok(ready) = workers.ready() else { return };
        if JsFuture::from(ready).await.is_err() {
            return;
        }
        for path in paths.iter().filter_map(|p| address(p)) {
            let _ = JsFuture::from(window().fetch_with_str(&path)).await;
        }
    });
}

/// Keeps this page and the files it started from (its code and
/// stylesheet), for a page the worker does not install, such as the inbox:
/// the first visit fetched them before the worker was there, so they are
/// named to it once it is running.
pub fn keep_this_page_offline() {
    let page = window().location().pathname().unwrap_or_default();
    let mut paths = vec![page];
    if let Ok(Some(boot)) = document().query_selector("script[data-waymark-js]") {
        paths.extend(["data-waymark-js", "data-waymark-wasm"].iter().filter_map(|a| boot.get_attribute(a)));
    }
    if let Ok(Some(style)) = document().query_selector("link[rel=stylesheet]") {
        paths.extend(style.get_attribute("href"));
    }
    keep_for_offline();
    let Some(workers) = service_workers() else { return };
    spawn_local(async move {
        let Ok(ready) = workers.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else { return };
        let registration: web_sys::ServiceWorkerRegistration =
            wasm_bindgen::JsCast::unchecked_into(registration);
        let Some(worker) = registration.active() else { return };
        let list: js_sys::Array =
            paths.iter().filter_map(|p| address(p)).map(wasm_bindgen::JsValue::from).collect();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"keepInbox".into(), &list);
        let _ = worker.post_message(&message);
    });
}

async fn delete_caches(which: impl Fn(&str) -> bool) {
    let Ok(caches) = window().caches() else { return };
    let Ok(names) = JsFuture::from(caches.keys()).await else { return };
    for name in js_sys::Array::from(&names).iter().filter_map(|n| n.as_string()) {
        if which(&name) {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
}

/// Drops the config, directory and postcode files the worker kept (the
/// postcode areas searched say roughly where the person is); the widget
/// itself stays. For quick exit.
pub fn forget_data_fetched() {
    spawn_local(delete_caches(|name| name == "waymark-data"));
}

/// A kiosk keeps no offline copy: any service worker or cache from an
/// earlier, non-kiosk use of this browser goes. The caches are dropped
/// again once the workers are unregistered, and once more a little later,
/// as a worker still installing could write its cache back.
pub fn forget_offline_copies() {
    spawn_local(async move {
        delete_caches(|_| true).await;
        if let Some(workers) = service_workers() {
            if let Ok(all) = JsFuture::from(workers.get_registrations()).await {
                for registration in js_sys::Array::from(&all).iter() {
                    let registration: web_sys::ServiceWorkerRegistration =
                        wasm_bindgen::JsCast::unchecked_into(registration);
                    if let Ok(done) = registration.unregister() {
                        let _ = JsFuture::from(done).await;
                    }
                }
            }
        }
        delete_caches(|_| true).await;
        gloo_timers::future::sleep(Duration::from_secs(2)).await;
        delete_caches(|_| true).await;
    });
}
