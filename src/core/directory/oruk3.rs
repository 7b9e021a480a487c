//! A service in the Open Referral UK 3.0 shape (fully nested, as
//! `/services/{id}` gives it), and what the widget makes of it.
//!
//! Every field is optional and may hold anything (see [`super::lenient`]);
//! the mapping decides what each value can be, and notes each one it leaves
//! out or shows only as text. Only the fields the widget shows or ranks by
//! are named: the rest of a service is skipped unread.

use serde::Deserialize;

use super::health::Notes;
use super::lenient::{Given, Many, One, Texts};
use super::{Attendance, Cost, Mentor, MAX_AGE, MAX_PRICE};
use crate::core::geo::LatLon;
use crate::core::links::{mailto_href, tel_href, web_href};
use crate::core::route::Route;
use crate::core::taxonomy::Term;
use crate::core::FieldError;

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Service {
    pub id: Given,
    pub name: Given,
    /// `active` unless given; anything else hides the service.
    pub status: Given,
    pub description: Given,
    pub url: Given,
    pub email: Given,
    pub minimum_age: Given,
    pub maximum_age: Given,
    pub assured_date: Given,
    pub last_modified: Given,
    pub organization: One<Organization>,
    pub organization_id: Given,
    pub service_at_locations: Many<ServiceAtLocation>,
    pub schedules: Many<Schedule>,
    pub cost_options: Many<CostOption>,
    pub languages: Many<Language>,
    pub contacts: Many<Contact>,
    /// The UK profile has no place for a phone number, so publishers add
    /// one here (HSDS permits extra properties).
    pub phones: Many<Phone>,
    pub attributes: Many<Attribute>,
    /// Waymark's own extension: mentors, and words for the group's page.
    pub x_waymark: One<Waymark>,
    // The older v1 shape's names, which `oruk1::upgrade` moves onto the
    // ones above: one JSON object is read once, so they are read here.
    pub regular_schedules: Many<Schedule>,
    pub service_taxonomys: Many<ServiceTaxonomy>,
    pub attending_type: Given,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Organization {
    pub id: Given,
    pub name: Given,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct ServiceAtLocation {
    pub location: One<Location>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Location {
    /// `physical`, `postal` or `virtual`: a virtual one says how a person
    /// takes part (online, or by phone if its name says so), not where.
    pub location_type: Given,
    pub name: Given,
    pub latitude: Given,
    pub longitude: Given,
    pub addresses: Many<Address>,
    pub accessibility: Many<Accessibility>,
    // v1's names (see `Service`).
    pub physical_addresses: Many<Address>,
    pub accessibility_for_disabilities: Many<Accessibility>,
}

impl Location {
    pub fn is_virtual(&self) -> bool {
        self.location_type.text().as_deref() == Some("virtual")
    }
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Address {
    pub address_1: Given,
    pub city: Given,
    pub postal_code: Given,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Accessibility {
    pub description: Given,
    /// Free text, a UK addition (and v1's only field).
    pub accessibility: Given,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Schedule {
    pub freq: Given,
    pub byday: Given,
    pub opens_at: Given,
    pub closes_at: Given,
    pub description: Given,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct CostOption {
    pub option: Given,
    pub amount: Given,
    pub amount_description: Given,
}

/// The UK profile removed a language's name; HSDS 3.0 has it, and feeds keep it.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Language {
    pub name: Given,
    /// v1's name for it.
    pub language: Given,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub phones: Many<Phone>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Phone {
    pub number: Given,
}

/// A service's link to a taxonomy term.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Attribute {
    pub taxonomy_term: One<TaxonomyTerm>,
}

/// v1's link to a term (`service_taxonomys[].taxonomy`).
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct ServiceTaxonomy {
    pub taxonomy: One<TaxonomyTerm>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct TaxonomyTerm {
    pub id: Given,
    pub code: Given,
    pub name: Given,
    /// The name, in the UK profile's example.
    pub term: Given,
    pub term_uri: Given,
    /// The vocabulary's name.
    pub taxonomy: Given,
    /// v1's name for `taxonomy`.
    pub vocabulary: Given,
    /// The vocabulary as an object, where a feed nests it.
    pub taxonomy_detail: One<Taxonomy>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Taxonomy {
    pub name: Given,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Waymark {
    pub first_session: Given,
    pub who_for: Given,
    pub mentors: Many<WaymarkMentor>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct WaymarkMentor {
    pub id: Given,
    pub first_name: Given,
    pub lived_experience: Given,
    pub interests: Texts,
    pub languages: Texts,
    pub availability: Given,
}

/// The widget's service, or `Ok(None)` for one that is not active (hidden,
/// not a mistake). An error only for a service it cannot list at all (no
/// id or name); every value left out or not linked is noted in `warnings`.
pub fn read(
    at: &str,
    from: &Service,
    warnings: &mut Vec<String>,
) -> Result<Option<super::Service>, FieldError> {
    let id = from.id.text().ok_or_else(|| FieldError::new(format!("{at}.id"), "is missing"))?;
    let name = from
        .name
        .text()
        .ok_or_else(|| FieldError::new(format!("{at}.name"), format!("is missing (service \"{id}\")")))?;
    let status = from.status.text().unwrap_or_else(|| "active".into()).to_ascii_lowercase();
    if status != "active" {
        return Ok(None);
    }
    let mut notes = Notes::new(&id, warnings);
    let page = Route::Group(id.clone());
    if Route::parse(&page.path("/"), "/") != page {
        notes.add(
            "id",
            from.id.given(),
            "cannot be part of a page address (letters, digits and - _ . : ~ only); the group is listed, but its page cannot be opened",
        );
    }
    let mut service = super::Service { id, name, ..super::Service::default() };
    service.description = from.description.text();
    service.url = from.url.text();
    if service.url.as_deref().is_some_and(|url| web_href(url).is_none()) {
        notes.add("url", from.url.given(), "is not a web address starting with https://; left out");
    }
    service.email = from.email.text();
    if service.email.as_deref().is_some_and(|email| mailto_href(email).is_none()) {
        notes.add("email", from.email.given(), "is not a plain email address; shown as text, not as a link");
    }
    service.min_age = age(&from.minimum_age, "minimum_age", &mut notes);
    service.max_age = age(&from.maximum_age, "maximum_age", &mut notes);
    service.last_checked =
        from.assured_date.text().or_else(|| from.last_modified.text()).map(|d| d.chars().take(10).collect());
    let organization = from.organization.get();
    service.organisation = organization.and_then(|o| o.name.text());
    service.organisation_id = from.organization_id.text().or_else(|| organization.and_then(|o| o.id.text()));

    let mut remote = None;
    let located = from.service_at_locations.0.iter().filter_map(|(i, sal)| Some((*i, sal.location.get()?)));
    for (i, location) in located {
        if location.is_virtual() {
            let name = location.name.text().unwrap_or_default().to_ascii_lowercase();
            remote = Some(if name.contains("phone") { Attendance::Phone } else { Attendance::Online });
            continue;
        }
        let at = position(location, i, &mut notes);
        let mut place = super::Location { name: location.name.text(), at, ..super::Location::default() };
        for address in location.addresses.iter() {
            place.address.extend(address.address_1.text());
            place.address.extend(address.city.text());
            place.postcode = place.postcode.take().or_else(|| address.postal_code.text());
        }
        for a in location.accessibility.iter() {
            place.accessibility.extend(a.description.text().or_else(|| a.accessibility.text()));
        }
        service.locations.push(place);
    }
    service.attendance = remote;
    if service.attendance.is_none() && !service.locations.is_empty() {
        service.attendance = Some(Attendance::InPerson);
    }
    service.schedules = from
        .schedules
        .iter()
        .map(|s| super::Schedule {
            freq: s.freq.text(),
            byday: s.byday.text(),
            opens_at: s.opens_at.text(),
            closes_at: s.closes_at.text(),
            description: s.description.text(),
        })
        .collect();
    for (i, c) in &from.cost_options.0 {
        let amount = c.amount.given().and_then(|value| match value.number() {
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
        let cost = Cost { option: c.option.text(), amount, description: c.amount_description.text() };
        service.costs.push(cost);
    }
    service.languages = from.languages.iter().filter_map(|l| l.name.text()).collect();
    let contact_phones = from.contacts.0.iter().flat_map(|(i, contact)| {
        contact.phones.0.iter().map(move |(j, phone)| (format!("contacts[{i}].phones[{j}]"), phone))
    });
    let own_phones = from.phones.0.iter().map(|(i, phone)| (format!("phones[{i}]"), phone));
    for (path, phone) in contact_phones.chain(own_phones) {
        let Some(number) = phone.number.text() else { continue };
        if tel_href(&number).is_none() {
            notes.add(
                &format!("{path}.number"),
                phone.number.given(),
                "is not a phone number that can be dialled; shown as text, not as a link",
            );
        }
        service.phones.push(number);
    }
    service.terms = from.attributes.iter().filter_map(|a| a.taxonomy_term.get()).filter_map(term).collect();
    if let Some(x) = from.x_waymark.get() {
        service.first_session = x.first_session.text();
        service.who_for = x.who_for.text();
        service.mentors = x.mentors.iter().filter_map(mentor).collect();
    }
    Ok(Some(service))
}

/// An age in years, or `None` (with a warning) for one no person could be.
fn age(value: &Given, field: &str, notes: &mut Notes) -> Option<u32> {
    let value = value.given()?;
    match value.number() {
        // Feeds exported from databases write -1 for "no limit".
        Some(-1.0) => None,
        // NaN and the infinities fail the range test too.
        Some(years) if (0.0..=MAX_AGE).contains(&years) => Some(years as u32),
        _ => {
            notes.add(field, Some(value), "is not an age; left out");
            None
        }
    }
}

/// Where location `i` is, or `None`: with a warning when it gives a
/// position that is not a number, not on Earth, or not in the UK.
fn position(location: &Location, i: usize, notes: &mut Notes) -> Option<LatLon> {
    const LEFT_OUT: &str = "the place is shown without a map position";
    let (lat_value, lon_value) = (location.latitude.given(), location.longitude.given());
    if lat_value.is_none() && lon_value.is_none() {
        return None;
    }
    let lat = lat_value.and_then(Given::number).filter(|lat| (-90.0..=90.0).contains(lat));
    let lon = lon_value.and_then(Given::number).filter(|lon| (-180.0..=180.0).contains(lon));
    let path = format!("service_at_locations[{i}].location");
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
        let place = format!("{}, {}", Notes::number(lat), Notes::number(lon));
        notes.add(
            &format!("{path}.latitude/longitude"),
            None,
            &format!("{place} is not a place in the UK; {LEFT_OUT}"),
        );
    }
    at
}

/// A term, if it has anything to be matched or shown by.
fn term(t: &TaxonomyTerm) -> Option<Term> {
    let taxonomy = t.taxonomy.text().or_else(|| t.taxonomy_detail.get().and_then(|d| d.name.text()));
    let (id, code, name, uri) =
        (t.id.text(), t.code.text(), t.name.text().or_else(|| t.term.text()), t.term_uri.text());
    let term =
        Term::new(id.as_deref(), code.as_deref(), name.as_deref(), uri.as_deref(), taxonomy.as_deref());
    (!term.label().is_empty() || uri.is_some()).then_some(term)
}

/// A mentor, if named: a first name and an id are the least a profile is.
fn mentor(m: &WaymarkMentor) -> Option<Mentor> {
    Some(Mentor {
        id: m.id.text()?,
        first_name: m.first_name.text()?,
        lived_experience: m.lived_experience.text(),
        interests: m.interests.0.clone(),
        languages: m.languages.0.clone(),
        availability: m.availability.text(),
    })
}
