//! Open Referral UK directory files, read leniently: every field optional,
//! unknown fields ignored, inactive services hidden, and one bad service
//! skipped with a warning instead of losing the whole directory. Accepts the
//! ORUK 3.0 shape (`services` or a page's `contents`, or a bare list) and the
//! older v1 field names where they cost little.
//!
//! The file comes from a third party, so nothing in it can stop the widget:
//! a value that cannot be what its field says (a negative or absurd price, a
//! place off the map, an age of -5, an email address carrying a query) is
//! dropped or shown as plain text, with a warning naming the service and the
//! field, and the service is kept. Text is shown as written, whatever it
//! holds; the markup escapes it.
//!
//! The file is read by derived serde types for its shape ([`oruk3`], with
//! the v1 names [`oruk1`] moves onto them), built from the pieces in
//! [`lenient`] that make one bad value cost only its field; [`health`]
//! words what was left out, for the person who keeps the feed.

mod health;
mod lenient;
mod oruk1;
mod oruk3;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::core::data::{read, Fields};
use crate::core::geo::LatLon;
use crate::core::taxonomy::Term;
use crate::core::FieldError;
use health::SKIPPED;
use lenient::{Given, Record};

/// How a person takes part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attendance {
    InPerson,
    Online,
    Phone,
}

/// A place where a service meets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Location {
    pub name: Option<String>,
    pub at: Option<LatLon>,
    pub address: Vec<String>,
    pub postcode: Option<String>,
    pub accessibility: Vec<String>,
}

/// When a service runs, as published (RFC 5545 style).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    pub freq: Option<String>,
    pub byday: Option<String>,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub description: Option<String>,
}

/// What it costs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cost {
    pub option: Option<String>,
    /// In pounds; only ever a price (see [`MAX_PRICE`]): anything else is
    /// dropped when the file is read, and the option's words shown instead.
    pub amount: Option<f64>,
    pub description: Option<String>,
}

/// The most a session could cost, in pounds. A larger `amount` (like a
/// negative one, or one too large to hold) is taken as a mistake in the
/// file, not a price.
pub const MAX_PRICE: f64 = 10_000.0;

/// The oldest age a group could name; a larger age is a mistake in the file.
pub const MAX_AGE: f64 = 130.0;

/// A peer mentor, listed with their consent: first name only, no contact details.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mentor {
    pub id: String,
    pub first_name: String,
    pub lived_experience: Option<String>,
    pub interests: Vec<String>,
    pub languages: Vec<String>,
    pub availability: Option<String>,
}

/// A group, scheme or service from the directory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub organisation: Option<String>,
    /// The Open Referral UK id of that organisation.
    pub organisation_id: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub phones: Vec<String>,
    pub attendance: Option<Attendance>,
    pub locations: Vec<Location>,
    pub schedules: Vec<Schedule>,
    pub costs: Vec<Cost>,
    pub languages: Vec<String>,
    pub min_age: Option<u32>,
    pub max_age: Option<u32>,
    /// Taxonomy terms, e.g. `waymark:loneliness`, `esdServiceType:298`, "Befriending".
    pub terms: Vec<Term>,
    /// When the listing was last checked (`assured_date`, else `last_modified`).
    pub last_checked: Option<String>,
    pub first_session: Option<String>,
    pub who_for: Option<String>,
    pub mentors: Vec<Mentor>,
}

impl Service {
    /// Free when every published cost is zero (and at least one is published).
    pub fn is_free(&self) -> bool {
        !self.costs.is_empty() && self.costs.iter().all(|c| c.amount == Some(0.0))
    }

    pub fn is_peer_support(&self) -> bool {
        let peer = |t: &Term| t.is("waymark:peer-support") || t.is("peer support");
        self.terms.iter().any(peer) || !self.mentors.is_empty()
    }

    /// The town of the first location, for lists.
    pub fn town(&self) -> Option<&str> {
        self.locations.iter().find_map(|l| l.address.last().map(String::as_str))
    }
}

/// A loaded directory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    pub services: Vec<Service>,
    /// One line per service skipped, and per value left out or shown as
    /// text rather than as a link, naming the service and the field.
    pub warnings: Vec<String>,
    /// How many services were hidden as not active.
    pub hidden: usize,
}

