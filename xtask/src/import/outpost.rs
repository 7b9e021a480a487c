//! FutureGov **Outpost** (the service directory behind Buckinghamshire's
//! Family Information Service and other councils; Scout is its front end)
//! to ORUK 3.0.
//!
//! Outpost's public API (`outpost-api-service`) serves its own shape, not
//! ORUK: `/api/v1/services?page=N` (pages from 1) in the v1-style envelope
//! (`content`, `number`, `totalPages`, `last`), and `/api/v1/services/{id}`,
//! each service as Outpost's `IndexedServicesSerializer` wrote it: integer
//! ids, `organisation`, `locations[]` with a GeoJSON `geometry`,
//! `regular_schedules[].weekday` as a day's name, `cost_options[].amount`
//! as text ("2.50"), its own category tree in `taxonomies[]`, and
//! `suitabilities[]`/`send_needs[]` lists. A record is read through the
//! typed structs below, each field on its own, so a field of the wrong type
//! costs only that field. `docs/directories.md` ("FutureGov Outpost") has
//! the field mapping and the sources it was read from.

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::{Map, Number, Value};
use waymark::core::schedule::minutes;

use super::timestamps::in_uk_time;

/// Whether `item`, one service from a page or a `/services/{id}` answer,
/// is an Outpost record rather than an ORUK v1 or 3.0 one.
///
/// Outpost's own fields (`organisation`, a `locations` list, `taxonomies`,
/// `send_needs`, `suitabilities`, `target_directories`, `min_age`,
/// `regular_schedules[].weekday` …) say it is one; any field only ORUK has
/// (`organization`, `service_at_locations`, `service_taxonomys`,
/// `attributes`, `schedules`, `eligibilitys`, `minimum_age`,
/// `last_modified` …) says it is not, whatever else it carries.
pub fn is_outpost(item: &Value) -> bool {
    const OPEN_REFERRAL: [&str; 12] = [
        "organization",
        "organization_id",
        "service_at_locations",
        "service_taxonomys",
        "attributes",
        "schedules",
        "eligibilitys",
        "minimum_age",
        "maximum_age",
        "last_modified",
        "assured_date",
        "service_areas",
    ];
    let Value::Object(fields) = item else { return false };
    if OPEN_REFERRAL.iter().any(|key| fields.contains_key(*key)) {
        return false;
    }
    let list = |key: &str| fields.get(key).is_some_and(Value::is_array);
    let weekdays = fields
        .get("regular_schedules")
        .and_then(Value::as_array)
        .is_some_and(|list| list.iter().any(|s| s.get("weekday").is_some()));
    fields.get("organisation").is_some_and(Value::is_object)
        || ["locations", "taxonomies", "send_needs", "suitabilities", "target_directories"]
            .into_iter()
            .any(list)
        || ["min_age", "max_age", "local_offer", "needs_referral", "age_band_all"]
            .iter()
            .any(|key| fields.contains_key(*key))
        || weekdays
}

/// The ORUK 3.0 service for one Outpost record; anything that is not an
/// object comes back as it is.
///
/// Only what the widget can use, or what a reader of the 3.0 document would
/// look for, is carried over; fields without a value are left out, as ORUK
/// asks. What is deliberately left behind: `links` beyond the first (and
/// that only when there is no `url`), `meta` (custom fields),
/// `local_offer` (SEND local offer answers), `target_directories`,
/// `needs_referral`, the `age_band_*` flags, `created_at`, slugs, and the
/// exact address of a location whose `mask_exact_address` is set.
pub fn to_v3(record: Value) -> Value {
    if !record.is_object() {
        return record;
    }
    let service = Service::deserialize(record).unwrap_or_default();
    service.to_v3()
}

/// Text as plain paragraphs: a description written as HTML (Outpost's
/// editor writes `<div>`, `<br>`, `<ul><li>`, `<strong>`, `<h1>`), or as
/// text with line breaks (Outpost without its editor), ready to show as
/// text. Paragraphs are parted by a blank line (`"\n\n"`); a single `"\n"`
/// is a line break within one.
///
/// - The end and start of a block (`p`, `div`, `h1`–`h6`, `li`, `ul`, `ol`,
///   `tr`, `blockquote`, `table`, `section`, `pre`, `hr` …) part
///   paragraphs; `<br>` is a line break, and two or more in a row part
///   paragraphs (as the editor writes a blank line). A table cell is a
///   space. Every other tag is dropped, its text kept.
/// - What `script`, `style`, `template`, `noscript` and `title` hold is
///   dropped, as are comments; one left open drops the rest of the text.
/// - Character references are decoded: numeric ones, and the named ones
///   descriptions use (`&amp;` `&nbsp;` `&pound;` `&rsquo;` `&eacute;`
///   `&wcirc;` …), only with their `;`; others stay as written.
/// - A `<` that starts no tag ("ages < 5", "<3", a tag never closed with
///   `>`) is text.
/// - Runs of spaces become one; spaces at the ends of lines go. In text
///   with no block tags at all, its own line breaks are kept (a blank line
///   parts paragraphs); where block tags are used, line breaks in the
///   source are spaces, as a browser reads them.
///
/// Total on any input, and linear in its length.
pub fn plain_paragraphs(html: &str) -> String {
    let blocks = Tags::new(html).any(|piece| matches!(piece, Piece::Tag(tag) if tag.kind() != Kind::Inline));
    let mut out = Plain { text: String::with_capacity(html.len()), gap: Gap::None, newlines: 0, blocks };
    for piece in Tags::new(html) {
        match piece {
            Piece::Text(text) => out.text(text),
            Piece::Tag(tag) => out.tag(tag),
        }
    }
    out.text
}

// ---------------------------------------------------------------------
// Reading a record leniently.

/// A scalar field as a record gives it. Text and numbers stand in for each
/// other (`"id": 42`, `"min_age": "5"`); lists, objects and null are no value.
#[derive(Clone, Debug, Default, PartialEq)]
enum Scalar {
    #[default]
    None,
    Text(String),
    Number(Number),
    Bool(bool),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(deserializer)? {
            Value::String(text) => Scalar::Text(text),
            Value::Number(n) => Scalar::Number(n),
            Value::Bool(b) => Scalar::Bool(b),
            _ => Scalar::None,
        })
    }
}

impl Scalar {
    /// The value as text, trimmed; `None` when blank or not text or a number.
    fn text(&self) -> Option<String> {
        match self {
            Scalar::Text(text) => Some(text.trim()).filter(|t| !t.is_empty()).map(String::from),
            // Exactly as written: ids beyond 2^53 keep every digit.
            Scalar::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The value as a finite number: a number, or text holding only one
    /// (`" 2.5 "`; not "NaN", "inf" or "2.5 per hour").
    fn number(&self) -> Option<f64> {
        match self {
            Scalar::Number(n) => n.as_f64().filter(|n| n.is_finite()),
            Scalar::Text(text) => {
                let text = text.trim();
                let plain = !text.is_empty()
                    && text
                        .bytes()
                        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
                plain.then(|| text.parse::<f64>().ok()).flatten().filter(|n| n.is_finite())
            }
            _ => None,
        }
    }

    fn flag(&self) -> Option<bool> {
        match self {
            Scalar::Bool(b) => Some(*b),
            Scalar::Number(n) => n.as_f64().map(|n| n != 0.0),
            Scalar::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Some(true),
                "false" | "no" | "0" => Some(false),
                _ => None,
            },
            Scalar::None => None,
        }
    }
}

/// An object field, `None` when it is missing, null or not an object.
struct Maybe<T>(Option<T>);

impl<T> Default for Maybe<T> {
    fn default() -> Self {
        Maybe(None)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Maybe(object(Value::deserialize(deserializer)?)))
    }
}

