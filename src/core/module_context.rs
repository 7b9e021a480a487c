//! What the widget hands each module it opens (`modules/*`): a small JSON
//! object, written by the widget and read by the module with these types.
//! Every field may be missing, so an older page and a newer module still agree.

use serde::{Deserialize, Serialize};

/// For the referral pages (`modules/refer`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferContext {
    /// The address of the config in use.
    pub config: String,
    /// Only try the outbox again; show nothing.
    pub resend: bool,
    /// The postcode the person searched near, if any.
    pub postcode: String,
    /// The answers to the needs check, as `Answers::to_json` writes them.
    pub answers: String,
    /// The groups the person chose.
    pub services: Vec<ChosenService>,
}

/// A group chosen for the referral, and the peer mentor chosen in it, if any.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChosenService {
    pub id: String,
    pub name: String,
    /// Empty for none.
    pub organisation: String,
    /// Empty for none.
    pub mentor_id: String,
    /// The mentor's first name.
    pub mentor: String,
}

/// For the hand-off QR code (`modules/handoff`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HandoffContext {
    /// The page address the code holds.
    pub url: String,
    /// What screen readers say for the code.
    pub label: String,
}

/// A module's context from its JSON; `None` if it is not one.
///
/// ```
/// use waymark::core::module_context::{read_context, HandoffContext};
/// let c: HandoffContext = read_context(r#"{ "url": "https://e.org/group/a", "extra": 1 }"#).unwrap();
/// assert_eq!(c.url, "https://e.org/group/a");
/// assert_eq!(c.label, "");
/// assert_eq!(read_context::<HandoffContext>("not JSON"), None);
/// ```
pub fn read_context<T: for<'de> Deserialize<'de>>(json: &str) -> Option<T> {
    serde_json::from_str(json).ok()
}

/// A module's context as JSON.
pub fn write_context<T: Serialize>(context: &T) -> String {
    serde_json::to_string(context).unwrap_or_default()
}
