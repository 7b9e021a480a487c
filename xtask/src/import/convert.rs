//! ORUK v1 field names to ORUK 3.0, JSON to JSON. Every field we do not
//! rename is kept as published (HSDS allows extra properties, and the widget
//! ignores what it does not read). A 3.0 record passes through with only
//! what the widget must not show raw made plain (HTML descriptions, times
//! without a zone), so records need not be sorted by version first.

use serde_json::{Map, Value};

use super::outpost::plain_paragraphs;
use super::timestamps::in_uk_time;

/// The 3.0 shape of one service record.
pub fn to_v3(record: Value) -> Value {
    let Value::Object(mut service) = record else { return record };
    taxonomies_to_attributes(&mut service);
    rename(&mut service, "regular_schedules", "schedules");
    ages_from_eligibility(&mut service);
    for list in ["languages"] {
        for language in objects_mut(&mut service, list) {
            rename(language, "language", "name");
        }
    }
    for sal in objects_mut(&mut service, "service_at_locations") {
        rename(sal, "regular_schedule", "schedules");
        if let Some(Value::Object(location)) = sal.get_mut("location") {
            location_to_v3(location);
        }
    }
    tidy(&mut service);
    Value::Object(service)
}

/// Real feeds send HTML descriptions (`<h1>`, `<p>`, `<br>`) that the widget
/// would show as tags, and times with no zone that are UK time.
fn tidy(service: &mut Map<String, Value>) {
    if let Some(Value::String(description)) = service.get_mut("description") {
        if description.contains(['<', '&']) {
            *description = plain_paragraphs(description);
        }
    }
    for key in ["assured_date", "last_modified"] {
        if let Some(Value::String(time)) = service.get_mut(key) {
            if let Some(uk) = in_uk_time(time) {
                *time = uk;
            }
        }
    }
}

/// `service_taxonomys[].taxonomy{id,name,vocabulary}` become
/// `attributes[].taxonomy_term{id,code,name,taxonomy}`.
fn taxonomies_to_attributes(service: &mut Map<String, Value>) {
    let Some(Value::Array(links)) = service.remove("service_taxonomys") else { return };
    let mut attributes = match service.remove("attributes") {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    };
    for link in links {
        let Value::Object(mut link) = link else { continue };
        let Some(Value::Object(mut term)) = link.remove("taxonomy") else { continue };
        rename(&mut term, "vocabulary", "taxonomy");
        if let Some(Value::String(id)) = term.get("id") {
            if is_curie(id) && !term.contains_key("code") {
                term.insert("code".into(), Value::String(id.clone()));
            }
        }
        // v1 names the parent term as an object or an id; 3.0 has parent_id.
        match term.remove("parent") {
            Some(Value::Object(parent)) => {
                if let Some(id) = parent.get("id") {
                    term.insert("parent_id".into(), id.clone());
                }
            }
            Some(Value::String(id)) => {
                term.insert("parent_id".into(), Value::String(id));
            }
            _ => {}
        }
        let term_id = term.get("id").cloned();
        let mut attribute = Map::new();
        if let Some(id) = link.remove("id") {
            attribute.insert("id".into(), id);
        }
        if let Some(id) = term_id {
            attribute.insert("taxonomy_term_id".into(), id);
        }
        attribute.insert("taxonomy_term".into(), Value::Object(term));
        attributes.push(Value::Object(attribute));
    }
    service.insert("attributes".into(), Value::Array(attributes));
}

/// A compact URI like `esdServiceType:298`: a short letters-first prefix, a
/// colon, and a reference that is not the `//` of a web address.
pub fn is_curie(id: &str) -> bool {
    let Some((prefix, reference)) = id.split_once(':') else { return false };
    prefix.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && prefix.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !reference.is_empty()
        && !reference.starts_with("//")
        && !reference.contains(char::is_whitespace)
}

