//! The markup of result cards and group pages: what a person reads to judge
//! a group, in plain words.

use waymark::core::directory::Directory;
use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
use waymark::core::markup::{service_details, services_list};
use waymark::core::ranking::measure;

fn english() -> Translator {
    Translator::new(None, Catalogue::parse(ENGLISH).unwrap())
}

fn sample() -> Directory {
    Directory::parse(include_str!("../public/data/somerset-sample.json")).unwrap()
}

#[test]
fn a_group_page_says_when_where_cost_and_last_checked_in_plain_words() {
    let dir = sample();
    let walk = dir.services.iter().find(|s| s.name == "Taunton Riverside Health Walk").unwrap();
    let html = service_details(walk, &english(), true);
    assert!(html.contains(">Tuesdays, 10am to 11:30am<"), "{html}");
    assert!(html.contains("Ages 18 and over"));
    assert!(html.contains(r#"<a href="https://www.openstreetmap.org/directions?to=51.01289%2C-3.10859">Directions to Vivary Park bandstand (opens OpenStreetMap)</a>"#));
    assert!(html.contains(r#"<a href="tel:01823961168">01823 961168</a>"#));
    assert!(html.contains(">14 October 2026<"));
    assert!(html.contains(">Free<"));
}

#[test]
fn mentor_cards_offer_to_ask_for_each_mentor_only_where_asking_is_possible() {
    let dir = sample();
    let scheme = dir.services.iter().find(|s| !s.mentors.is_empty()).unwrap();
    let mentor = &scheme.mentors[0];
    let with = service_details(scheme, &english(), true);
    assert!(with.contains(&format!(
        r#"data-mentor="{}">Ask to be matched with {}</button>"#,
        mentor.id, mentor.first_name
    )));
    assert!(!service_details(scheme, &english(), false).contains("<button"), "not on the printed shortlist");
}

#[test]
fn cards_say_how_far_in_miles_and_minutes() {
    let dir = sample();
    let walk = dir.services.iter().find(|s| s.name == "Taunton Riverside Health Walk").unwrap();
    let phone = dir.services.iter().find(|s| s.name == "Somerset Telephone Befriending").unwrap();
    let near = waymark::core::geo::LatLon::new(51.0158, -3.0783);
    let items =
        [measure(walk, &Default::default(), Some(near)), measure(phone, &Default::default(), Some(near))];
    let html = services_list(&items, &english(), "/", false);
    assert!(html.contains("1.3 miles away · about a 25 minute walk"), "{html}");
    assert!(html.contains("No need to travel"));
    let far = measure(walk, &Default::default(), Some(waymark::core::geo::LatLon::new(51.38, -2.36)));
    let tiled = services_list(&[far], &english(), "/", true);
    assert!(tiled.contains("minutes by car"));
    assert!(tiled.contains(r#"href="/group/255_-11~cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3""#), "{tiled}");
}
