//! The text size control in the footer: standard, large or larger, on top
//! of the browser's own setting (and the host site's, when embedded). The
//! choice is a `data-text-size` on the page (style/main.css scales from it)
//! and is kept on this device, except on a kiosk.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::document;

use crate::web::platform::storage::{storage_allowed, Key};

/// The sizes offered, smallest first; the first is the page's own.
pub const TEXT_SIZES: [&str; 3] = ["standard", "large", "larger"];

/// The size chosen now.
pub fn text_size() -> String {
    let root = document().document_element();
    root.and_then(|r| r.get_attribute("data-text-size")).unwrap_or_else(|| TEXT_SIZES[0].into())
}

fn apply(size: &str) {
    if let (true, Some(root)) = (TEXT_SIZES.contains(&size), document().document_element()) {
        let _ = root.set_attribute("data-text-size", size);
    }
}

/// The size this device kept from an earlier visit.
pub fn restore_text_size() {
    if let Some(Ok(size)) = storage_allowed(true).then(|| LocalStorage::get::<String>(Key::TextSize.name())) {
        apply(&size);
    }
}

/// Applies `size` and, unless on a kiosk (`may_store`), keeps it.
pub fn choose_text_size(size: &str, may_store: bool) {
    apply(size);
    if may_store && storage_allowed(true) {
        let _ = LocalStorage::set(Key::TextSize.name(), size);
    }
}
