//! `cargo xtask tiles <directory.json> <out-folder>`: splits one Open
//! Referral UK directory file into the tiled format `core::tiles` reads:
//! one file per cell with services, `everywhere.json` for services with no
//! place, and `index.json` listing the cells. A service meeting in several
//! cells is written to each.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Value};
use waymark::core::directory::Directory;
use waymark::core::tiles::{tile_of, EVERYWHERE};

use crate::import::document::{self, Outline};

/// Tiles for a directory's text: (tile name, each service's JSON) in
/// first-seen order. Services are held as their text, not as values, so a
/// national directory splits in little more memory than its file.
pub fn split(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let outline = document::outline(text)?;
    if !matches!(outline, Outline::List | Outline::Listed { .. }) {
        return Err("the file has no \"services\" list".into());
    }
    let mut tiles: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut failed = None;
    document::each_service(text, &outline, &mut |value| {
        let value = value.to_string();
        // Read each service as the widget will, so hidden and broken ones stay out.
        let one = match Directory::parse(&format!("[{value}]")) {
            Ok(one) => one,
            Err(e) => {
                failed.get_or_insert(e.to_string());
                return;
            }
        };
        let Some(service) = one.services.first() else { return };
        let mut names: Vec<String> = service.locations.iter().filter_map(|l| l.at).map(tile_of).collect();
        names.dedup();
        if names.is_empty() {
            names.push(EVERYWHERE.to_string());
        }
        for name in names {
            match index.get(&name) {
                Some(&i) => tiles[i].1.push(value.clone()),
                None => {
                    index.insert(name.clone(), tiles.len());
                    tiles.push((name, vec![value.clone()]));
                }
            }
        }
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(tiles),
    }
}

/// `{"services":[…]}`, compact, with each service's fields in the order given.
fn services_document(services: &[String]) -> String {
    format!("{{\"services\":[{}]}}", services.join(","))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (Some(input), Some(out)) = (args.first(), args.get(1)) else {
        return Err("usage: cargo xtask tiles <directory.json> <out-folder>".into());
    };
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let tiles = split(&text).map_err(|e| format!("{input}: {e}"))?;
    let out = Path::new(out);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: &str, text: String| {
        let file = out.join(format!("{name}.json"));
        std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))
    };
    let mut index = Vec::new();
    let mut largest = 0;
    let mut has_everywhere = false;
    for (name, services) in tiles {
        largest = largest.max(services.len());
        if name == EVERYWHERE {
            has_everywhere = true;
        } else {
            index.push(Value::String(name.clone()));
        }
        write(&name, services_document(&services))?;
    }
    if !has_everywhere {
        write(EVERYWHERE, services_document(&[]))?;
    }
    let count = index.len();
    write("index", Value::Object(Map::from_iter([("tiles".to_string(), Value::Array(index))])).to_string())?;
    println!("wrote {count} tiles (largest: {largest} services) and everywhere.json to {}", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_sample_tiles_match_the_sample_directory() {
        let root = crate::root();
        let sample = std::fs::read_to_string(root.join("public/data/somerset-sample.json")).unwrap();
        let tiles = split(&sample).unwrap();
        let folder = root.join("public/data/tiles");
        for (name, services) in &tiles {
            let committed = std::fs::read_to_string(folder.join(format!("{name}.json"))).unwrap();
            assert_eq!(committed, services_document(services), "{name}.json is out of date: run cargo xtask tiles public/data/somerset-sample.json public/data/tiles");
        }
        let index = std::fs::read_to_string(folder.join("index.json")).unwrap();
        let listed = waymark::core::tiles::read_index(&index).unwrap();
        assert_eq!(listed.len(), tiles.iter().filter(|(n, _)| n != EVERYWHERE).count());
    }

    #[test]
    fn services_go_to_the_cell_they_meet_in_and_placeless_ones_everywhere() {
        let tiles = split(
            r#"{ "services": [
              { "id": "a", "name": "Taunton walk", "service_at_locations": [ { "location": { "latitude": 51.01, "longitude": -3.1 } } ] },
              { "id": "b", "name": "Phone line" },
              { "id": "c", "name": "Closed", "status": "inactive" }
            ] }"#,
        )
        .unwrap();
        let names: Vec<(&str, usize)> = tiles.iter().map(|(n, s)| (n.as_str(), s.len())).collect();
        assert_eq!(names, vec![("255_-11", 1), (EVERYWHERE, 1)]);
    }
}