/// A list of objects, without the items that are not objects; empty when
/// the field is not a list.
struct List<T>(Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = match Value::deserialize(deserializer)? {
            Value::Array(items) => items.into_iter().filter_map(object).collect(),
            _ => Vec::new(),
        };
        Ok(List(items))
    }
}

/// A `T` from an object; a derived struct would also take a list of its
/// fields in order, which no record means.
fn object<T: DeserializeOwned>(value: Value) -> Option<T> {
    value.is_object().then(|| T::deserialize(value).ok()).flatten()
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Service {
    id: Scalar,
    name: Scalar,
    description: Scalar,
    url: Scalar,
    /// Not in Outpost's serializer today (its services have no email), but
    /// read where an instance adds it.
    email: Scalar,
    status: Scalar,
    min_age: Scalar,
    max_age: Scalar,
    updated_at: Scalar,
    free: Scalar,
    organisation: Maybe<Organisation>,
    locations: List<Location>,
    contacts: List<Contact>,
    taxonomies: List<Category>,
    suitabilities: List<Category>,
    send_needs: List<Category>,
    regular_schedules: List<Schedule>,
    cost_options: List<CostOption>,
    links: List<Link>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Organisation {
    id: Scalar,
    name: Scalar,
    description: Scalar,
    email: Scalar,
    url: Scalar,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Location {
    id: Scalar,
    name: Scalar,
    address_1: Scalar,
    city: Scalar,
    state_province: Scalar,
    postal_code: Scalar,
    country: Scalar,
    geometry: Maybe<Geometry>,
    /// Where there is no `geometry`: Outpost's own columns (text, as Rails
    /// writes decimals), or an instance's own names.
    latitude: Scalar,
    longitude: Scalar,
    mask_exact_address: Scalar,
    accessibilities: List<Category>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Geometry {
    /// GeoJSON: `[longitude, latitude]`.
    coordinates: Value,
}

/// A term in one of Outpost's lists: a category, a suitability, a SEND
/// need, an accessibility.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Category {
    id: Scalar,
    name: Scalar,
    parent_id: Scalar,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Schedule {
    id: Scalar,
    weekday: Scalar,
    opens_at: Scalar,
    closes_at: Scalar,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct CostOption {
    id: Scalar,
    option: Scalar,
    amount: Scalar,
    cost_type: Scalar,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Contact {
    id: Scalar,
    name: Scalar,
    title: Scalar,
    email: Scalar,
    phone: Scalar,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Link {
    url: Scalar,
}

// ---------------------------------------------------------------------
// Writing the 3.0 service.

/// Fields in the order ORUK lists them, each only when it has a value.
#[derive(Default)]
struct Object(Map<String, Value>);

impl Object {
    fn put(mut self, key: &str, value: impl Into<Option<Value>>) -> Self {
        if let Some(value) = value.into() {
            self.0.insert(key.into(), value);
        }
        self
    }

    fn text(self, key: &str, value: Option<String>) -> Self {
        self.put(key, value.map(Value::String))
    }

    fn list(self, key: &str, items: Vec<Value>) -> Self {
        self.put(key, (!items.is_empty()).then_some(Value::Array(items)))
    }

    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// The vocabularies a service's Outpost lists become, by the name a report
/// shows, the prefix of their terms' ids, and their `link_type`.
const CATEGORIES: (&str, &str, &str) = ("Outpost categories", "outpost-category", "service_type");
const SUITABILITIES: (&str, &str, &str) =
    ("Outpost suitabilities", "outpost-suitability", "intended_audience");
const SEND_NEEDS: (&str, &str, &str) = ("Outpost SEND needs", "outpost-send-need", "intended_audience");

impl Service {
    fn to_v3(&self) -> Value {
        let id = self.id.text();
        // Ids for the parts Outpost gives none: unique within the document.
        let service = id.as_deref().unwrap_or("service");
        let derived = |what: &str, i: usize| format!("{service}-{what}-{}", i + 1);
        let own_or = |own: &Scalar, what: &str, i: usize| own.text().unwrap_or_else(|| derived(what, i));
        let contact_email = self.contacts.0.iter().find_map(|c| c.email.text());
        let link = self.links.0.iter().filter_map(|l| website(l.url.text())).find(|url| is_web_address(url));
        let organisation = self.organisation.0.as_ref();

        let places: Vec<Value> = self
            .locations
            .0
            .iter()
            .enumerate()
            .filter_map(|(i, location)| {
                let location_id = own_or(&location.id, "location", i);
                let place = location.to_v3(&location_id)?;
                let link = Object::default()
                    .text("id", Some(format!("{service}-at-{location_id}")))
                    .text("service_id", id.clone())
                    .text("location_id", Some(location_id))
                    .put("location", place);
                Some(link.done())
            })
            .collect();
        let schedules: Vec<Value> = self
            .regular_schedules
            .0
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let byday = day_code(&s.weekday)?;
                let schedule = Object::default()
                    .text("id", Some(own_or(&s.id, "schedule", i)))
                    .text("service_id", id.clone())
                    .text("freq", Some("WEEKLY".into()))
                    .put("interval", Value::from(1))
                    .text("byday", Some(byday.into()))
                    .text("opens_at", clock(&s.opens_at))
                    .text("closes_at", clock(&s.closes_at));
                Some(schedule.done())
            })
            .collect();
        let mut costs: Vec<Value> = self
            .cost_options
            .0
            .iter()
            .enumerate()
            .map(|(i, c)| c.to_v3(own_or(&c.id, "cost", i), id.clone()))
            .collect();
        // Outpost keeps "free" as a flag (and refuses one with fees too).
        if costs.is_empty() && self.free.flag() == Some(true) {
            let free = Object::default()
                .text("id", Some(derived("cost", 0)))
                .text("service_id", id.clone())
                .text("option", Some("Free".into()))
                .put("amount", Value::from(0));
            costs.push(free.done());
        }
        let contacts: Vec<Value> = self
            .contacts
            .0
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.to_v3(own_or(&c.id, "contact", i), id.clone()))
            .collect();
        let attributes: Vec<Value> = [
            (&self.taxonomies, CATEGORIES),
            (&self.suitabilities, SUITABILITIES),
            (&self.send_needs, SEND_NEEDS),
        ]
        .into_iter()
        .flat_map(|(list, vocabulary)| list.0.iter().filter_map(move |term| term.to_attribute(vocabulary)))
        .map(|attribute| {
            let term_id = attribute.0.get("taxonomy_term_id").and_then(Value::as_str).unwrap_or("term");
            let link_id = format!("{service}-{term_id}");
            let mut fields = Object::default().text("id", Some(link_id)).text("link_id", id.clone()).0;
            fields.extend(attribute.0);
            Value::Object(fields)
        })
        .collect();

        Object::default()
            .text("id", id.clone())
            .text("name", self.name.text())
            .text(
                "description",
                self.description.text().map(|d| plain_paragraphs(&d)).filter(|d| !d.is_empty()),
            )
            .text("url", website(self.url.text()).or(link))
            .text("email", self.email.text().or(contact_email))
            .text("status", Some(status(&self.status).into()))
            .put("minimum_age", age(&self.min_age))
            .put("maximum_age", age(&self.max_age))
            .text("last_modified", self.updated_at.text().and_then(|t| in_uk_time(&t)))
            .text("organization_id", organisation.and_then(|o| o.id.text()))
            .put("organization", organisation.and_then(Organisation::to_v3))
            .list("service_at_locations", places)
            .list("schedules", schedules)
            .list("cost_options", costs)
            .list("contacts", contacts)
            .list("attributes", attributes)
            .done()
    }
}

/// Outpost's own statuses (its `Service#status`): only services that are
/// approved and visible reach its public index, so "active" and "temporarily
/// closed" are what it serves. The rest are named for an export taken
/// another way. No status at all is an active service.
fn status(status: &Scalar) -> &'static str {
    let Some(text) = status.text() else { return "active" };
    match text.to_ascii_lowercase().as_str() {
        "active" => "active",
        "temporarily closed" => "temporarily closed",
        "archived" | "marked for deletion" | "defunct" => "defunct",
        // "pending", "invisible", "scheduled", "expired", and anything unknown:
        // not to be shown until someone says it is active.
        _ => "inactive",
    }
}

/// Years of age, or none: Outpost's forms write -1 (and feeds null) for "no
/// limit", and a negative or absurd age is no limit a person could meet.
fn age(value: &Scalar) -> Option<Value> {
    let years = value.number().filter(|years| (0.0..=130.0).contains(years))?;
    Some(if years.fract() == 0.0 { Value::from(years as u64) } else { Number::from_f64(years)?.into() })
}

/// An opening time as `HH:MM` (Outpost writes `10:00`), or none when it is
/// not a time of day.
fn clock(value: &Scalar) -> Option<String> {
    let minutes = minutes(&value.text()?)?;
    Some(format!("{:02}:{:02}", minutes / 60, minutes % 60))
}

/// The RFC 5545 day code for Outpost's `weekday`: its serializer writes the
/// day's name ("Monday"); its database holds 1 (Monday) to 7 (Sunday), and a
/// Ruby `wday` 0 is Sunday. Names may be cut short ("Tue", "Thurs") or
/// plural ("Mondays", as Scout shows them). `None` for anything else.
fn day_code(weekday: &Scalar) -> Option<&'static str> {
    const CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let by_number = |n: f64| match n {
        0.0 => Some("SU"),
        n if (1.0..=7.0).contains(&n) && n.fract() == 0.0 => Some(CODES[n as usize - 1]),
        _ => None,
    };
    if let Some(n) = weekday.number() {
        return by_number(n);
    }
    let text = weekday.text()?.to_ascii_lowercase();
    if let Some(i) = CODES.iter().position(|c| c.eq_ignore_ascii_case(&text)) {
        return Some(CODES[i]);
    }
    if text.len() < 3 || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    NAMES.iter().position(|n| text.starts_with(n)).map(|i| CODES[i])
}

impl Organisation {
    /// ORUK requires an organisation's name; many Outpost organisations have
    /// none (then only `organization_id` is written).
    fn to_v3(&self) -> Option<Value> {
        let name = self.name.text()?;
        let description = self.description.text().map(|d| plain_paragraphs(&d)).filter(|d| !d.is_empty());
        let organisation = Object::default()
            .text("id", self.id.text())
            .text("name", Some(name))
            .text("description", description)
            .text("email", self.email.text())
            .text("website", website(self.url.text()));
        Some(organisation.done())
    }
}

impl Location {
    /// The location, or `None` for one that is no place and not online
    /// either (Outpost's "Nationwide" entries, at `[0, 0]`).
    fn to_v3(&self, id: &str) -> Option<Value> {
        let masked = self.mask_exact_address.flag() == Some(true);
        let at = self.position();
        let street = self.address_1.text().filter(|_| !masked);
        let postcode = self.postal_code.text().and_then(|p| if masked { outward_code(&p) } else { Some(p) });
        if at.is_none() && postcode.is_none() && street.is_none() {
            return self.remote(id);
        }
        let at = at.map(|(lat, lon)| if masked { (round2(lat), round2(lon)) } else { (lat, lon) });
        let number = |n: f64| Number::from_f64(n).map(Value::Number);
        let address = Object::default()
            .text("id", Some(format!("{id}-address")))
            .text("location_id", Some(id.into()))
            .text("address_1", street)
            .text("city", self.city.text())
            .text("state_province", self.state_province.text())
            .text("postal_code", postcode)
            .text("country", Some(self.country.text().unwrap_or_else(|| "GB".into())))
            .text("address_type", Some("physical".into()));
        let accessibility: Vec<Value> = self
            .accessibilities
            .0
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let description = a.name.text()?;
                let id =
                    a.id.text()
                        .map_or_else(|| format!("{id}-access-{}", i + 1), |own| format!("{id}-access-{own}"));
                Some(Object::default().text("id", Some(id)).text("description", Some(description)).done())
            })
            .collect();
        let location = Object::default()
            .text("id", Some(id.into()))
            .text("location_type", Some("physical".into()))
            // A masked place's name could be the address itself (a
            // childminder's home is often named by it): its city names the area.
            .text("name", self.name.text().filter(|_| !masked))
            .text(
                "description",
                masked.then(|| "Approximate area: the exact address is not published".into()),
            )
            .put("latitude", at.and_then(|(lat, _)| number(lat)))
            .put("longitude", at.and_then(|(_, lon)| number(lon)))
            .list("addresses", vec![address.done()])
            .list("accessibility", accessibility);
        Some(location.done())
    }

    /// The position, from the GeoJSON point (`[lon, lat]`) or the columns;
    /// none at Null Island, where Outpost puts a place it could not geocode.
    fn position(&self) -> Option<(f64, f64)> {
        let coordinates = self.geometry.0.as_ref().and_then(|g| g.coordinates.as_array());
        let point = coordinates.filter(|c| c.len() >= 2).and_then(|c| {
            let number = |v: &Value| Scalar::deserialize(v.clone()).ok()?.number();
            Some((number(&c[1])?, number(&c[0])?))
        });
        let (lat, lon) = point.or_else(|| Some((self.latitude.number()?, self.longitude.number()?)))?;
        let on_earth = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
        (on_earth && (lat, lon) != (0.0, 0.0)).then_some((lat, lon))
    }

    /// A location with no place that says it is online or by phone.
    fn remote(&self, id: &str) -> Option<Value> {
        let words =
            [&self.name, &self.city, &self.address_1].iter().filter_map(|s| s.text()).collect::<Vec<_>>();
        let words = words.join(" ").to_lowercase();
        let has =
            |list: &[&str]| words.split(|c: char| !c.is_alphanumeric()).any(|word| list.contains(&word));
        let name = if has(&["phone", "telephone"]) {
            "By phone"
        } else if has(&["online", "zoom", "virtual", "teams", "video", "internet"]) {
            "Online"
        } else {
            return None;
        };
        let location = Object::default()
            .text("id", Some(id.into()))
            .text("location_type", Some("virtual".into()))
            .text("name", Some(name.into()));
        Some(location.done())
    }
}

/// Two decimal places: about 1.1 km north–south and 0.7 km east–west in
/// England, as Outpost rounds a masked place.
fn round2(degrees: f64) -> f64 {
    (degrees * 100.0).round() / 100.0
}

/// The outward code of a UK postcode ("HP20 1AB" → "HP20"), given whole or
/// already cut to it (Outpost serves a masked place's postcode so); `None`
/// for text that is neither.
fn outward_code(postcode: &str) -> Option<String> {
    let compact: String =
        postcode.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    let outward_shape = |code: &str| {
        (2..=4).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_alphabetic())
            && code.bytes().any(|b| b.is_ascii_digit())
            && code.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let inward = |code: &[u8]| {
        code.len() == 3 && code[0].is_ascii_digit() && code[1..].iter().all(u8::is_ascii_alphabetic)
    };
    if compact.len() > 4 && compact.is_ascii() {
        let (outward, rest) = compact.split_at(compact.len() - 3);
        return (inward(rest.as_bytes()) && outward_shape(outward)).then(|| outward.to_string());
    }
    outward_shape(&compact).then_some(compact)
}

fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A website as published, except that one typed without its scheme
/// (`www.example.org`, which Outpost's form accepts) gets `https://`: the
/// widget links only web addresses, and would leave it out.
fn website(url: Option<String>) -> Option<String> {
    let url = url?;
    let bare = url.get(..4).is_some_and(|start| start.eq_ignore_ascii_case("www."))
        && !url.contains(char::is_whitespace);
    Some(if bare { format!("https://{url}") } else { url })
}

impl CostOption {
    /// A cost. The widget shows `amount_description` in place of the
    /// amount when there is one, so it is written whole: who the fee is for,
    /// the price, and what it is per ("Adults: £2.50 per session"); with
    /// neither, the widget words the amount itself. An amount that is no
    /// price ("", "varies") is left out, keeping the words around it.
    fn to_v3(&self, id: String, service_id: Option<String>) -> Value {
        let (option, per) = (self.option.text(), self.cost_type.text());
        let amount = price(&self.amount);
        let described = match (amount, &option, &per) {
            (Some(0.0), _, _) | (_, None, None) => None,
            (Some(pounds), option, per) => {
                Some(words(option.as_deref(), Some(&pounds_text(pounds)), per.as_deref()))
            }
            (None, option, per) => Some(words(option.as_deref(), None, per.as_deref())),
        };
        let amount = amount.and_then(|pounds| {
            if pounds.fract() == 0.0 {
                Some(Value::from(pounds as u64))
            } else {
                Number::from_f64(pounds).map(Value::Number)
            }
        });
        Object::default()
            .text("id", Some(id))
            .text("service_id", service_id)
            .text("option", option)
            .put("amount", amount)
            .text("amount_description", described.filter(|d| !d.is_empty()))
            .done()
    }
}

/// "Adults: £2.50 per session", from whichever of its parts are given.
fn words(option: Option<&str>, price: Option<&str>, per: Option<&str>) -> String {
    let price_and_per = [price, per].into_iter().flatten().collect::<Vec<_>>().join(" ");
    match (option, price_and_per.is_empty()) {
        (Some(option), false) => format!("{option}: {price_and_per}"),
        (Some(option), true) => option.to_string(),
        (None, _) => price_and_per,
    }
}

fn pounds_text(pounds: f64) -> String {
    let pence = (pounds * 100.0).round() as u64;
    format!("£{}.{:02}", pence / 100, pence % 100)
}

/// Pounds from Outpost's amount, which is text with two decimals ("2.50";
/// its form takes any number). "£2.50", "2.5", "1,200" and "Free" read;
/// negative, absurd or wordy amounts ("2.50 per hour", "varies") do not.
fn price(amount: &Scalar) -> Option<f64> {
    let text = match amount {
        Scalar::Text(text) => text.trim().to_string(),
        other => return other.number().filter(|p| (0.0..=10_000.0).contains(p)),
    };
    if text.eq_ignore_ascii_case("free") {
        return Some(0.0);
    }
    let digits = text.strip_prefix('£').unwrap_or(&text).trim().replace(',', "");
    let digits_only = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    digits_only.then(|| digits.parse::<f64>().ok()).flatten().filter(|p| (0.0..=10_000.0).contains(p))
}

impl Contact {
    /// A contact with its phone as ORUK nests one (`phones[].number`), or
    /// `None` when it holds nothing to get in touch by.
    fn to_v3(&self, id: String, service_id: Option<String>) -> Option<Value> {
        let (email, phone) = (self.email.text(), self.phone.text());
        if email.is_none() && phone.is_none() {
            return None;
        }
        let phones = phone.map(|number| {
            Object::default().text("id", Some(format!("{id}-phone"))).text("number", Some(number)).done()
        });
        let contact = Object::default()
            .text("id", Some(id))
            .text("service_id", service_id)
            .text("name", self.name.text())
            .text("title", self.title.text())
            .text("email", email)
            .list("phones", phones.into_iter().collect());
        Some(contact.done())
    }
}

impl Category {
    /// The attribute's `taxonomy_term_id` and `taxonomy_term` (the caller
    /// adds its own ids), or `None` for a term with no name to match by.
    fn to_attribute(&self, (vocabulary, prefix, link_type): (&str, &str, &str)) -> Option<Object> {
        let name = self.name.text()?;
        let id = self.id.text().map(|own| format!("{prefix}:{own}"));
        let term = Object::default()
            .text("id", id.clone())
            .text("name", Some(name))
            .text("parent_id", self.parent_id.text().map(|parent| format!("{prefix}:{parent}")))
            .text("taxonomy", Some(vocabulary.into()));
        Some(
            Object::default()
                .text("link_type", Some(link_type.into()))
                .text("taxonomy_term_id", id)
                .put("taxonomy_term", term.done()),
        )
    }
}

// ---------------------------------------------------------------------
// HTML to plain paragraphs.

/// What lies between two visible characters, the widest one counting.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

struct Plain {
    text: String,
    gap: Gap,
    /// Line breaks in the text since the last visible character.
    newlines: u32,
    /// Whether the text uses block tags (then its own line breaks are spaces).
    blocks: bool,
}

impl Plain {
    fn widen(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    fn text(&mut self, text: &str) {
        let mut rest = text;
        while let Some(at) = rest.find('&') {
            self.chars(&rest[..at]);
            let (decoded, used) = entity(&rest[at..]);
            match decoded {
                Some(c) => self.chars(c.encode_utf8(&mut [0; 4])),
                None if used > 0 => {}
                None => self.chars("&"),
            }
            rest = &rest[at + used.max(1)..];
        }
        self.chars(rest);
    }

    fn chars(&mut self, text: &str) {
        let mut after_cr = false;
        for c in text.chars() {
            let newline = c == '\n' || c == '\r';
            if newline && !(c == '\n' && after_cr) {
                self.newlines += 1;
                if !self.blocks {
                    self.widen(if self.newlines >= 2 { Gap::Paragraph } else { Gap::Line });
                }
            }
            after_cr = c == '\r';
            if c.is_whitespace() {
                self.widen(Gap::Space);
            } else if c == '\u{ad}' || c.is_control() || is_invisible(c) {
                // Soft hyphens and zero-width marks: nothing to show.
            } else {
                self.visible(c);
            }
        }
    }

    fn visible(&mut self, c: char) {
        if !self.text.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => self.text.push(' '),
                Gap::Line => self.text.push('\n'),
                Gap::Paragraph => self.text.push_str("\n\n"),
            }
        }
        self.gap = Gap::None;
        self.newlines = 0;
        self.text.push(c);
    }

    fn tag(&mut self, tag: Tag) {
        match tag.kind() {
            Kind::Inline => {}
            Kind::Cell => self.widen(Gap::Space),
            // A second break in a row is a blank line: a new paragraph.
            Kind::LineBreak => self.widen(if self.gap >= Gap::Line { Gap::Paragraph } else { Gap::Line }),
            Kind::Block => self.widen(Gap::Paragraph),
        }
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Inline,
    Cell,
    LineBreak,
    Block,
}

/// A start or end tag (comments and the like never reach the reader).
#[derive(Clone, Copy)]
struct Tag<'a> {
    name: &'a str,
}

