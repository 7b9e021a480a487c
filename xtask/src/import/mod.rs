//! `cargo xtask import <source> --out <folder> [--tiles] [--questions <file>]`:
//! reads a publisher's Open Referral UK directory (an API, v1 or 3.0, or one
//! JSON file), converts it to ORUK 3.0, keeps the services the widget can
//! show, writes `<folder>/directory.json` (and the tiles with `--tiles`), and
//! reports what it kept, skipped and could not map to a need.

mod convert;
mod fetch;
mod pages;
mod report;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use serde_json::{Map, Value};
use waymark::core::directory::{Attendance, Directory};
use waymark::core::questions::QuestionSet;

use fetch::Client;
use pages::{Fetched, Record};
use report::Report;

const USAGE: &str =
    "usage: cargo xtask import <source> --out <folder> [--tiles] [--questions <question-set.json>]
  <source>: an ORUK API's base URL (https://…/api), the URL of one directory JSON file, or a file path";

struct Options {
    source: String,
    out: PathBuf,
    tiles: bool,
    questions: PathBuf,
}

fn options(args: &[String]) -> Result<Options, String> {
    let (mut source, mut out, mut tiles, mut questions) = (None, None, false, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(args.next().ok_or(USAGE)?.into()),
            "--questions" => questions = Some(args.next().ok_or(USAGE)?.into()),
            "--tiles" => tiles = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ if source.is_none() => source = Some(arg.clone()),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(Options {
        source: source.ok_or(USAGE)?,
        out: out.ok_or(USAGE)?,
        tiles,
        questions: questions.unwrap_or_else(|| crate::root().join("public/questions/default.json")),
    })
}

pub fn run(args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    // The question set first: a mistake there should not cost a long download.
    let questions = std::fs::read_to_string(&options.questions)
        .map_err(|e| format!("{}: {e}", options.questions.display()))
        .and_then(|text| {
            QuestionSet::parse(&text).map_err(|e| format!("{}: {e}", options.questions.display()))
        })?;
    let client = Client::new();
    let fetched = read_source(&client, &options.source)?;

    let mut report = Report {
        source: options.source.clone(),
        pages: fetched.pages,
        details: fetched.details,
        failed_pages: fetched.failed_pages,
        questions: options.questions.display().to_string(),
        ..Report::default()
    };
    let kept = keep_showable(fetched.records, &mut report);
    report.requests = client.requests.load(Ordering::Relaxed);
    report.retries = client.retries.load(Ordering::Relaxed);
    report.terms = report::tally(&kept, &questions.needs);

    let out = &options.out;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let directory = out.join("directory.json");
    let document = Map::from_iter([
        ("total_items".to_string(), Value::from(kept.len())),
        ("contents".to_string(), Value::Array(kept)),
    ]);
    // Streamed to the file: a national directory's text is as large again as its data.
    let file = std::fs::File::create(&directory).map_err(|e| format!("{}: {e}", directory.display()))?;
    let mut writer = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut writer, &Value::Object(document))
        .map_err(|e| e.to_string())
        .and_then(|_| std::io::Write::flush(&mut writer).map_err(|e| e.to_string()))
        .map_err(|e| format!("{}: {e}", directory.display()))?;
    report.wrote.push(directory.display().to_string());
    if options.tiles {
        let tiles = out.join("tiles");
        crate::tiles::run(&[directory.display().to_string(), tiles.display().to_string()])?;
        report.wrote.push(format!("{}/", tiles.display()));
    }
    let path = out.join("import-report.txt");
    report.wrote.push(path.display().to_string());
    let text = report.text();
    write(&path, text.clone())?;
    print!("{text}");
    match report.failed_pages.len() {
        0 => Ok(()),
        // Written and reported, but a deploy script should not take it as whole.
        n => Err(format!("{n} page(s) of the feed could not be read: the directory written is incomplete")),
    }
}

fn write(path: &Path, text: String) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The records at `source`: a file path, the URL of one JSON file, or an API.
fn read_source(client: &Client, source: &str) -> Result<Fetched, String> {
    let file = |doc: Value, from: &str| {
        let items = pages::directory_items(doc)
            .map_err(|_| format!("{from}: not a directory (a list of services, or an object with a \"services\" or \"contents\" list)"))?;
        Ok(Fetched {
            records: items.into_iter().map(Record::Read).collect(),
            pages: 0,
            details: 0,
            failed_pages: vec![],
        })
    };
    if !source.starts_with("http://") && !source.starts_with("https://") {
        let text = std::fs::read_to_string(source).map_err(|e| format!("{source}: {e}"))?;
        let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{source}: not JSON ({e})"))?;
        return file(doc, source);
    }
    let path = source.split(['?', '#']).next().unwrap_or(source);
    if path.ends_with(".json") {
        let doc = client.json(source).map_err(|e| format!("GET {source}: {e}"))?;
        return file(doc, source);
    }
    // An API's root answers with its metadata (ORUK 3.0) or not at all;
    // a directory document there is a file served without a .json name.
    let base = source.trim_end_matches('/');
    if let Ok(doc) = client.json(base) {
        // A page from the list endpoint is read as pages, so records are completed.
        if !pages::is_page(&doc) && pages::is_directory(&doc) {
            return file(doc, source);
        }
    }
    // Given the list endpoint itself: its base is one level up.
    let base = base.strip_suffix("/services").unwrap_or(base);
    pages::read_api(client, base)
}

