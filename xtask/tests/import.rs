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
    for skip in [
        "inactive (status \"inactive\"): som-006",
        "no name: som-007",
        "no usable location: not online or by phone, and no place with a position in the UK: som-008",
        "duplicate id (the first service with it is kept): wf-001",
    ] {
        assert!(report.contains(skip), "missing {skip:?} in\n{report}");
    }
    assert!(
        report.contains("1  email is not a plain email address; shown as text, not as a link: som-012"),
        "{report}"
    );
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
    assert!(err.contains("base URL of an Open Referral UK or Outpost API"), "{err}");
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
    assert!(report.contains("no id: (service 2 in the feed)"), "{report}");
    assert!(report.contains("0 pages"), "{report}");
    let (doc, parsed) = directory(&out);
    assert_eq!(parsed.services.len(), 1);
    assert_eq!(doc["contents"][0]["attributes"][0]["taxonomy_term"]["taxonomy"], "esdNeeds");
}

#[test]
fn a_page_or_record_that_cannot_be_read_is_reported_and_the_import_fails() {
    let server = Server::start();
    let out = out_dir("broken");
    let source = format!("{}/broken", server.url);
    let result = import(&[&source, "--out", out.to_str().unwrap()]);
    assert!(!result.status.success(), "an incomplete directory is not a success");
    let report = String::from_utf8_lossy(&result.stdout);
    assert!(report.contains("page 2 ("), "{report}");
    assert!(report.contains("fetch failed: the server answered HTTP 404: gone-1"), "{report}");
    assert!(report.contains("INCOMPLETE: 1 page(s) of the feed could not be read"), "{report}");
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(err.contains("nothing was written to directory.json"), "{err}");
    assert_eq!(server.stats()["/broken/services?page=2"], 1, "a 404 is not retried");
    assert!(!out.join("directory.json").exists(), "a deploy script must not publish it");
    assert!(out.join("directory.incomplete.json").is_file(), "what could be read is kept to look at");

    // Asked for, it is written where the widget reads it, and the report still says so.
    let report = stdout(&import(&[&source, "--out", out.to_str().unwrap(), "--partial"]));
    assert!(report.contains("INCOMPLETE") && report.contains("(--partial)"), "{report}");
    assert!(out.join("directory.json").is_file());
}

