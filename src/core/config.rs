//! The widget's configuration file (`config.json`): who runs the service,
//! where referrals go, where the directory lives, colours and kiosk settings.
//! Parsed and checked here so that a link worker editing the file gets a
//! message naming the field, not a blank page.

use serde::Deserialize;

use crate::core::data::{object, object_or_default, or_default, read_object};
use crate::core::sealing::{KeyFile, SealingKey};
use crate::core::FieldError;

/// The whole configuration, after checking. Any field not listed here is
/// refused by name, so a misspelt setting is caught.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(deserialize_with = "object")]
    pub organisation: Organisation,
    #[serde(default, deserialize_with = "object_or_default")]
    pub service: ServiceText,
    #[serde(deserialize_with = "object")]
    pub referral: Referral,
    #[serde(deserialize_with = "object")]
    pub directory: DirectorySource,
    #[serde(default, deserialize_with = "object_or_default")]
    pub postcodes: PostcodeSource,
    #[serde(default, deserialize_with = "object_or_default")]
    pub questions: QuestionSource,
    #[serde(default, deserialize_with = "object_or_default")]
    pub theme: Theme,
    #[serde(default, deserialize_with = "object_or_default")]
    pub kiosk: Kiosk,
    #[serde(default, deserialize_with = "object_or_default")]
    pub map: MapSource,
    /// Where the quick-exit button sends the person: a neutral page.
    #[serde(default = "default_quick_exit_url")]
    pub quick_exit_url: String,
    /// The language a visit starts in, e.g. `en` (one of `languages`).
    #[serde(default = "default_language")]
    pub language: String,
    /// The languages offered in the language control; every shipped one
    /// unless the deployment lists fewer.
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
}

/// The charity or link-worker service that runs this widget and receives referrals.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    /// A phone number people can ring if nobody replies, in its usual written form.
    pub phone: String,
    pub phone_hours: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// Wording about the service that differs between deployments.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceText {
    /// How many working days a reply usually takes.
    #[serde(default = "default_reply_days")]
    pub reply_within_working_days: u32,
    /// How long referral data is kept, in words, e.g. "12 months".
    #[serde(default = "default_retention")]
    pub data_kept_for: String,
}

impl Default for ServiceText {
    fn default() -> Self {
        Self { reply_within_working_days: default_reply_days(), data_kept_for: default_retention() }
    }
}

/// Where and how a referral is sent.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    pub endpoint: String,
    #[serde(default, deserialize_with = "or_default")]
    pub format: ReferralFormat,
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u32,
    /// The charity's public key (a P-256 JWK): when set, every referral is
    /// sealed to it before it is kept or sent (`core::sealing`).
    #[serde(default)]
    pub public_key: Option<JwkText>,
}

/// A JWK as written in the config, read by [`KeyFile::read`].
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct JwkText(Box<serde_json::value::RawValue>);

impl PartialEq for JwkText {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl JwkText {
    fn checked(&self) -> Result<SealingKey, FieldError> {
        KeyFile::read(self.0.get(), "referral.public_key")?.public_key("referral.public_key")
    }
}

impl Referral {
    /// The key referrals are sealed to, once the config is checked.
    pub fn sealing_key(&self) -> Option<SealingKey> {
        self.public_key.as_ref()?.checked().ok()
    }
}

/// How the referral body is encoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum ReferralFormat {
    /// `application/json` with an `Idempotency-Key` header.
    #[default]
    Json,
    /// `application/x-www-form-urlencoded`, for form services that take no JSON.
    Form,
    /// A prepared email, as a last resort.
    Mailto,
}

impl TryFrom<String> for ReferralFormat {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        match name.as_str() {
            "json" => Ok(ReferralFormat::Json),
            "form" => Ok(ReferralFormat::Form),
            "mailto" => Ok(ReferralFormat::Mailto),
            other => Err(format!("\"{other}\" is not one of json, form, mailto")),
        }
    }
}

/// Where the Open Referral UK directory is: one file (`url`), or a folder
/// of area tiles (`tiles`, see `core::tiles`) for large directories.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "DirectoryFile")]
pub struct DirectorySource {
    /// The file, or with `tiled` the folder (ending in `/`).
    pub url: String,
    pub tiled: bool,
    /// Only show services of this organisation id (for a charity's own site).
    pub organisation_id: Option<String>,
}

/// `directory` as written: one of `url` and `tiles`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectoryFile {
    url: Option<String>,
    tiles: Option<String>,
    organisation_id: Option<String>,
}

impl TryFrom<DirectoryFile> for DirectorySource {
    type Error = &'static str;

