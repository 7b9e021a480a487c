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

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::core::data::read;
use crate::core::geo::LatLon;
use crate::core::links::{mailto_href, tel_href, web_href};
use crate::core::route::Route;
use crate::core::taxonomy::Term;
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

/// How a warning about a service left out altogether begins.
const SKIPPED: &str = "skipped a service:";

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
        // Read as raw JSON first: that finds any syntax error (with its line
        // and column) and over-deep nesting, and no value is judged yet.
        let top: Box<RawValue> = read(text)?;
        let (key, list) = match kind(&top) {
            Kind::List => ("", Some(top)),
            Kind::Object => {
                let top: Object = serde_json::from_str(top.get()).unwrap_or_default();
                match ["services", "contents"].into_iter().find_map(|k| Some((k, top.get(k)?))) {
                    Some((key, list)) => (key, Some(list.clone())),
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
        let items = match list.as_deref().map(kind) {
            Some(Kind::Null) | None => Vec::new(),
            Some(Kind::List) => list.as_deref().map(items).unwrap_or_default(),
            Some(_) => return Err(FieldError::new(key, "must be a list ([ … ])")),
        };
        let mut directory = Directory::default();
        for (i, item) in items.iter().enumerate() {
            let at = format!("{key}[{i}]");
            let service = match kind(item) {
                Kind::Object => read_service(&at, &object_of(item), &mut directory.warnings),
                _ => Err(FieldError::new(at, "must be an object")),
            };
            match service {
                Ok(Some(service)) => directory.services.push(service),
                Ok(None) => directory.hidden += 1,
                Err(e) => directory.warnings.push(format!("{SKIPPED} {e}")),
            }
        }
        Ok(directory)
    }

    /// One line for a deployer, logged when the widget loads a directory:
    /// what it shows, and what it skipped or cannot place, so a broken feed
    /// is visible to whoever can fix it (each problem is logged on its own too).
    ///
    /// ```
    /// use waymark::core::directory::Directory;
    /// let dir = Directory::parse(r#"[
    ///   { "id": "a", "name": "Walk", "service_at_locations": [ { "location": { "latitude": 51.0, "longitude": -3.1 } } ] },
    ///   { "id": "b", "name": "Shed" },
    ///   { "id": "c", "name": "Off the map", "service_at_locations": [ { "location": { "latitude": 100, "longitude": 101 } } ] },
    ///   { "id": "d", "name": "Gone", "status": "inactive" },
    ///   { "name": "No id" }
    /// ]"#).unwrap();
    /// assert_eq!(
    ///     dir.health("data/directory.json"),
    ///     "data/directory.json: 3 services to show; 1 hidden as not active; 1 skipped; \
    ///      2 with no place to measure distance from (listed after the rest); 1 value left out or shown as text"
    /// );
    /// ```
    pub fn health(&self, file: &str) -> String {
        let skipped = self.warnings.iter().filter(|w| w.starts_with(SKIPPED)).count();
        let left_out = self.warnings.len() - skipped;
        let unplaced = self
            .services
            .iter()
            .filter(|s| matches!(s.attendance, None | Some(Attendance::InPerson)))
            .filter(|s| s.locations.iter().all(|l| l.at.is_none()))
            .count();
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{file}: {}; {} hidden as not active; {} skipped; {} with no place to measure distance from (listed after the rest); {} left out or shown as text",
            plural(self.services.len(), "service to show", "services to show"),
            self.hidden,
            skipped,
            unplaced,
            plural(left_out, "value", "values"),
        )
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

// Inside a service everything is optional, and a value that is not what
// its field says is left out (or shown as text), never an error. So a
// service is read from an object whose values stay raw JSON until asked
// for: a field is read only when needed, and one absurd value (1e400, which
// serde_json will not hold as a number) costs only that value.

/// An object from the file, each field's value still raw JSON. A repeated
/// field keeps its last value, as `JSON.parse` does.
type Object = BTreeMap<String, Box<RawValue>>;

/// What kind of JSON value `raw` is, from its first character.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

fn kind(raw: &RawValue) -> Kind {
    match raw.get().trim_start().as_bytes().first() {
        Some(b'n') => Kind::Null,
        Some(b't' | b'f') => Kind::Bool,
        Some(b'"') => Kind::Text,
        Some(b'[') => Kind::List,
        Some(b'{') => Kind::Object,
        _ => Kind::Number,
    }
}

/// A value read as far as the checks below need.
enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List,
    Object,
}

fn value_of(raw: &RawValue) -> Value {
    let json = raw.get();
    match kind(raw) {
        Kind::Null => Value::Null,
        Kind::Bool => Value::Bool(json.trim_start().starts_with('t')),
        // A lone surrogate (`"\ud800"`) is no text serde_json will hold: empty.
        Kind::Text => Value::Text(serde_json::from_str(json).unwrap_or_default()),
        Kind::List => Value::List,
        Kind::Object => Value::Object,
        Kind::Number => Value::Number(number(json)),
    }
}

/// A number's value. The text is a valid JSON number (the file has been
/// read), so serde_json refuses it only when it is too large for an f64:
/// then it is infinite, as `JSON.parse` reads it, and fails every range check.
fn number(json: &str) -> f64 {
    serde_json::from_str(json.trim()).unwrap_or(if json.trim_start().starts_with('-') {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

/// The object `raw` holds (empty if it is not one).
fn object_of(raw: &RawValue) -> Object {
    serde_json::from_str(raw.get()).unwrap_or_default()
}

/// The items of the list `raw` holds.
fn items(raw: &RawValue) -> Vec<Box<RawValue>> {
    serde_json::from_str(raw.get()).unwrap_or_default()
}

/// Field `key`, if given at all.
fn field<'a>(node: &'a Object, key: &str) -> Option<&'a RawValue> {
    node.get(key).map(|raw| &**raw)
}

/// Largest integer an f64 holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A whole number that fits exactly.
fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() <= MAX_SAFE).then_some(n as i64)
}

