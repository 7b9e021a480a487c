//! Reading what the inbox opened: the referral document inside a JWE, the
//! problems a link worker is told about, and the CSV export.

use serde::Deserialize;

use crate::core::referral::{ReferralDocument, SCHEMA_VERSION};

/// Why something given to the inbox could not be shown as a referral.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenProblem {
    /// Nothing in it looks like a sealed referral.
    NoReferral,
    /// Sealed some other way than ECDH-ES with A256GCM (named).
    OtherAlgorithm(String),
    /// Sealed to a key that is not open (its `kid`, if it has one).
    OtherKey(Option<String>),
    /// The AES-GCM check failed: changed after sealing, or damaged.
    Tampered,
    /// A document of a schema version this inbox does not read.
    UnknownVersion(u32),
    /// It opened, but what is inside is not a referral document.
    NotReferral(String),
}

impl OpenProblem {
    /// The sentence the inbox shows, after the file's name.
    ///
    /// ```
    /// use waymark::core::sealing::OpenProblem;
    /// assert_eq!(
    ///     OpenProblem::OtherKey(Some("waymark-2025".into())).message(),
    ///     "is sealed to the key \"waymark-2025\", which is not open: open that key's file too"
    /// );
    /// ```
    pub fn message(&self) -> String {
        match self {
            OpenProblem::NoReferral => "holds no sealed referral".into(),
            OpenProblem::OtherAlgorithm(alg) => {
                format!("is sealed with {alg}, which Waymark does not use (ECDH-ES with A256GCM)")
            }
            OpenProblem::OtherKey(Some(kid)) => {
                format!("is sealed to the key {kid:?}, which is not open: open that key's file too")
            }
            OpenProblem::OtherKey(None) => {
                "is sealed to a key that does not name itself, and no open key opens it".into()
            }
            OpenProblem::Tampered => {
                "did not pass the encryption's check: it was changed or damaged after it was sealed, so \
                 nothing of it is shown"
                    .into()
            }
            OpenProblem::UnknownVersion(v) => format!(
                "is a referral of schema version {v}, which this inbox does not read (it reads version \
                 {SCHEMA_VERSION}): open it with a newer Waymark inbox"
            ),
            OpenProblem::NotReferral(why) => format!("opened, but is not a referral document ({why})"),
        }
    }
}

#[derive(Deserialize)]
struct Versioned {
    schema_version: u32,
}

/// The referral document in a JWE's decrypted `plaintext`.
///
/// ```
/// use waymark::core::sealing::{read_referral, OpenProblem};
/// assert_eq!(read_referral(br#"{"schema_version":3}"#).unwrap_err(), OpenProblem::UnknownVersion(3));
/// assert!(matches!(read_referral(b"not json"), Err(OpenProblem::NotReferral(_))));
/// ```
pub fn read_referral(plaintext: &[u8]) -> Result<ReferralDocument, OpenProblem> {
    let version: Versioned =
        serde_json::from_slice(plaintext).map_err(|e| OpenProblem::NotReferral(e.to_string()))?;
    if version.schema_version != SCHEMA_VERSION {
        return Err(OpenProblem::UnknownVersion(version.schema_version));
    }
    serde_json::from_slice(plaintext).map_err(|e| OpenProblem::NotReferral(e.to_string()))
}

/// The CSV export's columns, in order (docs/receiving-referrals.md says
/// what each holds).
pub const CSV_COLUMNS: [&str; 29] = [
    "reference",
    "referral_id",
    "created",
    "channel",
    "host",
    "recipient",
    "name",
    "referral_for",
    "person_agreed",
    "postcode",
    "date_of_birth",
    "gp_surgery",
    "language",
    "contact_methods",
    "email",
    "phone",
    "best_time",
    "may_leave_message",
    "interpreter_wanted",
    "interpreter_language",
    "needs",
    "what_matters",
    "groups",
    "group_ids",
    "preferred_mentor",
    "first_visit",
    "consent_given",
    "consent_statement",
    "consent_time",
];

/// The referrals as CSV: UTF-8 with a byte-order mark (so Excel reads the
/// accents right), a header row of [`CSV_COLUMNS`], one row each; lists
/// joined with "; ", yes or no as `yes`/`no`, and nothing where nothing was
/// given. A cell starting with `=`, `+`, `-` or `@` gets a `'` before it, so
/// a spreadsheet never runs what a person typed as a formula.
///
/// ```
/// let csv = waymark::core::sealing::csv_export(&[]);
/// assert!(csv.starts_with("\u{feff}reference,referral_id,created,"));
/// ```
pub fn csv_export(referrals: &[ReferralDocument]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let _ = writer.write_record(CSV_COLUMNS);
    for r in referrals {
        let _ = writer.write_record(row(r).iter().map(|cell| guarded(cell)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

fn yes_no(value: Option<bool>) -> String {
    value.map_or(String::new(), |v| if v { "yes" } else { "no" }.to_string())
}

fn row(r: &ReferralDocument) -> [String; 29] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let services = &r.support_requested.services;
    [
        r.reference.clone(),
        r.referral_id.clone(),
        r.created.clone(),
        r.source.channel.clone(),
        text(&r.source.host),
        r.recipient.clone(),
        r.person.name.clone(),
        r.person.referral_for.clone(),
        yes_no(r.person.person_agreed),
        text(&r.person.postcode),
        text(&r.person.date_of_birth),
        text(&r.person.gp_surgery),
        r.person.language.clone(),
        r.contact.methods.join("; "),
        text(&r.contact.email),
        text(&r.contact.phone),
        text(&r.contact.best_time),
        yes_no(r.contact.may_leave_message),
        yes_no(r.interpreter.wanted),
        text(&r.interpreter.language),
        r.needs.iter().map(|n| n.label.as_str()).collect::<Vec<_>>().join("; "),
        text(&r.what_matters),
        services.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; "),
        services.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join("; "),
        r.support_requested.preferred_mentor.as_ref().map_or(String::new(), |m| m.first_name.clone()),
        text(&r.first_visit),
        yes_no(Some(r.consent.given)),
        r.consent.statement.clone(),
        r.consent.time.clone(),
    ]
}

fn guarded(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}
