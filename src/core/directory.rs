//! Open Referral UK directory files, read leniently: every field optional,
//! unknown fields ignored, inactive services hidden, and one bad service
//! skipped with a warning instead of losing the whole directory. Accepts the
//! ORUK 3.0 shape (`services` or a page's `contents`, or a bare list) and the
//! older v1 field names where they cost little.

use crate::core::geo::LatLon;
use crate::core::json::{parse, parse_value, Node, Value};
use crate::core::FieldError;

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
    pub amount: Option<f64>,
    pub description: Option<String>,
}

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
    /// Taxonomy term ids, e.g. `waymark:loneliness`, `esdServiceType:298`.
    pub terms: Vec<String>,
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
        self.terms.iter().any(|t| t == "waymark:peer-support") || !self.mentors.is_empty()
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
    /// One line per service skipped, naming it and the field.
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
    /// ```
    pub fn parse(text: &str) -> Result<Directory, FieldError> {
        let doc = parse(text)?;
        let top = Node::root(&doc);
        let list_key = match &doc {
            Value::Array(_) => None,
            Value::Object(_) if doc.get("services").is_some() => Some("services"),
            Value::Object(_) if doc.get("contents").is_some() => Some("contents"),
            Value::Object(_) => {
                return Err(top.error("has no \"services\" (or \"contents\") list of services"))
            }
            _ => return Err(top.error("must be an object with a \"services\" list, or a list of services")),
        };
        let mut directory = Directory::default();
        let mut read_all = |list: Node| {
            list.items(|item| {
                match read_service(item) {
                    Ok(Some(service)) => directory.services.push(service),
                    Ok(None) => directory.hidden += 1,
                    Err(e) => directory.warnings.push(format!("skipped a service: {e}")),
                }
                Ok(())
            })
        };
        match list_key {
            None => read_all(top)?,
            Some(key) => top.with_field(key, |list| match list {
                Some(list) => read_all(list),
                None => Ok(Vec::new()),
            })?,
        };
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

// Inside a service everything is optional and problems are not reported
// field by field, so plain `Value` access is enough (and smaller than
// path-tracking readers).

/// Text in field `key`, leniently: whole numbers are turned into text, other types ignored.
fn text(node: &Value, key: &str) -> Option<String> {
    let value = node.get(key)?;
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        // Whole numbers only: formatting floats would add a lot to the download.
        Value::Number(_) => value.as_i64().map(|v| v.to_string()),
        _ => None,
    }
}

fn number(node: &Value, key: &str) -> Option<f64> {
    match node.get(key)? {
        Value::Number(n) => Some(*n),
        // Through our JSON number reader, not `str::parse`, whose float
        // tables would add kilobytes to the download.
        Value::String(s) => parse_value(s.trim()).ok()?.as_f64(),
        _ => None,
    }
}

/// The objects in list `key` (anything else is ignored).
fn objects<'a>(node: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    node.get(key).and_then(Value::as_array).into_iter().flatten().filter(|v| v.is_object())
}

/// Object field `key`, if it is one.
fn object<'a>(node: &'a Value, key: &str) -> Option<&'a Value> {
    node.get(key).filter(|v| v.is_object())
}

