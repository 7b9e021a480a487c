//! Fetching the widget's lazily loaded modules (built by `cargo xtask
//! modules` into `modules/`): code a person may never need, such as kiosk
//! mode and the QR codes, stays out of the first download.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export function import_module(url) { \
    return import(url).then(async (m) => { await m.default(); return m; }); }")]
extern "C" {
    fn import_module(url: &str) -> js_sys::Promise;
}

/// Loads `modules/<name>.js` (once; the browser keeps it) and calls its
/// `open(root, context)`.
pub async fn open_module(name: &str, root: &web_sys::Element, context: &str) -> Result<(), JsValue> {
    let base = leptos::prelude::document().base_uri()?.unwrap_or_default();
    let url = web_sys::Url::new_with_base(&format!("modules/{name}.js"), &base)?.href();
    let module = JsFuture::from(import_module(&url)).await?;
    let open: js_sys::Function = js_sys::Reflect::get(&module, &"open".into())?.dyn_into()?;
    open.call2(&JsValue::NULL, root, &context.into())?;
    Ok(())
}

/// Opens a module as soon as it has arrived, for callers with nothing to
/// do if it cannot be fetched (the page works without it).
pub fn open_module_soon(name: &'static str, root: web_sys::Element, context: String) {
    leptos::task::spawn_local(async move {
        let _ = open_module(name, &root, &context).await;
    });
}
