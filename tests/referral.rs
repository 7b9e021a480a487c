//! The referral: contact checks, ids, every form check, each page's
//! Continue, "Check your answers", the document the charity receives, the
//! retry schedule and the outbox.

use serde_json::Value;
use waymark::core::questions::{Answer, Answers, QuestionSet};
use waymark::core::referral::*;

const TODAY: (i32, u32, u32) = (2026, 11, 23);

#[test]
fn uk_phone_numbers_in_their_usual_written_forms() {
    for (typed, digits) in [
        ("01823 123456", "01823123456"),
        ("(01823) 123 456", "01823123456"),
        ("07700 900123", "07700900123"),
        ("07700-900-123", "07700900123"),
        ("+44 7700 900123", "07700900123"),
        ("+44 (0)7700 900123", "07700900123"),
        ("0044 20 7946 0000", "02079460000"),
        ("020 7946 0000", "02079460000"),
        ("0800 111 1111", "08001111111"),
        (" 0300 123 1234 ", "03001231234"),
    ] {
        assert_eq!(uk_phone(typed).as_deref(), Some(digits), "{typed}");
    }
    for bad in [
        "",
        "999",
        "7700 900123",
        "+1 202 555 0100",
        "0770090012345",
        "01823 12345x",
        "091 123 4567",
        "07700 +900123",
    ] {
        assert_eq!(uk_phone(bad), None, "{bad}");
    }
}

