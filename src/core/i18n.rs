//! The one translation layer every user-facing string goes through.
//!
//! A catalogue is a flat JSON object of message keys to text, with `{name}`
//! placeholders, in `public/locales/<language>.json`. The browser loads the
//! configured language and English (the fallback) before showing anything,
//! so once the widget is open every page, urgent help included, works with no
//! network. Another language is a new file, with no code change.

#[cfg(not(target_arch = "wasm32"))]
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::core::data::{read, Fields};
use crate::core::FieldError;

/// The English catalogue, for native tests (the browser fetches it instead,
/// keeping ~10 KB of text out of the wasm).
pub const ENGLISH: &str = include_str!("../../public/locales/en.json");

/// What a locale file says about itself (its `"@metadata"` object): which
/// language, which way it is written, and who wrote the translation, so a
/// draft is never presented as reviewed.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LocaleMeta {
    pub language: String,
    /// The language's own name in its own script ("Cymraeg").
    pub name: String,
    #[serde(default)]
    pub english_name: Option<String>,
    /// `ltr` or `rtl`.
    #[serde(default = "left_to_right")]
    pub dir: String,
    #[serde(default)]
    pub script: Option<String>,
    #[serde(default)]
    pub drafted_by: Option<String>,
    /// Whether a native speaker has reviewed it.
    #[serde(default)]
    pub reviewed: bool,
    #[serde(default)]
    pub reviewed_by: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

fn left_to_right() -> String {
    "ltr".into()
}

/// One language's messages. A message that depends on a number has one
/// entry per CLDR plural category of the language, `key#one`, `key#few` …
/// (see [`Translator::plural`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    /// A few hundred messages: a plain list is small and fast enough, and
    /// needs no sorting or hashing code in the download.
    messages: Vec<(String, String)>,
    meta: Option<LocaleMeta>,
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
        let fields = read::<Fields<&RawValue>>(text)
            .map_err(|e| match e.field.is_empty() && e.problem.starts_with("must be") {
                true => FieldError::new("", "must be an object of message keys to text"),
                false => e,
            })?
            .0;
        // A repeated key keeps its first text, as `get` finds it.
        let mut catalogue = Catalogue { messages: Vec::with_capacity(fields.len()), meta: None };
        for (key, value) in fields {
            if key == "@metadata" {
                let meta = read::<LocaleMeta>(value.get()).map_err(|e| e.within("@metadata"))?;
                catalogue.meta = Some(meta);
                continue;
            }
            match serde_json::from_str::<Option<String>>(value.get()) {
                Ok(Some(text)) => catalogue.messages.push((key, text)),
                Ok(None) => return Err(FieldError::new(key, "is missing")),
                Err(_) => return Err(FieldError::new(key, "must be text")),
            }
        }
        Ok(catalogue)
    }

    /// What the file says about itself, if it has `"@metadata"`.
    pub fn meta(&self) -> Option<&LocaleMeta> {
        self.meta.as_ref()
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
    plural_rule: PluralRule,
}

/// The CLDR cardinal plural category (`one`, `few` …, else `other`) of a
/// count written as digits, in a language: [`plural_category`] natively,
/// the browser's own `Intl.PluralRules` in the widget, so the wasm carries
/// no second copy of CLDR's rules.
pub type PluralRule = fn(language: &str, count: &str) -> &'static str;

impl Translator {
    /// A translator for `chosen`, falling back to `english`, with CLDR's
    /// plural rules (natively; the browser build passes its own with
    /// [`Translator::with_plural_rule`]).
    pub fn new(chosen: Option<Catalogue>, english: Catalogue) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let plural_rule: PluralRule = plural_category;
        #[cfg(target_arch = "wasm32")]
        let plural_rule: PluralRule = |_, _| "other";
        Self { chosen, english, plural_rule }
    }

    /// The same translator choosing plural forms with `rule`.
    pub fn with_plural_rule(self, rule: PluralRule) -> Self {
        Self { plural_rule: rule, ..self }
    }

    /// The message for `key`.
    pub fn text(&self, key: &str) -> String {
        self.get(key).unwrap_or(key).to_string()
    }

    /// The message for `key` with each `{name}` replaced by its value.
    ///
    /// ```
    /// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
    /// let t = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
    /// let s = t.format("start.title", &[("unused", "5")]);
    /// assert_eq!(s, t.text("start.title"));
    /// ```
    pub fn format(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(&self.text(key), values)
    }

    /// The language the messages are in (`en` unless the chosen catalogue names another).
    pub fn language(&self) -> &str {
        self.chosen.as_ref().and_then(|c| c.meta()).map_or("en", |m| m.language.as_str())
    }

    /// The message for `key` in the CLDR plural form for `count` (written
    /// as digits, decimals allowed: `"1.4"`), from `key#<category>`, else
    /// `key#other`, with `{name}`s filled in. The categories come from CLDR
    /// (the translator's [`PluralRule`]), never a table of our own: Welsh
    /// has six forms, Polish four, Arabic six.
    ///
    /// ```
    /// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
    /// let t = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
    /// assert_eq!(t.plural("nearby.count", "1", &[("count", "1")]), "1 group or service matches");
    /// assert_eq!(t.plural("nearby.count", "12", &[("count", "12")]), "12 groups and services match");
    /// let welsh = Catalogue::parse(r#"{ "@metadata": { "language": "cy", "name": "Cymraeg" },
    ///     "x#two": "{n} gi", "x#few": "{n} chi", "x#other": "{n} ci" }"#).unwrap();
    /// let t = Translator::new(Some(welsh), Catalogue::default());
    /// assert_eq!(t.plural("x", "2", &[("n", "2")]), "2 gi");
    /// assert_eq!(t.plural("x", "3", &[("n", "3")]), "3 chi");
    /// assert_eq!(t.plural("x", "4", &[("n", "4")]), "4 ci");
    /// ```
    pub fn plural(&self, key: &str, count: &str, values: &[(&str, &str)]) -> String {
        let category = (self.plural_rule)(self.language(), count);
        let found = [format!("{key}#{category}"), format!("{key}#other"), key.to_string()]
            .into_iter()
            .find_map(|k| self.get(&k).map(str::to_string));
        fill(found.as_deref().unwrap_or(key), values)
    }

    /// The chosen catalogue's `@metadata`.
    pub fn chosen_meta(&self) -> Option<&LocaleMeta> {
        self.chosen.as_ref().and_then(Catalogue::meta)
    }

    /// The message for `key`, if either catalogue has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.chosen.as_ref().and_then(|c| c.get(key)).or_else(|| self.english.get(key))
    }
}

