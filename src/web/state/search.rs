//! Where the person is looking from, and what they narrowed the list to:
//! kept for the visit so the list is the same after looking at a group.
//! Postcodes are placed from the committed centroid tables; the only other
//! way is the browser's own location, and neither leaves the device.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::directory::Directory;
use crate::core::geo::LatLon;
use crate::core::postcode::{CentroidTable, Postcode, PostcodeProblem};
use crate::core::ranking::Filters;
use crate::core::tiles::HeldServices;
use crate::web::platform::fetch::{fetch_text, FetchProblem};
use crate::web::state::directory::DirectoryResult;

/// A place to measure distances from, and how to name it.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub at: LatLon,
    /// The postcode as normalised, or `None` for the browser's location.
    pub postcode: Option<String>,
}

/// The person's search: what they typed, where that is, or why it failed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Search {
    /// What was typed in the postcode box, kept even when it is wrong.
    pub typed: String,
    pub origin: Option<Origin>,
    /// The message for the error summary and the field.
    pub problem: Option<String>,
}

/// Part of the app's state (`web::state`). Filters are apart from the search so
/// changing one does not redraw the postcode box.
#[derive(Clone, Copy)]
pub struct NearbyState {
    pub search: RwSignal<Search>,
    pub filters: RwSignal<Filters>,
    /// The directory tiles fetched so far (see `state::directory`).
    pub tiles: RwSignal<Vec<String>>,
    /// With a tiled directory, every service fetched so far, the place-less
    /// ones first; `None` for a single-file directory. `tiles` says when it grows.
    pub held: StoredValue<Option<HeldServices>>,
    /// For a tiled directory, the area tiles there are (its `index.json`).
    pub tile_index: StoredValue<Vec<String>>,
    /// A single-file directory, once loaded.
    pub whole: StoredValue<Option<Arc<Directory>>>,
    /// The directory's loading, started when results are first needed.
    pub directory: StoredValue<Option<LocalResource<DirectoryResult>>>,
    /// The app's owner, so the directory outlives the page that first asked for it.
    pub owner: StoredValue<Option<Owner>>,
}

impl NearbyState {
    pub fn new() -> Self {
        NearbyState {
            search: RwSignal::new(Search::default()),
            filters: RwSignal::new(Filters::default()),
            tiles: RwSignal::new(Vec::new()),
            held: StoredValue::new(None),
            tile_index: StoredValue::new(Vec::new()),
            whole: StoredValue::new(None),
            directory: StoredValue::new(None),
            owner: StoredValue::new(Owner::current()),
        }
    }
}

/// Why a postcode could not be placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LocateProblem {
    Postcode(PostcodeProblem),
    /// Shaped like a postcode but not in the tables.
    Unknown,
    Network,
}

/// Places `typed` using `tables` (the configured folder of area files).
pub async fn locate_postcode(typed: &str, tables: &str) -> Result<Origin, LocateProblem> {
    let postcode = Postcode::parse(typed).map_err(LocateProblem::Postcode)?;
    let file = format!("{tables}{}.txt", postcode.area());
    let table = match fetch_text(&file).await {
        Ok(text) => CentroidTable::parse(&text).map_err(|_| LocateProblem::Unknown)?,
        Err(FetchProblem::NotFound) => return Err(LocateProblem::Unknown),
        Err(_) => return Err(LocateProblem::Network),
    };
    let located = table.lookup(&postcode).ok_or(LocateProblem::Unknown)?;
    Ok(Origin { at: located.at, postcode: Some(postcode.to_string()) })
}
