//! What a person reads about a group, on its card and its page, in plain words.

use waymark::core::describe::{
    card, cards, chosen, day_choices, details, language_choices, need_label, time_choices, Line,
};
use waymark::core::directory::Directory;
use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
use waymark::core::questions::{Answer, Answers, QuestionSet};
use waymark::core::ranking::{measure, rank, Filters};
use waymark::core::route::Route;

fn english() -> Translator {
    Translator::new(None, Catalogue::parse(ENGLISH).unwrap())
}

fn sample() -> Directory {
    Directory::parse(include_str!("../public/data/somerset-sample.json")).unwrap()
}

/// The lines of the row about `key` as read, `[link → href]` for links.
fn row(details: &waymark::core::describe::Details, key: &str) -> Vec<String> {
    let row = details.row(key).unwrap_or_else(|| panic!("no {key} row in {details:#?}"));
    row.lines
        .iter()
        .map(|line| match line {
            Line::Text(text) => text.clone(),
            Line::Link { href, text } => format!("[{text} → {href}]"),
        })
        .collect()
}

#[test]
fn a_group_page_says_when_where_cost_and_last_checked_in_plain_words() {
    let dir = sample();
    let walk = dir.services.iter().find(|s| s.name == "Taunton Riverside Health Walk").unwrap();
    let page = details(walk, &english());
    assert_eq!(row(&page, "When"), ["Tuesdays, 10am to 11:30am"]);
    assert!(row(&page, "Who it is for").contains(&"Ages 18 and over".to_string()));
    assert!(row(&page, "Where").contains(
        &"[Get directions to Taunton Riverside Health Walk → https://www.openstreetmap.org/directions?to=51.01289%2C-3.10859]"
            .to_string()
    ));
    assert!(row(&page, "How to get in touch").contains(&"[01823 961168 → tel:01823961168]".to_string()));
    assert_eq!(row(&page, "Listing last checked"), ["14 October 2026"]);
    assert_eq!(row(&page, "Cost"), ["Free"]);
    let keys: Vec<&str> = page.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys[..3], ["What happens at a first session", "Who it is for", "When"], "{keys:?}");
    assert!(page.mentors.is_empty());
}

#[test]
fn a_description_is_shown_in_its_paragraphs() {
    let text = r#"[ { "id": "a", "name": "Walk", "description": "Walk and talk\n\n Gentle walks.\nMeet at the library.\n\n\n\n" } ]"#;
    let dir = Directory::parse(text).unwrap();
    let page = details(&dir.services[0], &english());
    assert_eq!(page.description, ["Walk and talk", "Gentle walks.\nMeet at the library."]);
}

