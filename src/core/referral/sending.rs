//! What to do after each attempt to send: done, try again later (and when),
//! or stop and tell the person. The same referral id is sent every time.

use serde::{Deserialize, Serialize};

/// How an attempt ended, from the HTTP status (`None`: no answer at all,
/// such as no network, a timeout or a refused connection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The receiver has it (any 2xx).
    Sent,
    /// Worth trying again: no answer, a server error (5xx) or "too many
    /// requests" (429).
    TryAgain,
    /// The receiver refused it (another 4xx): sending it again would not help.
    Refused,
}

/// ```
/// use waymark::core::referral::{outcome, Outcome};
/// assert_eq!(outcome(Some(201)), Outcome::Sent);
/// assert_eq!(outcome(Some(503)), Outcome::TryAgain);
/// assert_eq!(outcome(Some(429)), Outcome::TryAgain);
/// assert_eq!(outcome(Some(400)), Outcome::Refused);
/// assert_eq!(outcome(None), Outcome::TryAgain);
/// ```
pub fn outcome(status: Option<u16>) -> Outcome {
    match status {
        Some(200..=299) => Outcome::Sent,
        Some(429) | Some(500..=599) | None => Outcome::TryAgain,
        Some(_) => Outcome::Refused,
    }
}

/// Attempts made while the person waits on the page, before the referral
/// is left in the outbox to be resent when the browser is back online or
/// the widget is next opened.
pub const ATTEMPTS_WHILE_WAITING: u32 = 4;

/// Seconds to wait before attempt `attempt` (1 is the first retry):
/// 1, 2, then 4 seconds, and `None` once the waiting attempts are used up.
/// A `Retry-After` the receiver sent (in seconds) is respected up to a minute.
///
/// ```
/// use waymark::core::referral::retry_delay;
/// assert_eq!(retry_delay(1, None), Some(1));
/// assert_eq!(retry_delay(3, None), Some(4));
/// assert_eq!(retry_delay(2, Some(30)), Some(30));
/// assert_eq!(retry_delay(4, None), None);
/// ```
pub fn retry_delay(attempt: u32, retry_after: Option<u32>) -> Option<u32> {
    if attempt == 0 || attempt >= ATTEMPTS_WHILE_WAITING {
        return None;
    }
    let backoff = 1u32 << (attempt - 1).min(5);
    Some(retry_after.map_or(backoff, |asked| asked.clamp(backoff, 60)))
}

/// How long a referral may wait in a phone's outbox. It holds the person's
/// name, contact details and health answers, so it is not kept for ever on a
/// device that may be lost or shared while the receiver keeps failing.
pub const OUTBOX_KEEP_DAYS: i64 = 7;

/// Whether a referral put in the outbox at `kept_unix` is past its time at
/// `now_unix`. A clock that reads earlier than when it was kept never deletes it:
/// losing a referral is worse than keeping it a little longer.
///
/// ```
/// use waymark::core::referral::outbox_expired;
/// let kept = 1_796_126_400;
/// assert!(!outbox_expired(kept, kept + 6 * 86_400));
/// assert!(outbox_expired(kept, kept + 7 * 86_400));
/// assert!(!outbox_expired(kept, kept - 86_400));
/// ```
pub fn outbox_expired(kept_unix: i64, now_unix: i64) -> bool {
    now_unix.saturating_sub(kept_unix) >= OUTBOX_KEEP_DAYS * 86_400
}

/// A referral ready to go, and as kept in the outbox on the person's device
/// (a JSON list of these; a field missing from an older release's entry is empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outgoing {
    /// The referral id, also the `Idempotency-Key`.
    pub id: String,
    pub reference: String,
    pub endpoint: String,
    /// `json` or `form`.
    pub format: String,
    pub body: String,
    /// When it went into the outbox (seconds since the epoch); 0 until then.
    pub kept_unix: i64,
}

/// The outbox as read at some moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox {
    /// Still to be sent.
    pub waiting: Vec<Outgoing>,
    /// Kept past [`OUTBOX_KEEP_DAYS`]: to be deleted, not sent.
    pub expired: Vec<Outgoing>,
    /// Whether the stored list must be written back (something expired, or
    /// an entry from an earlier release had no time and is given one).
    pub changed: bool,
}

/// Sorts the stored `items` at `now_unix`. An entry kept by an earlier
/// release, which wrote no time, starts its week now; one with no id or
/// address could never be sent and is left out.
///
/// ```
/// use waymark::core::referral::{read_outbox, Outgoing};
/// let entry = |id: &str, kept_unix| Outgoing { id: id.into(), endpoint: "https://e.org".into(), kept_unix, ..Default::default() };
/// let now = 1_796_126_400;
/// let outbox = read_outbox(vec![entry("old", now - 8 * 86_400), entry("new", now - 86_400), entry("", now)], now);
/// assert_eq!(outbox.waiting, vec![entry("new", now - 86_400)]);
/// assert_eq!(outbox.expired, vec![entry("old", now - 8 * 86_400)]);
/// assert!(outbox.changed);
/// assert_eq!(read_outbox(vec![entry("untimed", 0)], now).waiting, vec![entry("untimed", now)]);
/// ```
pub fn read_outbox(items: Vec<Outgoing>, now_unix: i64) -> Outbox {
    let untimed = items.iter().any(|o| o.kept_unix == 0);
    let (expired, waiting): (Vec<_>, Vec<_>) = items
        .into_iter()
        .map(|o| Outgoing { kept_unix: if o.kept_unix == 0 { now_unix } else { o.kept_unix }, ..o })
        .filter(|o| !o.id.is_empty() && !o.endpoint.is_empty())
        .partition(|o| outbox_expired(o.kept_unix, now_unix));
    let changed = untimed || !expired.is_empty();
    Outbox { waiting, expired, changed }
}
