//! Hostile data never stops the widget.
//!
//! Directory files, configs and question sets come from third parties, and
//! with `panic = "abort"` in the browser one panic is a dead widget. So every
//! core function that reads them is total, and these tests hold it to that:
//! property tests feed arbitrary text, arbitrary JSON and arbitrary numbers
//! to every reader and to what is built from what they read, and a fixed
//! corpus of values a real file (or a real attacker) could hold checks what a
//! person would see: the group still listed, a price that cannot be one not
//! shown as a price, a warning naming the service and the field, no link that
//! does more than link.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::select;

use waymark::core::config::Config;
use waymark::core::data::MAX_DEPTH;
use waymark::core::describe::{
    cards, chosen, date_in_words, details, language_choices, need_label, pounds, Details, Line,
};
use waymark::core::directions::directions_url;
use waymark::core::directory::{Attendance, Cost, Directory, Location, Schedule, Service, MAX_PRICE};
use waymark::core::distance::Distance;
use waymark::core::geo::LatLon;
use waymark::core::i18n::{fill, Catalogue, Translator, ENGLISH};
use waymark::core::kiosk::{idle_phase, leaves_widget};
use waymark::core::links::{mailto_href, tel_href, web_href};
use waymark::core::page_options::{is_origin, PageOptions};
use waymark::core::postcode::{CentroidTable, Postcode};
use waymark::core::qr::{qr_svg, QrCode};
use waymark::core::questions::{Answer, Answers, NeedScore, NeedsProfile, QuestionSet};
use waymark::core::ranking::{passes, rank, rank_top, Filters, TimeOfDay};
use waymark::core::referral::{
    form_encoded, is_email, is_reference, referral_document, uk_phone, Channel, Chosen, Envelope, ForWhom,
    Method, ReferralForm, ReferralIds,
};
use waymark::core::route::Route;
use waymark::core::schedule::{in_words, is_open, minutes, utc_timestamp, LocalTime};
use waymark::core::taxonomy::{Term, TermSet};
use waymark::core::tiles::{page_id, read_index, split_page_id, tile_of, tiles_around};

// ---------------------------------------------------------------------------
// Shared fixtures and checks

fn english() -> &'static Translator {
    static TR: OnceLock<Translator> = OnceLock::new();
    TR.get_or_init(|| Translator::new(None, Catalogue::parse(ENGLISH).unwrap()))
}

fn default_set() -> &'static QuestionSet {
    static SET: OnceLock<QuestionSet> = OnceLock::new();
    SET.get_or_init(|| QuestionSet::parse(include_str!("../public/questions/default.json")).unwrap())
}

/// What a person who wants to get more active is shown first.
fn active_profile() -> NeedsProfile {
    let mut answers = Answers::default();
    answers.set("topics", Some(Answer::Choices(vec!["getting-active".into(), "loneliness".into()])));
    default_set().profile(&answers)
}

const TAUNTON: LatLon = LatLon { lat: 51.0158, lon: -3.0783 };

/// A Tuesday at 10:30 in November 2026.
const TUESDAY_MORNING: LocalTime =
    LocalTime { year: 2026, month: 11, day: 24, weekday: 1, minute_of_day: 630 };

/// What data appends to its text in these tests: if markup ever let it
/// through unescaped, a tag `<x …>` or a quoted attribute would appear.
const BREAKOUT: &str = "\"><x onmouseover='y'>";

/// Markup built from data holds no tag or attribute that came from the data.
fn assert_escaped(html: &str) {
    assert!(!html.contains("<x"), "a tag from the data is in the markup: {html}");
    assert!(!html.contains("'y'"), "an attribute from the data is in the markup: {html}");
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "a script from the data is in the markup: {html}"
    );
}

/// Every link shown goes to a page of the widget, the web, a phone number
/// or an email address, and nothing more.
fn assert_safe_links<'a>(hrefs: impl IntoIterator<Item = &'a str>) {
    for href in hrefs {
        let lower = href.to_ascii_lowercase();
        let ok = if let Some(number) = href.strip_prefix("tel:") {
            let digits = number.strip_prefix('+').unwrap_or(number);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        } else if let Some(address) = href.strip_prefix("mailto:") {
            address.matches('@').count() == 1 && !address.contains(['?', '&', '%', '#', ',', ';', ' '])
        } else if href.starts_with('/') {
            // A page of the widget, whatever the directory id in it: never
            // another site's address (`//evil.example`, `/\evil.example`).
            !href.starts_with("//") && !href.starts_with("/\\")
        } else {
            (lower.starts_with("https://") || lower.starts_with("http://"))
                && !href.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
        };
        assert!(ok, "a link does more than link: {href:?}");
    }
}

/// Everything a person sees of a directory: each group's page, and the
/// list ranked near Taunton for someone who wants to get active, with and
/// without the filters that read schedules and costs.
/// Every reader of a data file takes `text` or names the problem; a file
/// that is not JSON is refused with the line and column.
fn every_reader_reads_or_names_the_problem(text: &str) -> Result<(), TestCaseError> {
    let problems = [
        Config::parse(text).err(),
        Directory::parse(text).err(),
        QuestionSet::parse(text).err(),
        read_index(text).err(),
        Catalogue::parse(text).err(),
    ];
    for problem in problems.into_iter().flatten() {
        prop_assert!(!problem.problem.is_empty());
        if let Some(rest) = problem.problem.strip_prefix("the file is not valid JSON (line ") {
            let (line, rest) = rest.split_once(", column ").unwrap();
            let column = rest.split_once(')').unwrap().0;
            prop_assert!(
                line.parse::<usize>().unwrap() >= 1 && column.parse::<usize>().unwrap() >= 1,
                "{}",
                problem
            );
        }
    }
    if let Ok(dir) = Directory::parse(text) {
        show_everything(&dir);
    }
    let _ = Answers::from_json(text);
    Ok(())
}

/// A group's page as worded, with its links checked.
fn group_page(service: &Service) -> Details {
    let page = details(service, english());
    assert_safe_links(page.links().map(|(href, _)| href));
    page
}

/// The list of results as worded, with the links to the groups' pages checked.
fn result_list(ranked: &[waymark::core::ranking::Ranked], tiled: bool) -> Vec<waymark::core::describe::Card> {
    let cards = cards(ranked, english(), tiled);
    let hrefs: Vec<String> = cards.iter().map(|c| c.page.path("/")).collect();
    assert_safe_links(hrefs.iter().map(String::as_str));
    cards
}

fn show_everything(dir: &Directory) {
    for service in &dir.services {
        let _ = group_page(service);
        for (i, cost) in service.costs.iter().enumerate() {
            let amount = cost.amount.unwrap_or(0.0);
            assert!((0.0..=MAX_PRICE).contains(&amount), "{}: cost {i} kept {amount}", service.id);
        }
        for location in &service.locations {
            if let Some(at) = location.at {
                assert_eq!(LatLon::checked(at.lat, at.lon), Some(at), "{}: {at:?}", service.id);
                assert!(at.is_in_uk_bounds(), "{}: {at:?}", service.id);
            }
        }
        assert!(service.min_age.unwrap_or(0) <= 130 && service.max_age.unwrap_or(0) <= 130, "{}", service.id);
        let address = page_id(service, true);
        let (tile, id) = split_page_id(&address);
        assert_eq!(id, service.id);
        assert!(tile.is_none() || service.locations.iter().any(|l| l.at.is_some()));
    }
    let profile = active_profile();
    let filters = [
        Filters::default(),
        Filters {
            free_only: true,
            days: vec![1],
            time_of_day: Some(TimeOfDay::Morning),
            ..Filters::default()
        },
        Filters { open_at: Some(TUESDAY_MORNING), step_free: true, ..Filters::default() },
    ];
    for filters in &filters {
        for origin in [None, Some(TAUNTON)] {
            let ranked = rank(&dir.services, &profile, origin, filters);
            for tiled in [false, true] {
                let _ = result_list(&ranked, tiled);
            }
        }
    }
}

