//! `cargo xtask import` end to end: the real binary against the real test
//! server (tests/support/oruk-server.mjs), each test with its own server on
//! its own port, so they run in parallel.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;
use waymark::core::directory::Directory;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The test server, stopped when dropped (also when a test fails).
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new("node")
            .arg(root().join("tests/support/oruk-server.mjs"))
            .arg("0")
            .stdout(Stdio::piped())
            .spawn()
            .expect("node is on PATH");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port = line.trim().strip_prefix("listening ").unwrap_or_else(|| panic!("server said {line:?}"));
        Server { child, url: format!("http://127.0.0.1:{port}") }
    }

    /// Requests so far, per path (and page).
    fn stats(&self) -> Value {
        let text =
            ureq::get(format!("{}/stats", self.url)).call().unwrap().body_mut().read_to_string().unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An empty folder for one test's output.
fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waymark-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn import(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask")).arg("import").args(args).output().unwrap()
}

fn questions() -> String {
    root().join("xtask/tests/fixtures/import-questions.json").display().to_string()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "import failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn directory(dir: &Path) -> (Value, Directory) {
    let text = std::fs::read_to_string(dir.join("directory.json")).unwrap();
    (serde_json::from_str(&text).unwrap(), Directory::parse(&text).unwrap())
}

const KEPT: [&str; 8] = ["wf-001", "wf-002", "som-003", "som-004", "som-005", "wf-010", "som-011", "som-012"];

/// What both feeds must come to: the same eight services and four skips.
fn check_kept_and_skipped(dir: &Path, report: &str) {
    let (doc, parsed) = directory(dir);
    let ids: Vec<&str> = parsed.services.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, KEPT, "every page read, in feed order, the skipped ones out");
    assert_eq!(doc["contents"].as_array().unwrap().len(), KEPT.len());
    assert!(parsed.warnings.iter().all(|w| w.contains("som-012")), "{:?}", parsed.warnings);
    assert!(report.contains("Services: 12 read, 8 kept, 4 skipped"), "{report}");
    for skip in
        ["som-006: inactive", "som-007: no name", "som-008: no usable location", "wf-001: duplicate id"]
    {
        assert!(report.contains(skip), "missing {skip:?} in\n{report}");
    }
    assert!(report.contains("email \"yoga at bridgwater\""), "{report}");
    assert_eq!(std::fs::read_to_string(dir.join("import-report.txt")).unwrap(), report);
}

/// The term table's row for `term`, split on runs of spaces.
fn row<'a>(report: &'a str, term: &str) -> Vec<&'a str> {
    let line = report
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{term} ")))
        .unwrap_or_else(|| panic!("no row for {term}"));
    line.split("  ").map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// Imports the test server's feed at `path` into a fresh folder named `name`,
/// checks what was kept and skipped, and gives the folder and the report.
fn import_from(server: &Server, path: &str, name: &str) -> (std::path::PathBuf, String) {
    let out = out_dir(name);
    let source = format!("{}{path}", server.url);
    let report = stdout(&import(&[&source, "--out", out.to_str().unwrap(), "--questions", &questions()]));
    check_kept_and_skipped(&out, &report);
    (out, report)
}

#[test]
fn a_v1_feed_is_read_page_by_page_with_full_records_and_converted() {
    let server = Server::start();
    let (out, report) = import_from(&server, "/v1", "v1");

    let stats = server.stats();
    // Pages count from 0 on this server: page 1 (asked first) says it is not the first.
    assert_eq!(stats["/v1/services?page=0"], 1);
    assert_eq!(stats["/v1/services?page=1"], 3, "the busy page is tried until it answers, no more");
    assert_eq!(stats["/v1/services?page=2"], 1);
    assert!(stats.get("/v1/services?page=3").is_none());
    // Each distinct id's full record once, the repeated one included.
    let details: Vec<(&String, &Value)> =
        stats.as_object().unwrap().iter().filter(|(k, _)| k.starts_with("/v1/services/")).collect();
    assert_eq!(details.len(), 11);
    assert!(details.iter().all(|(_, n)| **n == 1), "{details:?}");
    assert!(report.contains("3 pages, 11 full records"), "{report}");
    assert!(report.contains("2 retries"), "{report}");

    let (doc, parsed) = directory(&out);
    let first = &doc["contents"][0];
    assert!(first.get("service_taxonomys").is_none() && first.get("regular_schedules").is_none());
    let term = &first["attributes"][0]["taxonomy_term"];
    assert_eq!(term["name"], "Befriending");
    assert_eq!(term["taxonomy"], "Westmorland and Furness local");
    let curie = &first["attributes"][1]["taxonomy_term"];
    assert_eq!((curie["id"].as_str(), curie["code"].as_str()), (Some("esdNeed:69"), Some("esdNeed:69")));
    assert_eq!(first["minimum_age"], 18, "the age comes from eligibilitys");
    assert_eq!(first["service_at_locations"][0]["location"]["addresses"][0]["postal_code"], "LA9 4DT");
    let kendal = parsed.find("wf-001").unwrap();
    let ids: Vec<_> = kendal.terms.iter().map(|t| t.id.as_deref()).collect();
    assert_eq!(ids, [Some("wf-befriending"), Some("esdNeed:69")]);
    assert_eq!(kendal.terms[0].name.as_deref(), Some("Befriending"));
    assert_eq!(kendal.locations[0].postcode.as_deref(), Some("LA9 4DT"));
    assert!(kendal.locations[0].at.is_some());
    assert_eq!(kendal.schedules[0].byday.as_deref(), Some("TU"));

    assert_eq!(row(&report, "esdNeed:69"), ["esdNeed:69", "Social inclusion", "3", "loneliness"]);
    assert_eq!(
        row(&report, "som-physical-activity"),
        ["som-physical-activity", "Physical activity", "3", "getting-active"]
    );
    assert_eq!(row(&report, "wf-carers-groups"), ["wf-carers-groups", "Carers groups", "1", "caring"]);
    assert_eq!(row(&report, "som-woodwork"), ["som-woodwork", "Woodworking", "1", "no need"]);
    assert!(report.contains("add its name or CURIE to that need's \"terms\""), "{report}");
}