/// Text in field `key`, leniently: whole numbers are turned into text, other types ignored.
fn text(node: &Object, key: &str) -> Option<String> {
    match value_of(field(node, key)?) {
        Value::Text(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        // Whole numbers only: formatting floats would add a lot to the download.
        Value::Number(n) => whole(n).map(|v| v.to_string()),
        _ => None,
    }
}

/// A number, or text holding one ("51.01"); anything else is `None`.
fn number_of(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => Some(*n),
        Value::Text(s) => {
            let s = s.trim();
            // Only a JSON number: not "NaN", "Infinity" or "0x10".
            let raw = serde_json::from_str::<Box<RawValue>>(s).ok()?;
            (kind(&raw) == Kind::Number).then(|| number(s))
        }
        _ => None,
    }
}

/// Field `key` when it holds something: not missing, null or blank text.
fn given(node: &Object, key: &str) -> Option<Value> {
    Some(value_of(field(node, key)?)).filter(|v| match v {
        Value::Null => false,
        Value::Text(s) => !s.trim().is_empty(),
        _ => true,
    })
}

/// The objects in list `key` (anything else is ignored).
fn objects(node: &Object, key: &str) -> impl Iterator<Item = Object> {
    indexed(node, key).into_iter().map(|(_, v)| v)
}

/// The objects in list `key` with their places in the list, for warnings.
fn indexed(node: &Object, key: &str) -> Vec<(usize, Object)> {
    let Some(list) = field(node, key).filter(|raw| kind(raw) == Kind::List) else { return Vec::new() };
    items(list)
        .iter()
        .enumerate()
        .filter(|(_, raw)| kind(raw) == Kind::Object)
        .map(|(i, raw)| (i, object_of(raw)))
        .collect()
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
        Value::Number(n) if n.is_finite() && n.abs() < 1e15 => decimal(*n),
        Value::Number(n) if n.is_finite() => about(*n),
        Value::Number(_) => "(a number too large to hold)".into(),
        Value::Text(s) => format!("\"{}\"", short(s, 60)),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::List => "(a list)".into(),
        Value::Object => "(an object)".into(),
    }
}