/// v1 keeps ages on `eligibilitys[]`; 3.0 on the service. The service's own
/// ages win; otherwise the widest range the eligibilities give.
fn ages_from_eligibility(service: &mut Map<String, Value>) {
    let Some(Value::Array(eligibilities)) = service.get("eligibilitys") else { return };
    let ages =
        |key: &str| -> Vec<f64> { eligibilities.iter().filter_map(|e| e.get(key)?.as_f64()).collect() };
    let lowest = ages("minimum_age").into_iter().reduce(f64::min);
    let highest = ages("maximum_age").into_iter().reduce(f64::max);
    for (key, age) in [("minimum_age", lowest), ("maximum_age", highest)] {
        let missing = service.get(key).is_none_or(Value::is_null);
        if let (true, Some(age)) = (missing, age.and_then(serde_json::Number::from_f64)) {
            // Whole years are written as whole numbers (18, not 18.0).
            let age = age
                .as_f64()
                .filter(|a| a.fract() == 0.0)
                .map_or(Value::Number(age), |a| Value::from(a as i64));
            service.insert(key.into(), age);
        }
    }
}

fn location_to_v3(location: &mut Map<String, Value>) {
    for (v1, kind) in [("physical_addresses", "physical"), ("postal_addresses", "postal")] {
        let Some(Value::Array(list)) = location.remove(v1) else { continue };
        let addresses = match location.entry("addresses").or_insert_with(|| Value::Array(Vec::new())) {
            Value::Array(addresses) => addresses,
            other => {
                *other = Value::Array(Vec::new());
                other.as_array_mut().expect("just set")
            }
        };
        for mut address in list {
            if let Value::Object(fields) = &mut address {
                fields.entry("address_type").or_insert_with(|| kind.into());
            }
            addresses.push(address);
        }
    }
    if let Some(Value::Array(list)) = location.remove("accessibility_for_disabilities") {
        let converted = list.into_iter().map(|mut a| {
            if let Value::Object(fields) = &mut a {
                rename(fields, "accessibility", "description");
            }
            a
        });
        let mut accessibility = match location.remove("accessibility") {
            Some(Value::Array(list)) => list,
            _ => Vec::new(),
        };
        accessibility.extend(converted);
        location.insert("accessibility".into(), Value::Array(accessibility));
    }
    // 3.0 requires a location_type; a v1 location with a place or an address is a physical one.
    let placed = location.contains_key("latitude") || location.contains_key("addresses");
    if placed && !location.contains_key("location_type") {
        location.insert("location_type".into(), "physical".into());
    }
}

/// Renames `from` to `to` unless `to` is already given (then `from` is
/// merged into it when both are lists, and otherwise kept as published).
fn rename(fields: &mut Map<String, Value>, from: &str, to: &str) {
    let Some(value) = fields.remove(from) else { return };
    match (fields.get_mut(to), value) {
        (None | Some(Value::Null), value) => {
            fields.insert(to.into(), value);
        }
        (Some(Value::Array(existing)), Value::Array(more)) => existing.extend(more),
        (Some(_), value) => {
            fields.insert(from.into(), value);
        }
    }
}

