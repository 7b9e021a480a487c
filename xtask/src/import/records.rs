//! Each service as it arrives: converted to ORUK 3.0, judged exactly as the
//! widget will read it, counted for the report, and written straight to the
//! directory file. An import holds one service at a time as a
//! `serde_json::Value`, so a national feed needs little more memory than
//! its own text.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;
use waymark::core::directory::{Attendance, Directory};
use waymark::core::questions::Need;

use super::report::Tally;
use super::{convert, outpost};

/// One service as fetched, or the id whose full record could not be had.
pub enum Record {
    Read(Value),
    Failed { id: String, why: String },
}

/// Whose field names a feed uses, told from its first service.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    OpenReferral,
    Outpost,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::OpenReferral => "Open Referral UK (v1 or 3.0)",
            Shape::Outpost => "FutureGov Outpost",
        }
    }
}

/// The id a feed gives a service, as text (Outpost's are numbers).
pub fn id_of(item: &Value) -> Option<String> {
    match item.get("id")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub struct Keeper {
    file: BufWriter<File>,
    path: PathBuf,
    /// Every id read so far, kept or not: a page of nothing but these is a repeat.
    seen: HashSet<String>,
    kept_ids: HashSet<String>,
    needs: Vec<Need>,
    write_error: Option<String>,
    totals: KeeperTotals,
}

impl Keeper {
    /// Starts the directory document at `path`.
    pub fn create(path: &Path, needs: Vec<Need>) -> Result<Keeper, String> {
        let file = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut file = BufWriter::new(file);
        file.write_all(b"{\"contents\":[").map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Keeper {
            file,
            path: path.to_path_buf(),
            seen: HashSet::new(),
            kept_ids: HashSet::new(),
            needs,
            write_error: None,
            totals: KeeperTotals::default(),
        })
    }

    /// Whether a service with this id has been read already.
    pub fn has_seen(&self, id: &str) -> bool {
        self.seen.contains(id)
    }

    /// Converts, judges and writes one service.
    pub fn take(&mut self, record: Record) {
        let totals = &mut self.totals;
        totals.read += 1;
        let record = match record {
            Record::Failed { id, why } => {
                self.seen.insert(id.clone());
                totals.skipped.push((id, format!("fetch failed: {why}")));
                return;
            }
            Record::Read(record) => record,
        };
        if let Some(id) = id_of(&record) {
            self.seen.insert(id);
        }
        let shape = *totals.shape.get_or_insert(match outpost::is_outpost(&record) {
            true => Shape::Outpost,
            false => Shape::OpenReferral,
        });
        let record = match shape {
            Shape::Outpost => outpost::to_v3(record),
            Shape::OpenReferral => convert::to_v3(record),
        };
        let text = record.to_string();
        match judge(&text, &record, &self.kept_ids) {
            Ok((id, warnings)) => {
                totals.tally.add(&record, &self.needs);
                if !warnings.is_empty() {
                    totals.left_out.push((id.clone(), warnings));
                }
                self.kept_ids.insert(id);
                let separator: &[u8] = if totals.kept == 0 { b"" } else { b"," };
                totals.kept += 1;
                let written =
                    self.file.write_all(separator).and_then(|_| self.file.write_all(text.as_bytes()));
                if let Err(e) = written {
                    self.write_error.get_or_insert(format!("{}: {e}", self.path.display()));
                }
            }
            Err(why) => {
                let id = id_of(&record).unwrap_or_else(|| format!("(service {} in the feed)", totals.read));
                totals.skipped.push((id, why));
            }
        }
    }

    /// Ends the document and gives its path.
    pub fn finish(mut self) -> Result<(PathBuf, KeeperTotals), String> {
        if let Some(e) = self.write_error.take() {
            return Err(e);
        }
        let end = format!("],\"total_items\":{}}}", self.totals.kept);
        self.file
            .write_all(end.as_bytes())
            .and_then(|_| self.file.flush())
            .map_err(|e| format!("{}: {e}", self.path.display()))?;
        Ok((self.path, self.totals))
    }
}

/// What the keeper counted, for the report.
#[derive(Default)]
pub struct KeeperTotals {
    pub shape: Option<Shape>,
    pub read: usize,
    pub kept: usize,
    pub skipped: Vec<(String, String)>,
    pub left_out: Vec<(String, Vec<String>)>,
    pub tally: Tally,
}

/// Whether the widget can show `record` (whose JSON is `text`), read
/// exactly as the widget reads it: its id and the core's warnings about it,
/// or why it cannot.
fn judge(text: &str, record: &Value, kept_ids: &HashSet<String>) -> Result<(String, Vec<String>), String> {
    let one = Directory::parse(&format!("[{text}]")).map_err(|e| format!("not readable: {e}"))?;
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
        let path = std::env::temp_dir().join(format!("waymark-keeper-{}.json", std::process::id()));
        let mut keeper = Keeper::create(&path, vec![]).unwrap();
        for record in records {
            keeper.take(record);
        }
        assert!(keeper.has_seen("g") && keeper.has_seen("e") && !keeper.has_seen("z"));
        let (path, totals) = keeper.finish().unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        let directory = Directory::parse(&written).unwrap();
        let ids: Vec<&str> = directory.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap()["total_items"], 3);
        assert_eq!((totals.read, totals.kept, totals.shape), (9, 3, Some(Shape::OpenReferral)));
        let reasons: Vec<(&str, &str)> = totals
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
        assert!(totals.skipped[1].1.starts_with("no usable location"));
        assert_eq!(totals.skipped[2].1, "inactive (status \"defunct\")");
        assert_eq!((totals.skipped[3].1.as_str(), totals.skipped[4].1.as_str()), ("no name", "no id"));
        // A service with no place at all is kept, and the report says how it will be listed.
        assert_eq!(totals.left_out.len(), 1, "a skipped service's warnings are not counted");
        assert!(totals.left_out[0].1[0].contains("listed for everyone"), "{:?}", totals.left_out);
    }
}