fn strings(node: &Value, key: &str) -> Vec<String> {
    match node.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

/// `Ok(None)` for a service that is not active (hidden, not an error).
fn read_service(at: Node) -> Result<Option<Service>, FieldError> {
    let node = at.value();
    if !node.is_object() {
        return Err(at.error("must be an object"));
    }
    let id = text(node, "id").ok_or_else(|| at.field_error("id", "is missing"))?;
    let name =
        text(node, "name").ok_or_else(|| at.field_error("name", format!("is missing (service \"{id}\")")))?;
    let status = text(node, "status").unwrap_or_else(|| "active".into()).to_ascii_lowercase();
    if status != "active" {
        return Ok(None);
    }
    let mut service = Service { id, name, ..Service::default() };
    service.description = text(node, "description");
    service.url = text(node, "url");
    service.email = text(node, "email");
    service.min_age = number(node, "minimum_age").map(|n| n as u32);
    service.max_age = number(node, "maximum_age").map(|n| n as u32);
    service.last_checked = text(node, "assured_date")
        .or_else(|| text(node, "last_modified"))
        .map(|d| d.chars().take(10).collect());
    service.organisation = object(node, "organization").and_then(|o| text(o, "name"));
    service.organisation_id =
        text(node, "organization_id").or_else(|| object(node, "organization").and_then(|o| text(o, "id")));

    let mut virtual_kind = None;
    for loc in objects(node, "service_at_locations").filter_map(|sal| object(sal, "location")) {
        if text(loc, "location_type").as_deref() == Some("virtual") {
            let name = text(loc, "name").unwrap_or_default().to_ascii_lowercase();
            virtual_kind = Some(if name.contains("phone") { Attendance::Phone } else { Attendance::Online });
            continue;
        }
        let at = match (number(loc, "latitude"), number(loc, "longitude")) {
            (Some(lat), Some(lon)) => Some(LatLon::new(lat, lon)).filter(|p| p.is_in_uk_bounds()),
            _ => None,
        };
        let mut location = Location { name: text(loc, "name"), at, ..Location::default() };
        for address in objects(loc, "addresses").chain(objects(loc, "physical_addresses")) {
            location.address.extend(text(address, "address_1"));
            location.address.extend(text(address, "city"));
            location.postcode = location.postcode.take().or_else(|| text(address, "postal_code"));
        }
        for a in objects(loc, "accessibility").chain(objects(loc, "accessibility_for_disabilities")) {
            location.accessibility.extend(text(a, "description").or_else(|| text(a, "accessibility")));
        }
        service.locations.push(location);
    }
    for s in objects(node, "schedules").chain(objects(node, "regular_schedules")) {
        service.schedules.push(Schedule {
            freq: text(s, "freq"),
            byday: text(s, "byday"),
            opens_at: text(s, "opens_at"),
            closes_at: text(s, "closes_at"),
            description: text(s, "description"),
        });
    }
    // v1 puts attending_type on the service as phone / online / venue.
    service.attendance = virtual_kind.or(match text(node, "attending_type").as_deref() {
        Some("phone") => Some(Attendance::Phone),
        Some("online") => Some(Attendance::Online),
        _ => None,
    });
    if service.attendance.is_none() && !service.locations.is_empty() {
        service.attendance = Some(Attendance::InPerson);
    }
    for c in objects(node, "cost_options") {
        let cost = Cost {
            option: text(c, "option"),
            amount: number(c, "amount"),
            description: text(c, "amount_description"),
        };
        service.costs.push(cost);
    }
    service.languages =
        objects(node, "languages").filter_map(|l| text(l, "name").or_else(|| text(l, "language"))).collect();
    let contact_phones = objects(node, "contacts").flat_map(|c| objects(c, "phones"));
    service.phones =
        contact_phones.chain(objects(node, "phones")).filter_map(|p| text(p, "number")).collect();
    let term = |t: &Value| text(t, "id").or_else(|| text(t, "term_uri")).or_else(|| text(t, "name"));
    service.terms =
        objects(node, "attributes").filter_map(|a| object(a, "taxonomy_term")).filter_map(term).collect();
    service
        .terms
        .extend(objects(node, "service_taxonomys").filter_map(|t| object(t, "taxonomy")).filter_map(term));
    if let Some(x) = object(node, "x_waymark") {
        service.first_session = text(x, "first_session");
        service.who_for = text(x, "who_for");
        service.mentors = objects(x, "mentors")
            .filter_map(|m| {
                Some(Mentor {
                    id: text(m, "id")?,
                    first_name: text(m, "first_name")?,
                    lived_experience: text(m, "lived_experience"),
                    interests: strings(m, "interests"),
                    languages: strings(m, "languages"),
                    availability: text(m, "availability"),
                })
            })
            .collect();
    }
    Ok(Some(service))
}
