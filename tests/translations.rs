//! Every string the interface shows must come from the catalogue, so a
//! translation can be added without touching code.

use std::{fs, path::Path};

use waymark::core::i18n::{plural_category, Catalogue, ENGLISH};

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
                // A file of the build ("sw.js", "index.html") is no key either.
                && !["json", "js", "html", "txt", "wasm", "css"].iter().any(|ext| name.ends_with(ext))
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

/// Every shipped locale, as (language code, catalogue, text).
fn locales() -> Vec<(String, Catalogue, String)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/public/locales"));
    let mut found: Vec<(String, Catalogue, String)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let code = p.file_stem().unwrap().to_string_lossy().to_string();
            let text = fs::read_to_string(&p).unwrap();
            let catalogue = Catalogue::parse(&text).unwrap_or_else(|e| panic!("{code}.json: {e}"));
            (code, catalogue, text)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(found.len() >= 8, "English, Welsh and the six community languages ship");
    found
}

/// The `{name}`s in a message.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> =
        text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(n, _)| n)).collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[test]
fn every_locale_has_every_english_message_with_no_placeholder_english_lacks() {
    let english = Catalogue::parse(ENGLISH).unwrap();
    for (code, locale, _) in locales() {
        let mut problems = Vec::new();
        for key in english.keys() {
            let (base, plural) = match key.split_once('#') {
                Some((base, _)) => (base, true),
                None => (key, false),
            };
            let english_names = placeholders(english.get(key).unwrap());
            if plural {
                // Every form the language's CLDR rules can ask for is there.
                for n in
                    (0..=200).map(|n| n.to_string()).chain(["0.5", "1.4", "2.5", "11.5"].map(String::from))
                {
                    let form = format!("{base}#{}", plural_category(&code, &n));
                    if locale.get(&form).is_none() {
                        problems.push(format!("{form} (for {n})"));
                    }
                }
                continue;
            }
            // A time may be written on the 12- or the 24-hour clock.
            let clock = ["h12", "h24", "mm"];
            match locale.get(key) {
                None => problems.push(format!("{key} is missing")),
                Some(text) => {
                    for name in placeholders(text) {
                        let allowed = key.starts_with("time.") && clock.contains(&name);
                        if !english_names.contains(&name) && !allowed {
                            problems.push(format!("{key} has {{{name}}}, which English lacks"));
                        }
                    }
                }
            }
        }
        for key in locale.keys().filter(|k| k.contains('#')) {
            let base = key.split_once('#').unwrap().0;
            let english_names = placeholders(english.get(&format!("{base}#other")).unwrap_or(""));
            for name in placeholders(locale.get(key).unwrap()) {
                if !english_names.contains(&name) {
                    problems.push(format!("{key} has {{{name}}}, which English lacks"));
                }
            }
        }
        problems.sort();
        problems.dedup();
        assert!(problems.is_empty(), "{code}.json:\n{}", problems.join("\n"));
    }
}

#[test]
fn every_locale_says_what_it_is_and_whether_a_native_speaker_reviewed_it() {
    for (code, locale, _) in locales() {
        let meta = locale.meta().unwrap_or_else(|| panic!("{code}.json has no @metadata"));
        assert_eq!(meta.language, code);
        assert!(!meta.name.is_empty());
        assert!(meta.dir == "ltr" || meta.dir == "rtl", "{code}: dir {}", meta.dir);
        assert_eq!(
            meta.dir == "rtl",
            code == "ar" || code == "ur",
            "{code}: Arabic and Urdu are written right to left"
        );
        assert!(meta.drafted_by.as_deref().is_some_and(|d| !d.is_empty()), "{code}: who drafted it");
        assert!(meta.date.is_some(), "{code}: when");
        if meta.reviewed {
            assert!(meta.reviewed_by.is_some(), "{code}: reviewed, but by whom?");
        }
    }
}

#[test]
fn urgent_help_keeps_its_numbers_in_every_language() {
    let english = Catalogue::parse(ENGLISH).unwrap();
    for (code, locale, _) in locales() {
        for key in english.keys().filter(|k| k.starts_with("help.")) {
            for number in ["999", "111", "116 123", "85258"] {
                if english.get(key).unwrap().contains(number) {
                    assert!(locale.get(key).unwrap().contains(number), "{code}: {key} must keep {number}");
                }
            }
        }
    }
}
