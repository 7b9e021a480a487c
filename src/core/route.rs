//! The widget's pages as a plain type: parsing an address into a page and
//! back, and the one place that decides what each page needs: the data it
//! waits for, and the HTML file it is written into at build time so it
//! paints before the code runs. The browser glue (history, links) is in
//! `web::router`; the build's use of it is `xtask prerender`.

/// One page of the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    /// The start of the needs check: goes on to the first question.
    Check,
    /// One question of the needs check, by question id.
    Question(String),
    /// Check your answers.
    CheckAnswers,
    Results,
    /// A group or peer-mentor scheme, by its directory id.
    Group(String),
    /// The groups the person saved, to print or come back to.
    Shortlist,
    /// Asking to be put in touch (the referral module draws its pages).
    Refer,
    Help,
    Privacy,
    Accessibility,
    Credits,
    NotFound,
}

impl Route {
    /// The page for an address path, relative to where the widget is hosted
    /// (`base`, e.g. `/` or `/support/`).
    ///
    /// ```
    /// use waymark::core::route::Route;
    /// assert_eq!(Route::parse("/help", "/"), Route::Help);
    /// assert_eq!(Route::parse("/support/group/abc-123", "/support/"), Route::Group("abc-123".into()));
    /// assert_eq!(Route::parse("/nowhere", "/"), Route::NotFound);
    /// ```
    pub fn parse(path: &str, base: &str) -> Route {
        let base = base.trim_end_matches('/');
        let path = path.strip_prefix(base).unwrap_or(path);
        let path = path.trim_end_matches('/');
        let mut parts = path.trim_start_matches('/').splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("", None) | ("index.html", None) => Route::Start,
            ("check", None) => Route::Check,
            ("check", Some(id)) if is_id(id) => Route::Question(id.to_string()),
            ("check-answers", None) => Route::CheckAnswers,
            ("results", None) => Route::Results,
            ("group", Some(id)) if is_id(id) => Route::Group(id.to_string()),
            ("shortlist", None) => Route::Shortlist,
            ("refer", None) => Route::Refer,
            ("help", None) => Route::Help,
            ("privacy", None) => Route::Privacy,
            ("accessibility", None) => Route::Accessibility,
            ("credits", None) => Route::Credits,
            _ => Route::NotFound,
        }
    }

    /// Whether the page shows directory services, so the directory must be
    /// loaded first (it is not fetched for the check or the start).
    ///
    /// ```
    /// use waymark::core::route::Route;
    /// assert!(Route::Results.needs_directory());
    /// assert!(!Route::Question("lonely".into()).needs_directory());
    /// ```
    pub fn needs_directory(&self) -> bool {
        matches!(self, Route::Results | Route::Group(_) | Route::Shortlist | Route::Refer)
    }

    /// The file of the build this page is written into at build time, so
    /// that the address paints its own content before the code runs (a
    /// static host serves `/help` from `help.html`). Other addresses are
    /// served `app.html`, the plain shell.
    ///
    /// ```
    /// use waymark::core::route::Route;
    /// assert_eq!(Route::Start.file(), "index.html");
    /// assert_eq!(Route::Group("abc".into()).file(), "group/abc.html");
    /// assert_eq!(Route::Question("lonely".into()).file(), "check/lonely.html");
    /// ```
    pub fn file(&self) -> String {
        match self {
            Route::Start => "index.html".to_string(),
            route => format!("{}.html", route.path("/").trim_start_matches('/')),
        }
    }

    /// Every page the build writes as HTML: each fixed page, each question
    /// of the check, and each group of a directory held in one file (a tiled
    /// or remote directory's groups are drawn by the app instead). Not the
    /// check's start, which only forwards to the first question.
    ///
    /// ```
    /// use waymark::core::route::Route;
    /// let pages = Route::prerendered(&["lonely"], &["walk-1"]);
    /// assert!(pages.contains(&Route::Group("walk-1".into())));
    /// assert!(pages.contains(&Route::Question("lonely".into())));
    /// assert!(!pages.contains(&Route::Check));
    /// ```
    pub fn prerendered(questions: &[&str], groups: &[&str]) -> Vec<Route> {
        let mut pages = vec![
            Route::Start,
            Route::CheckAnswers,
            Route::Results,
            Route::Shortlist,
            Route::Refer,
            Route::Help,
            Route::Privacy,
            Route::Accessibility,
            Route::Credits,
        ];
        pages.extend(questions.iter().filter(|id| is_id(id)).map(|id| Route::Question(id.to_string())));
        pages.extend(groups.iter().filter(|id| is_id(id)).map(|id| Route::Group(id.to_string())));
        pages
    }

    /// The address path of this page under `base`.
    ///
    /// ```
    /// use waymark::core::route::Route;
    /// assert_eq!(Route::Group("abc".into()).path("/"), "/group/abc");
    /// assert_eq!(Route::Start.path("/support/"), "/support/");
    /// ```
    pub fn path(&self, base: &str) -> String {
        let page = match self {
            Route::Start => "",
            Route::Check => "check",
            Route::Question(id) => return format!("{}/check/{id}", base.trim_end_matches('/')),
            Route::CheckAnswers => "check-answers",
            Route::Results => "results",
            Route::Group(id) => return format!("{}/group/{id}", base.trim_end_matches('/')),
            Route::Shortlist => "shortlist",
            Route::Refer => "refer",
            Route::Help => "help",
            Route::Privacy => "privacy",
            Route::Accessibility => "accessibility",
            Route::Credits => "credits",
            Route::NotFound => "not-found",
        };
        format!("{}/{page}", base.trim_end_matches('/'))
    }
}

