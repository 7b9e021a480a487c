//! What travels when a referral is sealed: a small envelope naming the
//! referral (its id and reference, for the receiver's records and to drop
//! repeats) around the JWE, which holds everything personal.

use serde::{Deserialize, Serialize};

/// The envelope's `waymark` field: what this JSON is.
pub const ENVELOPE_KIND: &str = "sealed-referral";
/// The envelope's own version (`public/sealed-referral.schema.json`).
pub const ENVELOPE_VERSION: u32 = 1;

/// The envelope, as JSON (`json`) or as form fields (`form`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedEnvelope {
    pub waymark: String,
    pub version: u32,
    pub reference: String,
    pub referral_id: String,
    /// When it was made, UTC (`2026-12-07T10:00:00Z`).
    pub created: String,
    /// The referral document, sealed: a compact JWE.
    pub jwe: String,
}

impl SealedEnvelope {
    /// ```
    /// use waymark::core::sealing::SealedEnvelope;
    /// let envelope = SealedEnvelope::new("WM-K7Q2-9X", "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "2026-12-07T10:00:00Z", "eyJ..a.b.c");
    /// assert_eq!(envelope.to_json(), r#"{"waymark":"sealed-referral","version":1,"reference":"WM-K7Q2-9X","referral_id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","created":"2026-12-07T10:00:00Z","jwe":"eyJ..a.b.c"}"#);
    /// ```
    pub fn new(reference: &str, referral_id: &str, created: &str, jwe: &str) -> Self {
        SealedEnvelope {
            waymark: ENVELOPE_KIND.into(),
            version: ENVELOPE_VERSION,
            reference: reference.into(),
            referral_id: referral_id.into(),
            created: created.into(),
            jwe: jwe.into(),
        }
    }

    /// The envelope as JSON, in the order above. Its values are tokens JSON
    /// needs no escaping for (a reference, a UUID, a UTC time, a compact
    /// JWE), so it is written with `format!` rather than a serializer the
    /// widget would carry for it alone; `tests/sealing.rs` checks it against serde's.
    pub fn to_json(&self) -> String {
        format!(
            r#"{{"waymark":"{}","version":{},"reference":"{}","referral_id":"{}","created":"{}","jwe":"{}"}}"#,
            self.waymark, self.version, self.reference, self.referral_id, self.created, self.jwe
        )
    }

    /// The same fields as a form body (`application/x-www-form-urlencoded`):
    /// only the time's colons need encoding.
    ///
    /// ```
    /// use waymark::core::sealing::SealedEnvelope;
    /// let envelope = SealedEnvelope::new("WM-K7Q2-9X", "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "2026-12-07T10:00:00Z", "eyJ..a.b.c");
    /// assert_eq!(envelope.to_form(), "waymark=sealed-referral&version=1&reference=WM-K7Q2-9X&referral_id=1b4e28ba-2fa1-41d2-883f-0016d3cca427&created=2026-12-07T10%3A00%3A00Z&jwe=eyJ..a.b.c");
    /// ```
    pub fn to_form(&self) -> String {
        format!(
            "waymark={}&version={}&reference={}&referral_id={}&created={}&jwe={}",
            self.waymark,
            self.version,
            self.reference,
            self.referral_id,
            self.created.replace(':', "%3A"),
            self.jwe
        )
    }
}

/// Width of the JWE's lines in an email: under the 76 that mail clients
/// and quoted-printable keep, so no client rewraps it.
const LINE: usize = 64;

/// An email body for `mailto`: a line naming the reference, then the JWE
/// between marker lines, wrapped at 64 characters.
///
/// ```
/// let body = waymark::core::sealing::mailto_body("WM-K7Q2-9X", &"a".repeat(70));
/// assert!(body.contains("-----BEGIN WAYMARK REFERRAL-----\n"));
/// assert!(body.contains(&format!("\n{}\n{}\n-----END", "a".repeat(64), "a".repeat(6))));
/// ```
pub fn mailto_body(reference: &str, jwe: &str) -> String {
    let mut body = format!(
        "Referral {reference}, sealed: only the charity's Waymark inbox can open it.\n\
         Please send this email as it is, without changing the lines below.\n\n\
         -----BEGIN WAYMARK REFERRAL-----\n"
    );
    let bytes = jwe.as_bytes();
    for line in bytes.chunks(LINE) {
        body.push_str(&String::from_utf8_lossy(line));
        body.push('\n');
    }
    body.push_str("-----END WAYMARK REFERRAL-----\n");
    body
}
