//! Access to the one translation layer from components: `t("key")`.

use std::cell::RefCell;

use crate::core::i18n::{Catalogue, Translator};
use crate::web::fetch::fetch_text;

thread_local! {
    static TRANSLATOR: RefCell<Translator> = RefCell::new(Translator::new(None, Catalogue::default()));
}

async fn catalogue(language: &str) -> Option<Catalogue> {
    let file = format!("locales/{language}.json");
    let text = fetch_text(&file).await.ok()?;
    Catalogue::parse(&text).map_err(|e| leptos::logging::warn!("{file}: {e}")).ok()
}

/// Loads `language` (a checked language tag) and English, the fallback.
pub async fn load_translations(language: &str) {
    let english = catalogue("en").await.unwrap_or_default();
    let chosen = if language == "en" { None } else { catalogue(language).await };
    TRANSLATOR.with(|t| *t.borrow_mut() = Translator::new(chosen, english));
}

/// The message for `key` in the person's language.
pub fn t(key: &str) -> String {
    TRANSLATOR.with(|tr| tr.borrow().text(key))
}

/// The message for `key` with `{name}` placeholders filled in.
pub fn tf(key: &str, values: &[(&str, &str)]) -> String {
    TRANSLATOR.with(|tr| tr.borrow().format(key, values))
}

/// Runs `f` with the translator, for `core::markup` builders that look up
/// their own words.
pub fn with_words<R>(f: impl FnOnce(&Translator) -> R) -> R {
    TRANSLATOR.with(|tr| f(&tr.borrow()))
}
