//! What the widget keeps in this browser, under one table of keys, so quick
//! exit and a kiosk reset know everything there is to clear.

use leptos::prelude::window;

/// Every key the widget writes starts with this, so clearing our data never
/// touches a host site's storage on the same origin.
pub const STORAGE_PREFIX: &str = "waymark:";

/// The one table of what is kept, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The answers to the check, in this tab only (session storage).
    Answers,
    /// The saved groups (local storage).
    Shortlist,
    /// Referrals waiting to be sent from this phone (local storage).
    Outbox,
    /// The language the person chose (local storage).
    Language,
    /// The text size the person chose (local storage).
    TextSize,
    /// This tab's search session (session storage): see [`search_session`].
    SearchSession,
}

impl Key {
    /// The storage key, starting with [`STORAGE_PREFIX`].
    ///
    /// ```ignore
    /// assert_eq!(Key::Outbox.name(), "waymark:outbox");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Key::Answers => "waymark:answers",
            Key::Shortlist => "waymark:shortlist",
            Key::Outbox => "waymark:outbox",
            Key::Language => "waymark:language",
            Key::TextSize => "waymark:text-size",
            Key::SearchSession => "waymark:search-session",
        }
    }
}

/// Removes everything the widget has stored in this browser. (Through
/// web-sys: gloo-storage lists keys only by parsing every value as JSON,
/// which a host site's own values on the same origin need not be.)
pub fn clear_widget_storage() {
    for storage in [window().session_storage(), window().local_storage()] {
        let Ok(Some(storage)) = storage else { continue };
        let len = storage.length().unwrap_or(0);
        let ours: Vec<String> = (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(STORAGE_PREFIX))
            .collect();
        for key in ours {
            let _ = storage.remove_item(&key);
        }
    }
}

/// This tab's search session: a random name kept in session storage (made
/// on first use; `None` where nothing may be kept). The results page's
/// address carries it beside the search, and follows a search only when it
/// matches, so once "Exit this page" has cleared storage, the searches left
/// in the tab's history lead nowhere, and nothing says they were there.
pub fn search_session(create: bool) -> Option<String> {
    let session = window().session_storage().ok().flatten()?;
    if let Some(kept) = session.get_item(Key::SearchSession.name()).ok().flatten() {
        return Some(kept);
    }
    if !create {
        return None;
    }
    let bytes = crate::web::platform::sender::random_bytes()?;
    let name: String = bytes[..6].iter().map(|b| format!("{b:02x}")).collect();
    session.set_item(Key::SearchSession.name(), &name).ok()?;
    Some(name)
}

/// Whether the browser lets the widget keep things in local (or session)
/// storage. gloo-storage throws when it does not (a frame on another site
/// with third-party storage blocked, some private modes), so callers ask first.
pub fn storage_allowed(local: bool) -> bool {
    let storage = if local { window().local_storage() } else { window().session_storage() };
    matches!(storage, Ok(Some(_)))
}