/// The objects in list `key`, to change in place.
fn objects_mut<'a>(
    fields: &'a mut Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'a mut Map<String, Value>> {
    fields.get_mut(key).and_then(Value::as_array_mut).into_iter().flatten().filter_map(Value::as_object_mut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use waymark::core::directory::Directory;

    fn v1_record() -> Value {
        json!({
            "id": "kendal-1", "name": "Kendal Befriending Circle", "status": "active",
            "attending_type": "venue", "extra_field": "kept",
            "service_taxonomys": [
                { "id": "st1", "taxonomy": { "id": "esdNeed:69", "name": "Social inclusion", "vocabulary": "esdNeeds", "parent": null } },
                { "id": "st2", "taxonomy": { "id": "bef", "name": "Befriending", "vocabulary": "Westmorland local", "parent": { "id": "social" } } }
            ],
            "regular_schedules": [ { "id": "r1", "freq": "WEEKLY", "byday": "TU", "opens_at": "10:00", "closes_at": "12:00" } ],
            "eligibilitys": [ { "id": "e1", "eligibility": "adult", "minimum_age": 18, "maximum_age": null } ],
            "languages": [ { "id": "l1", "language": "English" } ],
            "service_at_locations": [ { "id": "sal1", "location": {
                "id": "loc1", "name": "Kendal Town Hall", "latitude": 54.328, "longitude": -2.7463,
                "physical_addresses": [ { "id": "a1", "address_1": "Highgate", "city": "Kendal", "postal_code": "LA9 4DT", "country": "GB" } ],
                "accessibility_for_disabilities": [ { "id": "ac1", "accessibility": "Step-free entrance" } ]
            } } ]
        })
    }

    #[test]
    fn a_v1_record_gets_the_3_0_names() {
        let v3 = to_v3(v1_record());
        assert_eq!(v3["extra_field"], "kept");
        assert_eq!(v3["attending_type"], "venue");
        assert!(v3.get("service_taxonomys").is_none() && v3.get("regular_schedules").is_none());
        let term = &v3["attributes"][0]["taxonomy_term"];
        assert_eq!(term["id"], "esdNeed:69");
        assert_eq!(term["code"], "esdNeed:69");
        assert_eq!(term["name"], "Social inclusion");
        assert_eq!(term["taxonomy"], "esdNeeds");
        let local = &v3["attributes"][1]["taxonomy_term"];
        assert_eq!((local["id"].as_str(), local.get("code")), (Some("bef"), None));
        assert_eq!(local["parent_id"], "social");
        assert_eq!(v3["schedules"][0]["byday"], "TU");
        assert_eq!(v3["minimum_age"], 18);
        assert!(v3.get("maximum_age").is_none());
        assert_eq!(v3["languages"][0]["name"], "English");
        let location = &v3["service_at_locations"][0]["location"];
        assert_eq!(location["addresses"][0]["postal_code"], "LA9 4DT");
        assert_eq!(location["addresses"][0]["address_type"], "physical");
        assert_eq!(location["accessibility"][0]["description"], "Step-free entrance");
        assert_eq!(location["location_type"], "physical");
    }

    #[test]
    fn the_widget_reads_the_converted_record_as_it_reads_the_v1_one() {
        let before = Directory::parse(&format!("[{}]", v1_record())).unwrap();
        let after = Directory::parse(&format!("[{}]", to_v3(v1_record()))).unwrap();
        let (b, a) = (&before.services[0], &after.services[0]);
        // The same terms, matching the same forms (the conversion adds the CURIE as `code`).
        let forms = |terms: &[waymark::core::taxonomy::Term]| -> Vec<(Option<String>, Option<String>)> {
            terms.iter().map(|t| (t.id.clone(), t.name.clone())).collect()
        };
        assert_eq!(forms(&a.terms), forms(&b.terms));
        assert!(a.terms[0].is("esdNeed:69") && b.terms[0].is("esdNeed:69"));
        assert_eq!(a.locations, b.locations);
        assert_eq!(a.schedules, b.schedules);
        assert_eq!(a.languages, b.languages);
        assert_eq!(a.min_age, Some(18));
        assert_eq!(after.warnings, before.warnings);
    }

    #[test]
    fn a_3_0_record_passes_through_unchanged() {
        let v3 = json!({ "id": "a", "name": "Walk", "attributes": [ { "taxonomy_term": { "id": "t", "name": "T" } } ],
                         "schedules": [], "minimum_age": 5, "service_at_locations": [ { "location": { "location_type": "virtual" } } ] });
        assert_eq!(to_v3(v3.clone()), v3);
    }

    #[test]
    fn curies_are_told_from_other_ids() {
        assert!(is_curie("esdServiceType:298"));
        assert!(is_curie("waymark:loneliness"));
        assert!(!is_curie("https://id.esd.org.uk/need/69"));
        assert!(!is_curie("3f7b145d-0000"));
        assert!(!is_curie(":298"));
    }
}
