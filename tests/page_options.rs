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
