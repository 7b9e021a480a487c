//! The widget's pages as a plain type: parsing an address into a page and
//! back. The browser glue (history, links) is in `web::router`; keeping the
//! rules here means they are tested natively, and the widget avoids a
//! general-purpose router it would pay for in download size.

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
        let pages = [
            Route::Start,
            Route::Check,
            Route::Question("lonely".into()),
            Route::CheckAnswers,
            Route::Results,
            Route::Group("svc-0042".into()),
            Route::Shortlist,
            Route::Refer,
            Route::Help,
            Route::Privacy,
            Route::Accessibility,
            Route::Credits,
        ];
        for base in ["/", "/widget/", "/widget"] {
            for page in &pages {
                assert_eq!(&Route::parse(&page.path(base), base), page, "{page:?} under {base}");
            }
        }
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