impl Directory {
    /// Parses a directory file.
    ///
    /// ```
    /// use waymark::core::directory::Directory;
    /// let dir = Directory::parse(r#"{ "services": [
    ///   { "id": "a", "name": "Walk", "status": "active", "extra": 1 },
    ///   { "id": "b", "name": "Old", "status": "inactive" },
    ///   { "id": "c" }
    /// ] }"#).unwrap();
    /// assert_eq!(dir.services.len(), 1);
    /// assert_eq!(dir.hidden, 1);
    /// assert_eq!(dir.warnings.len(), 1);
    /// assert!(Directory::parse(r#"{ "services": 3 }"#).is_err());
    ///
    /// // A price that cannot be one is dropped, with a warning; the service stays.
    /// let dir = Directory::parse(r#"[ { "id": "a", "name": "Walk",
    ///   "cost_options": [ { "option": "Pay what you can", "amount": -2.5 } ] } ]"#).unwrap();
    /// assert_eq!(dir.services[0].costs[0].amount, None);
    /// assert_eq!(
    ///     dir.warnings,
    ///     [r#"service "a": cost_options[0].amount -2.5 is not a price; shown as published"#]
    /// );
    /// ```
    pub fn parse(text: &str) -> Result<Directory, FieldError> {
        // Taken whole as raw JSON first: that finds any syntax error (with
        // its line and column) and over-deep nesting, before any value is judged.
        let top: &RawValue = read(text)?;
        let (key, list) = match Given::of(top) {
            Given::List => ("", top),
            Given::Object => {
                // Read as the locale files are, so the wasm has one reader for both.
                let fields = read::<Fields<&RawValue>>(top.get()).map(|f| f.0);
                let fields = fields.unwrap_or_default();
                // As `JSON.parse` reads an object, a repeated field's last value counts.
                let field = |key| fields.iter().rev().find(|(k, _)| k == key).map(|&(_, v)| (key, v));
                match field("services").or_else(|| field("contents")) {
                    Some(list) => list,
                    None => {
                        return Err(FieldError::new(
                            "",
                            "has no \"services\" (or \"contents\") list of services",
                        ))
                    }
                }
            }
            _ => {
                return Err(FieldError::new(
                    "",
                    "must be an object with a \"services\" list, or a list of services",
                ))
            }
        };
        let items: Vec<&RawValue> = match Given::of(list) {
            Given::Null => Vec::new(),
            Given::List => serde_json::from_str(list.get()).unwrap_or_default(),
            _ => return Err(FieldError::new(key, "must be a list ([ … ])")),
        };
        let mut directory = Directory::default();
        for (i, item) in items.into_iter().enumerate() {
            let at = format!("{key}[{i}]");
            // Each service is mapped as it is read, so the file's services
            // are never all held in their file shape at once.
            let service = match Record::<oruk3::Service>::deserialize(item) {
                Ok(Record(service)) => oruk3::read(&at, &oruk1::upgrade(service), &mut directory.warnings),
                Err(_) => Err(FieldError::new(at, "must be an object")),
            };
            match service {
                Ok(Some(service)) => directory.services.push(service),
                Ok(None) => directory.hidden += 1,
                Err(e) => directory.warnings.push(format!("{SKIPPED} {e}")),
            }
        }
        Ok(directory)
    }

    pub fn find(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// Keeps only the services of organisation `id`, for a charity that
    /// shows its own groups on its own site.
    ///
    /// ```
    /// use waymark::core::directory::Directory;
    /// let mut dir = Directory::parse(r#"[
    ///   { "id": "a", "name": "Walk", "organization_id": "o1" },
    ///   { "id": "b", "name": "Shed", "organization": { "id": "o2", "name": "Sheds" } }
    /// ]"#).unwrap();
    /// dir.keep_organisation("o2").unwrap();
    /// assert_eq!(dir.services.len(), 1);
    /// assert_eq!(dir.services[0].id, "b");
    /// let err = dir.keep_organisation("o3").unwrap_err();
    /// assert_eq!(err.field, "directory.organisation_id");
    /// ```
    ///
    /// An error, naming the config field, when none is left: for a whole
    /// directory that is a mistyped id (an area tile may simply have none).
    pub fn keep_organisation(&mut self, id: &str) -> Result<(), FieldError> {
        self.services.retain(|s| s.organisation_id.as_deref() == Some(id));
        if self.services.is_empty() {
            return Err(FieldError::new("directory.organisation_id", "matches no service in the directory"));
        }
        Ok(())
    }
}
