//! The tiled directory: a national directory split into square-ish cells of
//! 0.2° latitude by 0.3° longitude (about 14 by 13 miles in England), so a
//! person's device fetches only the cell they are in and the eight around it,
//! plus the services that are not tied to a place (online and phone).
//!
//! Files, under the configured folder: `index.json` (`{ "tiles": [...] }`,
//! the cells that have services), `everywhere.json`, and `<row>_<col>.json`
//! for each cell, each an ordinary Open Referral UK `{ "services": [...] }`.
//! `cargo xtask tiles` writes them from one directory file.

use crate::core::directory::Service;
use crate::core::geo::LatLon;
use crate::core::json::{parse, Node};
use crate::core::FieldError;

const CELL_LAT: f64 = 0.2;
const CELL_LON: f64 = 0.3;

/// The file of services that have no place (online, phone), always fetched.
pub const EVERYWHERE: &str = "everywhere";

/// The cell a position falls in, as its file name (without `.json`).
///
/// ```
/// use waymark::core::geo::LatLon;
/// use waymark::core::tiles::tile_of;
/// assert_eq!(tile_of(LatLon::new(51.0158, -3.0783)), "255_-11");
/// ```
pub fn tile_of(at: LatLon) -> String {
    let (row, col) = cell(at);
    format!("{row}_{col}")
}

fn cell(at: LatLon) -> (i32, i32) {
    ((at.lat / CELL_LAT).floor() as i32, (at.lon / CELL_LON).floor() as i32)
}

/// The cell at `at` and the eight around it: every place within at least
/// one cell's width (about 13 miles) in any direction.
///
/// ```
/// use waymark::core::geo::LatLon;
/// use waymark::core::tiles::tiles_around;
/// let around = tiles_around(LatLon::new(51.0158, -3.0783));
/// assert_eq!(around.len(), 9);
/// assert!(around.contains(&"254_-12".to_string()) && around.contains(&"256_-10".to_string()));
/// ```
pub fn tiles_around(at: LatLon) -> Vec<String> {
    let (row, col) = cell(at);
    let mut tiles = Vec::with_capacity(9);
    for r in row - 1..=row + 1 {
        for c in col - 1..=col + 1 {
            tiles.push(format!("{r}_{c}"));
        }
    }
    tiles
}

/// The services a device holds once it has fetched the tiles around `at`:
/// those meeting only in those cells, and those with no place at all.
///
/// ```
/// use waymark::core::directory::Directory;
/// use waymark::core::geo::LatLon;
/// use waymark::core::tiles::held_near;
/// let dir = Directory::parse(include_str!("../../public/data/somerset-sample.json")).unwrap();
/// let held = held_near(&dir.services, LatLon::new(51.0158, -3.0783));
/// let has = |name: &str| held.iter().any(|s| s.name == name);
/// assert!(has("Taunton Riverside Health Walk") && has("Somerset Telephone Befriending"));
/// assert!(!has("Bath Parks Health Walk"));
/// ```
pub fn held_near(services: &[Service], at: LatLon) -> Vec<Service> {
    let around = tiles_around(at);
    services
        .iter()
        .filter(|s| s.locations.iter().filter_map(|l| l.at).all(|place| around.contains(&tile_of(place))))
        .cloned()
        .collect()
}

/// The cells listed in a tile index, `{ "tiles": ["255_-11", …] }`.
///
/// ```
/// use waymark::core::tiles::read_index;
/// assert_eq!(read_index(r#"{ "tiles": ["255_-11"] }"#).unwrap(), vec!["255_-11".to_string()]);
/// assert!(read_index(r#"{ "tiles": 3 }"#).is_err());
/// ```
pub fn read_index(text: &str) -> Result<Vec<String>, FieldError> {
    let doc = parse(text)?;
    Node::root(&doc).each("tiles", |t| t.as_str().map(str::to_string))
}

/// The id a group page is addressed by: with a tiled directory, the tile of
/// the group's first place, then `~`, then its id, so a page opened
/// directly (from a QR code, say) knows which tile to fetch.
///
/// ```
/// use waymark::core::directory::Directory;
/// use waymark::core::tiles::{page_id, split_page_id};
/// let dir = Directory::parse(r#"[ { "id": "walk", "name": "Walk", "service_at_locations": [
///     { "location": { "latitude": 51.01, "longitude": -3.1 } } ] } ]"#).unwrap();
/// assert_eq!(page_id(&dir.services[0], true), "255_-11~walk");
/// assert_eq!(page_id(&dir.services[0], false), "walk");
/// assert_eq!(split_page_id("255_-11~walk"), (Some("255_-11"), "walk"));
/// assert_eq!(split_page_id("walk"), (None, "walk"));
/// ```
pub fn page_id(service: &Service, tiled: bool) -> String {
    match service.locations.iter().find_map(|l| l.at).filter(|_| tiled) {
        Some(at) => format!("{}~{}", tile_of(at), service.id),
        None => service.id.clone(),
    }
}

/// A group page's tile hint (if any) and directory id.
pub fn split_page_id(page_id: &str) -> (Option<&str>, &str) {
    match page_id.split_once('~') {
        Some((tile, id)) => (Some(tile), id),
        None => (None, page_id),
    }
}
