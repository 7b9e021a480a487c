//! Every string the interface shows must come from the catalogue, so a
//! translation can be added without touching code.

use std::{fs, path::Path};

use waymark::core::i18n::{Catalogue, ENGLISH};

fn web_sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            web_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
        }
    }
}

/// Message keys in calls like `t("start.title")` and in key tables
/// (`"help.talk_title"`): any string literal shaped like `area.name`.
fn keys_in(source: &str) -> Vec<String> {
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let mut parts = s.split('.');
            let (Some(area), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
                return false;
            };
            // A key's area starts with a letter: "_bg.wasm" is a file suffix.
            area.starts_with(|c: char| c.is_ascii_lowercase())
                && !name.is_empty()
                && s.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.' || c.is_ascii_digit())
                && !name.ends_with("json")
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_key_the_interface_uses_has_english_text() {
    let english = Catalogue::parse(ENGLISH).unwrap();
    let mut sources = Vec::new();
    web_sources(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web")), &mut sources);
    assert!(sources.len() > 5, "found the web sources");
    let used: usize = sources.iter().map(|(_, s)| keys_in(s).len()).sum();
    assert!(used > 50, "found only {used} message keys: has the pattern of t(\"...\") calls changed?");
    let mut missing = Vec::new();
    for (file, source) in &sources {
        for key in keys_in(source) {
            // A plural message has its forms as `key#one`, `key#other` ….
            if english.get(&key).is_none() && english.get(&format!("{key}#other")).is_none() {
                missing.push(format!("{file}: {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "keys with no English text:\n{}", missing.join("\n"));
}

#[test]
fn the_english_catalogue_has_no_empty_messages() {
    let english = Catalogue::parse(ENGLISH).unwrap();
    let empty: Vec<&str> = english.keys().filter(|k| english.get(k).unwrap().trim().is_empty()).collect();
    assert!(empty.is_empty(), "empty messages: {empty:?}");
}

#[test]
fn the_urgent_help_numbers_are_exact() {
    let english = Catalogue::parse(ENGLISH).unwrap();
    let help: String =
        english.keys().filter(|k| k.starts_with("help.")).map(|k| english.get(k).unwrap()).collect();
    for number in ["999", "NHS 111", "option 2", "116 123", "85258"] {
        assert!(help.contains(number), "urgent help must mention {number}");
    }
}

#[test]
fn the_credits_carry_the_exact_attribution_lines() {
    let english = Catalogue::parse(ENGLISH).unwrap();
    assert_eq!(
        english.get("credits.os"),
        Some("Contains Ordnance Survey data © Crown copyright and database right 2025")
    );
    assert_eq!(
        english.get("credits.royal_mail"),
        Some("Contains Royal Mail data © Royal Mail copyright and database right 2025")
    );
    assert_eq!(
        english.get("credits.ons"),
        Some("Contains National Statistics data © Crown copyright and database right 2025")
    );
}