/// Directory ids appear in addresses, so only plain characters are accepted
/// (and `~`, which separates a tiled directory's tile hint from the id).
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 160
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '~'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_round_trips_through_its_path() {
        let mut pages = Route::prerendered(&["lonely"], &["svc-0042"]);
        pages.push(Route::Check);
        for base in ["/", "/widget/", "/widget"] {
            for page in &pages {
                assert_eq!(&Route::parse(&page.path(base), base), page, "{page:?} under {base}");
            }
        }
    }

    #[test]
    fn each_prerendered_page_has_its_own_file() {
        let pages = Route::prerendered(&["lonely", "topics"], &["svc-1", "svc-2"]);
        let mut files: Vec<String> = pages.iter().map(Route::file).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), pages.len(), "two pages would share one file");
        assert!(files.iter().all(|f| f.ends_with(".html") && !f.starts_with('/') && f != "app.html"));
        // An id that cannot be an address gets no file (it could not be reached).
        assert_eq!(Route::prerendered(&[], &["a/b", "<x>"]).len(), pages.len() - 4);
    }

    #[test]
    fn trailing_slashes_and_unknown_paths() {
        assert_eq!(Route::parse("/help/", "/"), Route::Help);
        assert_eq!(Route::parse("/group/", "/"), Route::NotFound);
        assert_eq!(Route::parse("/group/a/b", "/"), Route::NotFound);
        assert_eq!(Route::parse("/group/<script>", "/"), Route::NotFound);
        assert_eq!(Route::parse("/HELP", "/"), Route::NotFound);
    }
}

/// Where the results page searched from, kept with its history entry as
/// text shaped like a fragment (`near=TA1%202AB&in=5f2c…`, or
/// `at=51.015,-3.101&in=…` for the browser's location) so a reload, Back and
/// Forward show the same list. History state is never part of the address:
/// a full postcode is personal data, and is neither sent nor listed in the
/// browser's history. `in` names the tab's search session (kept in its
/// session storage): a search is followed only in the session that made it,
/// so once quick exit has cleared storage, the entries left in the tab's
/// history lead nowhere.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptSearch {
    pub from: SearchedFrom,
    pub session: String,
}

/// What a search was made from.
#[derive(Clone, Debug, PartialEq)]
pub enum SearchedFrom {
    Postcode(String),
    /// Rounded to three decimal places (about 100 m): enough to rank by.
    Place(crate::core::geo::LatLon),
}