impl Tag<'_> {
    fn kind(&self) -> Kind {
        // Tag names are ASCII when they are any tag a block could be.
        match self.name.to_ascii_lowercase().as_str() {
            "br" => Kind::LineBreak,
            "td" | "th" => Kind::Cell,
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol" | "dl" | "dt"
            | "dd" | "tr" | "table" | "thead" | "tbody" | "tfoot" | "caption" | "blockquote" | "pre"
            | "hr" | "section" | "article" | "header" | "footer" | "aside" | "nav" | "main" | "figure"
            | "figcaption" | "address" | "body" | "html" => Kind::Block,
            _ => Kind::Inline,
        }
    }
}

enum Piece<'a> {
    Text(&'a str),
    Tag(Tag<'a>),
}

/// The text and tags of `html`, in order. Never fails: what is not a
/// tag is text.
struct Tags<'a> {
    html: &'a str,
    at: usize,
    /// No tag can start after the last `>`.
    last_close: Option<usize>,
}

impl<'a> Tags<'a> {
    fn new(html: &'a str) -> Self {
        Tags { html, at: 0, last_close: html.rfind('>') }
    }

    /// The tag at `start` (a `<`): where it ends and what it is, `None` for
    /// something dropped whole (a comment), or `Err` for a `<` that is text.
    fn tag_at(&self, start: usize) -> Result<(usize, Option<Tag<'a>>), ()> {
        let html = self.html;
        let bytes = html.as_bytes();
        if html[start..].starts_with("<!--") {
            let end = html[start + 4..].find("-->").map_or(html.len(), |i| start + 4 + i + 3);
            return Ok((end, None));
        }
        if self.last_close.is_none_or(|last| last < start) {
            return Err(());
        }
        let after = bytes.get(start + 1).copied().ok_or(())?;
        if after == b'!' || after == b'?' {
            let end = html[start..].find('>').ok_or(())?;
            return Ok((start + end + 1, None));
        }
        let name_start = if after == b'/' { start + 2 } else { start + 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return Err(());
        }
        let name_end = html[name_start..]
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .map_or(html.len(), |i| name_start + i);
        let end = tag_end(html, name_end).ok_or(())?;
        let tag = Tag { name: &html[name_start..name_end] };
        let closing = after == b'/';
        let self_closing = bytes[end - 2] == b'/';
        // What these hold is no text to show: skip to their end tag.
        const HIDDEN: [&str; 5] = ["script", "style", "template", "noscript", "title"];
        if !closing && !self_closing && HIDDEN.iter().any(|h| tag.name.eq_ignore_ascii_case(h)) {
            return Ok((end_tag_after(html, end, tag.name), None));
        }
        Ok((end, Some(tag)))
    }
}

