//! What the lazily fetched modules (`modules/*`) share from the widget's
//! web layer: reading a file, the words, and the kiosk reset. Only the
//! modules call these two helpers, so they are not in the widget's own download.

use crate::core::i18n::{Catalogue, Translator};
use crate::web::fetch::fetch_text;

/// The text of `url` (relative to the page's base address), or `None` if it
/// cannot be read; the browser usually has it cached from the widget's start.
pub async fn fetch_file(url: &str) -> Option<String> {
    fetch_text(url).await.ok()
}

/// The words in `language`, falling back to English for any missing.
pub async fn translator(language: &str) -> Translator {
    let catalogue = |text: Option<String>| text.and_then(|t| Catalogue::parse(&t).ok());
    let english = catalogue(fetch_file("locales/en.json").await).unwrap_or_default();
    let chosen = match language {
        "en" => None,
        other => catalogue(fetch_file(&format!("locales/{other}.json")).await),
    };
    Translator::new(chosen, english)
}
