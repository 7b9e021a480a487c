//! A QR code drawn as an SVG view from `core::qr`'s drawing: an image with
//! a name for screen readers, on a white quiet zone.

use leptos::prelude::*;

use crate::core::qr::{qr_drawing, QrDrawing};

/// The QR code of `text`, named `label`; nothing when the text is too long.
#[component]
pub fn QrImage(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    qr_drawing(&text).map(|QrDrawing { side, path }| {
        let view_box = format!("0 0 {side} {side}");
        view! {
            <svg class="wm-qr" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
                <rect width="100%" height="100%" fill="#fff"></rect>
                <path fill="#000" d=path></path>
            </svg>
        }
    })
}
