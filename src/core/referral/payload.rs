//! The referral document a charity receives: versioned JSON (schema in
//! `public/referral.schema.json`), mapping onto the PRSB Social Prescribing
//! Information Standard's "referral to social prescribing services" model,
//! and the same fields flattened for form services that take no JSON.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::core::questions::{NeedsProfile, QuestionSet};
use crate::core::referral::contact::uk_phone;
use crate::core::referral::form::{ForWhom, ReferralForm};
use crate::core::referral::ids::ReferralIds;
use crate::core::schedule::utc_timestamp;

/// The version of the document's shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

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

/// The referral document, in the shape `public/referral.schema.json`
/// describes (fields in this order; `None` is written as `null`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralDocument {
    pub schema_version: u32,
    pub referral_id: String,
    pub reference: String,
    pub created: String,
    pub source: Source,
    pub recipient: String,
    pub person: Person,
    pub contact: Contact,
    pub interpreter: Interpreter,
    pub consent: Consent,
    pub needs: Vec<NeedDocument>,
    pub what_matters: Option<String>,
    pub support_requested: SupportRequested,
    pub first_visit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// `web`, `embed` or `kiosk`.
    pub channel: String,
    pub host: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    /// `self` or `someone-else`.
    pub referral_for: String,
    /// For someone else: whether they agreed; `None` for oneself.
    pub person_agreed: Option<bool>,
    pub postcode: Option<String>,
    pub date_of_birth: Option<String>,
    pub gp_surgery: Option<String>,
    /// The language the widget was in (`en`, `cy`, `pl` …), so the reply can be in it.
    pub language: String,
}