/// The converted records the widget will show, in feed order; every other
/// one goes into the report with its reason.
fn keep_showable(records: Vec<Record>, report: &mut Report) -> Vec<Value> {
    let mut kept = Vec::new();
    let mut ids = HashSet::new();
    report.read = records.len();
    for (i, record) in records.into_iter().enumerate() {
        let record = match record {
            Record::Failed { id, why } => {
                report.skipped.push((id, format!("fetch failed: {why}")));
                continue;
            }
            Record::Read(record) => convert::to_v3(record),
        };
        match judge(&record, &ids) {
            Ok((id, warnings)) => {
                if !warnings.is_empty() {
                    report.left_out.push((id.clone(), warnings));
                }
                ids.insert(id);
                kept.push(record);
            }
            Err(why) => {
                let id = record.get("id").filter(|id| !id.is_null()).map(|id| match id {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
                report.skipped.push((id.unwrap_or_else(|| format!("(service {} in the feed)", i + 1)), why));
            }
        }
    }
    report.kept = kept.len();
    kept
}

/// Whether the widget can show `record`, read exactly as the widget reads
/// it: its id and the core's warnings about it, or why it cannot.
fn judge(record: &Value, kept_ids: &HashSet<String>) -> Result<(String, Vec<String>), String> {
    let one = Directory::parse(&format!("[{record}]")).map_err(|e| format!("not readable: {e}"))?;
    let Some(service) = one.services.first() else {
        if one.hidden > 0 {
            let status = record.get("status").and_then(Value::as_str).unwrap_or("?");
            return Err(format!("inactive (status \"{status}\")"));
        }
        let why = one.warnings.first().map(String::as_str).unwrap_or("not readable");
        return Err(if why.contains("[0].id:") {
            "no id".into()
        } else if why.contains("[0].name:") {
            "no name".into()
        } else {
            why.to_string()
        });
    };
    if kept_ids.contains(&service.id) {
        return Err("duplicate id (the first service with it is kept)".into());
    }
    let remote = matches!(service.attendance, Some(Attendance::Online | Attendance::Phone));
    // Places given, none of them usable: distance would be a guess. With no
    // place at all (a county-wide service, say) it is kept, and ranks after
    // the groups with a place.
    if !remote && !service.locations.is_empty() && !service.locations.iter().any(|l| l.at.is_some()) {
        return Err(
            "no usable location: not online or by phone, and no place with a position in the UK".into()
        );
    }
    let mut warnings = one.warnings;
    if !remote && service.locations.is_empty() {
        warnings.push(format!(
            "service {:?}: has no place and is not online or by phone; listed for everyone, after the groups with a place",
            service.id
        ));
    }
    Ok((service.id.clone(), warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_record_the_widget_cannot_show_is_reported_with_its_reason() {
        let at = |lat: f64, lon: f64| json!([ { "location": { "latitude": lat, "longitude": lon } } ]);
        let records = vec![
            Record::Read(json!({ "id": "a", "name": "Walk", "service_at_locations": at(51.01, -3.1) })),
            Record::Read(json!({ "id": "a", "name": "Walk again", "service_at_locations": at(51.01, -3.1) })),
            Record::Read(json!({ "id": "b", "name": "Phone line", "attending_type": "phone" })),
            Record::Read(json!({ "id": "c", "name": "Nowhere" })),
            Record::Read(
                json!({ "id": "d", "name": "Off the map", "service_at_locations": at(100.0, 101.0) }),
            ),
            Record::Read(json!({ "id": "e", "name": "Closed", "status": "defunct" })),
            Record::Read(json!({ "id": "f" })),
            Record::Read(json!({ "name": "Anonymous" })),
            Record::Failed { id: "g".into(), why: "GET …/services/g: the server answered HTTP 500".into() },
        ];
        let mut report = Report::default();
        let kept = keep_showable(records, &mut report);
        assert_eq!(kept.len(), 3);
        assert_eq!((report.read, report.kept), (9, 3));
        let reasons: Vec<(&str, &str)> = report
            .skipped
            .iter()
            .map(|(id, why)| (id.as_str(), why.split([' ', ':']).next().unwrap()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("a", "duplicate"),
                ("d", "no"),
                ("e", "inactive"),
                ("f", "no"),
                ("(service 8 in the feed)", "no"),
                ("g", "fetch")
            ]
        );
        assert!(report.skipped[1].1.starts_with("no usable location"));
        assert_eq!(report.skipped[2].1, "inactive (status \"defunct\")");
        assert_eq!((report.skipped[3].1.as_str(), report.skipped[4].1.as_str()), ("no name", "no id"));
        // A service with no place at all is kept, and the report says how it will be listed.
        assert_eq!(report.left_out.len(), 1, "a skipped service's warnings are not counted");
        assert!(report.left_out[0].1[0].contains("listed for everyone"), "{:?}", report.left_out);
    }
}