/// Imports `source` into a fresh folder `name` with `extra` arguments: the
/// folder, the report (stdout), stderr and whether it succeeded.
fn run_import(source: &str, name: &str, extra: &[&str]) -> (PathBuf, String, String, bool) {
    let out = out_dir(name);
    let mut args = vec![source, "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let result = import(&args);
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    (out, text(&result.stdout), text(&result.stderr), result.status.success())
}

fn feed_file(name: &str) -> String {
    root().join("tests/fixtures/feeds").join(name).display().to_string()
}

#[test]
fn a_byte_order_mark_a_single_service_and_a_bare_list_are_each_a_directory() {
    let server = Server::start();
    for (name, source, services) in [
        ("bom-file", feed_file("bom-v1-services.json"), 2),
        ("bom-url", format!("{}/files/bom-v1-services.json", server.url), 2),
        ("single", feed_file("single-service-v3.json"), 1),
        ("single-url", format!("{}/files/single-service-v3.json", server.url), 1),
        ("bare", feed_file("bare-list-v3.json"), 3),
    ] {
        let (out, report, err, ok) = run_import(&source, name, &[]);
        assert!(ok, "{source}: {err}\n{report}");
        assert!(
            report.contains(&format!("Services: {services} read, {services} kept")),
            "{source}:\n{report}"
        );
        assert_eq!(directory(&out).1.services.len(), services, "{source}");
    }
    let (out, _, _, _) = run_import(&feed_file("bom-v1-services.json"), "bom-read", &[]);
    let (_, parsed) = directory(&out);
    let cafe = parsed.find("bucks-fis-1").unwrap();
    assert_eq!(cafe.locations[0].postcode.as_deref(), Some("HP20 1UU"));
    assert_eq!(cafe.min_age, Some(18));
}

#[test]
fn a_saved_page_of_a_larger_feed_is_refused_for_what_it_is_or_taken_with_partial() {
    let source = feed_file("bristol-page-1-of-292.json");
    let (out, _, err, ok) = run_import(&source, "partial-page", &[]);
    assert!(!ok);
    assert!(
        err.contains("is page 1 of 292 of a paginated feed: give the API's base address instead"),
        "{err}"
    );
    assert!(err.contains("--partial"), "{err}");
    assert!(!out.join("directory.json").exists());

    let (out, report, err, ok) = run_import(&source, "partial-page-taken", &["--partial"]);
    assert!(ok, "{err}");
    assert!(report.contains("INCOMPLETE: ") && report.contains("page 1 of 292"), "{report}");
    let (doc, parsed) = directory(&out);
    assert_eq!(parsed.services.len(), 3);
    // Real feeds send HTML: the widget is given plain paragraphs.
    let walk = parsed.find("bcc-1001").unwrap();
    let description = walk.description.as_deref().unwrap();
    assert!(!description.contains('<') && !description.contains("&amp;"), "{description:?}");
    assert!(description.starts_with("Walk and talk\n\nGentle walks for all & anyone."), "{description:?}");
    // Ages of -1 mean "not given", and are not reported as mistakes.
    assert_eq!((walk.min_age, walk.max_age), (None, None));
    assert!(!report.contains("not an age"), "{report}");
    // A time with no zone is UK time (here the last minutes of GMT before the clocks change).
    let modified = doc["contents"][0]["last_modified"].as_str().unwrap();
    assert_eq!(modified, "2025-03-30T00:30:00+00:00");
}

#[test]
fn a_feed_that_never_ends_is_stopped_and_never_taken_for_whole() {
    let server = Server::start();
    for (path, pages) in [("/endless", 20), ("/huge", 12)] {
        let source = format!("{}{path}", server.url);
        let (out, report, err, ok) = run_import(&source, &path[1..], &["--max-pages", &pages.to_string()]);
        assert!(!ok, "{path}: {report}");
        let stopped = format!(
            "the feed had not ended after {pages} pages (--max-pages {pages}); stopped at page {pages}"
        );
        assert!(err.contains(&stopped), "{path}: {err}");
        assert!(report.contains(&format!("INCOMPLETE: {stopped}")), "{path}: {report}");
        assert!(!out.join("directory.json").exists(), "{path}");
        let text = std::fs::read_to_string(out.join("directory.incomplete.json")).unwrap();
        assert_eq!(Directory::parse(&text).unwrap().services.len(), pages * 3, "{path}");
        let stats = server.stats();
        assert!(stats.get(format!("{path}/services?page={}", pages + 1)).is_none(), "{path}: {stats}");
    }
}

#[test]
fn a_feed_that_repeats_a_page_is_caught_by_its_ids() {
    let server = Server::start();
    let (out, report, err, ok) = run_import(&format!("{}/repeating", server.url), "repeating", &[]);
    assert!(!ok);
    assert!(err.contains("page 2 gives only services already read (the first is \"rep-1\")"), "{err}");
    assert!(report.contains("Services: 3 read, 3 kept"), "{report}");
    assert!(server.stats().get("/repeating/services?page=3").is_none());
    assert!(!out.join("directory.json").exists());
}

#[test]
fn contradictory_counts_are_reported_and_read_on_while_pages_bring_new_services() {
    let server = Server::start();
    let (out, report, err, ok) = run_import(&format!("{}/contradictory", server.url), "contradictory", &[]);
    assert!(ok, "{err}\n{report}");
    assert!(report.contains("The feed's paging did not agree with itself:"), "{report}");
    assert!(report.contains("page 2 says it is not the last, but the feed said it has 2 pages"), "{report}");
    assert!(report.contains("page 3 says there are 3 pages; the first page said 2"), "{report}");
    assert_eq!(directory(&out).1.services.len(), 9);
    assert!(server.stats().get("/contradictory/services?page=4").is_none(), "page 3 was the last");
}

#[test]
fn one_id_repeated_128_times_is_one_line_of_the_report() {
    let server = Server::start();
    let (out, report, _, ok) = run_import(&format!("{}/duplicates", server.url), "duplicates", &[]);
    assert!(ok, "{report}");
    assert!(
        report.contains("127  duplicate id (the first service with it is kept): validator-dup (127 times)"),
        "{report}"
    );
    assert_eq!(report.matches("validator-dup").count(), 1, "{report}");
    assert_eq!(directory(&out).1.services.len(), 1);
    let (_, verbose, _, _) =
        run_import(&format!("{}/duplicates", server.url), "duplicates-verbose", &["--verbose"]);
    assert_eq!(verbose.matches("validator-dup: skipped: duplicate id").count(), 127, "{verbose}");
}

#[test]
fn text_from_the_feed_cannot_drive_the_terminal() {
    let out = out_dir("escapes");
    std::fs::create_dir_all(&out).unwrap();
    let source = out.join("feed.json");
    // JSON escapes: the feed's text holds the control characters themselves.
    let evil = r"\u001b]0;pwned\u0007\u001b[2J\u001b[31mRed\r\u202eTxet";
    std::fs::write(
        &source,
        format!(
            r#"[{{ "id": "x{evil}", "name": "Walk{evil}", "email": "not an email{evil}", "attending_type": "phone",
                  "attributes": [ {{ "taxonomy_term": {{ "id": "t{evil}", "name": "Term{evil}" }} }} ] }},
                {{ "id": "y{evil}", "status": "closed{evil}" }}]"#
        ),
    )
    .unwrap();
    let (run, report, err, ok) = run_import(source.to_str().unwrap(), "escapes-run", &["--verbose"]);
    assert!(ok, "{err}");
    let written = std::fs::read_to_string(run.join("import-report.txt")).unwrap();
    for text in [&report, &written] {
        assert!(!text.contains(['\u{1b}', '\u{7}', '\r', '\u{202e}']), "{text:?}");
        assert!(text.contains("\\u{1b}[31mRed"), "escaped, not dropped: {text}");
    }
}