/// Whether the person would like an interpreter, and for which language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interpreter {
    /// `None` when they did not say.
    pub wanted: Option<bool>,
    pub language: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub methods: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub best_time: Option<String>,
    pub may_leave_message: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub given: bool,
    pub statement: String,
    pub time: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedDocument {
    pub id: String,
    pub label: String,
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportRequested {
    pub services: Vec<ServiceDocument>,
    pub preferred_mentor: Option<MentorDocument>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDocument {
    pub id: String,
    pub name: String,
    pub organisation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentorDocument {
    pub id: String,
    pub first_name: String,
}

impl ReferralDocument {
    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Trimmed text, or `None` when blank.
fn optional(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
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
) -> ReferralDocument {
    let (referral_for, person_agreed) = match form.for_whom {
        Some(ForWhom::SomeoneElse { agreed }) => ("someone-else", Some(agreed)),
        _ => ("self", None),
    };
    let needs = profile
        .needs
        .iter()
        .map(|n| NeedDocument {
            id: n.need.clone(),
            label: set.need(&n.need).map_or(n.need.as_str(), |need| need.label.as_str()).to_string(),
            reasons: n.reasons.clone(),
        })
        .collect();
    let services = form
        .services
        .iter()
        .map(|s| ServiceDocument {
            id: s.id.clone(),
            name: s.name.clone(),
            organisation: s.organisation.clone(),
        })
        .collect();
    let preferred_mentor =
        form.mentor.as_ref().map(|(id, name)| MentorDocument { id: id.clone(), first_name: name.clone() });
    let uses_phone = form.methods.iter().any(|m| m.id() != "email");
    let uses_email = form.methods.iter().any(|m| m.id() == "email");
    ReferralDocument {
        schema_version: SCHEMA_VERSION,
        referral_id: envelope.ids.id.clone(),
        reference: envelope.ids.reference.clone(),
        created: utc_timestamp(envelope.created_unix),
        source: Source {
            channel: match envelope.channel {
                Channel::Web => "web",
                Channel::Embed => "embed",
                Channel::Kiosk => "kiosk",
            }
            .to_string(),
            host: envelope.host.clone(),
        },
        recipient: envelope.recipient.clone(),
        person: Person {
            name: form.name.trim().to_string(),
            referral_for: referral_for.to_string(),
            person_agreed,
            postcode: crate::core::postcode::Postcode::parse(&form.postcode).ok().map(|p| p.to_string()),
            date_of_birth,
            gp_surgery: optional(&form.gp_surgery),
            language: if form.language.is_empty() { "en".to_string() } else { form.language.clone() },
        },
        contact: Contact {
            methods: form.methods.iter().map(|m| m.id().to_string()).collect(),
            email: if uses_email { optional(&form.email) } else { None },
            phone: if uses_phone { uk_phone(&form.phone) } else { None },
            best_time: optional(&form.best_time),
            may_leave_message: form.may_leave_message,
        },
        interpreter: Interpreter {
            wanted: form.interpreter,
            language: if form.interpreter == Some(true) {
                optional(&form.interpreter_language)
            } else {
                None
            },
        },
        consent: Consent {
            given: form.consent,
            statement: envelope.consent_text.clone(),
            time: utc_timestamp(envelope.consent_unix),
        },
        needs,
        what_matters: optional(what_matters),
        support_requested: SupportRequested { services, preferred_mentor },
        first_visit: optional(&form.first_visit),
    }
}

/// A document's fields flattened for `application/x-www-form-urlencoded`
/// (`person.name=…&support_requested.services.0.id=…`), in its order;
/// nulls are left out, and numbers are written as the JSON writes them.
///
/// ```
/// use waymark::core::referral::form_encoded;
/// let doc = serde_json::json!({ "a": { "b": "x y&z", "c": null }, "l": [1, true, 2.5] });
/// assert_eq!(form_encoded(&doc), "a.b=x+y%26z&l.0=1&l.1=true&l.2=2.5");
/// ```
pub fn form_encoded(document: &impl Serialize) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Ok(json) = serde_json::value::to_raw_value(document) {
        flatten(String::new(), &json, &mut pairs);
    }
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// Adds the `key=value` pairs of the JSON `value` to `out`, the keys of
/// objects and the places in lists joined to `key` with dots. Values stay
/// JSON text until they are written, so a number is never turned into a
/// float and back (nor float formatting put in the download).
fn flatten(key: String, value: &RawValue, out: &mut Vec<(String, String)>) {
    let text = value.get().trim_start();
    let join = |key: &str, k: &str| if key.is_empty() { k.to_string() } else { format!("{key}.{k}") };
    match text.as_bytes().first() {
        Some(b'{') => {
            for (k, v) in object_entries(text).unwrap_or_default() {
                flatten(join(&key, &k), &v, out);
            }
        }
        Some(b'[') => {
            let items: Vec<Box<RawValue>> = serde_json::from_str(text).unwrap_or_default();
            for (i, v) in items.iter().enumerate() {
                flatten(join(&key, &i.to_string()), v, out);
            }
        }
        Some(b'"') => {
            if let Ok(s) = serde_json::from_str::<String>(text) {
                out.push((key, s));
            }
        }
        Some(b'n') | None => {}
        // true, false and numbers, as written.
        Some(_) => out.push((key, text.trim_end().to_string())),
    }
}

/// A JSON object's fields in the order written, each value still JSON
/// text; `None` if `text` is not an object.
///
/// ```
/// let entries = waymark::core::referral::object_entries(r#"{"b": [1], "a": "x"}"#).unwrap();
/// assert_eq!(entries.iter().map(|(k, v)| (k.as_str(), v.get())).collect::<Vec<_>>(), [("b", "[1]"), ("a", "\"x\"")]);
/// ```
pub fn object_entries(text: &str) -> Option<Vec<(String, Box<RawValue>)>> {
    serde_json::Deserializer::from_str(text).deserialize_map(Entries).ok()
}

/// An object's fields in the order written.
struct Entries;

impl<'de> Visitor<'de> for Entries {
    type Value = Vec<(String, Box<RawValue>)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(entries)
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
