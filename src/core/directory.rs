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

use crate::core::geo::LatLon;
use crate::core::json::{parse, parse_value, Node, Value};
use crate::core::links::{mailto_href, tel_href, web_href};
use crate::core::route::Route;
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
                match read_service(item, &mut directory.warnings) {
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

/// A number, or text holding one ("51.01"); anything else is `None`.
fn number_of(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => Some(*n),
        // Through our JSON number reader, not `str::parse`, whose float
        // tables would add kilobytes to the download.
        Value::String(s) => parse_value(s.trim()).ok()?.as_f64(),
        _ => None,
    }
}

/// Field `key` when it holds something: not missing, null or blank text.
fn given<'a>(node: &'a Value, key: &str) -> Option<&'a Value> {
    node.get(key).filter(|v| match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        _ => true,
    })
}

/// The objects in list `key` (anything else is ignored).
fn objects<'a>(node: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    indexed(node, key).map(|(_, v)| v)
}

/// The objects in list `key` with their places in the list, for warnings.
fn indexed<'a>(node: &'a Value, key: &str) -> impl Iterator<Item = (usize, &'a Value)> {
    node.get(key).and_then(Value::as_array).into_iter().flatten().enumerate().filter(|(_, v)| v.is_object())
}

/// At most `limit` characters of `text`, without control characters, so a
/// warning stays one readable line whatever the file holds.
fn short(text: &str, limit: usize) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(limit).collect();
    if text.chars().filter(|c| !c.is_control()).nth(limit).is_some() {
        out.push('…');
    }
    out
}

/// A number too large to write out whole, as its first figures and a power
/// of ten (`1e300`, `2.5e300`), without float formatting.
fn about(n: f64) -> String {
    let (mut figures, mut power) = (n.abs(), 0u32);
    while figures >= 10.0 {
        figures /= 10.0;
        power += 1;
    }
    let mut tenths = (figures * 10.0).round() as u32;
    if tenths >= 100 {
        tenths /= 10;
        power += 1;
    }
    let sign = if n < 0.0 { "-" } else { "" };
    match tenths % 10 {
        0 => format!("{sign}{}e{power}", tenths / 10),
        tenth => format!("{sign}{}.{tenth}e{power}", tenths / 10),
    }
}

/// A value as a warning quotes it.
fn shown(value: &Value) -> String {
    match value {
        Value::Number(n) if n.is_finite() && n.abs() < 1e15 => value.to_json(),
        Value::Number(n) if n.is_finite() => about(*n),
        Value::Number(_) => "(a number too large to hold)".into(),
        Value::String(s) => format!("\"{}\"", short(s, 60)),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(_) => "(a list)".into(),
        Value::Object(_) => "(an object)".into(),
    }
}

/// The warnings about one service: `service "<id>": <field> <value> <problem>`.
struct Notes<'a> {
    service: String,
    out: &'a mut Vec<String>,
}

impl Notes<'_> {
    fn add(&mut self, field: &str, value: Option<&Value>, problem: &str) {
        let value = value.map(|v| format!(" {}", shown(v))).unwrap_or_default();
        self.out.push(format!("service \"{}\": {field}{value} {problem}", self.service));
    }
}

/// An age in years, or `None` (with a warning) for one no person could be.
fn age(node: &Value, key: &str, notes: &mut Notes) -> Option<u32> {
    let value = given(node, key)?;
    match number_of(value) {
        // NaN and the infinities fail the range test too.
        Some(years) if (0.0..=MAX_AGE).contains(&years) => Some(years as u32),
        _ => {
            notes.add(key, Some(value), "is not an age; left out");
            None
        }
    }
}

