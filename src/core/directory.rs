//! Open Referral UK directory files, read leniently: every field optional,
//! unknown fields ignored, inactive services hidden, and one bad service
//! skipped with a warning instead of losing the whole directory. Accepts the
//! ORUK 3.0 shape (`services` or a page's `contents`, or a bare list) and the
//! older v1 field names where they cost little.

use serde_json::Value;

use crate::core::geo::LatLon;
use crate::core::json::{parse, Node};
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
            Value::Object(map) if map.contains_key("services") => Some("services"),
            Value::Object(map) if map.contains_key("contents") => Some("contents"),
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
}

/// Text in field `key`, leniently: numbers are turned into text, other types ignored.
fn text(node: Node, key: &str) -> Option<String> {
    let value = node.value().get(key)?;
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(node: Node, key: &str) -> Option<f64> {
    match node.value().get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Each object in list `key` (anything else is ignored).
fn each<T>(node: Node, key: &str, mut read: impl FnMut(Node) -> Option<T>) -> Vec<T> {
    node.each(key, |item| Ok(if item.value().is_object() { read(item) } else { None }))
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

fn strings(node: Node, key: &str) -> Vec<String> {
    match node.value().get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

/// `Ok(None)` for a service that is not active (hidden, not an error).
fn read_service(node: Node) -> Result<Option<Service>, FieldError> {
    if !node.value().is_object() {
        return Err(node.error("must be an object"));
    }
    let id = text(node, "id").ok_or_else(|| node.field_error("id", "is missing"))?;
    let name = text(node, "name")
        .ok_or_else(|| node.field_error("name", format!("is missing (service \"{id}\")")))?;
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
    service.organisation = node.opt_object("organization", |o| Ok(text(o, "name"))).ok().flatten().flatten();

    let mut virtual_kind = None;
    let mut read_location = |loc: Node| {
        let kind = text(loc, "location_type").unwrap_or_default();
        if kind == "virtual" {
            let name = text(loc, "name").unwrap_or_default().to_ascii_lowercase();
            virtual_kind = Some(if name.contains("phone") { Attendance::Phone } else { Attendance::Online });
            return None;
        }
        let at = match (number(loc, "latitude"), number(loc, "longitude")) {
            (Some(lat), Some(lon)) => Some(LatLon::new(lat, lon)).filter(|p| p.is_in_uk_bounds()),
            _ => None,
        };
        let mut location = Location { name: text(loc, "name"), at, ..Location::default() };
        for key in ["addresses", "physical_addresses"] {
            for (line, city, postcode) in
                each(loc, key, |a| Some((text(a, "address_1"), text(a, "city"), text(a, "postal_code"))))
            {
                location.address.extend(line);
                location.address.extend(city);
                location.postcode = location.postcode.take().or(postcode);
            }
        }
        for key in ["accessibility", "accessibility_for_disabilities"] {
            location.accessibility.extend(each(loc, key, |a| {
                text(a, "description").or_else(|| text(a, "accessibility")).or_else(|| text(a, "details"))
            }));
        }
        Some(location)
    };
    service.locations = each(node, "service_at_locations", |sal| {
        sal.opt_object("location", |loc| Ok(read_location(loc))).ok().flatten().flatten()
    });
    for key in ["schedules", "regular_schedules"] {
        service.schedules.extend(each(node, key, |s| {
            Some(Schedule {
                freq: text(s, "freq"),
                byday: text(s, "byday"),
                opens_at: text(s, "opens_at"),
                closes_at: text(s, "closes_at"),
                description: text(s, "description"),
            })
        }));
    }
    // v1 puts attending_type on the service; 3.0 has it as free text on schedules.
    let attending = |value: Option<String>| match value?.to_ascii_lowercase().as_str() {
        "phone" | "by phone" => Some(Attendance::Phone),
        "online" => Some(Attendance::Online),
        _ => None,
    };
    service.attendance = virtual_kind.or_else(|| attending(text(node, "attending_type")));
    if service.attendance.is_none() && !service.locations.is_empty() {
        service.attendance = Some(Attendance::InPerson);
    }
    service.costs = each(node, "cost_options", |c| {
        Some(Cost {
            option: text(c, "option"),
            amount: number(c, "amount"),
            description: text(c, "amount_description"),
        })
    });
    service.languages = each(node, "languages", |l| text(l, "name").or_else(|| text(l, "language")));
    service.phones = each(node, "contacts", |c| Some(each(c, "phones", |p| text(p, "number"))))
        .into_iter()
        .flatten()
        .chain(each(node, "phones", |p| text(p, "number")))
        .collect();
    service.terms = each(node, "attributes", |a| {
        a.opt_object("taxonomy_term", |t| Ok(text(t, "id").or_else(|| text(t, "term_uri"))))
            .ok()
            .flatten()
            .flatten()
    });
    service.terms.extend(each(node, "service_taxonomys", |t| {
        t.opt_object("taxonomy", |t| Ok(text(t, "id").or_else(|| text(t, "name")))).ok().flatten().flatten()
    }));
    if let Ok(Some((first_session, who_for, mentors))) = node.opt_object("x_waymark", |x| {
        let mentors = each(x, "mentors", |m| {
            Some(Mentor {
                id: text(m, "id")?,
                first_name: text(m, "first_name")?,
                lived_experience: text(m, "lived_experience"),
                interests: strings(m, "interests"),
                languages: strings(m, "languages"),
                availability: text(m, "availability"),
            })
        });
        Ok((text(x, "first_session"), text(x, "who_for"), mentors))
    }) {
        service.first_session = first_session;
        service.who_for = who_for;
        service.mentors = mentors;
    }
    Ok(Some(service))
}