    fn try_from(file: DirectoryFile) -> Result<Self, Self::Error> {
        let (url, tiled) = match (file.url, file.tiles) {
            (Some(url), None) => (url, false),
            (None, Some(folder)) => (folder, true),
            _ => {
                return Err("needs either \"url\" (one directory file) or \"tiles\" (a folder of area tiles)")
            }
        };
        Ok(DirectorySource { url, tiled, organisation_id: file.organisation_id })
    }
}

/// Where the postcode centroid tables are.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostcodeSource {
    pub url: String,
}

impl Default for PostcodeSource {
    fn default() -> Self {
        Self { url: "postcodes/".into() }
    }
}

/// Where the question set is.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSource {
    pub url: String,
}

impl Default for QuestionSource {
    fn default() -> Self {
        Self { url: "questions/default.json".into() }
    }
}

/// Colours that let the widget take its host's brand. Each is a `#rgb` or `#rrggbb` hex colour.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub primary: Option<String>,
    pub primary_dark: Option<String>,
    pub header_background: Option<String>,
    pub header_text: Option<String>,
}

/// The map's basemap (`docs/map.md`): a PMTiles file on the deployment's own
/// site, read with HTTP range requests. With none, no map is offered.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapSource {
    pub basemap: Option<String>,
}

/// Settings for a shared screen in a waiting room.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kiosk {
    #[serde(default)]
    pub enabled: bool,
    /// Seconds without a touch before "Are you still there?".
    #[serde(default = "default_idle")]
    pub idle_seconds: u32,
    /// Seconds of countdown before everything is wiped.
    #[serde(default = "default_warning")]
    pub warning_seconds: u32,
}

impl Default for Kiosk {
    fn default() -> Self {
        Self { enabled: false, idle_seconds: default_idle(), warning_seconds: default_warning() }
    }
}

fn default_quick_exit_url() -> String {
    "https://www.bbc.co.uk/weather".into()
}
fn default_language() -> String {
    "en".into()
}
fn default_languages() -> Vec<String> {
    crate::core::i18n::LANGUAGES.iter().map(|l| l.code.to_string()).collect()
}
fn default_reply_days() -> u32 {
    5
}
fn default_retention() -> String {
    "12 months".into()
}
fn default_timeout() -> u32 {
    15
}
fn default_idle() -> u32 {
    120
}
fn default_warning() -> u32 {
    30
}

impl Config {
    /// Parses and checks `config.json`.
    ///
    /// ```
    /// use waymark::core::config::Config;
    /// let text = r#"{
    ///   "organisation": { "name": "Somerset Connect", "phone": "01823 000000" },
    ///   "referral": { "endpoint": "https://forms.example.org/referrals" },
    ///   "directory": { "url": "data/somerset-sample.json" }
    /// }"#;
    /// let config = Config::parse(text).unwrap();
    /// assert_eq!(config.organisation.name, "Somerset Connect");
    ///
    /// let err = Config::parse(&text.replace("https://forms", "http://forms")).unwrap_err();
    /// assert_eq!(err.field, "referral.endpoint");
    /// ```
    pub fn parse(text: &str) -> Result<Config, FieldError> {
        let config: Config = read_object(text)?;
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), FieldError> {
        require_text("organisation.name", &self.organisation.name)?;
        require_text("organisation.phone", &self.organisation.phone)?;
        if self.organisation.phone.chars().filter(char::is_ascii_digit).count() < 3 {
            return Err(FieldError::new("organisation.phone", "must be a phone number, e.g. 01823 000000"));
        }
        if let Some(website) = &self.organisation.website {
            require_web_address("organisation.website", website)?;
        }
        self.check_endpoint()?;
        if let Some(key) = &self.referral.public_key {
            key.checked()?;
        }
        if !(3..=120).contains(&self.referral.timeout_seconds) {
            return Err(FieldError::new("referral.timeout_seconds", "must be between 3 and 120"));
        }
        let directory_field = if self.directory.tiled { "directory.tiles" } else { "directory.url" };
        require_relative_or_https(directory_field, &self.directory.url)?;
        require_relative_or_https("postcodes.url", &self.postcodes.url)?;
        require_relative_or_https("questions.url", &self.questions.url)?;
        require_web_address("quick_exit_url", &self.quick_exit_url)?;
        if let Some(basemap) = &self.map.basemap {
            require_basemap(basemap)?;
        }
        let colours = [
            ("theme.primary", &self.theme.primary),
            ("theme.primary_dark", &self.theme.primary_dark),
            ("theme.header_background", &self.theme.header_background),
            ("theme.header_text", &self.theme.header_text),
        ];
        for (field, colour) in colours {
            if let Some(colour) = colour {
                if !is_hex_colour(colour) {
                    return Err(FieldError::new(field, format!("\"{colour}\" is not a colour like #005eb8")));
                }
            }
        }
        if self.kiosk.idle_seconds < 30 {
            return Err(FieldError::new(
                "kiosk.idle_seconds",
                "must be at least 30, so people have time to read",
            ));
        }
        if self.kiosk.warning_seconds < 10 {
            return Err(FieldError::new("kiosk.warning_seconds", "must be at least 10"));
        }
        if self.language.is_empty() || !self.language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(FieldError::new("language", "must be a language tag such as en or cy"));
        }
        let shipped: Vec<&str> = crate::core::i18n::LANGUAGES.iter().map(|l| l.code).collect();
        if let Some((i, code)) =
            self.languages.iter().enumerate().find(|(_, c)| !shipped.contains(&c.as_str()))
        {
            return Err(FieldError::new(
                format!("languages[{i}]"),
                format!("\"{code}\" is not a language Waymark has words for ({})", shipped.join(", ")),
            ));
        }
        // `en-GB` is English: the words are chosen by the main language.
        let main = self.language.split('-').next().unwrap_or_default().to_string();
        if !self.languages.contains(&self.language) && !self.languages.contains(&main) {
            return Err(FieldError::new("language", "must be one of the languages listed in \"languages\""));
        }
        Ok(())
    }

    fn check_endpoint(&self) -> Result<(), FieldError> {
        let endpoint = &self.referral.endpoint;
        let ok = match self.referral.format {
            ReferralFormat::Mailto => endpoint.starts_with("mailto:") && endpoint.contains('@'),
            _ => is_https(endpoint) || is_local_http(endpoint),
        };
        if ok {
            return Ok(());
        }
        let problem = match self.referral.format {
            ReferralFormat::Mailto => {
                "must be an address like mailto:referrals@example.org when format is mailto"
            }
            _ => "must start with https:// (personal data is only ever sent encrypted)",
        };
        Err(FieldError::new("referral.endpoint", problem))
    }

    /// The theme colours as CSS custom properties, ready to set on the page.
    pub fn theme_properties(&self) -> Vec<(&'static str, &str)> {
        let t = &self.theme;
        [
            ("--wm-color-primary", &t.primary),
            ("--wm-color-primary-dark", &t.primary_dark),
            ("--wm-color-header-bg", &t.header_background),
            ("--wm-color-header-text", &t.header_text),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
        .collect()
    }
}

