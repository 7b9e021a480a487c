//! Ranking the sample directory by fit and distance, and every filter.

use waymark::core::directory::{Attendance, Directory};
use waymark::core::postcode::{CentroidTable, Postcode};
use waymark::core::questions::{Answer, Answers, NeedsProfile, QuestionSet};
use waymark::core::ranking::{passes, rank, step_free, Filters, TimeOfDay};
use waymark::core::schedule::LocalTime;

fn directory() -> Directory {
    Directory::parse(include_str!("../public/data/somerset-sample.json")).unwrap()
}

fn profile(topics: &[&str], lonely: bool) -> NeedsProfile {
    let set = QuestionSet::parse(include_str!("../public/questions/default.json")).unwrap();
    let mut answers = Answers::default();
    answers.set("topics", Some(Answer::Choices(topics.iter().map(|t| t.to_string()).collect())));
    if lonely {
        answers.set("left_out", Some(Answer::Choice("often".into())));
    }
    set.profile(&answers)
}

fn locate(postcode: &str) -> waymark::core::geo::LatLon {
    let postcode = Postcode::parse(postcode).unwrap();
    let path = format!("{}/public/postcodes/{}.txt", env!("CARGO_MANIFEST_DIR"), postcode.area());
    CentroidTable::parse(&std::fs::read_to_string(path).unwrap()).unwrap().lookup(&postcode).unwrap().at
}

/// The three nearest-ranked venues for a lonely person who wants to get active.
fn first_venues<'a>(dir: &'a Directory, postcode: &str) -> Vec<waymark::core::ranking::Ranked<'a>> {
    let ranked = rank(
        &dir.services,
        &profile(&["loneliness", "getting-active"], true),
        Some(locate(postcode)),
        &Filters::default(),
    );
    ranked.into_iter().filter(|r| r.distance.is_some()).take(3).collect()
}

#[test]
fn near_taunton_a_lonely_person_who_wants_to_get_active_sees_taunton_groups_first() {
    let dir = directory();
    let first_venues = first_venues(&dir, "TA1 2BX");
    for r in &first_venues {
        assert_eq!(r.service.town(), Some("Taunton"), "{} is in {:?}", r.service.name, r.service.town());
    }
    let walk = first_venues[0].distance.unwrap();
    assert!(walk.walk_minutes.is_some(), "the nearest group is within walking distance");
}

#[test]
fn near_bath_bath_and_frome_groups_come_first() {
    let dir = directory();
    for r in first_venues(&dir, "BA1 1AA") {
        assert!(
            matches!(r.service.town(), Some("Bath") | Some("Frome")),
            "{} in {:?}",
            r.service.name,
            r.service.town()
        );
    }
}

#[test]
fn phone_and_online_services_are_listed_alongside_venues() {
    let dir = directory();
    let ranked =
        rank(&dir.services, &profile(&["loneliness"], true), Some(locate("TA24 5AA")), &Filters::default());
    let phone = ranked
        .iter()
        .position(|r| r.service.attendance == Some(Attendance::Phone))
        .expect("telephone befriending");
    assert!(phone < 5, "remote support is not pushed to the bottom: at {phone}");
    assert!(ranked[phone].distance.is_none());
}

#[test]
fn each_filter_narrows_the_list_correctly() {
    let dir = directory();
    let all = rank(&dir.services, &NeedsProfile::default(), None, &Filters::default());
    assert_eq!(all.len(), dir.services.len(), "with no needs and no filters, everything is listed");
    let check = |filters: Filters, ok: &dyn Fn(&waymark::core::directory::Service) -> bool| {
        let kept = rank(&dir.services, &NeedsProfile::default(), None, &filters);
        assert!(!kept.is_empty() && kept.len() < all.len(), "{filters:?} kept {}", kept.len());
        for r in &kept {
            assert!(ok(r.service), "{} should not pass {filters:?}", r.service.name);
        }
    };
    check(Filters { free_only: true, ..Default::default() }, &|s| s.is_free());
    check(Filters { days: vec![5], ..Default::default() }, &|s| {
        s.schedules.iter().any(|x| x.byday.as_deref().is_some_and(|b| b.contains("SA")))
    });
    check(Filters { time_of_day: Some(TimeOfDay::Evening), ..Default::default() }, &|s| {
        s.schedules.iter().any(|x| x.opens_at.as_deref().is_some_and(|t| t >= "17:00"))
    });
    check(Filters { step_free: true, ..Default::default() }, &|s| {
        s.attendance != Some(Attendance::InPerson) || s.locations.iter().any(|l| step_free(l) == Some(true))
    });
    check(Filters { remote_only: true, ..Default::default() }, &|s| {
        matches!(s.attendance, Some(Attendance::Online | Attendance::Phone))
    });
    check(Filters { language: Some("polish".into()), ..Default::default() }, &|s| {
        s.languages.iter().any(|l| l == "Polish")
    });
    // Tuesday 10:30 GMT: the Taunton riverside walk is on.
    let tuesday = LocalTime { year: 2026, month: 12, day: 1, weekday: 1, minute_of_day: 10 * 60 + 30 };
    check(Filters { open_at: Some(tuesday), ..Default::default() }, &|s| {
        s.schedules.iter().any(|x| x.byday.as_deref().is_some_and(|b| b.contains("TU")))
    });
    let walk = dir.services.iter().find(|s| s.name == "Taunton Riverside Health Walk").unwrap();
    assert!(passes(walk, &Filters { open_at: Some(tuesday), ..Default::default() }));
}

#[test]
fn keeping_the_best_few_gives_the_same_order_as_ranking_everything() {
    let dir = directory();
    let needs = profile(&["loneliness", "getting-active"], true);
    let at = Some(locate("TA1 2BX"));
    let all = rank(&dir.services, &needs, at, &Filters::default());
    let top = waymark::core::ranking::rank_top(&dir.services, &needs, at, &Filters::default(), 5);
    assert_eq!(top.total, all.len());
    let names =
        |r: &[waymark::core::ranking::Ranked]| r.iter().map(|r| r.service.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&top.top), names(&all[..5]));
}

#[test]
fn the_filter_form_reads_every_field_and_ignores_nonsense() {
    let now = LocalTime::uk(1_796_126_400);
    let form = |pairs: &[(&str, &str)]| {
        Filters::from_form(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())), now)
    };
    let all = form(&[
        ("free", "yes"),
        ("open_now", "yes"),
        ("step_free", "yes"),
        ("remote", "yes"),
        ("day", "4"),
        ("time", "afternoon"),
        ("language", " Polish "),
    ]);
    assert!(all.free_only && all.step_free && all.remote_only);
    assert_eq!(all.open_at, Some(now));
    assert_eq!(all.days, vec![4]);
    assert_eq!(all.time_of_day, Some(TimeOfDay::Afternoon));
    assert_eq!(all.language.as_deref(), Some("Polish"));
    assert_eq!(form(&[("day", "9"), ("time", "noonish"), ("free", "no"), ("day", "")]), Filters::default());
}

#[test]
fn the_language_choices_are_those_offered_other_than_english_once_each() {
    let languages = waymark::core::ranking::languages(&directory().services);
    assert_eq!(languages, vec!["Polish", "Portuguese", "Bengali", "British Sign Language"]);
}
