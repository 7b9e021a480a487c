//! Handing a page to the person's own phone: a QR code of its address,
//! drawn when they ask for it. A module of its own, so the encoder is not
//! part of the widget's first download.

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;
    use waymark::core::json::{parse_value, Value};
    use waymark::core::qr::qr_svg;

    /// Draws into `root` a QR code for the widget's `context`:
    /// `{ "url": the address, "label": what screen readers say }`.
    #[wasm_bindgen]
    pub fn open(root: web_sys::Element, context: String) {
        let Ok(context) = parse_value(&context) else { return };
        let text = |key: &str| context.get(key).and_then(Value::as_str).unwrap_or("").to_string();
        if let Some(svg) = qr_svg(&text("url"), &text("label")) {
            root.set_inner_html(&svg);
        }
    }
}
