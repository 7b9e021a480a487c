//! Fit on a feed's own taxonomy: a Kendal feed shaped like a council's
//! Open Referral UK 3.0 file, with no `waymark:` terms at all, read with the
//! default question set as a new deployer would.

use waymark::core::directory::Directory;
use waymark::core::geo::LatLon;
use waymark::core::questions::{Answer, Answers, NeedsProfile, QuestionSet};
use waymark::core::ranking::{nearest_others, rank, Filters};
use waymark::core::taxonomy::{needs_served, Term};

const FEED: &str = include_str!("fixtures/feeds/kendal-v3.json");
const QUESTIONS: &str = include_str!("../public/questions/default.json");

/// Near LA9 4DT, Kendal (the LA9 4 sector's centre).
fn kendal() -> Option<LatLon> {
    Some(LatLon::new(54.3286, -2.7488))
}

fn profile(topics: &[&str]) -> NeedsProfile {
    let set = QuestionSet::parse(QUESTIONS).unwrap();
    let mut answers = Answers::default();
    answers.set("topics", Some(Answer::Choices(topics.iter().map(|t| t.to_string()).collect())));
    set.profile(&answers)
}

fn ranked_names(topics: &[&str]) -> Vec<String> {
    let dir = Directory::parse(FEED).unwrap();
    rank(&dir.services, &profile(topics), kendal(), &Filters::default())
        .iter()
        .map(|r| r.service.name.clone())
        .collect()
}

#[test]
fn a_carer_near_a_carers_group_sees_it_first() {
    let names = ranked_names(&["caring"]);
    assert_eq!(names.first().map(String::as_str), Some("South Lakes Carers Group"), "{names:?}");
    // The Lancaster cafe is tagged only with the feed's own "Carers' groups".
    assert!(names.contains(&"Lancaster Carers Cafe".to_string()), "{names:?}");
}

#[test]
fn a_lonely_person_finds_befriending_in_the_top_three() {
    let names = ranked_names(&["loneliness"]);
    assert!(names.iter().take(3).any(|n| n == "Telephone Befriending"), "{names:?}");
    assert!(!names.contains(&"Closed Knitting Circle".to_string()), "inactive services stay hidden");
}

#[test]
fn lonely_and_wanting_to_get_active_finds_groups_on_the_feeds_own_needs_taxonomy() {
    let names = ranked_names(&["loneliness", "getting-active"]);
    for expected in ["Kendal Library Coffee Morning", "Riverside Walk and Talk", "Kendal Seated Exercise"] {
        assert!(names.contains(&expected.to_string()), "{expected} missing from {names:?}");
    }
    assert!(!names.contains(&"Money Matters Drop-in".to_string()));
}

#[test]
fn a_need_nothing_fits_still_lists_the_nearest_services() {
    let dir = Directory::parse(FEED).unwrap();
    let cancer = profile(&["cancer-support"]);
    assert!(rank(&dir.services, &cancer, kendal(), &Filters::default()).is_empty());
    let others = nearest_others(&dir.services, &cancer, kendal(), &Filters::default(), 5);
    assert_eq!(others.len(), 5);
    // Remote services need no travel, so they count as nearest; then venues by distance.
    assert!(others.windows(2).all(|w| w[0].miles <= w[1].miles));
    assert!(others.iter().all(|o| o.service.name != "Lancaster Carers Cafe"), "Lancaster is the furthest");
    // Filters still apply to the others.
    let free = Filters { free_only: true, ..Filters::default() };
    assert!(nearest_others(&dir.services, &cancer, kendal(), &free, 10).iter().all(|o| o.service.is_free()));
}

#[test]
fn the_report_names_the_need_of_each_term_or_none() {
    let set = QuestionSet::parse(QUESTIONS).unwrap();
    let term = |id: Option<&str>, name: Option<&str>, uri: Option<&str>, taxonomy: Option<&str>| {
        needs_served(&Term::new(id, None, name, uri, taxonomy), &set.needs)
    };
    assert_eq!(term(None, Some("LONELINESS"), None, Some("needs")), ["loneliness"]);
    assert_eq!(term(None, Some("Physical Activity"), None, None), ["getting-active"]);
    assert_eq!(term(None, Some("Carers' support groups"), None, None), ["caring"]);
    assert_eq!(term(Some("x1"), None, Some("http://id.esd.org.uk/service/298"), None), ["caring"]);
    assert_eq!(term(Some("298"), None, None, Some("esdServiceTypes")), ["caring"]);
    assert_eq!(term(Some("esdneed:69"), None, None, None), ["loneliness"]);
    let walking = "https://openactive.io/activity-list#95092977-5a20-4d6e-b312-8fddabe71544";
    assert_eq!(
        term(Some("95092977-5a20-4d6e-b312-8fddabe71544"), None, Some(walking), None),
        ["getting-active"]
    );
    assert!(term(None, Some("Bingo"), None, None).is_empty());
    // Close is not the same: no guessing from part of a name.
    assert!(term(None, Some("Carers"), None, None) == ["caring"]);
    assert!(term(None, Some("Care"), None, None).is_empty());
    assert!(term(Some("esdServiceType:2980"), None, None, None).is_empty());
}
