//! How data files are read (serde_json, with serde_path_to_error for the
//! path): the path and plain-English problem of each error, and the rules
//! where JSON readers differ (repeated fields, numbers too large to hold).

use waymark::core::config::Config;
use waymark::core::directory::Directory;
use waymark::core::i18n::Catalogue;
use waymark::core::questions::QuestionSet;

fn config_with(referral: &str) -> String {
    format!(
        r#"{{ "organisation": {{ "name": "Test Org", "phone": "01823 000000" }},
             "directory": {{ "url": "data/d.json" }}, "referral": {referral} }}"#
    )
}

fn problem(text: &str) -> (String, String) {
    let err = Config::parse(text).unwrap_err();
    (err.field, err.problem)
}

#[test]
fn each_error_names_the_field_and_the_problem_in_plain_words() {
    let cases = [
        (r#"{ "endpoint": 3 }"#, "referral.endpoint", "must be text in quotes"),
        (
            r#"{ "endpoint": "https://e.org", "timeout_seconds": 2.5 }"#,
            "referral.timeout_seconds",
            "must be a whole number",
        ),
        (
            r#"{ "endpoint": "https://e.org", "timeout_seconds": -1 }"#,
            "referral.timeout_seconds",
            "must be a whole number",
        ),
        (r#"{ "endpoint": "https://e.org", "format": 3 }"#, "referral.format", "must be text in quotes"),
        (
            r#"{ "endpoint": "https://e.org", "format": "xml" }"#,
            "referral.format",
            r#""xml" is not one of json, form, mailto"#,
        ),
        (r#"{ "format": "json" }"#, "referral.endpoint", "is missing"),
        (r#"[ "https://e.org" ]"#, "referral", "must be an object ({ … })"),
        (
            r#"{ "endpont": "https://e.org" }"#,
            "referral.endpont",
            "is not a known field (expected one of: endpoint, format, timeout_seconds, public_key)",
        ),
    ];
    for (referral, field, expected) in cases {
        assert_eq!(problem(&config_with(referral)), (field.to_string(), expected.to_string()), "{referral}");
    }
    let set = r#"{ "needs": [], "questions": [ { "id": "q", "kind": "yes_no", "text": "?",
        "options": [ { "value": "yes", "label": "Y" }, { "value": "no", "label": "N", "hint": false } ] } ] }"#;
    let err = QuestionSet::parse(set).unwrap_err();
    assert_eq!(
        (err.field.as_str(), err.problem.as_str()),
        ("questions[0].options[1].hint", "must be text in quotes")
    );
}

#[test]
fn a_file_that_is_not_json_is_named_with_line_and_column() {
    let (field, problem) = problem("{\n  \"organisation\": @\n}");
    assert_eq!(field, "");
    assert!(problem.starts_with("the file is not valid JSON (line 2, column "), "{problem}");
    for text in ["", "   ", "{ \"organisation\" }", "{ \"quick_exit_url\": \"/x\", }"] {
        let (_, problem) = self::problem(text);
        assert!(problem.starts_with("the file is not valid JSON (line 1, column "), "{text:?}: {problem}");
    }
}

#[test]
fn missing_or_null_optional_sections_take_their_defaults() {
    let text = config_with(r#"{ "endpoint": "https://e.org", "format": null }"#)
        .replace("}, \"referral\"", "}, \"kiosk\": null, \"theme\": null, \"referral\"");
    let config = Config::parse(&text).unwrap();
    assert_eq!(config.kiosk.idle_seconds, 120);
    assert!(config.theme_properties().is_empty());
}

#[test]
fn repeated_fields_are_refused_in_the_config_and_the_last_kept_in_a_directory() {
    let (field, problem) =
        problem(&config_with(r#"{ "endpoint": "https://e.org", "endpoint": "https://f.org" }"#));
    assert_eq!((field.as_str(), problem.as_str()), ("referral.endpoint", "is given twice"));
    // A third party's directory is read as JSON.parse reads it: the last value counts.
    let dir = Directory::parse(r#"[ { "id": "a", "name": "First", "name": "Second" } ]"#).unwrap();
    assert_eq!(dir.services[0].name, "Second");
    // A translation keeps its first text, as before.
    let catalogue = Catalogue::parse(r#"{ "a": "one", "a": "two" }"#).unwrap();
    assert_eq!(catalogue.get("a"), Some("one"));
}

#[test]
fn an_age_of_minus_one_means_none_was_given() {
    let dir = Directory::parse(r#"[ { "id": "a", "name": "Walk", "minimum_age": -1, "maximum_age": -1 } ]"#)
        .unwrap();
    assert_eq!((dir.services[0].min_age, dir.services[0].max_age), (None, None));
    assert!(dir.warnings.is_empty(), "{:?}", dir.warnings);
    let dir = Directory::parse(r#"[ { "id": "a", "name": "Walk", "minimum_age": -2 } ]"#).unwrap();
    assert_eq!(dir.warnings.len(), 1, "any other negative age is still a mistake");
}

#[test]
fn a_number_too_large_to_hold_is_named_where_it_matters_and_left_out_where_it_does_not() {
    let (field, problem) =
        problem(&config_with(r#"{ "endpoint": "https://e.org", "timeout_seconds": 1e400 }"#));
    assert_eq!(
        (field.as_str(), problem.as_str()),
        ("referral.timeout_seconds", "is a number too large to hold")
    );
    let dir =
        Directory::parse(r#"[ { "id": "a", "name": "Walk", "minimum_age": 1e400, "extra": [1e999] } ]"#)
            .unwrap();
    assert_eq!(dir.services.len(), 1);
    assert_eq!(dir.services[0].min_age, None);
    assert_eq!(
        dir.warnings,
        [r#"service "a": minimum_age (a number too large to hold) is not an age; left out"#]
    );
}
