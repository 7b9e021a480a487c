//! Handing a page to the person's own phone: a QR code of its address,
//! drawn when they ask for it. A module of its own, so the encoder is not
//! part of the widget's first download.

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;
    use waymark::core::module_context::{read_context, HandoffContext};
    use waymark::core::qr::qr_svg;

    /// Draws into `root` a QR code for the widget's `context`:
    /// `{ "url": the address, "label": what screen readers say }`.
    #[wasm_bindgen]
    pub fn open(root: web_sys::Element, context: String) {
        let Some(context) = read_context::<HandoffContext>(&context) else { return };
        if let Some(svg) = qr_svg(&context.url, &context.label) {
            root.set_inner_html(&svg);
        }
    }
}