/// A number under 10^15 as written in JSON: whole, or to six decimal
/// places (float formatting would add kilobytes to the download).
fn decimal(n: f64) -> String {
    if let Some(whole) = whole(n) {
        return whole.to_string();
    }
    let millionths = (n.abs() * 1_000_000.0).round() as u64;
    let sign = if n < 0.0 { "-" } else { "" };
    let fraction = format!("{:06}", millionths % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    match fraction.is_empty() {
        true => format!("{sign}{}", millionths / 1_000_000),
        false => format!("{sign}{}.{fraction}", millionths / 1_000_000),
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
fn age(node: &Object, key: &str, notes: &mut Notes) -> Option<u32> {
    let value = given(node, key)?;
    match number_of(&value) {
        // NaN and the infinities fail the range test too.
        Some(years) if (0.0..=MAX_AGE).contains(&years) => Some(years as u32),
        _ => {
            notes.add(key, Some(&value), "is not an age; left out");
            None
        }
    }
}

/// Where a location is, or `None`: with a warning when it gives a position
/// that is not a number, not on Earth, or not in the UK.
fn position(loc: &Object, path: &str, notes: &mut Notes) -> Option<LatLon> {
    const LEFT_OUT: &str = "the place is shown without a map position";
    let (lat_value, lon_value) = (given(loc, "latitude"), given(loc, "longitude"));
    if lat_value.is_none() && lon_value.is_none() {
        return None;
    }
    let lat = lat_value.as_ref().and_then(number_of).filter(|lat| (-90.0..=90.0).contains(lat));
    let lon = lon_value.as_ref().and_then(number_of).filter(|lon| (-180.0..=180.0).contains(lon));
    // Each field that is wrong is named, not only the first.
    for (field, read, value, range) in
        [("latitude", lat, &lat_value, "-90 to 90"), ("longitude", lon, &lon_value, "-180 to 180")]
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
fn object(node: &Object, key: &str) -> Option<Object> {
    field(node, key).filter(|raw| kind(raw) == Kind::Object).map(object_of)
}

/// The text items of list `key`.
fn strings(node: &Object, key: &str) -> Vec<String> {
    let Some(list) = field(node, key).filter(|raw| kind(raw) == Kind::List) else { return Vec::new() };
    items(list)
        .iter()
        .filter_map(|raw| match value_of(raw) {
            Value::Text(s) => Some(s),
            _ => None,
        })
        .collect()
}

/// `Ok(None)` for a service that is not active (hidden, not an error).
/// Values left out or not linked are noted in `warnings`.
fn read_service(at: &str, node: &Object, warnings: &mut Vec<String>) -> Result<Option<Service>, FieldError> {
    let id = text(node, "id").ok_or_else(|| FieldError::new(format!("{at}.id"), "is missing"))?;
    let name = text(node, "name")
        .ok_or_else(|| FieldError::new(format!("{at}.name"), format!("is missing (service \"{id}\")")))?;
    let status = text(node, "status").unwrap_or_else(|| "active".into()).to_ascii_lowercase();
    if status != "active" {
        return Ok(None);
    }
    let mut notes = Notes { service: short(&id, 60), out: warnings };
    let page = Route::Group(id.clone());
    if Route::parse(&page.path("/"), "/") != page {
        notes.add(
            "id",
            given(node, "id").as_ref(),
            "cannot be part of a page address (letters, digits and - _ . : ~ only); the group is listed, but its page cannot be opened",
        );
    }
    let mut service = Service { id, name, ..Service::default() };
    service.description = text(node, "description");
    service.url = text(node, "url");
    if service.url.as_deref().is_some_and(|url| web_href(url).is_none()) {
        notes.add(
            "url",
            given(node, "url").as_ref(),
            "is not a web address starting with https://; left out",
        );
    }
    service.email = text(node, "email");
    if service.email.as_deref().is_some_and(|email| mailto_href(email).is_none()) {
        notes.add(
            "email",
            given(node, "email").as_ref(),
            "is not a plain email address; shown as text, not as a link",
        );
    }
    service.min_age = age(node, "minimum_age", &mut notes);
    service.max_age = age(node, "maximum_age", &mut notes);
    service.last_checked = text(node, "assured_date")
        .or_else(|| text(node, "last_modified"))
        .map(|d| d.chars().take(10).collect());
    service.organisation = object(node, "organization").and_then(|o| text(&o, "name"));
    service.organisation_id =
        text(node, "organization_id").or_else(|| object(node, "organization").and_then(|o| text(&o, "id")));

    let mut virtual_kind = None;
    let located = indexed(node, "service_at_locations")
        .into_iter()
        .filter_map(|(i, sal)| Some((i, object(&sal, "location")?)));
    for (i, loc) in located {
        if text(&loc, "location_type").as_deref() == Some("virtual") {
            let name = text(&loc, "name").unwrap_or_default().to_ascii_lowercase();
            virtual_kind = Some(if name.contains("phone") { Attendance::Phone } else { Attendance::Online });
            continue;
        }
        let at = position(&loc, &format!("service_at_locations[{i}].location"), &mut notes);
        let mut location = Location { name: text(&loc, "name"), at, ..Location::default() };
        for address in objects(&loc, "addresses").chain(objects(&loc, "physical_addresses")) {
            location.address.extend(text(&address, "address_1"));
            location.address.extend(text(&address, "city"));
            location.postcode = location.postcode.take().or_else(|| text(&address, "postal_code"));
        }
        for a in objects(&loc, "accessibility").chain(objects(&loc, "accessibility_for_disabilities")) {
            location.accessibility.extend(text(&a, "description").or_else(|| text(&a, "accessibility")));
        }
        service.locations.push(location);
    }
    for s in objects(node, "schedules").chain(objects(node, "regular_schedules")) {
        service.schedules.push(Schedule {
            freq: text(&s, "freq"),
            byday: text(&s, "byday"),
            opens_at: text(&s, "opens_at"),
            closes_at: text(&s, "closes_at"),
            description: text(&s, "description"),
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
        let amount = given(&c, "amount").and_then(|value| match number_of(&value) {
            // NaN and the infinities fail the range test too; -0 is 0.
            Some(pounds) if (0.0..=MAX_PRICE).contains(&pounds) => Some(pounds),
            _ => {
                notes.add(
                    &format!("cost_options[{i}].amount"),
                    Some(&value),
                    "is not a price; shown as published",
                );
                None
            }
        });
        let cost = Cost { option: text(&c, "option"), amount, description: text(&c, "amount_description") };
        service.costs.push(cost);
    }
    service.languages = objects(node, "languages")
        .filter_map(|l| text(&l, "name").or_else(|| text(&l, "language")))
        .collect();
    let contact_phones = indexed(node, "contacts").into_iter().flat_map(|(i, c)| {
        indexed(&c, "phones").into_iter().map(move |(j, p)| (format!("contacts[{i}].phones[{j}]"), p))
    });
    let own_phones = indexed(node, "phones").into_iter().map(|(i, p)| (format!("phones[{i}]"), p));
    for (path, phone) in contact_phones.chain(own_phones) {
        let Some(number) = text(&phone, "number") else { continue };
        if tel_href(&number).is_none() {
            notes.add(
                &format!("{path}.number"),
                given(&phone, "number").as_ref(),
                "is not a phone number that can be dialled; shown as text, not as a link",
            );
        }
        service.phones.push(number);
    }
    let term = |t: Object| {
        let taxonomy = text(&t, "taxonomy")
            .or_else(|| text(&t, "vocabulary"))
            .or_else(|| object(&t, "taxonomy_detail").and_then(|d| text(&d, "name")));
        let (id, code, name, uri) = (
            text(&t, "id"),
            text(&t, "code"),
            text(&t, "name").or_else(|| text(&t, "term")),
            text(&t, "term_uri"),
        );
        let term =
            Term::new(id.as_deref(), code.as_deref(), name.as_deref(), uri.as_deref(), taxonomy.as_deref());
        (!term.label().is_empty() || uri.is_some()).then_some(term)
    };
    service.terms =
        objects(node, "attributes").filter_map(|a| object(&a, "taxonomy_term")).filter_map(term).collect();
    service
        .terms
        .extend(objects(node, "service_taxonomys").filter_map(|t| object(&t, "taxonomy")).filter_map(term));
    if let Some(x) = object(node, "x_waymark") {
        service.first_session = text(&x, "first_session");
        service.who_for = text(&x, "who_for");
        service.mentors = objects(&x, "mentors")
            .filter_map(|m| {
                Some(Mentor {
                    id: text(&m, "id")?,
                    first_name: text(&m, "first_name")?,
                    lived_experience: text(&m, "lived_experience"),
                    interests: strings(&m, "interests"),
                    languages: strings(&m, "languages"),
                    availability: text(&m, "availability"),
                })
            })
            .collect();
    }
    Ok(Some(service))
}
