//! Options the widget's own address can carry, so one deployment serves a
//! charity's website, a waiting-room screen and a phone: `?mode=kiosk`,
//! `?organisation=<id>` (only that organisation's services) and
//! `?embed=<host origin>` (set by `embed.js` when the widget is in an iframe).

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