/// Just past the `>` ending the tag whose name ends at `from`; quotes after
/// `=` hold attribute values, which may contain `>`. A quote never closed
/// is read as if it were not one.
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            b'=' => after_equals = true,
            quote @ (b'"' | b'\'') if after_equals => {
                if let Some(close) = html[i + 1..].find(quote as char) {
                    i += close + 1;
                }
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// Just past the end tag `</name>` at or after `from`, or the end of the text.
fn end_tag_after(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(i) = html[at..].find("</") {
        let name_start = at + i + 2;
        let name_end = name_start + name.len();
        let matches =
            bytes.get(name_start..name_end).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ends = bytes.get(name_end).is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
        if matches && ends {
            return html[name_end..].find('>').map_or(html.len(), |j| name_end + j + 1);
        }
        at = name_start;
    }
    html.len()
}

impl<'a> Iterator for Tags<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        loop {
            let rest = self.html.get(self.at..).filter(|r| !r.is_empty())?;
            let Some(lt) = rest.find('<') else {
                self.at = self.html.len();
                return Some(Piece::Text(rest));
            };
            if lt > 0 {
                self.at += lt;
                return Some(Piece::Text(&rest[..lt]));
            }
            match self.tag_at(self.at) {
                Ok((end, tag)) => {
                    self.at = end;
                    if let Some(tag) = tag {
                        return Some(Piece::Tag(tag));
                    }
                }
                Err(()) => {
                    self.at += 1;
                    return Some(Piece::Text("<"));
                }
            }
        }
    }
}