/// 256 cases of each property, a few seconds in all in a debug build;
/// `PROPTEST_CASES=20000 cargo test --test hostile` searches harder. Nothing
/// is written to disk: a failure prints its minimal input instead.
fn proptest_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// Strategies: hostile text, numbers and JSON

/// Values real files have held, and values an attacker would try.
const HOSTILE_TEXT: &[&str] = &[
    "€",
    "ＴＵ",
    "１ＴＵ",
    "-１FR",
    "TU€",
    "€TU",
    "１０:００",
    "10:0€",
    "TU",
    "1TU",
    "-1FR",
    "5SU",
    "0MO",
    "MO,TU,WE,TH,FR,SA,SU",
    "10:00",
    "23:59",
    "24:00",
    "00:00",
    "10:00:00+01:00",
    "+1:+5",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-2.5",
    "51.01",
    "-3.1",
    "\u{202e}evil\u{202c}",
    "\u{2066}Hall\u{2069}",
    "\u{200b}",
    "<script>alert(1)</script>",
    BREAKOUT,
    "javascript:alert(1)",
    " javascript:alert(1)",
    "https://example.org/walks",
    "http:evil.example",
    "walks@example.org?cc=someone@evil.example&body=hello",
    "walks@example.org",
    "call us on ＴＷＯ",
    "01823 000000",
    "+44 (0)1823 000000",
    "active",
    "inactive",
    "virtual",
    "phone",
    "2026-09-14",
    "９９９９-99-99",
    "TA1 2BX",
    "waymark:getting-active",
    "waymark:peer-support",
    "Step-free access",
    "",
    " ",
    "\\",
    "%",
    "~",
    "../",
    "255_-11",
];

/// Numbers as JSON writes them, at every size that breaks something.
const HOSTILE_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "-0.0",
    "0e400",
    "1e400",
    "-1e400",
    "1e-400",
    "1e308",
    "1.7976931348623157e308",
    "5e-324",
    "1E+999999999999",
    "123456789012345678901234567890",
    "0.0000000000000000000000001",
    "-2.5",
    "2.5",
    "1e300",
    "10000",
    "10000.01",
    "91",
    "-91",
    "181",
    "-1e9",
    "51.0158",
    "-3.0783",
    "130",
    "131",
    "-5",
    "4294967296",
];

/// The field names real files use, so generated JSON reaches the readers.
const KEYS: &[&str] = &[
    "services",
    "contents",
    "id",
    "name",
    "status",
    "description",
    "url",
    "email",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "last_modified",
    "organization",
    "organization_id",
    "service_at_locations",
    "location",
    "location_type",
    "latitude",
    "longitude",
    "addresses",
    "address_1",
    "city",
    "postal_code",
    "accessibility",
    "schedules",
    "regular_schedules",
    "byday",
    "opens_at",
    "closes_at",
    "cost_options",
    "option",
    "amount",
    "amount_description",
    "languages",
    "contacts",
    "phones",
    "number",
    "attributes",
    "taxonomy_term",
    "x_waymark",
    "mentors",
    "first_name",
    "attending_type",
    "organisation",
    "phone",
    "referral",
    "endpoint",
    "format",
    "timeout_seconds",
    "directory",
    "tiles",
    "kiosk",
    "idle_seconds",
    "quick_exit_url",
    "theme",
    "primary",
    "needs",
    "questions",
    "label",
    "kind",
    "text",
    "options",
    "value",
    "weights",
    "bands",
    "from",
    "to",
    "show_if",
    "question",
    "any_of",
    "urgent_if",
    "min",
    "max",
    "max_chars",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        2 => "\\PC*",
        4 => select(HOSTILE_TEXT).prop_map(String::from),
        1 => (select(HOSTILE_TEXT), any::<String>()).prop_map(|(a, b)| format!("{a}{b}")),
    ]
}

/// Text with the markup breakout appended, for fields that are shown.
fn shown_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("{t}{BREAKOUT}"))
}

fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<i64>().prop_map(|n| n.to_string()),
        2 => any::<f64>().prop_filter_map("finite", |f| f.is_finite().then(|| format!("{f:e}"))),
        2 => (-200.0f64..200.0).prop_map(|f| f.to_string()),
        4 => select(HOSTILE_NUMBERS).prop_map(String::from),
    ]
}

/// A JSON scalar: a number, text (numbers as text included), null or a boolean.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => number_text(),
        4 => text().prop_map(|t| quote(&t)),
        1 => number_text().prop_map(|n| quote(&n)),
        1 => Just("null".to_string()),
        1 => any::<bool>().prop_map(|b| b.to_string()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => select(KEYS).prop_map(String::from), 1 => text()]
}