#[test]
fn rows_with_nothing_to_say_are_left_out() {
    let dir = Directory::parse(r#"[ { "id": "a", "name": "Walk", "languages": [] } ]"#).unwrap();
    let page = details(&dir.services[0], &english());
    assert_eq!(page.rows, []);
    assert!(page.description.is_empty());
}

#[test]
fn ages_say_from_or_from_to_and_a_maximum_alone_is_left_out() {
    for (ages, expected) in [
        (r#""minimum_age": 16"#, Some("Ages 16 and over")),
        (r#""minimum_age": 16, "maximum_age": 25"#, Some("Ages 16 to 25")),
        (r#""maximum_age": 25"#, None),
    ] {
        let dir = Directory::parse(&format!(r#"[ {{ "id": "a", "name": "Walk", {ages} }} ]"#)).unwrap();
        let page = details(&dir.services[0], &english());
        assert_eq!(page.row("Who it is for").map(|r| r.lines[0].text()), expected, "{ages}");
    }
}

#[test]
fn mentor_cards_name_each_mentor_and_offer_to_ask_for_them() {
    let dir = sample();
    let scheme = dir.services.iter().find(|s| !s.mentors.is_empty()).unwrap();
    let mentor = &scheme.mentors[0];
    let page = details(scheme, &english());
    let card = &page.mentors[0];
    assert_eq!((card.id.as_str(), card.name.as_str()), (mentor.id.as_str(), mentor.first_name.as_str()));
    assert_eq!(card.ask, format!("Ask to be matched with {}", mentor.first_name));
    assert_eq!(card.facts[0].0, "Lived experience:");
    assert!(card.facts.iter().all(|(_, value)| !value.is_empty()));
}

#[test]
fn cards_say_how_far_in_miles_and_minutes() {
    let dir = sample();
    let walk = dir.services.iter().find(|s| s.name == "Taunton Riverside Health Walk").unwrap();
    let phone = dir.services.iter().find(|s| s.name == "Somerset Telephone Befriending").unwrap();
    let near = waymark::core::geo::LatLon::new(51.0158, -3.0783);
    let walk_card = card(&measure(walk, &Default::default(), Some(near)), &english(), false);
    assert_eq!(walk_card.distance.as_deref(), Some("1.3 miles away · about a 25 minute walk"));
    assert_eq!(walk_card.page, Route::Group(walk.id.clone()));
    assert!(walk_card.facts.contains("Taunton"), "{}", walk_card.facts);
    let phone_card = card(&measure(phone, &Default::default(), Some(near)), &english(), false);
    assert_eq!(phone_card.distance.as_deref(), Some("No need to travel"));
    let far = measure(walk, &Default::default(), Some(waymark::core::geo::LatLon::new(51.38, -2.36)));
    let tiled = card(&far, &english(), true);
    assert!(tiled.distance.unwrap().ends_with("minutes by car"));
    assert_eq!(tiled.page, Route::Group("255_-11~cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3".into()));
    let nowhere = card(&measure(walk, &Default::default(), None), &english(), false);
    assert_eq!(nowhere.distance, None, "no distance before the person says where they are");
}

#[test]
fn a_free_group_says_so_on_its_card() {
    let dir = sample();
    let ranked = rank(&dir.services, &Default::default(), None, &Filters::default());
    for item in &ranked {
        let card = card(item, &english(), false);
        assert_eq!(card.facts.ends_with("Free"), item.service.is_free(), "{}", card.facts);
    }
}

#[test]
fn a_repeated_id_gets_its_own_card_key() {
    let dir = Directory::parse(
        r#"[ { "id": "a", "name": "Walk" }, { "id": "a", "name": "Talk" }, { "id": "b", "name": "Shed" } ]"#,
    )
    .unwrap();
    let ranked = rank(&dir.services, &Default::default(), None, &Filters::default());
    let keys: Vec<(String, usize)> =
        cards(&ranked, &english(), false).into_iter().map(|c| (c.id, c.repeat)).collect();
    assert_eq!(keys.len(), 3);
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 3, "{keys:?}");
}

#[test]
fn needs_are_named_by_their_label_or_else_their_id() {
    let set = QuestionSet::parse(include_str!("../public/questions/default.json")).unwrap();
    let mut answers = Answers::default();
    answers.set("topics", Some(Answer::Choices(vec!["getting-active".into()])));
    let profile = set.profile(&answers);
    assert_eq!(need_label(&set, &profile.needs[0].need), "Getting more active");
    assert_eq!(profile.needs[0].reasons, ["You said you would like to get more active."]);
    assert_eq!(need_label(&set, "no-such-need"), "no-such-need");
}

#[test]
fn the_filters_offer_every_day_time_and_language_and_show_what_was_chosen() {
    let tr = english();
    let days = day_choices(&tr);
    assert_eq!(days.len(), 8);
    assert_eq!((days[0].value.as_str(), days[0].text.as_str()), ("", "Any day"));
    assert_eq!((days[4].value.as_str(), days[4].text.as_str()), ("3", "Thursdays"));
    let times = time_choices(&tr);
    assert_eq!((times[3].value.as_str(), times[3].text.as_str()), ("evening", "Evenings (from 5pm)"));
    let languages = language_choices(&["Polish".into(), " ".into()], &tr);
    let values: Vec<&str> = languages.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["", "Polish"], "a blank language is not a second \"any\"");
    // What the form shows is what the list was narrowed to.
    for pairs in
        [vec![("day", "3"), ("time", "evening"), ("language", "Polish")], vec![("day", ""), ("time", "")]]
    {
        let fields = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string()));
        let filters = Filters::from_form(fields, waymark::core::schedule::LocalTime::uk(0));
        let (day, time, language) = chosen(&filters);
        let shown = [("day", day.as_str()), ("time", time), ("language", language.as_str())];
        for (name, value) in pairs {
            assert!(shown.contains(&(name, value)), "{name}={value} shown as {shown:?}");
        }
    }
}
