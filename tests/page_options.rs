use waymark::core::config::Config;
use waymark::core::directory::Directory;
use waymark::core::page_options::{is_origin, PageOptions};

const SAMPLE_CONFIG: &str = include_str!("../public/config.json");
const SAMPLE_DIRECTORY: &str = include_str!("../public/data/somerset-sample.json");

fn options(query: &[(&str, &str)]) -> PageOptions {
    PageOptions::read(|name| query.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
}

#[test]
fn kiosk_mode_from_the_address_turns_the_kiosk_on_but_never_off() {
    let mut config = Config::parse(SAMPLE_CONFIG).unwrap();
    options(&[("mode", "kiosk")]).apply_to(&mut config);
    assert!(config.kiosk.enabled);

    let mut kiosk =
        Config::parse(&SAMPLE_CONFIG.replace(r#""enabled": false"#, r#""enabled": true"#)).unwrap();
    options(&[("mode", "web")]).apply_to(&mut kiosk);
    assert!(kiosk.kiosk.enabled, "a kiosk config stays a kiosk whatever the address says");
}

#[test]
fn an_organisation_in_the_address_narrows_the_directory() {
    let mut config = Config::parse(SAMPLE_CONFIG).unwrap();
    assert_eq!(config.directory.organisation_id, None);
    options(&[("organisation", " 95fecd21-8eed-5a0b-b11c-56cfc948b433 ")]).apply_to(&mut config);
    let id = config.directory.organisation_id.clone().unwrap();
    assert_eq!(id, "95fecd21-8eed-5a0b-b11c-56cfc948b433");

    let mut directory = Directory::parse(SAMPLE_DIRECTORY).unwrap();
    let all = directory.services.len();
    directory.keep_organisation(&id).unwrap();
    assert_eq!(directory.services.len(), 7, "the sample has seven walking groups");
    assert!(directory.services.len() < all);
    assert!(directory
        .services
        .iter()
        .all(|s| s.organisation.as_deref() == Some("Walking for Wellbeing Somerset (sample)")));

    options(&[("organisation", "  ")]).apply_to(&mut config);
    assert_eq!(
        config.directory.organisation_id.as_deref(),
        Some(id.as_str()),
        "a blank value changes nothing"
    );
}

#[test]
fn only_a_bare_origin_is_taken_as_the_embedding_site() {
    for good in ["https://charity.example", "http://localhost:8090", "https://www.somerset.gov.uk"] {
        assert!(is_origin(good), "{good}");
        assert_eq!(options(&[("embed", good)]).embed_host(), Some(good));
    }
    for bad in [
        "",
        "null",
        "charity.example",
        "https://",
        "https://charity.example/page",
        "https://charity.example:port",
        "javascript://alert(1)",
        "https://a.example\"><script>",
        "ftp://charity.example",
    ] {
        assert!(!is_origin(bad), "{bad}");
        assert_eq!(options(&[("embed", bad)]).embed_host(), None, "{bad}");
    }
}

mod config_override {
    use waymark::core::page_options::{config_override, ParsedUrl};

    const PAGE: &str = "https://widget.example/privacy";
    const ORIGIN: &str = "https://widget.example";

    /// Resolves `raw` as the browser's `new URL(raw, document.baseURI)` does.
    fn whatwg(raw: &str) -> Option<ParsedUrl> {
        let url = url::Url::parse(PAGE).ok()?.join(raw).ok()?;
        Some(ParsedUrl {
            href: url.as_str().to_string(),
            origin: url.origin().ascii_serialization(),
            pathname: url.path().to_string(),
            username: url.username().to_string(),
            password: url.password().unwrap_or("").to_string(),
        })
    }

    fn followed(raw: &str) -> Option<String> {
        config_override(raw, ORIGIN, whatwg)
    }

    #[test]
    fn a_config_file_on_the_widgets_own_site_is_followed() {
        for (raw, fetched) in [
            ("/configs/kiosk.json", "https://widget.example/configs/kiosk.json"),
            ("configs/kiosk.json", "https://widget.example/configs/kiosk.json"),
            ("/c.json?v=2", "https://widget.example/c.json?v=2"),
            ("HTTPS://WIDGET.EXAMPLE/c.json", "https://widget.example/c.json"),
            ("/a/../c.json", "https://widget.example/c.json"),
        ] {
            assert_eq!(followed(raw).as_deref(), Some(fetched), "{raw:?}");
        }
    }

    #[test]
    fn a_crafted_link_never_reads_another_sites_config() {
        let crafted = [
            // The reported attack: a tab, newline or carriage return after the
            // first slash is dropped by the URL parser, leaving `//evil.example`.
            "/\t/evil.example/c.json",
            "/\n/evil.example/c.json",
            "/\r/evil.example/c.json",
            "\t//evil.example/c.json",
            // Backslashes, which the parser reads as slashes.
            "/\\evil.example/c.json",
            "\\\\evil.example\\c.json",
            "\\/evil.example/c.json",
            // Another site, written plainly or as a network path.
            "//evil.example/c.json",
            "https://evil.example/c.json",
            "http://widget.example/c.json",
            "https://widget.example.evil.example/c.json",
            "https://widget.example@evil.example/c.json",
            "https://widget.example:444/c.json",
            // Encoded slashes, backslashes, dots and control characters (as the
            // value reads once the address is decoded).
            "/%2F/evil.example/c.json",
            "/%2f/evil.example/c.json",
            "%2F%2Fevil.example/c.json",
            "/%5C/evil.example/c.json",
            "%5c%5cevil.example/c.json",
            "/%09/evil.example/c.json",
            "/%0a/evil.example/c.json",
            "/%7F/evil.example/c.json",
            "/%252F/evil.example/c.json",
            "/.%2e/c.json",
            // Mixed tricks.
            "/\t\\%2F/evil.example/c.json",
            "/%5C\n/evil.example/c.json",
            // Other schemes, credentials, whitespace and other files.
            "javascript:alert(1)//.json",
            "data:application/json,{}.json",
            "blob:https://widget.example/c.json",
            "https://user:secret@widget.example/c.json",
            " /c.json",
            "/c.json\u{0}",
            "/\u{2028}/evil.example/c.json",
            "/config.js",
            "/c.json/",
            "",
        ];
        for raw in crafted {
            assert_eq!(followed(raw), None, "{raw:?} must not be followed");
        }
    }

    #[test]
    fn lookalike_characters_stay_on_the_widgets_own_site() {
        // A full-width solidus is not a slash to the parser: it becomes part of
        // a path on this site, which is harmless.
        let fetched = followed("／／evil.example/c.json").unwrap();
        assert!(fetched.starts_with("https://widget.example/%EF%BC%8F"), "{fetched}");
    }

    #[test]
    fn a_page_without_an_origin_follows_nothing() {
        assert_eq!(config_override("/c.json", "null", whatwg), None);
        assert_eq!(config_override("/c.json", "", whatwg), None);
    }
}