/// The character a reference at the start of `text` (which begins with
/// `&`) stands for, and how many bytes it takes; `(None, 0)` when it is no
/// reference (the `&` is text), `(None, n)` for one that stands for
/// nothing to show (`&shy;`, `&#0;`).
fn entity(text: &str) -> (Option<char>, usize) {
    let body = &text[1..];
    // Bytes, not a slice: the twelfth byte may fall inside a character.
    let Some(semicolon) = body.bytes().take(12).position(|b| b == b';') else { return (None, 0) };
    let name = &body[..semicolon];
    let used = semicolon + 2;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16)
            }
            None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => number.parse(),
            _ => return (None, 0),
        };
        return match code.ok().and_then(numeric) {
            Some(c) => (Some(c), used),
            None => (None, used),
        };
    }
    match named(name) {
        Some('\u{ad}') => (None, used),
        Some(c) => (Some(c), used),
        None => (None, 0),
    }
}

/// A numeric reference's character, as browsers read them: 128–159 are
/// Windows-1252's (`&#146;` is ’, as old editors wrote it); NUL, surrogates
/// and controls are nothing.
fn numeric(code: u32) -> Option<char> {
    const WINDOWS_1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    let c = match code {
        0x80..=0x9f => WINDOWS_1252[(code - 0x80) as usize],
        _ => char::from_u32(code)?,
    };
    (!c.is_control() || c.is_whitespace()).then_some(c)
}