/// Any JSON document, a few levels deep, with the keys real files use.
fn json() -> impl Strategy<Value = String> {
    scalar().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec((key(), inner), 0..6).prop_map(|fields| {
                let fields: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", quote(k))).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

fn location_json() -> impl Strategy<Value = String> {
    (
        prop_oneof![3 => number_text(), 1 => scalar()],
        prop_oneof![3 => number_text(), 1 => scalar()],
        shown_text(),
        shown_text(),
        prop::option::of(select(&["physical", "virtual"][..])),
        shown_text(),
    )
        .prop_map(|(lat, lon, name, address, kind, access)| {
            let kind = kind.map_or("null".to_string(), quote);
            format!(
                r#"{{"location":{{"location_type":{kind},"name":{},"latitude":{lat},"longitude":{lon},"addresses":[{{"address_1":{},"city":"Taunton","postal_code":"TA1 1AA"}}],"accessibility":[{{"description":{}}}]}}}}"#,
                quote(&name),
                quote(&address),
                quote(&access)
            )
        })
}

fn schedule_json() -> impl Strategy<Value = String> {
    (text(), text(), text(), shown_text()).prop_map(|(byday, opens, closes, description)| {
        format!(
            r#"{{"byday":{},"opens_at":{},"closes_at":{},"description":{}}}"#,
            quote(&byday),
            quote(&opens),
            quote(&closes),
            quote(&description)
        )
    })
}

fn cost_json() -> impl Strategy<Value = String> {
    (shown_text(), scalar(), prop::option::of(shown_text())).prop_map(|(option, amount, description)| {
        let description = description.map_or("null".to_string(), |d| quote(&d));
        format!(r#"{{"option":{},"amount":{amount},"amount_description":{description}}}"#, quote(&option))
    })
}

/// A service shaped like a real one, every value hostile.
fn service_json() -> impl Strategy<Value = String> {
    (
        (text(), shown_text(), shown_text(), text(), text(), scalar(), scalar()),
        (
            prop::collection::vec(location_json(), 0..3),
            prop::collection::vec(schedule_json(), 0..3),
            prop::collection::vec(cost_json(), 0..3),
            prop::collection::vec(shown_text(), 0..3),
            prop::collection::vec((key(), json()), 0..3),
        ),
    )
        .prop_map(|((id, name, description, email, url, min_age, max_age), (locations, schedules, costs, phones, extra))| {
            let phones: Vec<String> = phones.iter().map(|p| format!(r#"{{"number":{}}}"#, quote(p))).collect();
            let extra: String = extra.iter().map(|(k, v)| format!(",{}:{v}", quote(k))).collect();
            format!(
                r#"{{"id":{},"name":{},"description":{},"email":{},"url":{},"minimum_age":{min_age},"maximum_age":{max_age},"attributes":[{{"taxonomy_term":{{"id":"waymark:getting-active"}}}}],"service_at_locations":[{}],"schedules":[{}],"cost_options":[{}],"contacts":[{{"phones":[{}]}}]{extra}}}"#,
                quote(&id),
                quote(&name),
                quote(&description),
                quote(&email),
                quote(&url),
                locations.join(","),
                schedules.join(","),
                costs.join(","),
                phones.join(","),
            )
        })
}

/// Directory file text: anything at all, any JSON, or a directory of hostile services.
fn directory_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        1 => "\\PC*",
        2 => json(),
        2 => json().prop_map(|services| format!(r#"{{"services":{services}}}"#)),
        6 => prop::collection::vec(service_json(), 0..4)
            .prop_map(|services| format!(r#"{{"services":[{}]}}"#, services.join(","))),
    ]
}

fn question_json() -> impl Strategy<Value = String> {
    (
        select(&["safety", "topics", "q3", "bad id!", ""][..]),
        select(&["single", "multiple", "yes_no", "scale", "text", "slider"][..]),
        shown_text(),
        prop::collection::vec((select(&["yes", "no", "often", "x"][..]), shown_text(), scalar()), 0..4),
        prop::option::of((select(&["safety", "topics", "q3"][..]), select(&["yes", "no", "often"][..]))),
        (scalar(), scalar(), prop::option::of(shown_text())),
    )
        .prop_map(|(id, kind, text, options, show_if, (min, max, hint))| {
            let options: Vec<String> = options
                .iter()
                .map(|(value, label, weight)| {
                    format!(r#"{{"value":"{value}","label":{},"weights":{{"active":{weight}}}}}"#, quote(label))
                })
                .collect();
            let show_if = show_if.map_or("null".to_string(), |(question, answer)| {
                format!(r#"{{"question":"{question}","any_of":["{answer}"]}}"#)
            });
            let hint = hint.map_or("null".to_string(), |h| quote(&h));
            format!(
                r#"{{"id":"{id}","kind":"{kind}","text":{},"hint":{hint},"options":[{}],"show_if":{show_if},"min":{min},"max":{max},"min_label":"low","max_label":"high","urgent_if":[]}}"#,
                quote(&text),
                options.join(",")
            )
        })
}

fn question_set_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        2 => json(),
        6 => (prop::collection::vec(question_json(), 0..5), shown_text()).prop_map(|(questions, label)| {
            format!(
                r#"{{"needs":[{{"id":"active","label":{}}},{{"id":"lonely","label":"Lonely"}}],"questions":[{}]}}"#,
                quote(&label),
                questions.join(",")
            )
        }),
    ]
}

fn config_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        2 => json(),
        4 => (text(), text(), text(), text(), scalar(), scalar(), text()).prop_map(
            |(name, phone, endpoint, directory, timeout, idle, exit)| {
                format!(
                    r#"{{"organisation":{{"name":{},"phone":{}}},"referral":{{"endpoint":{},"timeout_seconds":{timeout}}},"directory":{{"url":{}}},"kiosk":{{"idle_seconds":{idle}}},"quick_exit_url":{}}}"#,
                    quote(&name),
                    quote(&phone),
                    quote(&endpoint),
                    quote(&directory),
                    quote(&exit)
                )
            }
        ),
    ]
}

fn local_time() -> impl Strategy<Value = LocalTime> {
    prop_oneof![
        (any::<i32>(), any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>()).prop_map(
            |(year, month, day, weekday, minute_of_day)| LocalTime {
                year,
                month,
                day,
                weekday,
                minute_of_day
            }
        ),
        (2000i32..2100, 0u32..14, 0u32..33, 0u32..8, 0u32..1500).prop_map(
            |(year, month, day, weekday, minute_of_day)| LocalTime {
                year,
                month,
                day,
                weekday,
                minute_of_day
            }
        ),
        any::<i64>().prop_map(LocalTime::uk),
    ]
}

fn schedule() -> impl Strategy<Value = Schedule> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(freq, byday, opens_at, closes_at, description)| Schedule {
            freq,
            byday,
            opens_at,
            closes_at,
            description,
        })
}

fn point() -> impl Strategy<Value = LatLon> {
    prop_oneof![
        (any::<f64>(), any::<f64>()).prop_map(|(lat, lon)| LatLon::new(lat, lon)),
        (49.0f64..61.0, -9.0f64..2.0).prop_map(|(lat, lon)| LatLon::new(lat, lon)),
    ]
}

/// A service built directly, bypassing the reader: values no file could
/// give (NaN prices, positions off the planet) must not break what is built
/// from services either.
fn built_service() -> impl Strategy<Value = Service> {
    (
        (
            shown_text(),
            shown_text(),
            prop::option::of(select(&[Attendance::InPerson, Attendance::Online, Attendance::Phone][..])),
        ),
        prop::collection::vec((prop::option::of(point()), prop::collection::vec(text(), 0..2)), 0..3),
        prop::collection::vec(schedule(), 0..3),
        prop::collection::vec(prop::option::of(any::<f64>()), 0..3),
        prop::collection::vec(select(&["waymark:getting-active", "waymark:loneliness", "x"][..]), 0..3),
        (prop::collection::vec(text(), 0..2), prop::option::of(any::<u32>()), prop::option::of(shown_text())),
    )
        .prop_map(
            |((id, name, attendance), locations, schedules, amounts, terms, (languages, age, email))| {
                Service {
                    id,
                    name,
                    attendance,
                    locations: locations
                        .into_iter()
                        .map(|(at, accessibility)| Location { at, accessibility, ..Location::default() })
                        .collect(),
                    schedules,
                    costs: amounts.into_iter().map(|amount| Cost { amount, ..Cost::default() }).collect(),
                    terms: terms.into_iter().map(|t| Term::new(Some(t), None, None, None, None)).collect(),
                    languages,
                    min_age: age,
                    email,
                    phones: vec!["call ＴＷＯ".into(), "01823 000000".into()],
                    url: Some("javascript:alert(1)".into()),
                    ..Service::default()
                }
            },
        )
}

fn profile() -> impl Strategy<Value = NeedsProfile> {
    prop::collection::vec((select(&["getting-active", "loneliness", "x"][..]), any::<f32>()), 0..4).prop_map(
        |needs| NeedsProfile {
            needs: needs
                .into_iter()
                .map(|(need, weight)| NeedScore {
                    need: need.into(),
                    terms: TermSet::new([format!("waymark:{need}")]),
                    weight,
                    reasons: vec![],
                })
                .collect(),
        },
    )
}

fn filters() -> impl Strategy<Value = Filters> {
    (
        any::<bool>(),
        prop::collection::vec(any::<u32>(), 0..3),
        prop::option::of(select(&[TimeOfDay::Morning, TimeOfDay::Afternoon, TimeOfDay::Evening][..])),
        prop::option::of(local_time()),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(text()),
    )
        .prop_map(|(free_only, days, time_of_day, open_at, step_free, remote_only, language)| Filters {
            free_only,
            days,
            time_of_day,
            open_at,
            step_free,
            remote_only,
            language,
        })
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn a_hostile_directory_never_stops_the_widget(text in directory_text()) {
        if let Ok(dir) = Directory::parse(&text) {
            show_everything(&dir);
        }
    }

    #[test]
    fn each_hostile_service_is_kept_with_warnings_naming_it(service in service_json()) {
        let text = format!(r#"{{"services":[{service}]}}"#);
        let dir = Directory::parse(&text).expect("a service-shaped file always parses");
        match (dir.services.first(), dir.hidden) {
            // Kept: every value left out is named, with its service.
            (Some(service), 0) => {
                prop_assert!(!service.id.is_empty() && !service.name.is_empty());
                for warning in &dir.warnings {
                    prop_assert!(warning.starts_with(&format!("service \"{}", service.id.chars().take(10).filter(|c| !c.is_control()).collect::<String>())), "{}", warning);
                }
            }
            // Not active: hidden, which is not a mistake.
            (None, 1) => prop_assert!(dir.warnings.is_empty(), "{:?}", dir.warnings),
            // No id or name (blank text): skipped, saying so.
            (None, 0) => {
                prop_assert_eq!(dir.warnings.len(), 1);
                prop_assert!(dir.warnings[0].starts_with("skipped a service: services[0]"), "{}", dir.warnings[0]);
            }
            _ => prop_assert!(false, "one service in, {} kept and {} hidden", dir.services.len(), dir.hidden),
        }
        show_everything(&dir);
    }

    #[test]
    fn a_hostile_config_never_stops_the_widget(text in config_text()) {
        if let Ok(config) = Config::parse(&text) {
            prop_assert!((3..=120).contains(&config.referral.timeout_seconds));
            prop_assert!(config.kiosk.idle_seconds >= 30);
        }
    }

    #[test]
    fn a_hostile_question_set_never_stops_the_check(text in question_set_text(), picks in prop::collection::vec(text(), 0..3)) {
        let Ok(set) = QuestionSet::parse(&text) else { return Ok(()) };
        let mut answers = Answers::default();
        for question in &set.questions {
            let mut values: Vec<String> = question.choices.iter().map(|c| c.value.clone()).take(1).collect();
            values.extend(picks.iter().cloned());
            for values in [&values[..1.min(values.len())], &values[..]] {
                if let Ok(answer) = question.accept(values) {
                    answers.set(&question.id, answer);
                }
            }
            let _ = question.options();
            let _ = set.next_after(&question.id, &answers);
            let _ = set.previous_before(&question.id, &answers);
        }
        let profile = set.profile(&answers);
        for need in &profile.needs {
            prop_assert!(need.weight > 0.0 && need.weight.is_finite());
        }
        for need in &profile.needs {
            let _ = need_label(&set, &need.need);
        }
        for (id, answer) in answers.iter() {
            let question = set.question(id).expect("only questions of the set are answered");
            let _ = question.answer_in_words(answer);
            prop_assert_eq!(question.accept(&answer.values()), Ok(Some(answer.clone())));
        }
        let _ = set.first_unanswered(&answers);
        let _ = Answers::from_json(&answers.to_json());
    }

    #[test]
    fn any_json_document_is_read_and_written_back(text in json()) {
        // serde_json holds every value but a number too large for an f64
        // (1e400), which it refuses; what it holds, it writes back readably.
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(value) => prop_assert!(serde_json::from_str::<serde_json::Value>(&value.to_string()).is_ok(), "{}", value),
            Err(e) => prop_assert!(e.to_string().starts_with("number out of range"), "{}", e),
        }
        every_reader_reads_or_names_the_problem(&text)?;
    }

    #[test]
    fn any_text_is_read_as_json_or_refused_with_a_position(text in prop_oneof![any::<String>(), "\\PC*", json().prop_map(|j| format!("{j}{j}"))]) {
        every_reader_reads_or_names_the_problem(&text)?;
    }

    #[test]
    fn hostile_tile_indexes_and_page_addresses_are_read_or_refused(text in prop_oneof![any::<String>(), json(), json().prop_map(|t| format!(r#"{{"tiles":{t}}}"#))], id in text()) {
        if let Ok(tiles) = read_index(&text) {
            for tile in tiles {
                prop_assert!(!tile.contains(['/', '.', '\\']), "{}", tile);
            }
        }
        let (tile, rest) = split_page_id(&id);
        prop_assert!(tile.is_none_or(|t| !t.contains('~')));
        prop_assert!(id.ends_with(rest));
        let _ = Route::parse(&format!("/group/{id}"), "/");
        let _ = Route::Group(id.clone()).path("/");
    }

    #[test]
    fn hostile_postcode_tables_are_read_or_refused(rows in prop::collection::vec((text(), number_text(), number_text()), 0..6), text in any::<String>()) {
        let table: String = rows.iter().map(|(k, lat, lon)| format!("{k},{lat},{lon}\n")).collect();
        for text in [&table, &text] {
            if let Ok(table) = CentroidTable::parse(text) {
                for (_, at) in table.iter() {
                    prop_assert_eq!(LatLon::checked(at.lat, at.lon), Some(at));
                }
            }
        }
    }

    #[test]
    fn a_postcode_read_once_reads_the_same_again(typed in prop_oneof![any::<String>(), "\\PC*", "[A-Za-z]{1,3}[0-9０-９]{1,2}[A-Za-z]? ?[0-9][A-Za-z]{2}"]) {
        if let Ok(postcode) = Postcode::parse(&typed) {
            let again = Postcode::parse(&postcode.to_string());
            prop_assert_eq!(again.as_ref(), Ok(&postcode));
            prop_assert!(!postcode.area().is_empty());
            let _ = postcode.sector();
        }
    }

    #[test]
    fn a_schedule_that_cannot_be_read_is_shown_as_published(s in schedule(), at in local_time()) {
        let _ = is_open(&s, at);
        let words = in_words(&s, &english());
        let unreadable = s.byday.as_deref().is_none_or(|b| b.chars().any(|c| !c.is_ascii() && !c.is_whitespace()));
        if unreadable {
            prop_assert_eq!(words, s.description.clone().unwrap_or_default());
        }
        for time in [&s.opens_at, &s.closes_at].into_iter().flatten() {
            if let Some(m) = minutes(time) {
                prop_assert!(m < 24 * 60);
                prop_assert!(time.trim().starts_with(|c: char| c.is_ascii_digit()));
            }
        }
    }

    #[test]
    fn any_instant_has_a_uk_local_time(seconds in any::<i64>()) {
        let at = LocalTime::uk(seconds);
        prop_assert!(at.weekday < 7 && at.minute_of_day < 24 * 60);
        let _ = utc_timestamp(seconds);
    }

    #[test]
    fn links_only_ever_link(text in text()) {
        if let Some(href) = mailto_href(&text) {
            prop_assert_eq!(href.clone(), format!("mailto:{text}"));
            prop_assert!(!href.contains(['?', '&', '%', '#', ',', ';', ' ', '<', '>', '"', '\'', '\\', '/']));
        }
        if let Some(href) = tel_href(&text) {
            let digits = href.strip_prefix("tel:").unwrap_or_default();
            let digits = digits.strip_prefix('+').unwrap_or(digits);
            prop_assert!(digits.len() >= 3 && digits.bytes().all(|b| b.is_ascii_digit()), "{}", href);
        }
        if let Some(href) = web_href(&text) {
            let lower = href.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"));
            prop_assert!(!href.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\'));
        }
        let _ = leaves_widget(&text, "https://charity.example/find/");
        let _ = leaves_widget("https://charity.example/find/x", &text);
    }

    #[test]
    fn a_price_is_never_shown_as_nonsense(amount in any::<f64>()) {
        let shown = pounds(amount, &english());
        if !shown.is_empty() {
            let digits = shown.strip_prefix('-').unwrap_or(&shown).strip_prefix('£').expect("starts with £");
            let (whole, pence) = digits.split_once('.').expect("has pence");
            prop_assert!(!whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()), "{}", shown);
            prop_assert!(pence.len() == 2 && pence.bytes().all(|b| b.is_ascii_digit()), "{}", shown);
            // A sign only in front, and only when there is something to sign.
            prop_assert_eq!(shown.starts_with('-'), amount < 0.0 && digits != "0.00", "{}", shown);
        }
    }

    #[test]
    fn a_date_that_is_not_a_date_is_shown_as_published(date in text()) {
        let words = date_in_words(&date, &english());
        if !date.get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit())) {
            prop_assert_eq!(words, date);
        }
    }

    #[test]
    fn distances_between_any_two_points_are_never_nonsense(a in point(), b in point(), miles in any::<f64>()) {
        let km = a.km_to(b);
        prop_assert!(km >= 0.0, "{:?} to {:?}: {}", a, b, km);
        prop_assert!(a.miles_to(b) >= 0.0);
        let checked = LatLon::checked(a.lat, a.lon);
        prop_assert_eq!(checked.is_some(), a.lat.abs() <= 90.0 && a.lon.abs() <= 180.0);
        let distance = Distance::from_miles(miles);
        let _ = distance.miles_text();
        let _ = tile_of(a);
        prop_assert_eq!(tiles_around(a).len(), 9);
    }

    #[test]
    fn ranking_any_services_from_anywhere_never_fails(
        services in prop::collection::vec(built_service(), 0..6),
        profile in profile(),
        origin in prop::option::of(point()),
        filters in filters(),
        limit in 0usize..8,
    ) {
        let ranking = rank_top(&services, &profile, origin, &filters, limit);
        prop_assert!(ranking.top.len() <= limit && ranking.top.len() <= ranking.total);
        for item in &ranking.top {
            prop_assert!(passes(item.service, &filters));
        }
        let _ = result_list(&ranking.top, true);
        for service in &services {
            let _ = group_page(service);
        }
        let _ = chosen(&filters);
        let _ = language_choices(&waymark::core::ranking::languages(&services), english());
    }

    // Pages are Leptos views, which insert every value as text, so only the
    // QR code's SVG (below) is markup written from data.
    #[test]
    fn placeholders_are_filled_whatever_is_typed(value in shown_text(), label in shown_text()) {
        prop_assert!(!fill(&value, &[("x", &label)]).is_empty() || value.is_empty());
    }

    #[test]
    fn qr_codes_are_made_or_refused(data in prop::collection::vec(any::<u8>(), 0..300), label in shown_text()) {
        let code = QrCode::encode(&data);
        prop_assert_eq!(code.is_some(), data.len() <= 213, "{} bytes", data.len());
        if let Some(code) = code {
            let _ = code.is_dark(code.size(), code.size());
        }
        if let Some(svg) = qr_svg(&String::from_utf8_lossy(&data), &label) {
            assert_escaped(&svg);
        }
    }

    #[test]
    fn a_referral_with_any_words_in_it_is_checked_and_sent_readably(
        words in prop::collection::vec(text(), 9),
        today in (any::<i32>(), any::<u32>(), any::<u32>()),
        random in any::<[u8; 16]>(),
        times in (any::<i64>(), any::<i64>()),
    ) {
        let form = ReferralForm {
            services: vec![Chosen { id: words[0].clone(), name: words[1].clone(), organisation: Some(words[2].clone()) }],
            mentor: Some((words[3].clone(), words[4].clone())),
            for_whom: Some(ForWhom::SomeoneElse { agreed: true }),
            for_whom_from_check: false,
            interpreter: None,
            interpreter_language: String::new(),
            language: "en".into(),
            consent: true,
            name: words[5].clone(),
            methods: vec![Method::Email, Method::Phone, Method::Text],
            email: words[6].clone(),
            phone: words[7].clone(),
            best_time: words[8].clone(),
            may_leave_message: Some(true),
            postcode: words[0].clone(),
            birth: [words[1].clone(), words[2].clone(), words[3].clone()],
            gp_surgery: words[4].clone(),
            first_visit: words[5].clone(),
        };
        let _ = form.problems(today);
        let dob = form.date_of_birth(today).ok().flatten();
        if let Some(phone) = uk_phone(&form.phone) {
            prop_assert!(phone.bytes().all(|b| b.is_ascii_digit()) && (10..=11).contains(&phone.len()));
        }
        let _ = is_email(&form.email);
        let ids = ReferralIds::from_random(random);
        prop_assert!(is_reference(&ids.reference));
        let _ = is_reference(&words[6]);
        let envelope = Envelope {
            ids,
            created_unix: times.0,
            channel: Channel::Embed,
            host: Some(words[7].clone()),
            recipient: words[8].clone(),
            consent_text: words[0].clone(),
            consent_unix: times.1,
        };
        let document = referral_document(&form, &envelope, default_set(), &active_profile(), &words[1], dob);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&document.to_json()).is_ok());
        let _ = form_encoded(&document);
    }

    #[test]
    fn the_rest_of_the_core_takes_any_text(a in text(), b in text(), n in any::<(u32, u32, u32)>()) {
        let _ = Catalogue::parse(&a);
        let _ = fill(&a, &[("name", &b)]);
        let _ = is_origin(&a);
        let options = PageOptions::read(|name| (name == "embed" || name == "organisation").then(|| a.clone()));
        let _ = options.embed_host();
        let _ = Route::parse(&a, &b);
        let _ = idle_phase(n.0, n.1, n.2);
    }
}

// ---------------------------------------------------------------------------
// The corpus: values real files and real attackers have, and what a person sees

fn one_service(fields: &str) -> Directory {
    let text = format!(
        r#"{{ "services": [ {{ "id": "abc", "name": "Riverside Walk",
            "attributes": [ {{ "taxonomy_term": {{ "id": "waymark:getting-active" }} }} ],
            "service_at_locations": [ {{ "location": {{ "name": "Vivary Park", "latitude": 51.0129, "longitude": -3.1086,
                "addresses": [ {{ "address_1": "Vivary Park", "city": "Taunton", "postal_code": "TA1 3JW" }} ] }} }} ]
            {fields} }} ] }}"#
    );
    Directory::parse(&text).expect("the directory still reads")
}

