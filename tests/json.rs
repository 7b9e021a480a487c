//! The widget's own JSON parser, against the cases data files contain.

use waymark::core::json::{parse_value, Value};

#[test]
fn numbers_come_out_as_written() {
    for (text, expected) in [
        ("51.01234", 51.01234),
        ("-3.10291", -3.10291),
        ("0", 0.0),
        ("-0.5", -0.5),
        ("2.5e1", 25.0),
        ("1E-3", 0.001),
        ("120", 120.0),
        ("12345678901234567890", 12345678901234567890.0),
    ] {
        let got = parse_value(text).unwrap().as_f64().unwrap();
        assert!((got - expected).abs() <= expected.abs() * 1e-15, "{text}: {got}");
    }
    // Coordinates round-trip exactly at the precision the tables use.
    assert_eq!(parse_value("51.0132").unwrap(), Value::Number(51.0132));
    assert_eq!(parse_value("-3.1029").unwrap(), Value::Number(-3.1029));
    assert_eq!(parse_value("7").unwrap().as_u64(), Some(7));
    assert_eq!(parse_value("7.5").unwrap().as_u64(), None);
    assert_eq!(parse_value("-7").unwrap().as_u64(), None);
}

#[test]
fn text_escapes_and_unicode_are_decoded() {
    let v = parse_value(r#""quote \" slash \\ \/ tab \t line \n é \u00e9 \ud83c\udf33 🌳""#).unwrap();
    assert_eq!(v.as_str(), Some("quote \" slash \\ / tab \t line \n é é 🌳 🌳"));
}

#[test]
fn objects_keep_order_and_nesting() {
    let v = parse_value(r#" { "b": 1, "a": { "c": [true, false, null, []] } } "#).unwrap();
    let fields = v.as_object().unwrap();
    assert_eq!(fields[0].0, "b");
    let c = v.get("a").unwrap().get("c").unwrap().as_array().unwrap();
    assert_eq!(c, &[Value::Bool(true), Value::Bool(false), Value::Null, Value::Array(vec![])]);
}

#[test]
fn broken_json_is_refused_with_a_position() {
    for (text, line, column) in [
        ("{ \"a\": 1, }", 1, 11),
        ("[1, 2", 1, 6),
        ("{ \"a\" 1 }", 1, 7),
        ("\"unterminated", 1, 14),
        ("{\n  \"a\": tru\n}", 2, 8),
        ("[1] [2]", 1, 5),
        ("", 1, 1),
        ("12x", 1, 3),
        ("\"tab\there\"", 1, 5),
    ] {
        let err = parse_value(text).expect_err(text);
        assert_eq!((err.line, err.column), (line, column), "{text}: {}", err.message);
    }
}

#[test]
fn absurd_nesting_is_refused_rather_than_crashing() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(parse_value(&deep).is_err());
}

#[test]
fn the_bundled_data_files_parse() {
    for text in [
        include_str!("../public/config.json"),
        include_str!("../public/questions/default.json"),
        include_str!("../public/data/somerset-sample.json"),
        include_str!("../public/locales/en.json"),
    ] {
        assert!(parse_value(text).unwrap().is_object());
    }
}
