//! QR codes as SVG, made on the device, so a page can be handed from a
//! kiosk or a shared screen to the person's own phone with no service.

use qrcode::{Color, EcLevel, QrCode};

use crate::core::markup::escape;

/// An SVG QR code for `text`, labelled for screen readers with `label`.
/// `None` when the text is too long for a QR code.
///
/// ```
/// use waymark::core::qr::qr_svg;
/// let svg = qr_svg("https://example.org/group/abc", "QR code for this page").unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains(r#"aria-label="QR code for this page""#));
/// ```
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    // A quiet zone of four modules all round, as the standard asks.
    let size = width + 8;
    let mut path = String::with_capacity(width * width * 4);
    for (i, colour) in code.to_colors().iter().enumerate() {
        if *colour == Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", i % width + 4, i / width + 4));
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="wm-qr" viewBox="0 0 {size} {size}" role="img" aria-label="{}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##,
        escape(label)
    ))
}