fn page(dir: &Directory) -> Details {
    group_page(&dir.services[0])
}

/// The words of the row about `key` on a group's page, each line as read.
fn row(page: &Details, key: &str) -> Vec<String> {
    page.row(key).map(|r| r.lines.iter().map(|l| l.text().to_string()).collect()).unwrap_or_default()
}

/// Every line of every row of a group's page, as read.
fn everything_on(page: &Details) -> Vec<String> {
    page.rows.iter().flat_map(|r| &r.lines).map(|l| l.text().to_string()).collect()
}

fn when(byday: &str, opens: &str) -> Schedule {
    Schedule {
        byday: Some(byday.into()),
        opens_at: Some(opens.into()),
        closes_at: Some("12:00".into()),
        description: Some("As the group describes it".into()),
        ..Schedule::default()
    }
}

#[test]
fn day_codes_in_other_scripts_are_shown_as_the_publisher_described_them() {
    for byday in
        ["€", "ＴＵ", "１ＴＵ", "-１FR", "TU€", "€TU", "TU€,€TU,-１FR", "T", "", "6TU", "-2FR", "+1TU"]
    {
        let schedule = when(byday, "10:00");
        assert_eq!(in_words(&schedule, &english()), "As the group describes it", "{byday:?}");
        for at in [TUESDAY_MORNING, LocalTime { day: 0, ..TUESDAY_MORNING }] {
            assert!(!is_open(&schedule, at), "{byday:?} is never open");
        }
    }
    // A rule only partly readable is described as published, and open on the days it can be read.
    assert_eq!(in_words(&when("TU,€", "10:00"), &english()), "As the group describes it");
    assert!(is_open(&when("TU,€", "10:00"), TUESDAY_MORNING));
    // Readable codes still read, whatever the times hold.
    assert_eq!(in_words(&when("TU", "１０:００"), &english()), "Tuesdays");
    assert_eq!(in_words(&when("TU", "10:0€"), &english()), "Tuesdays");
    assert_eq!(
        in_words(&when(" TU , 1FR ", "10:00"), &english()),
        "Tuesdays and the first Friday of each month, 10am to 12 noon"
    );
    assert!(!is_open(&when("TU", "１０:００"), TUESDAY_MORNING), "an unreadable time is never open");
    assert!(is_open(&when("TU", "10:00"), TUESDAY_MORNING));
    for time in ["１０:００", "10:0€", "€", "+1:00", "10:+5", "1０:00", "24:00", "10:60", "", ":", "10"]
    {
        assert_eq!(minutes(time), None, "{time:?}");
    }
}