#[test]
fn email_addresses_by_their_shape() {
    for good in ["sam@example.org", "Sam.Jones+groups@mail.example.co.uk", " sam@example.org "] {
        assert!(is_email(good), "{good}");
    }
    for bad in [
        "",
        "sam",
        "sam@",
        "@example.org",
        "sam@example",
        "sam@@example.org",
        "sam jones@example.org",
        "sam@-example.org",
        "sam@example..org",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
}

#[test]
fn references_are_short_unambiguous_and_vary() {
    let mut seen = std::collections::HashSet::new();
    for i in 0..2000u32 {
        let mut bytes = [0u8; 16];
        for (j, b) in bytes.iter_mut().enumerate() {
            *b = (i.wrapping_mul(2_654_435_761).rotate_left(j as u32) >> (j % 4 * 8)) as u8;
        }
        let ids = ReferralIds::from_random(bytes);
        assert!(is_reference(&ids.reference), "{}", ids.reference);
        assert_eq!(ids.id.len(), 36);
        assert_eq!(&ids.id[14..15], "4", "version 4 UUID");
        seen.insert(ids.reference);
    }
    assert!(seen.len() > 1990, "references should rarely repeat: {}", seen.len());
}

fn complete() -> ReferralForm {
    ReferralForm {
        services: vec![Chosen {
            id: "walk-1".into(),
            name: "Park walk".into(),
            organisation: Some("Walkers".into()),
        }],
        mentor: None,
        for_whom: Some(ForWhom::Me),
        for_whom_from_check: false,
        interpreter: None,
        interpreter_language: String::new(),
        language: "en".into(),
        consent: true,
        name: "Sam Jones".into(),
        methods: vec![Method::Phone],
        email: String::new(),
        phone: "07700 900123".into(),
        best_time: "morning".into(),
        may_leave_message: Some(true),
        postcode: "ta1 2bx".into(),
        birth: [String::new(), String::new(), String::new()],
        gp_surgery: String::new(),
        first_visit: String::new(),
    }
}

fn problems(form: &ReferralForm) -> Vec<(&'static str, &'static str)> {
    form.problems(TODAY).iter().map(|p| (p.field, p.message)).collect()
}

#[test]
fn a_complete_form_has_no_problems() {
    assert_eq!(problems(&complete()), vec![]);
}

#[test]
fn every_field_is_checked_with_its_own_message() {
    type Change = Box<dyn Fn(&mut ReferralForm)>;
    let cases: Vec<(Change, (&str, &str))> = vec![
        (Box::new(|f| f.services.clear()), ("services", "refer.error_no_services")),
        (Box::new(|f| f.for_whom = None), ("for_whom", "refer.error_for_whom")),
        (
            Box::new(|f| f.for_whom = Some(ForWhom::SomeoneElse { agreed: false })),
            ("agreed", "refer.error_not_agreed"),
        ),
        (Box::new(|f| f.consent = false), ("consent", "refer.error_consent")),
        (Box::new(|f| f.name = "  ".into()), ("name", "refer.error_name")),
        (Box::new(|f| f.name = "x".repeat(101)), ("name", "refer.error_name_long")),
        (Box::new(|f| f.methods.clear()), ("methods", "refer.error_methods")),
        (Box::new(|f| f.methods = vec![Method::Email]), ("email", "refer.error_email_missing")),
        (
            Box::new(|f| {
                f.methods = vec![Method::Email];
                f.email = "sam@example".into()
            }),
            ("email", "refer.error_email"),
        ),
        (Box::new(|f| f.phone = String::new()), ("phone", "refer.error_phone_missing")),
        (Box::new(|f| f.phone = "12345".into()), ("phone", "refer.error_phone")),
        (
            Box::new(|f| {
                f.methods = vec![Method::Text];
                f.phone = "01823 123456".into()
            }),
            ("phone", "refer.error_phone_mobile"),
        ),
        (Box::new(|f| f.may_leave_message = None), ("may_leave_message", "refer.error_leave_message")),
        (Box::new(|f| f.postcode = "XYZ".into()), ("postcode", "refer.error_postcode")),
        (
            Box::new(|f| f.birth = ["31".into(), "2".into(), "1950".into()]),
            ("birth-day", "refer.error_dob_real"),
        ),
        (
            Box::new(|f| f.birth = ["1".into(), "1".into(), "2030".into()]),
            ("birth-day", "refer.error_dob_past"),
        ),
        (
            Box::new(|f| f.birth = ["1".into(), "".into(), "1950".into()]),
            ("birth-day", "refer.error_dob_real"),
        ),
        (Box::new(|f| f.gp_surgery = "x".repeat(201)), ("gp_surgery", "refer.error_too_long")),
        (Box::new(|f| f.first_visit = "x".repeat(MAX_TEXT + 1)), ("first_visit", "refer.error_too_long")),
    ];
    for (change, expected) in cases {
        let mut form = complete();
        change(&mut form);
        assert_eq!(problems(&form), vec![expected]);
    }
    // Someone else who knows and agrees is fine; an empty postcode is optional; a leap day is real.
    let mut form = complete();
    form.for_whom = Some(ForWhom::SomeoneElse { agreed: true });
    form.postcode.clear();
    form.birth = ["29".into(), "2".into(), "1952".into()];
    assert_eq!(problems(&form), vec![]);
    assert_eq!(form.date_of_birth(TODAY), Ok(Some("1952-02-29".into())));
}

/// The document as the receiver reads it.
fn document(form: &ReferralForm) -> Value {
    serde_json::from_str(&referral(form).to_json()).expect("the document is JSON")
}

fn referral(form: &ReferralForm) -> ReferralDocument {
    let set = QuestionSet::parse(include_str!("../public/questions/default.json")).unwrap();
    let mut answers = Answers::default();
    answers.set("topics", Some(Answer::Choices(vec!["loneliness".into()])));
    answers.set("left_out", Some(Answer::Choice("often".into())));
    let envelope = Envelope {
        ids: ReferralIds::from_random([9; 16]),
        created_unix: 1_796_126_400,
        channel: Channel::Kiosk,
        host: None,
        recipient: "Somerset Community Connect".into(),
        consent_text: "I agree to Somerset Community Connect using…".into(),
        consent_unix: 1_796_126_380,
    };
    let dob = form.date_of_birth(TODAY).unwrap();
    referral_document(form, &envelope, &set, &set.profile(&answers), "Getting out more", dob)
}

#[test]
fn the_document_carries_every_part_of_the_referral() {
    let mut form = complete();
    form.mentor = Some(("m-2".into(), "Sam".into()));
    form.birth = ["2".into(), "3".into(), "1950".into()];
    form.first_visit = "I use a wheelchair".into();
    let doc = document(&form);
    let at = |path: &str| {
        path.split('.').try_fold(&doc, |v, key| match key.parse::<usize>() {
            Ok(i) => v.as_array().and_then(|a| a.get(i)),
            Err(_) => v.get(key),
        })
    };
    let text = |path: &str| at(path).and_then(Value::as_str).map(str::to_string);
    assert_eq!(at("schema_version").and_then(Value::as_i64), Some(SCHEMA_VERSION as i64));
    assert_eq!(text("referral_id").unwrap().len(), 36);
    assert!(is_reference(&text("reference").unwrap()));
    assert_eq!(text("created").as_deref(), Some("2026-12-01T12:00:00Z"));
    assert_eq!(text("source.channel").as_deref(), Some("kiosk"));
    assert_eq!(text("person.name").as_deref(), Some("Sam Jones"));
    assert_eq!(text("person.referral_for").as_deref(), Some("self"));
    assert_eq!(text("person.postcode").as_deref(), Some("TA1 2BX"));
    assert_eq!(text("person.date_of_birth").as_deref(), Some("1950-03-02"));
    assert_eq!(text("contact.phone").as_deref(), Some("07700900123"));
    assert_eq!(at("contact.email"), Some(&Value::Null), "only what the person chose to give");
    assert_eq!(at("contact.may_leave_message"), Some(&Value::Bool(true)));
    assert_eq!(at("consent.given"), Some(&Value::Bool(true)));
    assert_eq!(text("consent.time").as_deref(), Some("2026-12-01T11:59:40Z"));
    assert_eq!(text("needs.0.id").as_deref(), Some("loneliness"));
    assert_eq!(
        text("needs.0.reasons.0").as_deref(),
        Some("You said you would like to meet people or feel less lonely.")
    );
    assert_eq!(text("what_matters").as_deref(), Some("Getting out more"));
    assert_eq!(text("support_requested.services.0.name").as_deref(), Some("Park walk"));
    assert_eq!(text("support_requested.preferred_mentor.first_name").as_deref(), Some("Sam"));
    assert_eq!(text("first_visit").as_deref(), Some("I use a wheelchair"));
    // It is valid JSON that reads back the same.
    assert_eq!(serde_json::from_str::<Value>(&doc.to_string()).unwrap(), doc);
}

#[test]
fn form_services_get_the_same_fields_flattened() {
    let body = form_encoded(&referral(&complete()));
    assert!(body.starts_with("schema_version=2&referral_id="), "in the document's order: {body}");
    assert!(body.contains("person.name=Sam+Jones"), "{body}");
    assert!(body.contains("support_requested.services.0.id=walk-1"));
    assert!(body.contains("schema_version=2&"));
    assert!(body.contains("person.language=en&"), "{body}");
    assert!(!body.contains("date_of_birth"), "empty fields are left out");
}

#[test]
fn sending_retries_network_and_server_errors_but_not_refusals() {
    assert_eq!(outcome(Some(200)), Outcome::Sent);
    assert_eq!(outcome(Some(204)), Outcome::Sent);
    for status in [None, Some(500), Some(502), Some(503), Some(429)] {
        assert_eq!(outcome(status), Outcome::TryAgain, "{status:?}");
    }
    for status in [400, 401, 403, 404, 409, 413, 422] {
        assert_eq!(outcome(Some(status)), Outcome::Refused, "{status}");
    }
    let waits: Vec<Option<u32>> = (1..=ATTEMPTS_WHILE_WAITING).map(|a| retry_delay(a, None)).collect();
    assert_eq!(waits, vec![Some(1), Some(2), Some(4), None]);
    assert_eq!(retry_delay(1, Some(600)), Some(60), "a long Retry-After is capped");
}

/// Checks `value` against the parts of `schema` this project uses: types,
/// required fields, no undocumented fields, `const`, `enum` and array items.
fn conforms(value: &Value, schema: &Value, path: &str) {
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let actual = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if !types.is_empty() {
        assert!(
            types.contains(&actual) || (actual == "integer" && types.contains(&"number")),
            "{path}: {actual} is not {types:?}"
        );
    }
    if let Some(expected) = schema.get("const") {
        assert_eq!(value, expected, "{path}");
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        assert!(options.contains(value), "{path}: {value:?} not in {options:?}");
    }
    if let (Value::Object(fields), Some(Value::Object(properties))) = (value, schema.get("properties")) {
        let documented: Vec<&str> = properties.iter().map(|(k, _)| k.as_str()).collect();
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for key in &required {
            assert!(fields.contains_key(*key), "{path}.{key} is required by the schema");
        }
        for (key, field) in fields {
            assert!(documented.contains(&key.as_str()), "{path}.{key} is not in the schema");
            let sub = &properties[key];
            conforms(field, sub, &format!("{path}.{key}"));
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            conforms(item, item_schema, &format!("{path}[{i}]"));
        }
    }
}

#[test]
fn the_document_matches_its_published_schema() {
    let schema: Value = serde_json::from_str(include_str!("../public/referral.schema.json")).unwrap();
    let mut form = complete();
    form.mentor = Some(("m-2".into(), "Sam".into()));
    form.methods = vec![Method::Email, Method::Text];
    form.email = "sam@example.org".into();
    conforms(&document(&form), &schema, "referral");
    conforms(&document(&complete()), &schema, "referral");
}

#[test]
fn the_pages_go_one_thing_at_a_time_and_stop_without_agreement() {
    let mut form = complete();
    assert_eq!(
        steps(&form),
        vec![
            Step::Choices,
            Step::ForWhom,
            Step::Consent,
            Step::Name,
            Step::Contact,
            Step::Postcode,
            Step::Optional,
            Step::Check
        ]
    );
    form.for_whom = Some(ForWhom::SomeoneElse { agreed: true });
    assert_eq!(Step::ForWhom.next(&form), Step::Agreed);
    assert_eq!(Step::Agreed.next(&form), Step::Consent);
    assert_eq!(Step::Consent.previous(&form), Some(Step::Agreed));
    form.for_whom = Some(ForWhom::SomeoneElse { agreed: false });
    assert_eq!(steps(&form).last(), Some(&Step::CannotSend), "no way on to sending");
    assert!(!steps(&form).contains(&Step::Check));
    assert_eq!(Step::Choices.previous(&form), None);
}

#[test]
fn each_page_shows_only_its_own_problems_and_send_returns_to_the_first() {
    let mut form = complete();
    form.consent = false;
    form.phone = "123".into();
    let all = form.problems(TODAY);
    assert_eq!(Step::Consent.problems(&all).len(), 1);
    assert_eq!(Step::Contact.problems(&all)[0].message, "refer.error_phone");
    assert!(Step::Name.problems(&all).is_empty());
    assert_eq!(Step::first_with_problem(&form, &all), Some(Step::Consent));
    // Every field a problem can name belongs to some page.
    let owned: Vec<&str> = [
        Step::Choices,
        Step::ForWhom,
        Step::Agreed,
        Step::Consent,
        Step::Name,
        Step::Contact,
        Step::Postcode,
        Step::Optional,
    ]
    .iter()
    .flat_map(|s| s.fields().iter().copied())
    .collect();
    let mut everything_wrong =
        ReferralForm { name: "x".repeat(101), postcode: "XYZ".into(), ..ReferralForm::default() };
    everything_wrong.methods = vec![Method::Email, Method::Phone];
    everything_wrong.birth = ["40".into(), "1".into(), "1950".into()];
    for problem in everything_wrong.problems(TODAY) {
        assert!(owned.contains(&problem.field), "{} is on no page", problem.field);
    }
}

/// A page's submitted fields, as the browser's form data gives them.
fn entered(fields: &[(&str, &str)]) -> impl Fn(&str) -> Vec<String> {
    let fields: Vec<(String, String)> = fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    move |name| fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
}

#[test]
fn continue_takes_the_page_and_moves_on_only_when_it_is_right() {
    let mut form =
        ReferralForm { services: complete().services, best_time: "any".into(), ..Default::default() };
    assert_eq!(form.submit(Step::Choices, &entered(&[]), TODAY), Continue::Next(Step::ForWhom));
    assert_eq!(form.submit(Step::ForWhom, &entered(&[]), TODAY), Continue::Fix(Step::ForWhom));
    let someone = entered(&[("for_whom", "someone-else")]);
    assert_eq!(form.submit(Step::ForWhom, &someone, TODAY), Continue::Next(Step::Agreed));
    // Nothing chosen is not an answer; "no" is, and leads to the page that sends nothing.
    assert_eq!(form.submit(Step::Agreed, &entered(&[]), TODAY), Continue::Unanswered);
    assert_eq!(
        form.submit(Step::Agreed, &entered(&[("agreed", "no")]), TODAY),
        Continue::Next(Step::CannotSend)
    );
    assert_eq!(
        form.submit(Step::Agreed, &entered(&[("agreed", "yes")]), TODAY),
        Continue::Next(Step::Consent)
    );
    // Choosing "someone else" again keeps the agreement already given.
    form.submit(Step::ForWhom, &someone, TODAY);
    assert_eq!(form.for_whom, Some(ForWhom::SomeoneElse { agreed: true }));

    assert_eq!(form.submit(Step::Consent, &entered(&[]), TODAY), Continue::Fix(Step::Consent));
    assert_eq!(
        form.submit(Step::Consent, &entered(&[("consent", "yes")]), TODAY),
        Continue::Next(Step::Name)
    );
    assert_eq!(form.submit(Step::Name, &entered(&[("name", "Sam")]), TODAY), Continue::Next(Step::Contact));
    let contact = [
        ("methods", "email"),
        ("methods", "text"),
        ("email", "sam@example"),
        ("phone", "01823 123456"),
        ("best_time", "evening"),
    ];
    assert_eq!(form.submit(Step::Contact, &entered(&contact), TODAY), Continue::Fix(Step::Contact));
    // What was typed is kept, to be put back beside its error.
    assert_eq!(form.methods, vec![Method::Email, Method::Text]);
    assert_eq!((form.email.as_str(), form.phone.as_str()), ("sam@example", "01823 123456"));
    assert_eq!(form.best_time, "evening");
    let fixed = [("methods", "email"), ("email", "sam@example.org"), ("best_time", "evening")];
    assert_eq!(form.submit(Step::Contact, &entered(&fixed), TODAY), Continue::Next(Step::Postcode));
    assert_eq!(
        form.submit(Step::Postcode, &entered(&[("postcode", "")]), TODAY),
        Continue::Next(Step::Optional)
    );
    let birth = [("birth-day", "2"), ("birth-month", "3"), ("birth-year", "1950"), ("first_visit", "A ramp")];
    assert_eq!(form.submit(Step::Optional, &entered(&birth), TODAY), Continue::Next(Step::Check));
    assert_eq!(form.date_of_birth(TODAY), Ok(Some("1950-03-02".into())));
    assert_eq!(form.submit(Step::Check, &entered(&[]), TODAY), Continue::Send);
    // Send returns to the earliest page that needs fixing.
    form.consent = false;
    assert_eq!(form.submit(Step::Check, &entered(&[]), TODAY), Continue::Fix(Step::Consent));
}

#[test]
fn check_your_answers_shows_what_was_entered_with_a_way_back_to_each_page() {
    let mut form = complete();
    form.methods = vec![Method::Email, Method::Phone];
    form.email = " sam@example.org ".into();
    let rows = summary_rows(&form, &|key: &str| key.to_string());
    let shown: Vec<(&str, &str, Step)> = rows.iter().map(|r| (r.label, r.value.as_str(), r.step)).collect();
    assert_eq!(
        shown,
        vec![
            ("refer.row_services", "Park walk", Step::Choices),
            ("refer.row_for", "refer.for_me", Step::ForWhom),
            ("refer.row_name", "Sam Jones", Step::Name),
            (
                "refer.row_contact",
                "refer.method_email: sam@example.org; refer.method_phone: 07700 900123",
                Step::Contact
            ),
            ("refer.row_best_time", "refer.time_morning", Step::Contact),
            ("refer.row_message", "refer.yes", Step::Contact),
            ("refer.row_postcode", "ta1 2bx", Step::Postcode),
        ],
        "optional things left blank have no row"
    );
    form.birth = ["2".into(), " 3".into(), "1950".into()];
    let rows = summary_rows(&form, &|key: &str| key.to_string());
    assert!(rows.iter().any(|r| r.label == "refer.row_birth" && r.value == "2 / 3 / 1950"));
    // The name and contact rows stay, empty, so they can be changed.
    let empty = summary_rows(&ReferralForm::default(), &|key: &str| key.to_string());
    let labels: Vec<&str> = empty.iter().map(|r| r.label).collect();
    assert_eq!(
        labels,
        [
            "refer.row_services",
            "refer.row_for",
            "refer.row_name",
            "refer.row_contact",
            "refer.row_best_time",
            "refer.row_message"
        ]
    );
}

#[test]
fn the_outbox_keeps_a_referral_for_a_week_and_no_longer() {
    let now = 1_796_126_400;
    let kept = |id: &str, days_ago: i64| Outgoing {
        id: id.into(),
        reference: "WM-2345-67".into(),
        endpoint: "https://example.org/referrals".into(),
        format: "json".into(),
        body: "{}".into(),
        kept_unix: if days_ago < 0 { 0 } else { now - days_ago * 86_400 },
    };
    let outbox = read_outbox(vec![kept("a", 8), kept("b", 1), kept("c", 7)], now);
    assert_eq!(outbox.waiting, vec![kept("b", 1)]);
    assert_eq!(outbox.expired, vec![kept("a", 8), kept("c", 7)]);
    assert!(outbox.changed, "what expired is deleted from the device");
    let unchanged = read_outbox(vec![kept("b", 1)], now);
    assert!(!unchanged.changed && unchanged.waiting.len() == 1);
    // One kept by a release that wrote no time starts its week now.
    let untimed = read_outbox(vec![kept("old", -1)], now);
    assert_eq!(untimed.waiting[0].kept_unix, now);
    assert!(untimed.changed);
    // What could never be sent is left out.
    let broken = Outgoing { endpoint: String::new(), ..kept("d", 1) };
    assert!(read_outbox(vec![broken], now).waiting.is_empty());
    // As stored by earlier releases: a missing field is empty.
    let stored: Vec<Outgoing> =
        serde_json::from_str(r#"[{"id":"e","endpoint":"https://e.org","body":"{}"}]"#).unwrap();
    assert_eq!(stored[0].kept_unix, 0);
    assert_eq!(stored[0].format, "");
}
