//! The one translation layer every user-facing string goes through.
//!
//! A catalogue is a flat JSON object of message keys to text, with `{name}`
//! placeholders, in `public/locales/<language>.json`. The browser loads the
//! configured language and English (the fallback) before showing anything,
//! so once the widget is open every page, urgent help included, works with no
//! network. Another language is a new file, with no code change.

use crate::core::data::{read, Fields};
use crate::core::FieldError;

/// The English catalogue, for native tests (the browser fetches it instead,
/// keeping ~10 KB of text out of the wasm).
pub const ENGLISH: &str = include_str!("../../public/locales/en.json");

/// One language's messages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    /// A few hundred messages: a plain list is small and fast enough, and
    /// needs no sorting or hashing code in the download.
    messages: Vec<(String, String)>,
}

impl Catalogue {
    /// Parses a catalogue file; a value that is not text is named.
    ///
    /// ```
    /// use waymark::core::i18n::Catalogue;
    /// let c = Catalogue::parse(r#"{ "start.title": "Find support near you" }"#).unwrap();
    /// assert_eq!(c.get("start.title"), Some("Find support near you"));
    /// assert!(Catalogue::parse(r#"{ "start.title": 3 }"#).is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Catalogue, FieldError> {
        let fields = read::<Fields<Option<String>>>(text)
            .map_err(|e| match e.field.is_empty() && e.problem.starts_with("must be") {
                true => FieldError::new("", "must be an object of message keys to text"),
                false => e,
            })?
            .0;
        // A repeated key keeps its first text, as `get` finds it.
        let mut messages = Vec::with_capacity(fields.len());
        for (key, value) in fields {
            match value {
                Some(text) => messages.push((key, text)),
                None => return Err(FieldError::new(key, "is missing")),
            }
        }
        Ok(Catalogue { messages })
    }

    /// The message for `key`, if this catalogue has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.messages.iter().find(|(k, _)| k == key).map(|(_, text)| text.as_str())
    }

    /// Every key in this catalogue.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(k, _)| k.as_str())
    }
}

/// Looks messages up in the chosen language, then in English, then shows the
/// key itself so a missing translation is visible rather than blank.
///
/// ```
/// use waymark::core::i18n::{Catalogue, Translator};
/// let welsh = Catalogue::parse(r#"{ "help.title": "Angen help nawr?" }"#).unwrap();
/// let english = Catalogue::parse(waymark::core::i18n::ENGLISH).unwrap();
/// let t = Translator::new(Some(welsh), english);
/// assert_eq!(t.text("help.title"), "Angen help nawr?");
/// assert_eq!(t.text("start.button"), "Start now");
/// assert_eq!(t.text("no.such.key"), "no.such.key");
/// ```
#[derive(Clone, Debug)]
pub struct Translator {
    chosen: Option<Catalogue>,
    english: Catalogue,
}

impl Translator {
    /// A translator for `chosen`, falling back to `english`.
    pub fn new(chosen: Option<Catalogue>, english: Catalogue) -> Self {
        Self { chosen, english }
    }

    /// The message for `key`.
    pub fn text(&self, key: &str) -> String {
        self.chosen
            .as_ref()
            .and_then(|c| c.get(key))
            .or_else(|| self.english.get(key))
            .unwrap_or(key)
            .to_string()
    }

    /// The message for `key` with each `{name}` replaced by its value.
    ///
    /// ```
    /// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
    /// let t = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
    /// let s = t.format("start.reply_time", &[("days", "5")]);
    /// assert!(s.contains("5 working days"));
    /// ```
    pub fn format(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(&self.text(key), values)
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names are left as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
