use waymark::core::config::{Config, ReferralFormat};

const SAMPLE: &str = include_str!("../public/config.json");

fn with(field_json: &str) -> String {
    // Replace the whole referral section of a minimal valid config.
    format!(
        r#"{{
        "organisation": {{ "name": "Test Org", "phone": "01823 000000" }},
        "directory": {{ "url": "data/d.json" }},
        {field_json}
    }}"#
    )
}

#[test]
fn the_bundled_sample_config_is_valid() {
    let config = Config::parse(SAMPLE).expect("public/config.json must be valid");
    assert!(!config.organisation.name.is_empty());
    assert!(!config.kiosk.enabled, "the sample should not start in kiosk mode");
}

#[test]
fn defaults_fill_in_optional_sections() {
    let config = Config::parse(&with(r#""referral": { "endpoint": "https://example.org/r" }"#)).unwrap();
    assert_eq!(config.referral.format, ReferralFormat::Json);
    assert_eq!(config.kiosk.idle_seconds, 120);
    assert_eq!(config.language, "en");
    assert_eq!(config.service.reply_within_working_days, 5);
}

#[test]
fn invalid_json_names_line_and_column() {
    let err = Config::parse("{ \"organisation\": ").unwrap_err();
    assert!(err.problem.contains("not valid JSON"), "{err}");
    assert!(err.problem.contains("line 1"), "{err}");
}

#[test]
fn a_missing_required_section_is_named() {
    let err = Config::parse(
        r#"{ "organisation": { "name": "A", "phone": "0123" }, "directory": { "url": "d.json" } }"#,
    )
    .unwrap_err();
    assert_eq!(err.field, "referral");
    assert_eq!(err.problem, "is missing");
}

#[test]
fn a_wrong_type_names_the_nested_field() {
    let err =
        Config::parse(&with(r#""referral": { "endpoint": "https://e.org", "timeout_seconds": "soon" }"#))
            .unwrap_err();
    assert_eq!(err.field, "referral.timeout_seconds");
    assert_eq!(err.problem, "must be a whole number");
}

#[test]
fn a_misspelt_field_is_rejected_by_name() {
    let err = Config::parse(&with(r#""referral": { "endpont": "https://e.org" }"#)).unwrap_err();
    assert_eq!(err.field, "referral.endpont");
    assert!(err.problem.contains("not a known field"), "{err}");
    assert!(err.problem.contains("endpoint"), "the message suggests the right name: {err}");
}

#[test]
fn the_endpoint_must_be_encrypted_except_on_this_machine() {
    for bad in ["http://example.org/r", "ftp://example.org", "example.org", "https://"] {
        let err = Config::parse(&with(&format!(r#""referral": {{ "endpoint": "{bad}" }}"#))).unwrap_err();
        assert_eq!(err.field, "referral.endpoint", "{bad}");
    }
    for good in ["https://example.org/r", "http://127.0.0.1:9000/referrals", "http://localhost:3000"] {
        Config::parse(&with(&format!(r#""referral": {{ "endpoint": "{good}" }}"#))).unwrap();
    }
    let err = Config::parse(&with(r#""referral": { "endpoint": "http://localhost.evil.org" }"#)).unwrap_err();
    assert_eq!(err.field, "referral.endpoint");
}

#[test]
fn mailto_format_needs_a_mailto_address() {
    let err = Config::parse(&with(r#""referral": { "endpoint": "https://e.org", "format": "mailto" }"#))
        .unwrap_err();
    assert_eq!(err.field, "referral.endpoint");
    Config::parse(&with(r#""referral": { "endpoint": "mailto:refer@e.org", "format": "mailto" }"#)).unwrap();
    let err =
        Config::parse(&with(r#""referral": { "endpoint": "https://e.org", "format": "xml" }"#)).unwrap_err();
    assert_eq!(err.field, "referral.format");
}

#[test]
fn colours_must_be_hex_so_they_cannot_inject_css() {
    let err = Config::parse(&with(
        r##""referral": { "endpoint": "https://e.org" }, "theme": { "primary": "red;background:url(x)" }"##,
    ))
    .unwrap_err();
    assert_eq!(err.field, "theme.primary");
    let config = Config::parse(&with(
        r##""referral": { "endpoint": "https://e.org" }, "theme": { "primary": "#0b0c0c" }"##,
    ))
    .unwrap();
    assert_eq!(config.theme_properties(), vec![("--wm-color-primary", "#0b0c0c")]);
}

#[test]
fn kiosk_timings_must_leave_time_to_read() {
    let err = Config::parse(&with(
        r#""referral": { "endpoint": "https://e.org" }, "kiosk": { "idle_seconds": 5 }"#,
    ))
    .unwrap_err();
    assert_eq!(err.field, "kiosk.idle_seconds");
}

#[test]
fn an_empty_organisation_name_is_named() {
    let text = r#"{ "organisation": { "name": " ", "phone": "01823 000000" },
        "referral": { "endpoint": "https://e.org" }, "directory": { "url": "d.json" } }"#;
    assert_eq!(Config::parse(text).unwrap_err().field, "organisation.name");
}

#[test]
fn the_directory_may_not_be_fetched_over_plain_http() {
    let text = r#"{ "organisation": { "name": "A", "phone": "01823 000000" },
        "referral": { "endpoint": "https://e.org" }, "directory": { "url": "http://e.org/d.json" } }"#;
    assert_eq!(Config::parse(text).unwrap_err().field, "directory.url");
}

#[test]
fn a_section_of_the_wrong_shape_is_named() {
    let err = Config::parse(&with(r#""referral": "https://e.org""#)).unwrap_err();
    assert_eq!(err.field, "referral");
    assert!(err.problem.contains("must be an object"), "{err}");
    let err = Config::parse("[1, 2]").unwrap_err();
    assert_eq!(err.field, "");
    assert!(err.problem.contains("must be an object"), "{err}");
}

#[test]
fn a_directory_is_one_file_or_a_folder_of_tiles_never_both() {
    let config_with = |directory: &str| {
        format!(
            r#"{{ "organisation": {{ "name": "Test Org", "phone": "01823 000000" }},
                 "referral": {{ "endpoint": "https://example.org/r" }}, "directory": {directory} }}"#
        )
    };
    let tiled = Config::parse(&config_with(r#"{ "tiles": "data/tiles/" }"#)).unwrap();
    assert!(tiled.directory.tiled);
    assert_eq!(tiled.directory.url, "data/tiles/");
    for bad in [r#"{ "url": "a.json", "tiles": "t/" }"#, "{}"] {
        let err = Config::parse(&config_with(bad)).unwrap_err();
        assert_eq!(err.field, "directory");
        assert!(err.problem.contains("either \"url\""), "{}", err.problem);
    }
    let err = Config::parse(&config_with(r#"{ "tiles": "http://elsewhere.example/tiles/" }"#)).unwrap_err();
    assert_eq!(err.field, "directory.tiles");
}

#[test]
fn addresses_a_browser_would_read_as_another_site_are_refused() {
    // Browsers read `\` as `/` and drop tabs and newlines, so each of these
    // would leave the widget's site (or run script) however it is written.
    let referral = r#""referral": { "endpoint": "https://example.org/r" }"#;
    for bad in [
        "/\\\\evil.example",
        "/\\t/evil.example",
        "\\\\/evil.example",
        "//evil.example",
        "javascript:alert(1)",
    ] {
        let config = with(&format!(r#"{referral}, "quick_exit_url": "{bad}""#));
        assert_eq!(Config::parse(&config).unwrap_err().field, "quick_exit_url", "{bad}");
    }
    for bad in [
        "javascript:alert(1)",
        "data:application/json,{}",
        "/\\\\evil.example/q.json",
        "//evil.example/q.json",
    ] {
        let config = with(&format!(r#"{referral}, "questions": {{ "url": "{bad}" }}"#));
        assert_eq!(Config::parse(&config).unwrap_err().field, "questions.url", "{bad}");
    }
    for good in ["/neutral.html", "https://www.bbc.co.uk/weather"] {
        Config::parse(&with(&format!(r#"{referral}, "quick_exit_url": "{good}""#))).unwrap();
    }
    for good in ["questions/default.json", "/questions/default.json", "q.json?v=2"] {
        Config::parse(&with(&format!(r#"{referral}, "questions": {{ "url": "{good}" }}"#))).unwrap();
    }
}

#[test]
fn a_basemap_is_a_pmtiles_file_on_this_site_and_nothing_else() {
    let sample = Config::parse(SAMPLE).unwrap();
    assert_eq!(sample.map.basemap.as_deref(), Some("map/sample.pmtiles"), "the sample deployment has a map");
    let none = Config::parse(&with(r#""referral": { "endpoint": "https://e.org" }"#)).unwrap();
    assert_eq!(none.map.basemap, None, "no basemap, no map");
    for ok in ["map/somerset.pmtiles", "/tiles/uk.pmtiles", "map/a.pmtiles?v=2"] {
        let text = with(&format!(
            r#""referral": {{ "endpoint": "https://e.org" }}, "map": {{ "basemap": "{ok}" }}"#
        ));
        assert_eq!(Config::parse(&text).unwrap().map.basemap.as_deref(), Some(ok));
    }
    for refused in [
        "https://tiles.example.com/uk.pmtiles",
        "//tiles.example.com/uk.pmtiles",
        "http://127.0.0.1:9000/uk.pmtiles",
        "/\\\\evil.example/uk.pmtiles",
        "javascript:alert(1)//.pmtiles",
        "map/style.json",
        "",
    ] {
        let text = with(&format!(
            r#""referral": {{ "endpoint": "https://e.org" }}, "map": {{ "basemap": "{refused}" }}"#
        ));
        let err = Config::parse(&text).expect_err(refused);
        assert_eq!(err.field, "map.basemap", "{refused}");
        assert!(err.to_string().contains("on this site"), "{err}");
    }
    let misspelt = with(r#""referral": { "endpoint": "https://e.org" }, "map": { "base_map": "m.pmtiles" }"#);
    assert!(Config::parse(&misspelt).unwrap_err().to_string().contains("base_map"));
}
