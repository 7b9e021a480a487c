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
use serde::Deserialize;

use crate::core::data::{list, read_object};
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

/// Total for any position: `as` saturates and takes NaN to 0, so a
/// position no place could have still names some (empty) cell.
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
    // Saturating: at the edge of i32 (a position like 1e300) the ring
    // repeats the edge cell rather than overflowing.
    for r in [row.saturating_sub(1), row, row.saturating_add(1)] {
        for c in [col.saturating_sub(1), col, col.saturating_add(1)] {
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

/// The cells listed in a tile index, `{ "tiles": ["255_-11", …] }`. Each
/// becomes part of a file address, so anything not shaped like a cell
/// (`../config`, say) is refused, naming it.
///
/// ```
/// use waymark::core::tiles::read_index;
/// assert_eq!(read_index(r#"{ "tiles": ["255_-11"] }"#).unwrap(), vec!["255_-11".to_string()]);
/// assert!(read_index(r#"{ "tiles": 3 }"#).is_err());
/// assert_eq!(read_index(r#"{ "tiles": ["../config"] }"#).unwrap_err().field, "tiles[0]");
/// ```
pub fn read_index(text: &str) -> Result<Vec<String>, FieldError> {
    #[derive(Deserialize)]
    struct Index {
        #[serde(default, deserialize_with = "list")]
        tiles: Vec<String>,
    }
    let index: Index = read_object(text)?;
    if let Some(i) = index.tiles.iter().position(|name| !is_tile_name(name)) {
        return Err(FieldError::new(format!("tiles[{i}]"), "must be a cell like 255_-11"));
    }
    Ok(index.tiles)
}

/// `<row>_<col>`, each a whole number that may be negative, as `tile_of` writes.
fn is_tile_name(name: &str) -> bool {
    let number = |n: &str| {
        let digits = n.strip_prefix('-').unwrap_or(n);
        !digits.is_empty() && digits.len() <= 10 && digits.bytes().all(|b| b.is_ascii_digit())
    };
    name.split_once('_').is_some_and(|(row, col)| number(row) && number(col))
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
/// assert_eq!(split_page_id("walk~2"), (None, "walk~2"));
/// ```
pub fn page_id(service: &Service, tiled: bool) -> String {
    match service.locations.iter().find_map(|l| l.at).filter(|_| tiled) {
        Some(at) => format!("{}~{}", tile_of(at), service.id),
        None => service.id.clone(),
    }
}

/// A group page's tile hint (if any) and directory id. Only a cell name
/// before the `~` is a hint, so a directory id that itself holds a `~`
/// (`walk~2`) is kept whole.
pub fn split_page_id(page_id: &str) -> (Option<&str>, &str) {
    match page_id.split_once('~') {
        Some((tile, id)) if is_tile_name(tile) => (Some(tile), id),
        _ => (None, page_id),
    }
}

/// The services held from the area tiles fetched so far, each once: a group
/// meeting in two cells is in both files. Adding a tile costs time in
/// proportion to its own services, however many are held already.
///
/// ```
/// use waymark::core::directory::Service;
/// use waymark::core::tiles::HeldServices;
/// let service = |id: &str| Service { id: id.into(), name: id.into(), ..Service::default() };
/// let mut held = HeldServices::default();
/// held.add(vec![service("walk"), service("shed")]);
/// held.add(vec![service("shed"), service("choir")]);
/// let ids: Vec<&str> = held.services().iter().map(|s| s.id.as_str()).collect();
/// assert_eq!(ids, ["walk", "shed", "choir"]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct HeldServices {
    services: Vec<Service>,
    ids: std::collections::HashSet<String>,
}

impl HeldServices {
    /// Adds the services not held yet, in their order.
    pub fn add(&mut self, services: Vec<Service>) {
        for service in services {
            if self.ids.insert(service.id.clone()) {
                self.services.push(service);
            }
        }
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }
}
