//! Directory files: the bundled sample, and awkward Open Referral UK files.

use waymark::core::directory::{Attendance, Directory};

const SAMPLE: &str = include_str!("../public/data/somerset-sample.json");

#[test]
fn the_sample_directory_has_groups_across_somerset_and_three_mentor_schemes() {
    let dir = Directory::parse(SAMPLE).unwrap();
    assert!(dir.warnings.is_empty(), "{:?}", dir.warnings);
    assert!(dir.services.len() >= 40, "{} services", dir.services.len());
    assert_eq!(dir.hidden, 1, "the paused group is hidden");
    assert!(dir.find(&dir.services[0].id).is_some());
    let schemes: Vec<_> = dir.services.iter().filter(|s| !s.mentors.is_empty()).collect();
    assert_eq!(schemes.len(), 3);
    for scheme in schemes {
        assert!(scheme.is_peer_support());
        assert!(scheme.mentors.len() >= 3);
        for mentor in &scheme.mentors {
            assert!(!mentor.first_name.contains(' '), "first names only: {}", mentor.first_name);
            assert!(mentor.lived_experience.is_some() && mentor.availability.is_some());
        }
    }
    for town in ["Taunton", "Bridgwater", "Yeovil", "Frome", "Minehead", "Wells", "Bath"] {
        assert!(dir.services.iter().any(|s| s.town() == Some(town)), "nothing in {town}");
    }
    for service in &dir.services {
        assert!(
            service.terms.iter().any(|t| t.id.as_deref().is_some_and(|id| id.starts_with("waymark:"))),
            "{} has no waymark term",
            service.name
        );
        assert!(service.last_checked.is_some(), "{}", service.name);
        for location in &service.locations {
            assert!(location.at.is_some_and(|p| p.is_in_uk_bounds()), "{}", service.name);
        }
    }
    assert!(dir.services.iter().any(|s| s.attendance == Some(Attendance::Phone)));
    assert!(dir.services.iter().any(|s| s.attendance == Some(Attendance::Online)));
    assert!(dir.services.iter().any(|s| s.is_free()) && dir.services.iter().any(|s| !s.is_free()));
    assert!(dir.services.iter().any(|s| s.languages.iter().any(|l| l == "Polish")));
}

#[test]
fn a_page_envelope_and_a_bare_list_are_accepted() {
    let page = r#"{ "total_items": 1, "page_number": 1, "contents": [ { "id": "a", "name": "Walk" } ] }"#;
    assert_eq!(Directory::parse(page).unwrap().services.len(), 1);
    let bare = r#"[ { "id": "a", "name": "Walk" }, { "id": "b", "name": "Choir" } ]"#;
    assert_eq!(Directory::parse(bare).unwrap().services.len(), 2);
    assert_eq!(Directory::parse(r#"{ "services": [] }"#).unwrap().services.len(), 0);
}

#[test]
fn nulls_unknown_fields_and_odd_types_are_tolerated() {
    let text = r#"{ "services": [ {
        "id": 42, "name": "Lunch club", "status": null, "description": null, "shiny_new_field": { "a": [1] },
        "service_at_locations": [ { "location": { "latitude": "51.01", "longitude": "-3.10", "addresses": null } },
                                  { "location": { "latitude": 100, "longitude": 101 } }, null, 7 ],
        "cost_options": [ { "amount": "0" } ], "languages": [ { "name": "Welsh" }, "English" ],
        "schedules": [ { "byday": "TU", "opens_at": "10:00", "closes_at": "12:00" } ]
    } ] }"#;
    let dir = Directory::parse(text).unwrap();
    let service = &dir.services[0];
    assert_eq!(service.id, "42");
    assert!(service.locations[0].at.is_some(), "numbers as strings are read");
    assert!(service.locations[1].at.is_none(), "placeholder coordinates outside the UK are ignored");
    assert!(service.is_free());
    assert_eq!(service.languages, vec!["Welsh"]);
    assert_eq!(service.schedules[0].byday.as_deref(), Some("TU"));
}