#[test]
fn a_day_that_does_not_exist_is_never_a_first_tuesday() {
    let first = when("1TU", "10:00");
    for day in [0, u32::MAX] {
        assert!(!is_open(&first, LocalTime { day, ..TUESDAY_MORNING }));
    }
    let end_of_time = LocalTime {
        year: i32::MIN,
        month: u32::MAX,
        day: u32::MAX,
        weekday: u32::MAX,
        minute_of_day: u32::MAX,
    };
    assert!(!is_open(&when("-1FR", "22:00"), end_of_time));
    assert_eq!(LocalTime::uk(i64::MAX).weekday, LocalTime::uk(i64::MAX).weekday % 7);
}

#[test]
fn the_hostile_schedules_a_group_published_still_show_the_group() {
    let dir = one_service(
        r#", "schedules": [ { "byday": "€", "opens_at": "10:00", "closes_at": "12:00", "description": "Every € day" },
                         { "byday": "ＴＵ", "opens_at": "１０:００", "closes_at": "12:00" },
                         { "byday": "TU€,€TU,-１FR", "opens_at": "10:0€", "closes_at": "€" },
                         { "byday": "TU", "opens_at": "10:00", "closes_at": "11:30" } ]"#,
    );
    assert_eq!(row(&page(&dir), "When"), ["Every € day", "Tuesdays, 10am to 11:30am"]);
    let open_now = Filters { open_at: Some(TUESDAY_MORNING), ..Filters::default() };
    assert_eq!(rank(&dir.services, &active_profile(), Some(TAUNTON), &open_now).len(), 1);
    let on_tuesdays = Filters { days: vec![1], ..Filters::default() };
    assert_eq!(rank(&dir.services, &active_profile(), None, &on_tuesdays).len(), 1);
}