/// Where a location is, or `None`: with a warning when it gives a position
/// that is not a number, not on Earth, or not in the UK.
fn position(loc: &Value, path: &str, notes: &mut Notes) -> Option<LatLon> {
    const LEFT_OUT: &str = "the place is shown without a map position";
    let (lat_value, lon_value) = (given(loc, "latitude"), given(loc, "longitude"));
    if lat_value.is_none() && lon_value.is_none() {
        return None;
    }
    let lat = lat_value.and_then(number_of).filter(|lat| (-90.0..=90.0).contains(lat));
    let lon = lon_value.and_then(number_of).filter(|lon| (-180.0..=180.0).contains(lon));
    // Each field that is wrong is named, not only the first.
    for (field, read, value, range) in
        [("latitude", lat, lat_value, "-90 to 90"), ("longitude", lon, lon_value, "-180 to 180")]
    {
        match (read, value) {
            (Some(_), _) => {}
            (None, Some(value)) => notes.add(
                &format!("{path}.{field}"),
                Some(value),
                &format!("is not a {field} ({range}); {LEFT_OUT}"),
            ),
            (None, None) => notes.add(&format!("{path}.{field}"), None, &format!("is missing; {LEFT_OUT}")),
        }
    }
    let (lat, lon) = (lat?, lon?);
    let at = LatLon::checked(lat, lon).filter(|at| at.is_in_uk_bounds());
    if at.is_none() {
        let place = format!("{}, {}", shown(&Value::Number(lat)), shown(&Value::Number(lon)));
        notes.add(
            &format!("{path}.latitude/longitude"),
            None,
            &format!("{place} is not a place in the UK; {LEFT_OUT}"),
        );
    }
    at
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
/// Values left out or not linked are noted in `warnings`.
fn read_service(at: Node, warnings: &mut Vec<String>) -> Result<Option<Service>, FieldError> {
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
    let mut notes = Notes { service: short(&id, 60), out: warnings };
    let page = Route::Group(id.clone());
    if Route::parse(&page.path("/"), "/") != page {
        notes.add(
            "id",
            given(node, "id"),
            "cannot be part of a page address (letters, digits and - _ . : ~ only); the group is listed, but its page cannot be opened",
        );
    }
    let mut service = Service { id, name, ..Service::default() };
    service.description = text(node, "description");
    service.url = text(node, "url");
    if service.url.as_deref().is_some_and(|url| web_href(url).is_none()) {
        notes.add("url", given(node, "url"), "is not a web address starting with https://; left out");
    }
    service.email = text(node, "email");
    if service.email.as_deref().is_some_and(|email| mailto_href(email).is_none()) {
        notes.add(
            "email",
            given(node, "email"),
            "is not a plain email address; shown as text, not as a link",
        );
    }
    service.min_age = age(node, "minimum_age", &mut notes);
    service.max_age = age(node, "maximum_age", &mut notes);
    service.last_checked = text(node, "assured_date")
        .or_else(|| text(node, "last_modified"))
        .map(|d| d.chars().take(10).collect());
    service.organisation = object(node, "organization").and_then(|o| text(o, "name"));
    service.organisation_id =
        text(node, "organization_id").or_else(|| object(node, "organization").and_then(|o| text(o, "id")));

    let mut virtual_kind = None;
    let located =
        indexed(node, "service_at_locations").filter_map(|(i, sal)| Some((i, object(sal, "location")?)));
    for (i, loc) in located {
        if text(loc, "location_type").as_deref() == Some("virtual") {
            let name = text(loc, "name").unwrap_or_default().to_ascii_lowercase();
            virtual_kind = Some(if name.contains("phone") { Attendance::Phone } else { Attendance::Online });
            continue;
        }
        let at = position(loc, &format!("service_at_locations[{i}].location"), &mut notes);
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
    for (i, c) in indexed(node, "cost_options") {
        let amount = given(c, "amount").and_then(|value| match number_of(value) {
            // NaN and the infinities fail the range test too; -0 is 0.
            Some(pounds) if (0.0..=MAX_PRICE).contains(&pounds) => Some(pounds),
            _ => {
                notes.add(
                    &format!("cost_options[{i}].amount"),
                    Some(value),
                    "is not a price; shown as published",
                );
                None
            }
        });
        let cost = Cost { option: text(c, "option"), amount, description: text(c, "amount_description") };
        service.costs.push(cost);
    }
    service.languages =
        objects(node, "languages").filter_map(|l| text(l, "name").or_else(|| text(l, "language"))).collect();
    let contact_phones = indexed(node, "contacts")
        .flat_map(|(i, c)| indexed(c, "phones").map(move |(j, p)| (format!("contacts[{i}].phones[{j}]"), p)));
    let own_phones = indexed(node, "phones").map(|(i, p)| (format!("phones[{i}]"), p));
    for (path, phone) in contact_phones.chain(own_phones) {
        let Some(number) = text(phone, "number") else { continue };
        if tel_href(&number).is_none() {
            notes.add(
                &format!("{path}.number"),
                given(phone, "number"),
                "is not a phone number that can be dialled; shown as text, not as a link",
            );
        }
        service.phones.push(number);
    }
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
