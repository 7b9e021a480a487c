//! The rules of a shared screen, such as a GP waiting room's: when an idle
//! screen warns and then wipes itself, and which links would leave the
//! widget (a kiosk hands those to the person's phone as a QR code instead).

/// Where an idle screen is, given how long nobody has touched it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePhase {
    /// Someone may still be using it.
    InUse,
    /// "Are you still there?", with this many seconds left.
    Warning { seconds_left: u32 },
    /// Time is up: wipe everything and start again.
    Reset,
}

/// The phase after `idle_for` seconds untouched, when the warning comes
/// after `idle_seconds` and lasts `warning_seconds`.
///
/// ```
/// use waymark::core::kiosk::{idle_phase, IdlePhase};
/// assert_eq!(idle_phase(119, 120, 30), IdlePhase::InUse);
/// assert_eq!(idle_phase(120, 120, 30), IdlePhase::Warning { seconds_left: 30 });
/// assert_eq!(idle_phase(149, 120, 30), IdlePhase::Warning { seconds_left: 1 });
/// assert_eq!(idle_phase(150, 120, 30), IdlePhase::Reset);
/// ```
pub fn idle_phase(idle_for: u32, idle_seconds: u32, warning_seconds: u32) -> IdlePhase {
    match idle_for.checked_sub(idle_seconds) {
        None => IdlePhase::InUse,
        Some(into_warning) if into_warning < warning_seconds => {
            IdlePhase::Warning { seconds_left: warning_seconds - into_warning }
        }
        Some(_) => IdlePhase::Reset,
    }
}

/// For a link to `href` (absolute, as the browser resolved it) on a widget
/// hosted at `base` (its folder's address, ending in `/`): `None` if the
/// link stays in the widget, else the address as a person would write it
/// down (a phone number, an email address, a web address without `https://`).
///
/// ```
/// use waymark::core::kiosk::leaves_widget;
/// let base = "https://charity.example/find/";
/// assert_eq!(leaves_widget("https://charity.example/find/group/a1", base), None);
/// assert_eq!(leaves_widget("https://charity.example/walks", base).as_deref(), Some("charity.example/walks"));
/// assert_eq!(leaves_widget("tel:116123", base).as_deref(), Some("116123"));
/// assert_eq!(leaves_widget("sms:85258?body=SHOUT", base).as_deref(), Some("85258"));
/// assert_eq!(leaves_widget("geo:51.01,-3.1", base).as_deref(), Some("geo:51.01,-3.1"));
/// ```
pub fn leaves_widget(href: &str, base: &str) -> Option<String> {
    let in_folder = base.strip_suffix('/').is_some_and(|folder| href == folder);
    if href.starts_with(base) || in_folder {
        return None;
    }
    let (scheme, rest) = href.split_once(':')?;
    let written = match scheme {
        "tel" | "sms" | "mailto" => rest.split('?').next().unwrap_or(rest),
        "http" | "https" => rest.trim_start_matches("//"),
        // Made by the widget itself, on this device (a printout, a download).
        "blob" | "data" => return None,
        _ => href,
    };
    Some(written.to_string())
}

/// The address query a kiosk's next session starts with: this one without
/// `lang`, so every session starts in the config's language.
///
/// ```
/// use waymark::core::kiosk::next_session_query;
/// assert_eq!(next_session_query("?mode=kiosk&lang=cy"), "?mode=kiosk");
/// assert_eq!(next_session_query("?lang=ar&mode=kiosk&config=x.json"), "?mode=kiosk&config=x.json");
/// assert_eq!(next_session_query("?lang=ar"), "");
/// assert_eq!(next_session_query(""), "");
/// ```
pub fn next_session_query(query: &str) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}