#[test]
fn the_older_v1_shape_is_read_where_it_maps() {
    let text = r#"[ { "id": "v1", "name": "Carers group", "status": "active", "attending_type": "phone",
        "regular_schedules": [ { "byday": "WE", "opens_at": "10:00", "closes_at": "11:00" } ],
        "service_taxonomys": [ { "taxonomy": { "id": "esdServiceType:298", "name": "Carers support groups" } } ],
        "languages": [ { "language": "Polish" } ],
        "contacts": [ { "phones": [ { "number": "01823 000001" } ] } ],
        "service_at_locations": [ { "location": { "latitude": 51.1, "longitude": -3.0,
            "physical_addresses": [ { "address_1": "1 High St", "city": "Bridgwater", "postal_code": "TA6 3AA" } ] } } ] } ]"#;
    let service = &Directory::parse(text).unwrap().services[0];
    assert_eq!(service.schedules.len(), 1);
    assert_eq!(service.terms[0].id.as_deref(), Some("esdServiceType:298"));
    assert_eq!(service.terms[0].name.as_deref(), Some("Carers support groups"));
    assert_eq!(service.languages, vec!["Polish"]);
    assert_eq!(service.phones, vec!["01823 000001"]);
    assert_eq!(service.town(), Some("Bridgwater"));
    assert_eq!(service.locations[0].postcode.as_deref(), Some("TA6 3AA"));
}

#[test]
fn one_bad_service_is_skipped_with_a_warning_naming_it() {
    let text = r#"{ "services": [ { "id": "a", "name": "Walk" }, { "id": "b" }, "oops", { "id": "c", "name": "Choir" } ] }"#;
    let dir = Directory::parse(text).unwrap();
    assert_eq!(dir.services.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), vec!["a", "c"]);
    assert_eq!(dir.warnings.len(), 2);
    assert!(
        dir.warnings[0].contains("services[1].name") && dir.warnings[0].contains("\"b\""),
        "{}",
        dir.warnings[0]
    );
    assert!(dir.warnings[1].contains("services[2]"), "{}", dir.warnings[1]);
}

#[test]
fn a_broken_file_names_the_problem() {
    let err = Directory::parse("{ \"services\": [ { \"id\": \"a\", } ] }").unwrap_err();
    assert!(err.problem.contains("not valid JSON (line 1"), "{err}");
    let err = Directory::parse(r#"{ "services": "none" }"#).unwrap_err();
    assert_eq!(err.field, "services");
    let err = Directory::parse(r#"{ "groups": [] }"#).unwrap_err();
    assert!(err.problem.contains("\"services\""), "{err}");
    assert!(Directory::parse("42").is_err());
}

mod matching {
    use waymark::core::directory::Directory;
    use waymark::core::matching::best_fit;
    use waymark::core::questions::{Answer, Answers, QuestionSet};

    #[test]
    fn lonely_and_active_puts_groups_for_both_first() {
        let set = QuestionSet::parse(include_str!("../public/questions/default.json")).unwrap();
        let dir = Directory::parse(super::SAMPLE).unwrap();
        let mut answers = Answers::default();
        answers.set("topics", Some(Answer::Choices(vec!["loneliness".into(), "getting-active".into()])));
        answers.set("left_out", Some(Answer::Choice("often".into())));
        let ranked = best_fit(&dir.services, &set.profile(&answers));
        let first = ranked[0];
        assert!(first.terms.iter().any(|t| t.is("waymark:loneliness")), "{}", first.name);
        assert!(first.terms.iter().any(|t| t.is("waymark:getting-active")), "{}", first.name);
        assert!(ranked
            .iter()
            .all(|s| s.terms.iter().any(|t| t.is("waymark:loneliness") || t.is("waymark:getting-active"))));
        let money = ranked.iter().position(|s| s.name.contains("Money"));
        assert!(money.is_none(), "money advice does not fit these answers");
    }
}