#[test]
fn bidi_controls_and_zero_width_characters_are_shown_as_written_and_escaped() {
    let dir = one_service(
        r#", "description": "Walk \u202egnikaw\u202c and \u2066talk\u2069 <script>alert(1)</script>\u200b",
            "organization": { "name": "Friends \u202eof\u202c the Park" }"#,
    );
    let service = &dir.services[0];
    assert!(service.description.as_deref().unwrap().contains("\u{202e}gnikaw\u{202c}"));
    assert_eq!(
        page(&dir).description,
        ["Walk \u{202e}gnikaw\u{202c} and \u{2066}talk\u{2069} <script>alert(1)</script>\u{200b}"],
        "shown as written (and inserted as text, never as markup)"
    );
    let list =
        result_list(&rank(&dir.services, &active_profile(), Some(TAUNTON), &Filters::default()), false);
    assert!(list[0].facts.contains("Friends \u{202e}of\u{202c} the Park"), "{list:?}");
    assert!(dir.warnings.is_empty(), "strange text is not a mistake: {:?}", dir.warnings);
}

#[test]
fn a_sixty_thousand_character_name_and_description_are_shown_whole() {
    let long = "Walk and talk. ".repeat(4_000);
    let dir = one_service(&format!(r#", "description": "{long}", "x_waymark": {{ "who_for": "{long}" }}"#));
    assert_eq!(dir.services[0].description.as_deref(), Some(long.trim()));
    let shown = page(&dir);
    assert_eq!(shown.description, [long.trim()]);
    assert_eq!(row(&shown, "Who it is for"), [long.trim()]);
    let named = Directory::parse(&format!(r#"[ {{ "id": "abc", "name": "{long}" }} ]"#)).unwrap();
    assert_eq!(named.services[0].name, long.trim());
    let list = result_list(&rank(&named.services, &Default::default(), None, &Filters::default()), false);
    assert_eq!(list[0].name, long.trim());
    // Its page address is far too long for a QR code: no code, and no panic.
    let address = format!("https://charity.example/group/{}", "a".repeat(60_000));
    assert_eq!(qr_svg(&address, "QR code for this page"), None);
    assert_eq!(QrCode::encode(address.as_bytes()), None);
}

#[test]
fn a_price_that_cannot_be_one_is_not_shown_as_a_price() {
    let dir = one_service(
        r#", "cost_options": [
            { "option": "Pay what you can", "amount": -2.5 },
            { "option": "Pricey", "amount": 1e300 },
            { "option": "Priceless", "amount": 1e400 },
            { "option": "Not a number", "amount": "NaN" },
            { "option": "For ever", "amount": "Infinity", "amount_description": "Ask at the door" },
            { "option": "Too much", "amount": 10000.01 },
            { "option": "Tea", "amount": 2.5 },
            { "option": "Members", "amount": "-0" } ]"#,
    );
    let service = &dir.services[0];
    let amounts: Vec<Option<f64>> = service.costs.iter().map(|c| c.amount).collect();
    assert_eq!(amounts, [None, None, None, None, None, None, Some(2.5), Some(0.0)]);
    assert!(!service.is_free());
    let costs = row(&page(&dir), "Cost");
    assert_eq!(
        costs,
        [
            "Pay what you can",
            "Pricey",
            "Priceless",
            "Not a number",
            "Ask at the door",
            "Too much",
            "£2.50",
            "Free"
        ]
    );
    assert!(costs.iter().all(|c| !c.contains("£-") && !c.contains("-£") && !c.contains("£1000")));
    assert_eq!(
        dir.warnings,
        [
            r#"service "abc": cost_options[0].amount -2.5 is not a price; shown as published"#,
            r#"service "abc": cost_options[1].amount 1e300 is not a price; shown as published"#,
            r#"service "abc": cost_options[2].amount (a number too large to hold) is not a price; shown as published"#,
            r#"service "abc": cost_options[3].amount "NaN" is not a price; shown as published"#,
            r#"service "abc": cost_options[4].amount "Infinity" is not a price; shown as published"#,
            r#"service "abc": cost_options[5].amount 10000.01 is not a price; shown as published"#,
        ]
    );
    assert_eq!(pounds(-2.5, &english()), "-£2.50");
    for amount in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300] {
        assert_eq!(pounds(amount, &english()), "", "{amount}");
    }
}

#[test]
fn a_place_off_the_map_is_listed_without_a_map_position() {
    let text = r#"[ { "id": "far", "name": "Nowhere Group", "service_at_locations": [
        { "location": { "name": "North of the Pole", "latitude": 91, "longitude": -2.5e300,
            "addresses": [ { "address_1": "1 Test Street", "city": "Taunton" } ] } },
        { "location": { "latitude": 51.0, "longitude": -1e9 } },
        { "location": { "latitude": 51.0, "longitude": 1e400 } },
        { "location": { "latitude": "NaN", "longitude": -3.1 } },
        { "location": { "latitude": 51.0 } },
        { "location": { "latitude": 0, "longitude": 0 } },
        { "location": { "latitude": "51.0129", "longitude": "-3.1086" } } ] } ]"#;
    let dir = Directory::parse(text).unwrap();
    let service = &dir.services[0];
    let places: Vec<Option<LatLon>> = service.locations.iter().map(|l| l.at).collect();
    assert_eq!(places, [None, None, None, None, None, None, Some(LatLon::new(51.0129, -3.1086))]);
    assert_eq!(service.town(), Some("Taunton"), "the address is still shown");
    let left_out = "the place is shown without a map position";
    assert_eq!(
        dir.warnings,
        [
            format!(
                r#"service "far": service_at_locations[0].location.latitude 91 is not a latitude (-90 to 90); {left_out}"#
            ),
            format!(
                r#"service "far": service_at_locations[0].location.longitude -2.5e300 is not a longitude (-180 to 180); {left_out}"#
            ),
            format!(
                r#"service "far": service_at_locations[1].location.longitude -1000000000 is not a longitude (-180 to 180); {left_out}"#
            ),
            format!(
                r#"service "far": service_at_locations[2].location.longitude (a number too large to hold) is not a longitude (-180 to 180); {left_out}"#
            ),
            format!(
                r#"service "far": service_at_locations[3].location.latitude "NaN" is not a latitude (-90 to 90); {left_out}"#
            ),
            format!(r#"service "far": service_at_locations[4].location.longitude is missing; {left_out}"#),
            format!(
                r#"service "far": service_at_locations[5].location.latitude/longitude 0, 0 is not a place in the UK; {left_out}"#
            ),
        ]
    );
    let shown = page(&dir);
    let directions: Vec<_> =
        shown.links().filter(|(href, _)| href.contains("openstreetmap.org/directions")).collect();
    assert_eq!(
        directions,
        [(
            "https://www.openstreetmap.org/directions?to=51.01290%2C-3.10860",
            "Get directions to Nowhere Group"
        )]
    );
    assert_eq!(
        row(&shown, "Where")[1..3],
        ["North of the Pole", "1 Test Street"],
        "the address is still shown"
    );
    let ranked = rank(&dir.services, &Default::default(), Some(TAUNTON), &Filters::default());
    assert_eq!(ranked.len(), 1);
    assert!(ranked[0].distance.is_some());
}

