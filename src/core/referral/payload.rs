//! The referral document a charity receives: versioned JSON (schema in
//! `public/referral.schema.json`), mapping onto the PRSB Social Prescribing
//! Information Standard's "referral to social prescribing services" model,
//! and the same fields flattened for form services that take no JSON.

use crate::core::json::Value;
use crate::core::questions::{NeedsProfile, QuestionSet};
use crate::core::referral::contact::uk_phone;
use crate::core::referral::form::{ForWhom, ReferralForm};
use crate::core::referral::ids::ReferralIds;
use crate::core::schedule::utc_timestamp;

/// The version of the document's shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Where the referral was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// The widget's own page.
    Web,
    /// Embedded on another site (the host is recorded).
    Embed,
    /// A shared screen, such as a GP waiting room.
    Kiosk,
}

/// Everything about a referral besides the form: who made it when, where,
/// and what they agreed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    pub ids: ReferralIds,
    pub created_unix: i64,
    pub channel: Channel,
    /// The embedding site's origin, for `Channel::Embed`.
    pub host: Option<String>,
    /// The organisation that receives the referral.
    pub recipient: String,
    /// The consent statement exactly as shown, and when it was agreed.
    pub consent_text: String,
    pub consent_unix: i64,
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn optional(s: &str) -> Value {
    if s.trim().is_empty() {
        Value::Null
    } else {
        Value::String(s.trim().to_string())
    }
}

fn object(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// The referral document. `form` must have no problems; `what_matters` is
/// the person's own words from the check, if any.
pub fn referral_document(
    form: &ReferralForm,
    envelope: &Envelope,
    set: &QuestionSet,
    profile: &NeedsProfile,
    what_matters: &str,
    date_of_birth: Option<String>,
) -> Value {
    let (for_whom, agreed) = match form.for_whom {
        Some(ForWhom::SomeoneElse { agreed }) => ("someone-else", Value::Bool(agreed)),
        _ => ("self", Value::Null),
    };
    let needs = profile
        .needs
        .iter()
        .map(|n| {
            let label = set.need(&n.need).map_or(n.need.as_str(), |need| need.label.as_str());
            object(vec![
                ("id", text(&n.need)),
                ("label", text(label)),
                ("reasons", Value::Array(n.reasons.iter().map(|r| text(r)).collect())),
            ])
        })
        .collect();
    let services = form
        .services
        .iter()
        .map(|s| {
            object(vec![
                ("id", text(&s.id)),
                ("name", text(&s.name)),
                ("organisation", s.organisation.as_deref().map_or(Value::Null, text)),
            ])
        })
        .collect();
    let mentor = form
        .mentor
        .as_ref()
        .map_or(Value::Null, |(id, name)| object(vec![("id", text(id)), ("first_name", text(name))]));
    let phone = uk_phone(&form.phone).map_or(Value::Null, |p| text(&p));
    let uses_phone = form.methods.iter().any(|m| m.id() != "email");
    object(vec![
        ("schema_version", Value::Number(f64::from(SCHEMA_VERSION))),
        ("referral_id", text(&envelope.ids.id)),
        ("reference", text(&envelope.ids.reference)),
        ("created", text(&utc_timestamp(envelope.created_unix))),
        (
            "source",
            object(vec![
                (
                    "channel",
                    text(match envelope.channel {
                        Channel::Web => "web",
                        Channel::Embed => "embed",
                        Channel::Kiosk => "kiosk",
                    }),
                ),
                ("host", envelope.host.as_deref().map_or(Value::Null, text)),
            ]),
        ),
        ("recipient", text(&envelope.recipient)),
        (
            "person",
            object(vec![
                ("name", text(form.name.trim())),
                ("referral_for", text(for_whom)),
                ("person_agreed", agreed),
                ("postcode", postcode_or_null(&form.postcode)),
                ("date_of_birth", date_of_birth.map_or(Value::Null, |d| text(&d))),
                ("gp_surgery", optional(&form.gp_surgery)),
            ]),
        ),
        (
            "contact",
            object(vec![
                ("methods", Value::Array(form.methods.iter().map(|m| text(m.id())).collect())),
                (
                    "email",
                    if form.methods.iter().any(|m| m.id() == "email") {
                        optional(&form.email)
                    } else {
                        Value::Null
                    },
                ),
                ("phone", if uses_phone { phone } else { Value::Null }),
                ("best_time", optional(&form.best_time)),
                ("may_leave_message", form.may_leave_message.map_or(Value::Null, Value::Bool)),
            ]),
        ),
        (
            "consent",
            object(vec![
                ("given", Value::Bool(form.consent)),
                ("statement", text(&envelope.consent_text)),
                ("time", text(&utc_timestamp(envelope.consent_unix))),
            ]),
        ),
        ("needs", Value::Array(needs)),
        ("what_matters", optional(what_matters)),
        (
            "support_requested",
            object(vec![("services", Value::Array(services)), ("preferred_mentor", mentor)]),
        ),
        ("first_visit", optional(&form.first_visit)),
    ])
}

fn postcode_or_null(typed: &str) -> Value {
    match crate::core::postcode::Postcode::parse(typed) {
        Ok(postcode) => Value::String(postcode.to_string()),
        Err(_) => Value::Null,
    }
}

/// The document's fields flattened for `application/x-www-form-urlencoded`
/// (`person.name=…&support_requested.services.0.id=…`); nulls are left out.
///
/// ```
/// use waymark::core::json::parse_value;
/// use waymark::core::referral::form_encoded;
/// let doc = parse_value(r#"{"a":{"b":"x y&z","c":null},"l":[1,true]}"#).unwrap();
/// assert_eq!(form_encoded(&doc), "a.b=x+y%26z&l.0=1&l.1=true");
/// ```
pub fn form_encoded(document: &Value) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    flatten(document, String::new(), &mut pairs);
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

fn flatten(value: &Value, key: String, out: &mut Vec<(String, String)>) {
    let join = |k: &str| if key.is_empty() { k.to_string() } else { format!("{key}.{k}") };
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((key, b.to_string())),
        Value::Number(n) => out.push((key, value.as_i64().map_or(n.to_string(), |i| i.to_string()))),
        Value::String(s) => out.push((key, s.clone())),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| flatten(v, join(&i.to_string()), out))
        }
        Value::Object(fields) => fields.iter().for_each(|(k, v)| flatten(v, join(k), out)),
    }
}

/// Percent-encoding for form bodies (spaces as `+`).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