impl KeptSearch {
    /// The search in a fragment, if it holds one (with or without its `#`).
    /// Anything else there (a skip link's target, say) is no search.
    ///
    /// ```
    /// use waymark::core::route::{KeptSearch, SearchedFrom};
    /// let kept = KeptSearch::read("#near=TA1%202AB&in=5f2c").unwrap();
    /// assert_eq!(kept.from, SearchedFrom::Postcode("TA1 2AB".into()));
    /// assert_eq!(kept.session, "5f2c");
    /// assert_eq!(KeptSearch::read("#main-content"), None);
    /// ```
    pub fn read(fragment: &str) -> Option<KeptSearch> {
        let (mut from, mut session) = (None, None);
        for pair in fragment.trim_start_matches('#').split('&') {
            let (name, value) = pair.split_once('=')?;
            let value = percent_decode(value)?;
            match name {
                "near" if !value.trim().is_empty() && value.len() <= 16 => {
                    from = Some(SearchedFrom::Postcode(value))
                }
                "at" => {
                    let (lat, lon) = value.split_once(',')?;
                    // JSON's number syntax, as `fragment` writes it: serde_json's reader is
                    // in the download already, and `str::parse` would add 15 KB to it.
                    let number = |text: &str| serde_json::from_str::<f64>(text.trim()).ok();
                    let (lat, lon) = (number(lat)?, number(lon)?);
                    let at = crate::core::geo::LatLon::new(lat, lon);
                    from = Some(SearchedFrom::Place(at.is_in_uk_bounds().then_some(at)?));
                }
                "in" if (1..=32).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    session = Some(value)
                }
                _ => return None,
            }
        }
        Some(KeptSearch { from: from?, session: session? })
    }

    /// The fragment for this search, with its `#`.
    ///
    /// ```
    /// use waymark::core::geo::LatLon;
    /// use waymark::core::route::{KeptSearch, SearchedFrom};
    /// let kept = |from| KeptSearch { from, session: "5f2c".into() };
    /// assert_eq!(kept(SearchedFrom::Postcode("TA1 2AB".into())).fragment(), "#near=TA1%202AB&in=5f2c");
    /// assert_eq!(kept(SearchedFrom::Place(LatLon::new(51.01549, -3.10111))).fragment(), "#at=51.015,-3.101&in=5f2c");
    /// ```
    pub fn fragment(&self) -> String {
        let from = match &self.from {
            SearchedFrom::Postcode(postcode) => {
                let encoded: String = postcode
                    .bytes()
                    .map(|b| match b {
                        b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
                        _ => format!("%{b:02X}"),
                    })
                    .collect();
                format!("near={encoded}")
            }
            SearchedFrom::Place(at) => format!("at={},{}", thousandths(at.lat), thousandths(at.lon)),
        };
        format!("#{from}&in={}", self.session)
    }
}

/// A coordinate to three decimal places, by whole numbers: Rust's float
/// formatting would add 6 KB to the download for this one use. Only ever a
/// latitude or longitude inside the UK's bounds.
fn thousandths(x: f64) -> String {
    let scaled = (x * 1000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    format!("{sign}{}.{:03}", scaled.abs() / 1000, scaled.abs() % 1000)
}

/// `%XX` escapes (and `+` as written by forms) back into text; `None` if
/// they do not make UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod kept_search_tests {
    use super::*;
    use crate::core::geo::LatLon;

    fn kept(from: SearchedFrom) -> KeptSearch {
        KeptSearch { from, session: "0a1b2c3d4e5f".into() }
    }

    #[test]
    fn a_search_round_trips_through_its_fragment() {
        for searched in [
            kept(SearchedFrom::Postcode("TA1 2AB".into())),
            kept(SearchedFrom::Postcode("ta1".into())),
            kept(SearchedFrom::Place(LatLon::new(51.015, -3.101))),
        ] {
            assert_eq!(KeptSearch::read(&searched.fragment()), Some(searched.clone()), "{searched:?}");
        }
    }

    #[test]
    fn coordinates_are_written_to_three_places() {
        // Within half a thousandth (a tie such as 1.7685 may round either way: 50 m).
        for x in [51.01549, -3.10111, 0.0, -0.0004, -0.0006, 49.9, 60.8604, -8.65, 1.7685, -0.1276] {
            let written = thousandths(x);
            assert!((written.parse::<f64>().unwrap() - x).abs() <= 0.000_500_1, "{x} written {written}");
            assert_eq!(written.split_once('.').map(|(_, places)| places.len()), Some(3), "{written}");
        }
        assert_eq!(thousandths(-3.10111), "-3.101");
        assert_eq!(thousandths(-0.0006), "-0.001");
        assert_eq!(thousandths(51.0), "51.000");
    }

    #[test]
    fn a_fragment_shaped_like_an_attack_is_no_search() {
        for hostile in [
            "#near=TA1",
            "#in=abc",
            "#near=&in=ab",
            "#near=%&in=ab",
            "#near=%ZZ&in=ab",
            "#near=%FF%FE&in=ab",
            "#near=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&in=ab",
            "#near=TA1&in=not-hex",
            "#near=TA1&in=",
            "#near=TA1&in=0123456789abcdef0123456789abcdef0",
            "#at=91,0&in=ab",
            "#at=NaN,NaN&in=ab",
            "#at=1e400,1&in=ab",
            "#at=40.7,-74.0&in=ab",
            "#at=51.0&in=ab",
            "#near=TA1&in=ab&more=1",
            "#elsewhere=TA1",
            "",
        ] {
            assert_eq!(KeptSearch::read(hostile), None, "{hostile}");
        }
        // A postcode that is not one is still what was typed: the page says what is wrong with it.
        let odd = KeptSearch::read("#near=%3Cscript%3E&in=ab").unwrap();
        assert_eq!(odd.from, SearchedFrom::Postcode("<script>".into()));
    }
}
