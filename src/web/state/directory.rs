//! The directory services the widget holds right now. The directory is
//! fetched when results are first needed, not at the start: for one file,
//! all of it; for a tiled directory, the services with no place and then the
//! area tiles around where the person is looking, fetched on demand. Kept
//! for the visit in [`NearbyState`].

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::directory::{Directory, Service};
use crate::core::geo::LatLon;
use crate::core::tiles::{read_index, tiles_around, HeldServices, EVERYWHERE};
use crate::web::platform::fetch::fetch_text;
use crate::web::state::search::NearbyState;
use crate::web::state::setup::{fetched_file, named, LoadProblem, Setup};
use crate::web::state::words::Words;

/// The directory loaded, or the file that could not be used and why.
pub type DirectoryResult = Result<(), LoadProblem>;

impl NearbyState {
    /// The directory's loading: started on the first call, then shared by
    /// every page for the rest of the visit. Read it inside `Suspense`.
    pub fn directory(&self, setup: &Arc<Setup>, words: Words) -> LocalResource<DirectoryResult> {
        if let Some(loading) = self.directory.get_value() {
            return loading;
        }
        let (nearby, setup) = (*self, setup.clone());
        let start = move || LocalResource::new(move || load_directory(nearby, setup.clone(), words));
        // Owned by the app, not the page that asked first, so leaving that
        // page does not drop the directory.
        let loading = match self.owner.get_value() {
            Some(owner) => owner.with(start),
            None => start(),
        };
        self.directory.set_value(Some(loading));
        loading
    }

    /// Runs `f` with the services held now (none before the directory has
    /// loaded). Reading this in a reactive closure redraws it when the
    /// directory or more tiles arrive.
    pub fn with_services<R>(&self, _setup: &Setup, f: impl FnOnce(&[Service]) -> R) -> R {
        self.tiles.track();
        if let Some(loading) = self.directory.get_value() {
            loading.track();
        }
        if let Some(whole) = self.whole.get_value() {
            return f(&whole.services);
        }
        self.held.with_value(|held| match held {
            Some(held) => f(held.services()),
            None => f(&[]),
        })
    }

    /// Fetches the tiles around `at` not yet held (none for a single-file directory).
    pub async fn load_tiles_around(self, setup: &Setup, at: LatLon) {
        self.load_tiles(setup, tiles_around(at)).await
    }

    /// Whether `tile` is one of the directory's and not yet held.
    pub fn tile_missing(&self, _setup: &Setup, tile: &str) -> bool {
        self.tile_index.with_value(|index| index.iter().any(|t| t == tile))
            && !self.tiles.with_untracked(|held| held.iter().any(|t| t == tile))
    }

    /// Fetches those of `wanted` that the directory has and are not yet held.
    pub async fn load_tiles(self, setup: &Setup, wanted: Vec<String>) {
        let tiles = self.tiles;
        let wanted: Vec<String> = wanted
            .into_iter()
            .filter(|t| {
                self.tile_index.with_value(|index| index.contains(t))
                    && !tiles.with_untracked(|held| held.contains(t))
            })
            .collect();
        // Held all at once, so what reads them (the ranking) runs once for the lot.
        let mut fetched = Vec::new();
        for tile in wanted {
            let file = format!("{}{tile}.json", setup.config.directory.url);
            // A tile that cannot be read leaves a gap in the list, not an error page.
            let Ok(directory) = fetch_text(&file).await.map(|text| Directory::parse(&text)) else {
                leptos::logging::warn!("{file}: could not be fetched");
                continue;
            };
            match directory {
                Ok(mut directory) => {
                    leptos::logging::log!("{}", directory.health(&file));
                    for warning in &directory.warnings {
                        leptos::logging::warn!("{file}: {warning}");
                    }
                    if let Some(organisation) = &setup.config.directory.organisation_id {
                        let _none_here_is_fine = directory.keep_organisation(organisation);
                    }
                    self.held.update_value(|held| {
                        held.get_or_insert_with(HeldServices::default).add(directory.services)
                    });
                }
                Err(e) => leptos::logging::warn!("{file}: {e}"),
            }
            fetched.push(tile);
        }
        if !fetched.is_empty() {
            tiles.update(|held| held.extend(fetched));
        }
    }
}

/// Fetches and checks the directory the config names: one file, or a tiled
/// directory's index and its services with no place.
async fn load_directory(nearby: NearbyState, setup: Arc<Setup>, words: Words) -> DirectoryResult {
    let config = &setup.config.directory;
    let folder = &config.url;
    let (index_file, file) = match config.tiled {
        true => (Some(format!("{folder}index.json")), format!("{folder}{EVERYWHERE}.json")),
        false => (None, folder.clone()),
    };
    let index = async {
        match &index_file {
            Some(index) => Some(fetch_text(index).await),
            None => None,
        }
    };
    let (index_text, directory_text) = futures::join!(index, fetch_text(&file));
    if let (Some(index), Some(text)) = (index_file, index_text) {
        let tiles = read_index(&fetched_file(&index, text, words)?).map_err(|e| named(&index, e))?;
        nearby.tile_index.set_value(tiles);
    }
    let directory_text = fetched_file(&file, directory_text, words)?;
    let mut directory = Directory::parse(&directory_text).map_err(|e| named(&file, e))?;
    leptos::logging::log!("{}", directory.health(&file));
    for warning in &directory.warnings {
        leptos::logging::warn!("{file}: {warning}");
    }
    if let Some(organisation) = &config.organisation_id {
        let kept = directory.keep_organisation(organisation);
        if !config.tiled {
            kept.map_err(|e| named(&file, e))?;
        }
    }
    if config.tiled {
        let mut held = HeldServices::default();
        held.add(std::mem::take(&mut directory.services));
        nearby.held.set_value(Some(held));
    } else {
        nearby.whole.set_value(Some(Arc::new(directory)));
    }
    Ok(())
}