fn require_text(field: &str, value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        Err(FieldError::new(field, "must not be empty"))
    } else {
        Ok(())
    }
}

fn is_https(url: &str) -> bool {
    url.len() > "https://".len() && url.starts_with("https://")
}

/// Plain http is only allowed to this machine, for trying the widget out and for tests.
fn is_local_http(url: &str) -> bool {
    ["http://localhost", "http://127.0.0.1"].iter().any(|prefix| {
        url.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
    })
}

/// Browsers drop tabs and newlines from addresses and read `\` as `/`, so
/// `/\evil.example` or `/\t/evil.example` would leave the site: an address
/// holding any of them is refused.
fn is_unambiguous(url: &str) -> bool {
    !url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// A path on this site: `/…` but not `//…` (another host).
fn is_site_path(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}

/// A path relative to the page, with no scheme (`javascript:x`, `data:…`).
fn is_relative_path(url: &str) -> bool {
    let before_path = url.split(['/', '?', '#']).next().unwrap_or("");
    !url.is_empty() && !url.starts_with("//") && !before_path.contains(':')
}

fn require_web_address(field: &str, url: &str) -> Result<(), FieldError> {
    if is_unambiguous(url) && (is_https(url) || is_local_http(url) || is_site_path(url)) {
        Ok(())
    } else {
        Err(FieldError::new(field, "must be a web address starting with https://"))
    }
}

fn require_relative_or_https(field: &str, url: &str) -> Result<(), FieldError> {
    if is_unambiguous(url) && (is_relative_path(url) || is_https(url) || is_local_http(url)) {
        Ok(())
    } else {
        Err(FieldError::new(
            field,
            "must be a path on this site (like data/directory.json) or start with https://",
        ))
    }
}

/// Tiles only from this site: a map from another would learn which places
/// each visitor looks at.
fn require_basemap(url: &str) -> Result<(), FieldError> {
    let file = url.split(['?', '#']).next().unwrap_or_default();
    if is_unambiguous(url) && (is_relative_path(url) || is_site_path(url)) && file.ends_with(".pmtiles") {
        Ok(())
    } else {
        Err(FieldError::new(
            "map.basemap",
            "must be a .pmtiles file on this site (like map/somerset.pmtiles), never another site's address",
        ))
    }
}

fn is_hex_colour(value: &str) -> bool {
    value
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}
