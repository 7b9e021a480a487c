//! `cargo xtask synth <count> <out.json>`: a synthetic national directory in
//! Open Referral UK shape, for the benchmark and for trying the tiled format
//! at scale. Places are real postcode-district centres from public/postcodes/,
//! so services cluster where people live; everything else is made up, and
//! the same count always gives the same file.

use std::path::Path;

use serde_json::Value;
use waymark::core::postcode::CentroidTable;

const NEEDS: [&str; 8] = [
    "loneliness",
    "getting-active",
    "long-term-condition",
    "cancer-support",
    "mental-wellbeing",
    "caring",
    "money-housing",
    "learning-volunteering",
];
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const LANGUAGES: [&str; 4] = ["Polish", "Bengali", "Urdu", "Welsh"];

/// A small deterministic generator (64-bit LCG, Knuth's constants).
struct Random(u64);

impl Random {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn object(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Every district centre in the committed tables, as (district, lat, lon).
pub fn districts(root: &Path) -> Result<Vec<(String, f64, f64)>, String> {
    let mut all = Vec::new();
    let folder = root.join("public/postcodes");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt") && p.file_stem().is_some_and(|s| s != "LICENCE")
        })
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let table = CentroidTable::parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        all.extend(
            table.iter().filter(|(k, _)| !k.contains(' ')).map(|(k, at)| (k.to_string(), at.lat, at.lon)),
        );
    }
    Ok(all)
}

/// A generated directory document.
pub struct Document(Value);

impl Document {
    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        self.0.to_string()
    }
}

/// `count` services as an ORUK `{ "services": [...] }` document.
pub fn directory(count: usize, districts: &[(String, f64, f64)]) -> Document {
    let mut random = Random(count as u64);
    let services = (0..count)
        .map(|i| {
            let (district, lat, lon) = &districts[random.next(districts.len())];
            let needs: Vec<Value> = (0..1 + random.next(3))
                .map(|_| {
                    object(vec![(
                        "taxonomy_term",
                        object(vec![("id", text(format!("waymark:{}", NEEDS[random.next(8)])))]),
                    )])
                })
                .collect();
            let day = DAYS[random.next(7)];
            let start = 9 + random.next(10);
            let remote = random.next(20) == 0;
            let mut fields = vec![
                ("id", text(format!("synthetic-{i:06}"))),
                ("name", text(format!("Synthetic group {i} ({district})"))),
                ("description", text("A made-up group for the benchmark.")),
                ("status", text("active")),
                ("attributes", Value::Array(needs)),
                (
                    "schedules",
                    Value::Array(vec![object(vec![
                        ("byday", text(day)),
                        ("opens_at", text(format!("{start:02}:00"))),
                        ("closes_at", text(format!("{:02}:30", start + 1))),
                    ])]),
                ),
                (
                    "cost_options",
                    Value::Array(vec![object(vec![("amount", Value::from((random.next(3) * 2) as f64))])]),
                ),
                (
                    "languages",
                    Value::Array(
                        std::iter::once("English")
                            .chain((random.next(10) == 0).then(|| LANGUAGES[random.next(4)]))
                            .map(|l| object(vec![("name", text(l))]))
                            .collect(),
                    ),
                ),
            ];
            if remote {
                fields.push(("attending_type", text("phone")));
            } else {
                // Spread a little around the district centre (up to ~1.5 miles).
                let jitter = |r: &mut Random| (r.next(400) as f64 - 200.0) / 10_000.0;
                let location = object(vec![
                    ("latitude", Value::from(lat + jitter(&mut random))),
                    ("longitude", Value::from(lon + jitter(&mut random))),
                    ("addresses", Value::Array(vec![object(vec![("postal_code", text(district.clone()))])])),
                    (
                        "accessibility",
                        Value::Array(vec![object(vec![("description", text("Step-free access"))])]),
                    ),
                ]);
                fields
                    .push(("service_at_locations", Value::Array(vec![object(vec![("location", location)])])));
            }
            object(fields)
        })
        .collect();
    Document(object(vec![("services", Value::Array(services))]))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (Some(count), Some(out)) = (args.first().and_then(|c| c.parse::<usize>().ok()), args.get(1)) else {
        return Err("usage: cargo xtask synth <count> <out.json>".into());
    };
    let doc = directory(count, &districts(&crate::root())?);
    std::fs::write(out, doc.to_json()).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote {count} synthetic services to {out}");
    Ok(())
}