/// The CLDR cardinal plural category of `count` in `language`, as a key
/// suffix (`one`, `few` …); `other` for a language or number the rules do
/// not know.
///
/// ```
/// use waymark::core::i18n::plural_category;
/// assert_eq!(plural_category("en", "1"), "one");
/// assert_eq!(plural_category("en", "1.0"), "other");
/// assert_eq!(plural_category("pl", "22"), "few");
/// assert_eq!(plural_category("pl", "25"), "many");
/// assert_eq!(plural_category("cy", "0"), "zero");
/// assert_eq!(plural_category("cy", "6"), "many");
/// assert_eq!(plural_category("ar", "2"), "two");
/// assert_eq!(plural_category("ar", "11"), "many");
/// assert_eq!(plural_category("ro", "20"), "other");
/// assert_eq!(plural_category("xx", "1"), "other");
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn plural_category(language: &str, count: &str) -> &'static str {
    let Ok(id) = language.parse::<unic_langid::LanguageIdentifier>() else { return "other" };
    let Ok(rules) = PluralRules::create(id, PluralRuleType::CARDINAL) else { return "other" };
    match rules.select(count) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        _ => "other",
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

/// The key of words only some languages carry (the Samaritans' Welsh
/// Language Line, in Welsh): shown when the language has them, with no
/// English text to fall back to.
pub const LANGUAGE_LINE: &str = "help.language_line";

/// A language Waymark ships words for: its code, its own name in its own
/// script (as the language control lists it) and which way it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    pub code: &'static str,
    pub name: &'static str,
    pub english_name: &'static str,
    pub right_to_left: bool,
}

/// English, Welsh, and the languages Census 2021 shows as most spoken in
/// England after English, in that order. Each has `public/locales/<code>.json`
/// and `public/questions/default.<code>.json` (not for English).
pub const LANGUAGES: [Language; 8] = [
    Language { code: "en", name: "English", english_name: "English", right_to_left: false },
    Language { code: "cy", name: "Cymraeg", english_name: "Welsh", right_to_left: false },
    Language { code: "pl", name: "Polski", english_name: "Polish", right_to_left: false },
    Language { code: "ro", name: "Română", english_name: "Romanian", right_to_left: false },
    Language { code: "pa", name: "ਪੰਜਾਬੀ", english_name: "Punjabi", right_to_left: false },
    Language { code: "ur", name: "اردو", english_name: "Urdu", right_to_left: true },
    Language { code: "bn", name: "বাংলা", english_name: "Bengali", right_to_left: false },
    Language { code: "ar", name: "العربية", english_name: "Arabic", right_to_left: true },
];

/// The shipped language with this code.
pub fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// Which language this visit is in: the one asked for in the address
/// (`?lang=`), else the one kept on this device (never on a kiosk, where
/// each session starts afresh), else the deployment's default; only ever
/// one the deployment offers.
///
/// ```
/// use waymark::core::i18n::choose_language;
/// let offered = ["en".to_string(), "cy".to_string(), "ar".to_string()];
/// assert_eq!(choose_language(&offered, "en", Some("cy"), Some("ar"), false), "cy");
/// assert_eq!(choose_language(&offered, "en", None, Some("ar"), false), "ar");
/// assert_eq!(choose_language(&offered, "en", None, Some("ar"), true), "en");
/// assert_eq!(choose_language(&offered, "en", Some("cy"), None, true), "cy");
/// assert_eq!(choose_language(&offered, "en", Some("pl"), Some("xx"), false), "en");
/// ```
pub fn choose_language<'a>(
    offered: &'a [String],
    default: &'a str,
    asked: Option<&'a str>,
    kept: Option<&'a str>,
    kiosk: bool,
) -> &'a str {
    let is_offered = |code: &&str| offered.iter().any(|o| o == code);
    asked.filter(is_offered).or(kept.filter(|_| !kiosk).filter(is_offered)).unwrap_or(default)
}

/// The question set's address in `language`: `questions/default.json` is
/// `questions/default.cy.json` in Welsh; English uses the file as named.
///
/// ```
/// use waymark::core::i18n::questions_in;
/// assert_eq!(questions_in("questions/default.json", "cy"), "questions/default.cy.json");
/// assert_eq!(questions_in("questions/default.json", "en"), "questions/default.json");
/// assert_eq!(questions_in("https://example.org/set", "cy"), "https://example.org/set");
/// ```
pub fn questions_in(url: &str, language: &str) -> String {
    match url.strip_suffix(".json") {
        Some(stem) if language != "en" => format!("{stem}.{language}.json"),
        _ => url.to_string(),
    }
}
