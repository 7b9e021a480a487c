//! Options the widget's own address can carry, so one deployment serves a
//! charity's website, a waiting-room screen and a phone: `?mode=kiosk`,
//! `?organisation=<id>` (only that organisation's services) and
//! `?embed=<host origin>` (set by `embed.js` when the widget is in an iframe),
//! and `?config=<file>`, which is trusted only on the widget's own origin.

use crate::core::config::Config;

/// The options read from the page address, after checking.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// A shared screen: nothing is kept, and the screen resets when left idle.
    pub kiosk: bool,
    /// Show only services of this Open Referral UK organisation id.
    pub organisation: Option<String>,
    /// `?embed=` as given; see [`PageOptions::embed_host`].
    pub embed: Option<String>,
}

impl PageOptions {
    /// Reads the options through `param`, which gives the decoded value of a
    /// query parameter. Values that are not what they should be are ignored.
    ///
    /// ```
    /// use waymark::core::page_options::PageOptions;
    /// let query = [("mode", "kiosk"), ("embed", "https://charity.example"), ("organisation", "org-1")];
    /// let options = PageOptions::read(|name| {
    ///     query.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    /// });
    /// assert!(options.kiosk);
    /// assert_eq!(options.embed_host(), Some("https://charity.example"));
    /// assert_eq!(options.organisation.as_deref(), Some("org-1"));
    /// ```
    pub fn read(param: impl Fn(&str) -> Option<String>) -> PageOptions {
        PageOptions {
            kiosk: param("mode").as_deref() == Some("kiosk"),
            organisation: param("organisation").map(|id| id.trim().to_string()).filter(|id| !id.is_empty()),
            embed: param("embed"),
        }
    }

    /// The origin of the site the widget is embedded in, if `?embed=` is one.
    pub fn embed_host(&self) -> Option<&str> {
        self.embed.as_deref().filter(|origin| is_origin(origin))
    }

    /// Applies the options on top of the config file's settings: the address
    /// can turn kiosk mode on (never off) and narrow the directory.
    pub fn apply_to(&self, config: &mut Config) {
        config.kiosk.enabled |= self.kiosk;
        if self.organisation.is_some() {
            config.directory.organisation_id.clone_from(&self.organisation);
        }
    }
}

/// A web origin such as `https://charity.example` or `http://localhost:8000`:
/// a scheme, a host and perhaps a port, with nothing after.
pub fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else { return false };
    let (host, port) = rest.rsplit_once(':').unwrap_or((rest, ""));
    matches!(scheme, "https" | "http")
        && !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && port.chars().all(|c| c.is_ascii_digit())
        && port.len() <= 5
}

/// A web address as a WHATWG URL parser (the browser's `URL`, or the `url`
/// crate) breaks it up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedUrl {
    pub href: String,
    pub origin: String,
    pub pathname: String,
    pub username: String,
    pub password: String,
}

/// The config file a `?config=` value asks for, as an absolute address to
/// fetch, or `None` when it must not be followed.
///
/// A crafted link must never make the widget read another site's config: that
/// config names who receives the person's referral. So the raw value is
/// refused outright if it holds control characters, whitespace or
/// backslashes, or percent-encoded slashes, backslashes, dots, percent signs
/// or control characters: URL parsers drop or reinterpret those (a tab after
/// `/` turns `/\t/evil.example` into `//evil.example`). Otherwise it is
/// resolved by `parse` (a real URL parser, against the page's own address)
/// and followed only when the result has the page's origin, no user name or
/// password, and a path ending in `.json`. The address returned is the one
/// the parser produced, so what was checked is what is fetched.
///
/// ```
/// use waymark::core::page_options::{config_override, ParsedUrl};
/// // A stand-in parser for the example; the widget uses the browser's URL.
/// let parse = |raw: &str| {
///     raw.starts_with('/').then(|| ParsedUrl {
///         href: format!("https://widget.example{raw}"),
///         origin: "https://widget.example".into(),
///         pathname: raw.into(),
///         ..ParsedUrl::default()
///     })
/// };
/// assert_eq!(
///     config_override("/configs/kiosk.json", "https://widget.example", parse).as_deref(),
///     Some("https://widget.example/configs/kiosk.json")
/// );
/// assert_eq!(config_override("/\t/evil.example/c.json", "https://widget.example", parse), None);
/// ```
pub fn config_override(
    raw: &str,
    page_origin: &str,
    parse: impl FnOnce(&str) -> Option<ParsedUrl>,
) -> Option<String> {
    let lower = raw.to_ascii_lowercase();
    let encoded_trick = ["%2f", "%5c", "%2e", "%25"].iter().any(|code| lower.contains(code))
        || lower.match_indices('%').any(|(at, _)| {
            // An encoded control character: %00–%1F or %7F.
            let code = lower.get(at + 1..at + 3).unwrap_or("");
            code.starts_with('0') || code.starts_with('1') || code == "7f"
        });
    if raw.is_empty()
        || encoded_trick
        || raw.chars().any(|c| c.is_control() || c == '\\' || c.is_whitespace())
    {
        return None;
    }
    let url = parse(raw)?;
    let acceptable = url.origin == page_origin
        && !page_origin.is_empty()
        && page_origin != "null"
        && url.username.is_empty()
        && url.password.is_empty()
        && url.pathname.ends_with(".json")
        && !url.pathname.contains("//");
    acceptable.then_some(url.href)
}