#[test]
fn an_outpost_api_is_harvested_and_converted_to_what_the_widget_reads() {
    let server = Server::start();
    let source = format!("{}/outpost/api/v1", server.url);
    // The default question set: its needs must know Outpost's usual category names.
    let (out, report, err, ok) = run_import(&source, "outpost", &[]);
    assert!(ok, "{err}\n{report}");
    assert!(report.contains("Feed: FutureGov Outpost"), "{report}");
    assert!(report.contains("Services: 5 read, 5 kept, 0 skipped"), "{report}");
    let stats = server.stats();
    assert_eq!(
        (
            stats["/outpost/api/v1/services?page=1"].as_u64(),
            stats["/outpost/api/v1/services?page=2"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert!(stats.get("/outpost/api/v1/services?page=3").is_none(), "page 2 says it is the last: {stats}");
    for (name, need) in [
        ("Staying active", "getting-active"),
        ("Social groups", "loneliness"),
        ("Carers", "caring"),
        ("Mental health", "mental-wellbeing"),
    ] {
        let line = report
            .lines()
            .find(|l| l.contains(&format!("  {name}  ")))
            .unwrap_or_else(|| panic!("no {name} in\n{report}"));
        assert!(line.trim_end().ends_with(need), "{line}");
    }

    let (_, parsed) = directory(&out);
    let walk = parsed.find("1021").unwrap();
    assert_eq!(walk.name, "Vale Park Walk and Talk");
    let days: Vec<_> = walk.schedules.iter().map(|s| (s.byday.as_deref(), s.opens_at.as_deref())).collect();
    assert_eq!(days, [(Some("TU"), Some("10:00")), (Some("TH"), Some("10:00"))]);
    assert_eq!(walk.costs[0].amount, Some(2.5), "Outpost's amounts are strings");
    assert_eq!(walk.locations[0].postcode.as_deref(), Some("HP20 1DW"));
    // A masked address is an area: the outward code, no street, a rounded point.
    let carers = parsed.find("1043").unwrap();
    let area = &carers.locations[0];
    assert_eq!(area.postcode.as_deref(), Some("HP21"));
    assert!(area.address.iter().all(|line| !line.chars().any(|c| c.is_ascii_digit())), "{:?}", area.address);
    let at = area.at.unwrap();
    assert_eq!(((at.lat * 100.0).round() / 100.0, (at.lon * 100.0).round() / 100.0), (at.lat, at.lon));
    // HTML descriptions arrive as plain paragraphs.
    let description = carers.description.as_deref().unwrap();
    assert!(
        description.contains("\n\n") && !description.contains('<') && !description.contains("&amp;"),
        "{description:?}"
    );
}
