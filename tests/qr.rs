//! The QR encoder's output, read back by an independent decoder (`rqrr`),
//! for every version the widget can produce.

use waymark::core::qr::{qr_svg, QrCode};

fn decode(code: &QrCode) -> String {
    // Four pixels a module, with a quiet zone, as a camera would see it.
    let scale = 4;
    let side = (code.size() + 8) * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = ((x / scale) as isize - 4, (y / scale) as isize - 4);
        let inside = (0..code.size() as isize).contains(&mx) && (0..code.size() as isize).contains(&my);
        if inside && code.is_dark(mx as usize, my as usize) {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    grids[0].decode().expect("decodes").1
}

#[test]
fn page_addresses_decode_to_themselves() {
    for text in [
        "https://example.org/group/cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3",
        "http://127.0.0.1:8090/group/walk-1",
        "WM-7F3K-2Q",
    ] {
        assert_eq!(decode(&QrCode::encode(text.as_bytes()).unwrap()), text);
    }
}

#[test]
fn every_version_from_1_to_10_decodes() {
    // Lengths that just fill versions 1..=10 at level M.
    let mut seen = Vec::new();
    for len in [14, 26, 42, 62, 84, 106, 122, 152, 180, 213] {
        let text: String = (0..len).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let code = QrCode::encode(text.as_bytes()).unwrap();
        seen.push((code.size() - 17) / 4);
        assert_eq!(decode(&code), text, "{len} bytes");
    }
    assert_eq!(seen, (1..=10).collect::<Vec<_>>());
}

#[test]
fn too_long_for_a_code_gives_nothing_rather_than_a_broken_code() {
    assert!(QrCode::encode(&[b'a'; 214]).is_none());
    assert!(qr_svg(&"a".repeat(500), "label").is_none());
}

#[test]
fn svg_has_a_quiet_zone_and_a_label() {
    let svg = qr_svg("https://example.org/", "QR code for \"this\" page").unwrap();
    assert!(svg.contains(r#"viewBox="0 0 33 33""#), "version 2 (25) plus 8: {svg}");
    assert!(svg.contains(r#"aria-label="QR code for &quot;this&quot; page""#));
}