/// The named references descriptions use (HTML's names are case-sensitive).
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "pound" => '£',
        "euro" => '€',
        "cent" => '¢',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sect" => '§',
        "para" => '¶',
        "iexcl" => '¡',
        "iquest" => '¿',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "Icirc" => 'Î',
        "iuml" => 'ï',
        "oacute" => 'ó',
        "Oacute" => 'Ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "yacute" => 'ý',
        "ycirc" => 'ŷ',
        "Ycirc" => 'Ŷ',
        "wcirc" => 'ŵ',
        "Wcirc" => 'Ŵ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        "oslash" => 'ø',
        "aelig" => 'æ',
        "oelig" => 'œ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use waymark::core::directory::{Attendance, Directory, Service as Shown};

    /// How the widget reads one converted record.
    fn shown(record: Value) -> (Shown, Vec<String>) {
        let v3 = to_v3(record);
        let directory = Directory::parse(&format!("[{v3}]")).unwrap();
        assert_eq!(directory.services.len(), 1, "not shown: {:?} from {v3}", directory.warnings);
        (directory.services[0].clone(), directory.warnings)
    }

    fn fixture(name: &str) -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/feeds/outpost/");
        let text = std::fs::read_to_string(format!("{path}{name}")).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn page_items(name: &str) -> Vec<Value> {
        fixture(name)["content"].as_array().unwrap().clone()
    }

    fn walk() -> Value {
        json!({
            "id": 12, "updated_at": "2024-06-01T23:30:00.000Z", "name": "Walk and Talk Aylesbury",
            "description": "<h1>Walk &amp; talk</h1><p>Gentle walks.<br>Tea after.</p>",
            "url": null, "min_age": 18, "max_age": -1, "free": null, "created_at": "2023-01-01T10:00:00.000Z",
            "status": "active",
            "locations": [ {
                "id": 3, "name": "Vale Park", "address_1": " Park Street", "city": "Aylesbury",
                "state_province": "Buckinghamshire", "postal_code": "HP20 1DW", "country": "GB",
                "geometry": { "type": "Point", "coordinates": [-0.8145, 51.8177] },
                "mask_exact_address": false,
                "accessibilities": [ { "name": "Wheelchair accessible entrance", "slug": "wheelchair-accessible-entrance" } ]
            } ],
            "contacts": [ { "id": 7, "name": "Group lead", "title": null, "email": "walks@example.org", "phone": "01632 960123" } ],
            "organisation": { "id": 40, "name": "Vale Walkers", "description": null, "email": null, "url": null },
            "taxonomies": [ { "id": 402, "name": "Staying active", "slug": "staying-active", "parent_id": 3 },
                            { "id": 3, "name": "Things to do", "slug": "things-to-do", "parent_id": null } ],
            "regular_schedules": [ { "id": 9, "weekday": "Tuesday", "opens_at": "10:00", "closes_at": "11:30" } ],
            "cost_options": [ { "id": 5, "option": "Everyone", "amount": "2.50", "cost_type": "per session" } ],
            "links": [ { "label": "Facebook", "url": "https://example.org/walks" } ],
            "send_needs": [], "suitabilities": [ { "id": 2, "name": "Older people", "slug": "older-people" } ]
        })
    }

    #[test]
    fn a_service_reads_as_the_widget_shows_it() {
        let (s, warnings) = shown(walk());
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(s.id, "12");
        assert_eq!(s.name, "Walk and Talk Aylesbury");
        assert_eq!(s.description.as_deref(), Some("Walk & talk\n\nGentle walks.\nTea after."));
        assert_eq!(s.organisation.as_deref(), Some("Vale Walkers"));
        assert_eq!(s.organisation_id.as_deref(), Some("40"));
        assert_eq!(
            s.url.as_deref(),
            Some("https://example.org/walks"),
            "the first link, when there is no url"
        );
        assert_eq!(s.email.as_deref(), Some("walks@example.org"));
        assert_eq!(s.phones, ["01632 960123"]);
        assert_eq!((s.min_age, s.max_age), (Some(18), None), "-1 is no limit");
        // 23:30 UTC on 1 June was 00:30 on 2 June in the UK.
        assert_eq!(s.last_checked.as_deref(), Some("2024-06-02"));
        assert_eq!(s.attendance, Some(Attendance::InPerson));
        let place = &s.locations[0];
        assert_eq!(place.name.as_deref(), Some("Vale Park"));
        assert_eq!(place.address, ["Park Street", "Aylesbury"]);
        assert_eq!(place.postcode.as_deref(), Some("HP20 1DW"));
        let at = place.at.unwrap();
        assert_eq!((at.lat, at.lon), (51.8177, -0.8145), "GeoJSON is [lon, lat]");
        assert_eq!(place.accessibility, ["Wheelchair accessible entrance"]);
        let schedule = &s.schedules[0];
        assert_eq!(
            (
                schedule.freq.as_deref(),
                schedule.byday.as_deref(),
                schedule.opens_at.as_deref(),
                schedule.closes_at.as_deref()
            ),
            (Some("WEEKLY"), Some("TU"), Some("10:00"), Some("11:30"))
        );
        assert_eq!(s.costs[0].amount, Some(2.5));
        assert_eq!(s.costs[0].description.as_deref(), Some("Everyone: £2.50 per session"));
        assert!(!s.is_free());
        let terms: Vec<(&str, Option<&str>)> =
            s.terms.iter().map(|t| (t.label(), t.taxonomy.as_deref())).collect();
        assert_eq!(
            terms,
            [
                ("Staying active", Some("Outpost categories")),
                ("Things to do", Some("Outpost categories")),
                ("Older people", Some("Outpost suitabilities"))
            ]
        );
        assert!(s.terms[0].is("outpost-category:402") && s.terms[0].is("staying active"));
    }

    #[test]
    fn the_3_0_record_names_its_parts_as_oruk_does() {
        let v3 = to_v3(walk());
        assert_eq!(v3["status"], "active");
        assert_eq!(v3["last_modified"], "2024-06-02T00:30:00.000+01:00");
        let term = &v3["attributes"][0];
        assert_eq!(term["taxonomy_term_id"], "outpost-category:402");
        assert_eq!(term["link_id"], "12");
        assert_eq!(term["taxonomy_term"]["parent_id"], "outpost-category:3");
        assert!(v3["attributes"][1]["taxonomy_term"].get("parent_id").is_none(), "a root has no parent");
        let sal = &v3["service_at_locations"][0];
        assert_eq!((sal["service_id"].as_str(), sal["location_id"].as_str()), (Some("12"), Some("3")));
        assert_eq!(sal["location"]["location_type"], "physical");
        assert_eq!(sal["location"]["addresses"][0]["address_type"], "physical");
        assert_eq!(v3["contacts"][0]["phones"][0]["number"], "01632 960123");
        assert_eq!(v3["cost_options"][0]["amount"], 2.5);
        assert_eq!(v3["schedules"][0]["interval"], 1);
        assert!(v3.get("maximum_age").is_none() && v3.get("links").is_none() && v3.get("free").is_none());
    }

    #[test]
    fn a_masked_address_is_an_area_not_a_door() {
        let mut record = walk();
        record["locations"][0] = json!({
            "id": 8, "name": "14 Example Close", "address_1": "14 Example Close", "city": "Aylesbury",
            "state_province": "Buckinghamshire", "postal_code": "HP21 7AB", "country": "GB",
            "geometry": { "type": "Point", "coordinates": [-0.80512, 51.80634] }, "mask_exact_address": true,
            "accessibilities": []
        });
        let (s, _) = shown(record.clone());
        let place = &s.locations[0];
        assert_eq!(place.name, None, "the venue's name may be its address");
        assert_eq!(place.address, ["Aylesbury"]);
        assert_eq!(place.postcode.as_deref(), Some("HP21"));
        let at = place.at.unwrap();
        assert_eq!((at.lat, at.lon), (51.81, -0.81));
        let text = to_v3(record).to_string();
        assert!(!text.contains("Example Close") && !text.contains("7AB"), "{text}");
        // Outpost already serves the outward code alone for a masked place.
        assert_eq!(outward_code("HP20"), Some("HP20".into()));
        assert_eq!(outward_code("hp5 1aa"), Some("HP5".into()));
        assert_eq!(outward_code("SW1A1AA"), Some("SW1A".into()));
        assert_eq!(outward_code("not a postcode"), None);
        assert_eq!(outward_code("1234567"), None);
    }

    #[test]
    fn places_outpost_could_not_geocode_are_online_by_phone_or_left_out() {
        let place = |name: &str, city: &str| {
            json!({ "id": 1, "name": name, "address_1": " ", "city": city, "postal_code": null,
                    "geometry": { "type": "Point", "coordinates": [0, 0] }, "mask_exact_address": null })
        };
        let mut record = walk();
        record["locations"] = json!([place("online via Zoom", "Nationwide")]);
        let (s, _) = shown(record.clone());
        assert_eq!((s.attendance, s.locations.len()), (Some(Attendance::Online), 0));
        record["locations"] = json!([place("Telephone befriending", "Nationwide")]);
        assert_eq!(shown(record.clone()).0.attendance, Some(Attendance::Phone));
        record["locations"] = json!([place("GOV.UK", "Nationwide")]);
        let (s, warnings) = shown(record.clone());
        assert_eq!((s.attendance, s.locations.len()), (None, 0), "Nationwide is no place");
        assert_eq!(warnings, Vec::<String>::new());
        // [0, 0] with a postcode is a place without a position, not Null Island.
        record["locations"] = json!([{ "id": 2, "city": "Chesham", "postal_code": "HP5 1DE",
                                        "geometry": { "type": "Point", "coordinates": [0.0, 0.0] } }]);
        let v3 = to_v3(record);
        assert!(v3["service_at_locations"][0]["location"].get("latitude").is_none());
    }

    #[test]
    fn wrong_types_cost_only_their_own_field() {
        let record = json!({
            "id": "77", "name": 2024, "description": ["not", "text"], "url": 5, "min_age": "5", "max_age": "eleven",
            "updated_at": 1700000000, "status": null,
            "organisation": "Chesham Scouts",
            "locations": { "id": 1 },
            "contacts": [ "ring us", { "phone": 1632960000u64 } ],
            "taxonomies": [ { "id": "x", "name": null }, { "id": 269, "name": "Sports and fitness", "parent_id": "1" }, 7 ],
            "regular_schedules": [ { "weekday": 3, "opens_at": "9:30", "closes_at": null }, { "weekday": "Someday" } ],
            "cost_options": [ { "option": null, "amount": 3, "cost_type": null }, { "amount": {} } ],
            "links": "https://example.org"
        });
        let (s, warnings) = shown(record.clone());
        assert_eq!((s.id.as_str(), s.name.as_str()), ("77", "2024"));
        assert_eq!((s.description.as_deref(), s.min_age, s.max_age), (None, Some(5), None));
        assert!(warnings.iter().any(|w| w.contains("url \"5\"")), "the widget's own check: {warnings:?}");
        assert_eq!((s.organisation.as_deref(), s.last_checked.as_deref()), (None, None));
        assert_eq!(s.phones, ["1632960000"]);
        assert_eq!(s.terms.iter().map(|t| t.label()).collect::<Vec<_>>(), ["Sports and fitness"]);
        assert_eq!(s.schedules.len(), 1, "a day that is no day is left out");
        assert_eq!(
            (s.schedules[0].byday.as_deref(), s.schedules[0].opens_at.as_deref()),
            (Some("WE"), Some("09:30"))
        );
        assert_eq!(s.costs.iter().map(|c| c.amount).collect::<Vec<_>>(), [Some(3.0), None]);
        assert_eq!(to_v3(record)["status"], "active");
        assert_eq!(to_v3(json!("not a record")), json!("not a record"));
        assert_eq!(to_v3(json!({})), json!({ "status": "active" }));
    }

    #[test]
    fn a_website_typed_without_its_scheme_is_linked() {
        let url = |given: Value| to_v3(json!({ "id": 1, "name": "A", "url": given }))["url"].clone();
        assert_eq!(url(json!("www.example.org/walks")), "https://www.example.org/walks");
        assert_eq!(url(json!("http://example.org")), "http://example.org");
        assert_eq!(url(json!("ring the office")), "ring the office", "as published, for the widget to judge");
    }

    #[test]
    fn statuses_outpost_gives() {
        let with = |status: Value| to_v3(json!({ "id": 1, "name": "A", "status": status }))["status"].clone();
        assert_eq!(with(json!("active")), "active");
        assert_eq!(with(json!("Active ")), "active");
        assert_eq!(with(json!("temporarily closed")), "temporarily closed");
        assert_eq!(with(json!("archived")), "defunct");
        assert_eq!(with(json!("marked for deletion")), "defunct");
        for hidden in ["pending", "invisible", "scheduled", "expired", "on a break"] {
            assert_eq!(with(json!(hidden)), "inactive", "{hidden}");
        }
        let closed = Directory::parse(&format!(
            "[{}]",
            to_v3(json!({ "id": 1, "name": "A", "status": "temporarily closed" }))
        ));
        assert_eq!(closed.unwrap().hidden, 1, "the widget hides a closed service");
    }

    #[test]
    fn costs_read_as_a_person_would_say_them() {
        let cost = |amount: Value, option: Value, per: Value| {
            let record = json!({ "id": 1, "name": "A", "cost_options": [ { "option": option, "amount": amount, "cost_type": per } ] });
            let v3 = to_v3(record);
            (
                v3["cost_options"][0].get("amount").cloned(),
                v3["cost_options"][0].get("amount_description").cloned(),
            )
        };
        let n = Value::Null;
        assert_eq!(cost(json!("2.50"), n.clone(), n.clone()), (Some(json!(2.5)), None));
        assert_eq!(
            cost(json!("£2.50"), n.clone(), json!("per session")),
            (Some(json!(2.5)), Some(json!("£2.50 per session")))
        );
        assert_eq!(
            cost(json!("2.5"), json!("Adults"), n.clone()),
            (Some(json!(2.5)), Some(json!("Adults: £2.50")))
        );
        assert_eq!(cost(json!("12.00"), n.clone(), n.clone()), (Some(json!(12)), None));
        assert_eq!(
            cost(json!("1,200"), n.clone(), json!("per term")),
            (Some(json!(1200)), Some(json!("£1200.00 per term")))
        );
        assert_eq!(cost(json!("0.00"), json!("Under 5s"), n.clone()), (Some(json!(0)), None));
        assert_eq!(cost(json!("Free"), n.clone(), n.clone()), (Some(json!(0)), None));
        assert_eq!(
            cost(json!(""), json!("Donations welcome"), n.clone()),
            (None, Some(json!("Donations welcome")))
        );
        assert_eq!(
            cost(json!("varies"), json!("Adults"), json!("per hour")),
            (None, Some(json!("Adults: per hour")))
        );
        assert_eq!(cost(json!("-3"), n.clone(), n.clone()), (None, None));
        assert_eq!(cost(json!("2.50 per hour"), n.clone(), n.clone()), (None, None));
        assert_eq!(cost(json!("NaN"), n.clone(), n.clone()), (None, None));
        // Outpost's "free" flag, with no fees, is a free cost.
        let (s, _) = shown(json!({ "id": 1, "name": "A", "free": true }));
        assert!(s.is_free());
        let (s, _) = shown(json!({ "id": 1, "name": "A", "free": false }));
        assert!(s.costs.is_empty());
    }

    #[test]
    fn weekdays_in_every_form_outpost_has_held_them() {
        let day = |v: Value| day_code(&Scalar::deserialize(v).unwrap());
        for (given, code) in [
            (json!("Monday"), Some("MO")),
            (json!("tuesday"), Some("TU")),
            (json!("Weds"), Some("WE")),
            (json!("Thurs"), Some("TH")),
            (json!("Fridays"), Some("FR")),
            (json!("SA"), Some("SA")),
            (json!(7), Some("SU")),
            (json!(0), Some("SU")),
            (json!("1"), Some("MO")),
            (json!(8), None),
            (json!(2.5), None),
            (json!("Mo"), Some("MO")),
            (json!("Moonday"), None),
            (json!("Sun-day"), None),
            (json!(""), None),
            (json!(null), None),
        ] {
            assert_eq!(day(given.clone()), code, "{given}");
        }
    }

    #[test]
    fn outpost_records_are_told_from_open_referral_ones() {
        for item in page_items("services-page-1.json").iter().chain(&page_items("services-page-2.json")) {
            assert!(is_outpost(item), "{}", item["name"]);
        }
        assert!(is_outpost(&fixture("service-1043.json")));
        assert!(is_outpost(&walk()));
        let kendal: Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/feeds/kendal-v3.json")).unwrap();
        for item in kendal["contents"].as_array().unwrap() {
            assert!(!is_outpost(item), "{}", item["name"]);
        }
        // As tests/support/oruk-server.mjs serves them: v1 in full and as a list item, then 3.0.
        let v1 = json!({ "id": "wf-001", "name": "Kendal Befriending Circle", "status": "active",
            "organization": { "id": "org-wf-001", "name": "Community Trust" },
            "service_taxonomys": [], "regular_schedules": [ { "id": "r", "freq": "WEEKLY", "byday": "TU" } ],
            "eligibilitys": [], "languages": [], "contacts": [], "cost_options": [], "service_at_locations": [] });
        let v1_list_item = json!({ "id": "wf-001", "name": "Kendal Befriending Circle", "status": "active",
            "description": "…", "url": null, "email": null, "fees": "", "assured_date": "2025-11-03" });
        let v3 = json!({ "id": "som-003", "name": "Walking for Health Taunton", "organization_id": "org-som-003",
            "attributes": [], "schedules": [], "cost_options": [], "service_at_locations": [] });
        for item in [v1, v1_list_item, v3, json!([]), json!("x"), json!({ "id": 1, "name": "Mini" })] {
            assert!(!is_outpost(&item), "{item}");
        }
        // Even with Outpost-like fields, an ORUK field settles it.
        assert!(!is_outpost(&json!({ "id": 1, "locations": [], "service_at_locations": [] })));
    }

    #[test]
    fn the_fixture_pages_convert_to_services_the_widget_shows() {
        let mut all = page_items("services-page-1.json");
        all.extend(page_items("services-page-2.json"));
        let converted: Vec<String> = all.into_iter().map(|item| to_v3(item).to_string()).collect();
        let directory = Directory::parse(&format!("[{}]", converted.join(","))).unwrap();
        assert_eq!(directory.services.len(), 5);
        assert_eq!(directory.warnings, Vec::<String>::new());
        let by_id = |id: &str| directory.find(id).unwrap();
        // The masked childminder-style place: an area, not a door.
        let masked = by_id("1043");
        assert_eq!(masked.locations[0].postcode.as_deref(), Some("HP21"));
        assert_eq!(masked.locations[0].name, None);
        assert!(masked.description.as_deref().unwrap().contains("\n\n"));
        assert!(!masked.description.as_deref().unwrap().contains('<'));
        // The single-service answer converts as its page item does.
        assert_eq!(to_v3(fixture("service-1043.json")), to_v3(page_items("services-page-1.json")[1].clone()));
    }

    // --- plain_paragraphs ---

    fn plain(html: &str) -> String {
        plain_paragraphs(html)
    }

    #[test]
    fn blocks_become_paragraphs_and_tags_go() {
        assert_eq!(
            plain("<h1>Carers&#39; caf&eacute;</h1><p>Meet other carers &amp; have a cuppa.</p><p>Every <strong>Tuesday</strong>.</p>"),
            "Carers' café\n\nMeet other carers & have a cuppa.\n\nEvery Tuesday."
        );
        assert_eq!(
            plain("<ul><li>Tea</li><li>Cake</li></ul><p>All welcome</p>"),
            "Tea\n\nCake\n\nAll welcome"
        );
        assert_eq!(plain("<div>One<br>Two<br/><br />Three</div>"), "One\nTwo\n\nThree");
        assert_eq!(plain("<p>Line one<BR>\n  Line two</p>"), "Line one\nLine two");
        assert_eq!(
            plain("<table><tr><td>Mon</td><td>10am</td></tr><tr><td>Tue</td><td>2pm</td></tr></table>"),
            "Mon 10am\n\nTue 2pm"
        );
        assert_eq!(plain("<p>  lots   of\n\n   space\t here </p>"), "lots of space here");
        assert_eq!(plain("<p></p><p>\u{a0}</p><div>&nbsp;</div><p>Only this</p><br><br><br>"), "Only this");
        assert_eq!(plain("<p>Not</p><blockquote>quoted</blockquote>"), "Not\n\nquoted");
        assert_eq!(
            plain("a <a href=\"https://example.org/?a=1&amp;b=2\" title=\"x > y\">link</a> here"),
            "a link here"
        );
        assert_eq!(plain("<P CLASS='x'>Shouting</P><H2>Tags</H2>"), "Shouting\n\nTags");
    }

    #[test]
    fn plain_text_keeps_its_own_lines() {
        // Outpost without its editor: lines as typed, blank lines as paragraphs.
        assert_eq!(
            plain("Beavers\r\nBeaver Scouts like:\r\n\r\nBeing creative \n \n\n Games"),
            "Beavers\nBeaver Scouts like:\n\nBeing creative\n\nGames"
        );
        assert_eq!(plain("Fish & chips, ages < 5 or >= 65, 3<4"), "Fish & chips, ages < 5 or >= 65, 3<4");
        assert_eq!(plain("Only <b>bold</b> here\nand a second line"), "Only bold here\nand a second line");
        assert_eq!(plain("  \n\n  "), "");
        assert_eq!(plain(""), "");
    }

    #[test]
    fn references_are_decoded_once() {
        assert_eq!(plain("&lt;p&gt; is a tag"), "<p> is a tag");
        assert_eq!(plain("&amp;lt;"), "&lt;");
        assert_eq!(plain("&pound;2.50 &ndash; &#163;3 &#x2013; &#8217;"), "£2.50 – £3 – ’");
        assert_eq!(plain("&#146;&#150;&#128;"), "’–€", "Windows-1252, as browsers read it");
        assert_eq!(plain("Caf&eacute; ym Mhontypridd, &wcirc;yl"), "Café ym Mhontypridd, ŵyl");
        assert_eq!(plain("AT&T &unknown; &amp &#xZZ; &#; &"), "AT&T &unknown; &amp &#xZZ; &#; &");
        assert_eq!(
            plain("soft&shy;hyphen &#0;nul &#xD800;surrogate &#x110000;big"),
            "softhyphen nul surrogate big"
        );
        assert_eq!(plain("a&nbsp;&nbsp;&nbsp;b"), "a b");
    }

    #[test]
    fn what_is_hidden_stays_hidden() {
        assert_eq!(
            plain("<p>Hi</p><script>alert('<p>x</p>')</script><style>p{}</style><p>there</p>"),
            "Hi\n\nthere"
        );
        assert_eq!(plain("<SCRIPT type=x>var a = '</scr' + 'ipt>';</SCRIPT >after"), "after");
        assert_eq!(plain("before<!-- a <p>comment</p> -->after"), "beforeafter");
        assert_eq!(
            plain("<!DOCTYPE html><html><head><title>T</title></head><body><p>Body</p></body></html>"),
            "Body"
        );
        assert_eq!(plain("kept<script>never closed <p>lost"), "kept");
        assert_eq!(plain("kept<!-- never closed"), "kept");
        assert_eq!(plain("<?xml version=\"1.0\"?>text"), "text");
    }

    #[test]
    fn hostile_markup_is_text_or_dropped_never_a_panic() {
        assert_eq!(plain("<p>unclosed <b>bold"), "unclosed bold");
        assert_eq!(plain("<p>never ends <a href=\"x"), "never ends <a href=\"x");
        assert_eq!(plain("<"), "<");
        assert_eq!(plain("<<>>"), "<<>>");
        assert_eq!(plain("< p>not a tag</ p>"), "< p>not a tag</ p>");
        assert_eq!(plain("<a title='a > b'>x</a>"), "x");
        assert_eq!(plain("<a title='unclosed>x</a>"), "x");
        assert_eq!(plain("<3 and </3"), "<3 and </3");
        assert_eq!(plain("é<p>ü</p>€<br>日本"), "é\n\nü\n\n€\n日本");
        for nasty in [
            "<!",
            "<!-",
            "<!--",
            "<?",
            "</",
            "</>",
            "<a",
            "<a ",
            "<a=",
            "<a b='",
            "&",
            "&#",
            "&#x",
            "&#99999999999;",
            "<script",
            "<script>",
            "<br",
            "\u{0}<p>\u{7}",
        ] {
            let _ = plain(nasty);
            let _ = plain(&format!("x{nasty}y"));
            let _ = plain(&format!("<p>{nasty}</p>"));
        }
    }

    #[test]
    fn huge_input_takes_linear_time() {
        let started = std::time::Instant::now();
        for piece in [
            "<a x=\"",
            "<a",
            "<!--",
            "&#",
            "<p>x</p>",
            "<script>",
            "< ",
            "<a b='c'>",
            "<a x='>",
            "<a x=\"'>",
            "<a x='\">\"",
            "<b x=\"<\" ",
            "</",
            "&amp;&",
            "\r\n\n ",
        ] {
            let big = piece.repeat(200_000);
            let out = plain(&big);
            assert!(out.len() <= big.len() * 2, "{piece}");
            let big = format!("{}>", piece.repeat(200_000));
            let _ = plain(&big);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
    }
}
