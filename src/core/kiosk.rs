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

/// For a link to `href` (absolute, as the browser resolved it) on a page
/// at `origin`: `None` if it stays in the widget, else the address as a
/// person would write it down (a phone number, an email address, a web
/// address without `https://`).
///
/// ```
/// use waymark::core::kiosk::leaves_widget;
/// let here = "https://help.example";
/// assert_eq!(leaves_widget("https://help.example/group/a1", here), None);
/// assert_eq!(leaves_widget("tel:116123", here).as_deref(), Some("116123"));
/// assert_eq!(leaves_widget("sms:85258?body=SHOUT", here).as_deref(), Some("85258"));
/// assert_eq!(leaves_widget("https://www.openstreetmap.org/directions?to=1", here).as_deref(),
///            Some("www.openstreetmap.org/directions?to=1"));
/// ```
pub fn leaves_widget(href: &str, origin: &str) -> Option<String> {
    if href.starts_with(origin) && href[origin.len()..].chars().next().is_none_or(|c| c == '/') {
        return None;
    }
    let (scheme, rest) = href.split_once(':')?;
    let written = match scheme {
        "tel" | "sms" => rest.split('?').next().unwrap_or(rest),
        "mailto" => rest.split('?').next().unwrap_or(rest),
        "http" | "https" => rest.trim_start_matches("//"),
        // blob:, data: and the like are the widget's own (a printout, a download).
        _ => return None,
    };
    Some(written.to_string())
}
