//! The words of the person's language, in context: `t("key")` from any
//! component. The translator is a signal, so every text redraws if the
//! language changes.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::i18n::{Catalogue, LocaleMeta, Translator};
use crate::web::platform::fetch::fetch_text;
use crate::web::platform::intl::plural_category;

/// The loaded words; provided once by the app (see [`provide_words`]).
#[derive(Clone, Copy)]
pub struct Words(RwSignal<Arc<Translator>>);

impl Words {
    /// The message for `key`.
    pub fn t(&self, key: &str) -> String {
        self.0.with(|tr| tr.text(key))
    }

    /// The message for `key` with `{name}` placeholders filled in.
    pub fn tf(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.0.with(|tr| tr.format(key, values))
    }

    /// The message for `key` in the plural form for `count`, filled in (see
    /// [`Translator::plural`]).
    pub fn plural(&self, key: &str, count: &str, values: &[(&str, &str)]) -> String {
        self.0.with(|tr| tr.plural(key, count, values))
    }

    /// Runs `f` with the translator, for core code that looks up its own words.
    pub fn with<R>(&self, f: impl FnOnce(&Translator) -> R) -> R {
        self.0.with(|tr| f(tr))
    }

    /// Loads the words of `language` (a checked language tag), and only
    /// those: every locale has every message (a native test sees to it).
    /// English only if that language's file cannot be had.
    pub async fn load(self, language: &str) {
        let chosen = if language == "en" { None } else { catalogue(language).await };
        let english = match chosen {
            Some(_) => Catalogue::default(),
            None => catalogue("en").await.unwrap_or_default(),
        };
        self.0.set(Arc::new(Translator::new(chosen, english).with_plural_rule(plural_category)));
    }

    /// What the loaded locale says about itself (`None` for English).
    pub fn meta(&self) -> Option<LocaleMeta> {
        self.0.with(|tr| tr.chosen_meta().cloned())
    }

    /// The message for `key` if this language has one (for words only some
    /// languages carry, such as the Welsh-language helpline).
    pub fn optional(&self, key: &str) -> Option<String> {
        self.0.with(|tr| tr.get(key).map(str::to_string))
    }
}

async fn catalogue(language: &str) -> Option<Catalogue> {
    let file = format!("locales/{language}.json");
    let text = fetch_text(&file).await.ok()?;
    Catalogue::parse(&text).map_err(|e| leptos::logging::warn!("{file}: {e}")).ok()
}

/// Provides the (still empty) words to the app; the set-up loads them.
pub fn provide_words() -> Words {
    let words = Words(RwSignal::new(Arc::new(Translator::new(None, Catalogue::default()))));
    provide_context(words);
    words
}

/// The app's words. Call it in a component, not in an event handler (which
/// runs outside the component tree): take the handle first, then use it.
pub fn use_words() -> Words {
    expect_context::<Words>()
}

/// The message for `key` in the person's language (in a component or view).
pub fn t(key: &str) -> String {
    use_words().t(key)
}

/// The message for `key` with `{name}` placeholders filled in (in a component or view).
pub fn tf(key: &str, values: &[(&str, &str)]) -> String {
    use_words().tf(key, values)
}
