//! The older v1 shape, as many UK feeds still publish it: the same objects
//! as 3.0 under a few other names, and how a person takes part said on the
//! service rather than with a virtual location.
//!
//! A feed may mix the two (a v1 feed part-way to 3.0), so a service is read
//! once with both sets of names, and [`upgrade`] moves the v1 values onto
//! the 3.0 fields before [`super::oruk3::read`] maps it. What 3.0 gives
//! comes first, and stands where both give a value.

use super::lenient::{Given, Many, One};
use super::oruk3::{Attribute, Location, Service, ServiceAtLocation};

/// `service` with its v1 fields moved onto their 3.0 names.
pub fn upgrade(mut service: Service) -> Service {
    let schedules = std::mem::take(&mut service.regular_schedules);
    service.schedules.append(schedules);
    let links = std::mem::take(&mut service.service_taxonomys).0;
    let links = links.into_iter().map(|(i, link)| (i, Attribute { taxonomy_term: link.taxonomy }));
    service.attributes.append(Many(links.collect()));
    for term in service.attributes.0.iter_mut().filter_map(|(_, a)| a.taxonomy_term.0.as_mut()) {
        if !term.taxonomy.has_text() {
            term.taxonomy = std::mem::take(&mut term.vocabulary);
        }
    }
    for (_, language) in &mut service.languages.0 {
        if !language.name.has_text() {
            language.name = std::mem::take(&mut language.language);
        }
    }
    for location in service.service_at_locations.0.iter_mut().filter_map(|(_, s)| s.location.0.as_mut()) {
        let addresses = std::mem::take(&mut location.physical_addresses);
        location.addresses.append(addresses);
        let accessibility = std::mem::take(&mut location.accessibility_for_disabilities);
        location.accessibility.append(accessibility);
    }
    // v1's attending_type is phone, online, venue or home visit; 3.0 says
    // the first two with a virtual location, which wins where both are given.
    let remote = match service.attending_type.text().as_deref() {
        Some(kind @ ("phone" | "online")) => Some(kind.to_string()),
        _ => None,
    };
    let locations = &mut service.service_at_locations.0;
    let has_virtual = locations.iter().any(|(_, s)| s.location.get().is_some_and(Location::is_virtual));
    if let (Some(kind), false) = (remote, has_virtual) {
        let location = Location {
            location_type: Given::Text("virtual".into()),
            name: Given::Text(kind),
            ..Location::default()
        };
        let after = locations.last().map_or(0, |(i, _)| i + 1);
        locations.push((after, ServiceAtLocation { location: One(Some(location)) }));
    }
    service
}