#[test]
fn a_v3_feed_needs_no_full_records_and_comes_to_the_same() {
    let server = Server::start();
    let (_, report) = import_from(&server, "/v3/", "v3");
    let stats = server.stats();
    assert_eq!(stats["/v3/services?page=1"], 1);
    assert_eq!(stats["/v3/services?page=2"], 3);
    assert_eq!(stats["/v3/services?page=3"], 1);
    assert!(stats.get("/v3/services?page=0").is_none());
    assert!(!stats.as_object().unwrap().keys().any(|k| k.starts_with("/v3/services/")));
    assert!(report.contains("3 pages, 0 full records"), "{report}");
    assert_eq!(
        row(&report, "esdServiceType:298"),
        ["esdServiceType:298", "Carers support groups", "2", "caring"]
    );
}

#[test]
fn tiles_are_written_beside_the_directory() {
    let server = Server::start();
    let out = out_dir("tiles");
    stdout(&import(&[
        &format!("{}/file/directory.json", server.url),
        "--out",
        out.to_str().unwrap(),
        "--tiles",
    ]));
    let index = std::fs::read_to_string(out.join("tiles/index.json")).unwrap();
    let listed = waymark::core::tiles::read_index(&index).unwrap();
    assert_eq!(listed.len(), 4, "Kendal, Taunton, Yeovil, Frome and Bridgwater fall in four cells: {index}");
    assert!(out.join("tiles/everywhere.json").is_file());
}

#[test]
fn a_base_url_that_is_no_api_is_a_clear_error() {
    let server = Server::start();
    let out = out_dir("missing");
    let result = import(&[&format!("{}/nothing-here", server.url), "--out", out.to_str().unwrap()]);
    assert!(!result.status.success());
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(err.contains("/nothing-here/services?page=1"), "{err}");
    assert!(err.contains("HTTP 404"), "{err}");
    assert!(err.contains("base URL of an Open Referral UK API"), "{err}");
    assert!(!out.join("directory.json").exists());
}

#[test]
fn a_local_file_is_read_and_converted_without_a_server() {
    let out = out_dir("file");
    std::fs::create_dir_all(&out).unwrap();
    let source = out.join("feed.json");
    std::fs::write(
        &source,
        r#"[
          { "id": "a", "name": "Kendal walk", "attending_type": "venue",
            "service_taxonomys": [ { "id": "t", "taxonomy": { "id": "esdNeed:69", "name": "Social inclusion", "vocabulary": "esdNeeds" } } ],
            "service_at_locations": [ { "location": { "latitude": 54.328, "longitude": -2.7463 } } ] },
          { "name": "No id" }
        ]"#,
    )
    .unwrap();
    let report = stdout(&import(&[
        source.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--questions",
        &questions(),
    ]));
    assert!(report.contains("Services: 2 read, 1 kept, 1 skipped"), "{report}");
    assert!(report.contains("(service 2 in the feed): no id"), "{report}");
    assert!(report.contains("0 pages"), "{report}");
    let (doc, parsed) = directory(&out);
    assert_eq!(parsed.services.len(), 1);
    assert_eq!(doc["contents"][0]["attributes"][0]["taxonomy_term"]["taxonomy"], "esdNeeds");
}

#[test]
fn a_page_or_record_that_cannot_be_read_is_reported_and_the_import_fails() {
    let server = Server::start();
    let out = out_dir("broken");
    let result = import(&[&format!("{}/broken", server.url), "--out", out.to_str().unwrap()]);
    assert!(!result.status.success(), "an incomplete directory is not a success");
    let report = String::from_utf8_lossy(&result.stdout);
    assert!(report.contains("page 2 ("), "{report}");
    assert!(report.contains("gone-1: fetch failed"), "{report}");
    assert!(report.contains("HTTP 404"), "{report}");
    assert!(String::from_utf8_lossy(&result.stderr).contains("incomplete"));
    assert_eq!(server.stats()["/broken/services?page=2"], 1, "a 404 is not retried");
    assert!(out.join("directory.json").is_file(), "what could be read is still written");
}