#[test]
fn ages_no_person_could_be_are_left_out_with_a_warning() {
    for (min, max, warnings) in [
        ("-5", "1e300", 2),
        ("\"NaN\"", "131", 2),
        ("1e400", "\"eighty\"", 2),
        ("18", "130", 0),
        ("null", "\"\"", 0),
    ] {
        let dir = one_service(&format!(r#", "minimum_age": {min}, "maximum_age": {max}"#));
        let service = &dir.services[0];
        assert_eq!(dir.warnings.len(), warnings, "{min} {max}: {:?}", dir.warnings);
        for warning in &dir.warnings {
            assert!(
                warning.starts_with(r#"service "abc": m"#) && warning.ends_with("is not an age; left out"),
                "{warning}"
            );
        }
        assert!(service.min_age.unwrap_or(0) <= 130 && service.max_age.unwrap_or(0) <= 130);
        let _ = page(&dir);
    }
    let dir = one_service(r#", "minimum_age": -5"#);
    assert_eq!(dir.warnings, [r#"service "abc": minimum_age -5 is not an age; left out"#]);
    assert!(everything_on(&page(&dir)).iter().all(|line| !line.contains("Ages")));
}

#[test]
fn contact_details_that_would_do_more_than_link_are_shown_as_text() {
    let dir = one_service(
        r#", "email": "walks@example.org?cc=someone@evil.example&body=hello",
            "url": "javascript:alert(1)",
            "contacts": [ { "phones": [ { "number": "call us on ＴＷＯ" }, { "number": "01823 961168" } ] } ]"#,
    );
    let shown = page(&dir);
    let contact = &shown.row("How to get in touch").expect("a contact row").lines;
    assert_eq!(
        contact[..],
        [
            Line::Text("call us on ＴＷＯ".into()),
            Line::Link { href: "tel:01823961168".into(), text: "01823 961168".into() },
            Line::Text("walks@example.org?cc=someone@evil.example&body=hello".into()),
        ],
        "shown as text, not as links; and no website"
    );
    assert!(shown.links().all(|(href, text)| !href.starts_with("mailto:") && !text.contains("mailto:")));
    assert!(everything_on(&shown).iter().all(|line| !line.to_ascii_lowercase().contains("javascript")));
    assert_eq!(shown.links().filter(|(href, _)| href.starts_with("tel:")).count(), 1);
    assert_eq!(
        dir.warnings,
        [
            r#"service "abc": url "javascript:alert(1)" is not a web address starting with https://; left out"#,
            r#"service "abc": email "walks@example.org?cc=someone@evil.example&body=hello" is not a plain email address; shown as text, not as a link"#,
            r#"service "abc": contacts[0].phones[0].number "call us on ＴＷＯ" is not a phone number that can be dialled; shown as text, not as a link"#,
        ]
    );
    let good = one_service(r#", "email": "walks@example.org", "url": "https://example.org/walks""#);
    let links: Vec<_> = page(&good).links().map(|(h, t)| (h.to_string(), t.to_string())).collect();
    assert!(links.contains(&("mailto:walks@example.org".into(), "walks@example.org".into())), "{links:?}");
    assert!(links.contains(&("https://example.org/walks".into(), "https://example.org/walks".into())));
    assert!(good.warnings.is_empty());
}

#[test]
fn a_hundred_thousand_deep_file_is_refused_naming_the_problem() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let inside = format!(r#"{{ "services": [ {{ "id": "a", "name": "Walk", "x": {deep} }} ] }}"#);
    let objects = "{\"a\":".repeat(100_000);
    for problem in [
        Directory::parse(&deep).unwrap_err().problem,
        Directory::parse(&inside).unwrap_err().problem,
        Directory::parse(&objects).unwrap_err().problem,
        Config::parse(&deep).unwrap_err().problem,
        Config::parse(&objects).unwrap_err().problem,
        QuestionSet::parse(&deep).unwrap_err().problem,
        read_index(&deep).unwrap_err().problem,
        Catalogue::parse(&deep).unwrap_err().problem,
    ] {
        assert!(problem.contains("nested more than 128 deep"), "{problem}");
        assert!(problem.starts_with("the file is not valid JSON (line 1, column "), "{problem}");
    }
    assert!(Config::parse(&deep).unwrap_err().problem.contains("(line 1, column 129)"));
    assert_eq!(Answers::from_json(&deep), Answers::default());
    // As deep as the limit allows still reads.
    let nest = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
    let limit =
        format!(r#"{{ "services": [ {{ "id": "a", "name": "Walk", "x": {} }} ] }}"#, nest(MAX_DEPTH - 3));
    assert_eq!(Directory::parse(&limit).unwrap().services.len(), 1);
}

/// A directory's `amount` as read (through a one-service file), and its warnings.
fn amount(json: &str) -> (Option<f64>, Vec<String>) {
    let dir = one_service(&format!(r#", "cost_options": [ {{ "option": "Tea", "amount": {json} }} ]"#));
    (dir.services[0].costs[0].amount, dir.warnings)
}

#[test]
fn hostile_numbers_are_read_as_the_numbers_they_are() {
    // As `JSON.parse` reads them: too large is infinite (not a price, the
    // file still read), too small is zero.
    let too_large =
        vec![r#"service "abc": cost_options[0].amount (a number too large to hold) is not a price; shown as published"#.to_string()];
    for huge in ["1e400", "1E+999999999999", &"9".repeat(100_000)] {
        assert_eq!(amount(huge), (None, too_large.clone()), "{}", &huge[..huge.len().min(20)]);
    }
    assert_eq!(amount("-1e400").0, None);
    for zero in ["1e-400", "0e400", "-0e999999999999", "-0", &format!("0.{}1", "0".repeat(100_000))] {
        assert_eq!(amount(zero), (Some(0.0), vec![]), "{}", &zero[..zero.len().min(20)]);
    }
    assert_eq!(amount("2.5").0, Some(2.5));
    // Not numbers at all: the file is not JSON, and says where.
    for broken in ["1e", "-", "1.", ".5", "01x", "NaN", "Infinity", "\"\\u+041\"", "\"\\u00g1\""] {
        let text =
            format!(r#"[ {{ "id": "a", "name": "Walk", "cost_options": [ {{ "amount": {broken} }} ] }} ]"#);
        let problem = Directory::parse(&text).unwrap_err().problem;
        assert!(problem.starts_with("the file is not valid JSON (line 1, column "), "{broken}: {problem}");
    }
    // Numbers as text are read as JSON numbers, no more.
    assert_eq!(amount(r#""2.50""#).0, Some(2.5));
    assert_eq!(amount(r#"" 0x10 ""#).0, None);
}

#[test]
fn coordinates_beyond_reason_never_break_distances_tiles_or_directions() {
    let nowhere = [
        LatLon::new(f64::NAN, 0.0),
        LatLon::new(1e308, -1e308),
        LatLon::new(f64::INFINITY, f64::NEG_INFINITY),
        LatLon::new(-1e9, 1e9),
    ];
    for at in nowhere {
        assert_eq!(LatLon::checked(at.lat, at.lon), None);
        assert_eq!(TAUNTON.km_to(at), f64::INFINITY);
        assert_eq!(at.miles_to(TAUNTON), f64::INFINITY);
        assert_eq!(tiles_around(at).len(), 9);
        let _ = tile_of(at);
        let _ = directions_url(at);
    }
    let far = Distance::from_miles(f64::INFINITY);
    assert_eq!((far.walk_minutes, far.drive_minutes), (None, u32::MAX));
    assert_eq!(
        CentroidTable::parse("TA1,91,-3.1").unwrap_err().to_string(),
        "line 1: is not a place: latitude must be -90 to 90, longitude -180 to 180"
    );
    assert!(CentroidTable::parse("TA1,51.0,1e400").is_err());
    assert!(CentroidTable::parse("TA1,NaN,-3.1").is_err());
    // A service held with a position no file could give ranks, without a distance.
    let service = Service {
        id: "x".into(),
        name: "X".into(),
        locations: vec![Location { at: Some(LatLon::new(f64::NAN, 1e300)), ..Location::default() }],
        ..Service::default()
    };
    let ranked =
        rank(std::slice::from_ref(&service), &Default::default(), Some(TAUNTON), &Filters::default());
    assert_eq!(ranked[0].distance, None);
}

#[test]
fn every_reader_refuses_text_in_other_scripts_without_panicking() {
    for text in
        ["€", "ＴＵ", "１０:００", "\u{202e}", "\u{feff}{}", "{\"services\":[{\"id\":\"€\",\"name\":\"€\"}]}"]
    {
        let _ = Config::parse(text);
        let _ = QuestionSet::parse(text);
        let _ = read_index(text);
        let _ = CentroidTable::parse(text);
        let _ = Postcode::parse(text);
        if let Ok(dir) = Directory::parse(text) {
            show_everything(&dir);
        }
    }
    assert!(Postcode::parse("ＴＡ１ ２ＢＸ").is_err());
    assert!(Postcode::parse("TA1 2B€").is_err());
    assert!(read_index(r#"{ "tiles": ["../config", "255_-11"] }"#).is_err());
}

#[test]
fn five_thousand_questions_each_shown_after_the_last_are_walked_to_the_end() {
    let mut questions = vec![r#"{"id":"q0","kind":"yes_no","text":"?","options":[{"value":"yes","label":"Yes"},{"value":"no","label":"No"}]}"#.to_string()];
    for i in 1..5_000 {
        questions.push(format!(
            r#"{{"id":"q{i}","kind":"yes_no","text":"?","options":[{{"value":"yes","label":"Yes"}},{{"value":"no","label":"No"}}],"show_if":{{"question":"q{}","any_of":["yes"]}}}}"#,
            i - 1
        ));
    }
    let text = format!(r#"{{"needs":[],"questions":[{}]}}"#, questions.join(","));
    let set = QuestionSet::parse(&text).unwrap();
    let mut answers = Answers::default();
    let last = set.questions.last().unwrap();
    assert!(!set.is_visible(last, &answers));
    for q in &set.questions {
        answers.set(&q.id, Some(Answer::Choice("yes".into())));
    }
    assert!(set.is_visible(last, &answers));
}

#[test]
fn weights_beyond_reason_are_refused_naming_the_field() {
    let text = r#"{"needs":[{"id":"a","label":"A"}],"questions":[{"id":"q","kind":"yes_no","text":"?",
        "options":[{"value":"yes","label":"Yes","weights":{"a":1e400}},{"value":"no","label":"No"}]}]}"#;
    let err = QuestionSet::parse(text).unwrap_err();
    assert_eq!(err.field, "questions[0].options[0].weights.a");
}

#[test]
fn a_group_whose_id_cannot_be_a_page_address_is_listed_with_a_warning() {
    let dir =
        Directory::parse(r#"[ { "id": "walk <1>", "name": "Walk" }, { "id": "walk~2", "name": "Talk" } ]"#)
            .unwrap();
    assert_eq!(dir.services.len(), 2);
    assert_eq!(
        dir.warnings,
        [
            r#"service "walk <1>": id "walk <1>" cannot be part of a page address (letters, digits and - _ . : ~ only); the group is listed, but its page cannot be opened"#
        ]
    );
    let list = result_list(&rank(&dir.services, &Default::default(), None, &Filters::default()), false);
    assert_eq!((list[0].name.as_str(), list[0].page.path("/").as_str()), ("Walk", "/group/walk <1>"));
    // An id with a `~` of its own is found again from its page address.
    let address = page_id(&dir.services[1], false);
    assert_eq!(split_page_id(&address), (None, "walk~2"));
    assert_eq!(Route::parse(&Route::Group(address.clone()).path("/"), "/"), Route::Group(address));
}

#[test]
fn fifty_thousand_languages_are_offered_without_a_wait() {
    let services: Vec<Service> = (0..50_000)
        .map(|i| Service {
            id: format!("s{i}"),
            languages: vec![format!("Language {i}"), "english".into()],
            ..Service::default()
        })
        .collect();
    let started = std::time::Instant::now();
    let languages = waymark::core::ranking::languages(&services);
    assert_eq!(languages.len(), 50_000);
    assert_eq!(languages[0], "Language 0");
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}
