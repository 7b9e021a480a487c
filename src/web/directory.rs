//! The directory services the widget holds right now. For one directory
//! file that is all of it, from the set-up; for a tiled directory it is the
//! services with no place plus the area tiles around where the person is
//! looking, fetched on demand and kept for the visit (in [`NearbyState`]).

use leptos::prelude::*;

use crate::core::directory::{Directory, Service};
use crate::core::geo::LatLon;
use crate::core::tiles::{tiles_around, HeldServices};
use crate::web::config::Setup;
use crate::web::fetch::fetch_text;
use crate::web::nearby::NearbyState;

impl NearbyState {
    /// Runs `f` with the services held now. Reading this in a reactive closure
    /// redraws it when more tiles arrive.
    pub fn with_services<R>(&self, setup: &Setup, f: impl FnOnce(&[Service]) -> R) -> R {
        self.tiles.track();
        self.held.with_value(|held| match held {
            Some(held) => f(held.services()),
            None => f(&setup.directory.services),
        })
    }

    /// Holds a tiled directory's services with no place, from the set-up.
    pub fn hold(&self, services: Vec<Service>) {
        let mut held = HeldServices::default();
        held.add(services);
        self.held.set_value(Some(held));
    }

    /// Fetches the tiles around `at` not yet held (none for a single-file directory).
    pub async fn load_tiles_around(self, setup: &Setup, at: LatLon) {
        self.load_tiles(setup, tiles_around(at)).await
    }

    /// Whether `tile` is one of the directory's and not yet held.
    pub fn tile_missing(&self, setup: &Setup, tile: &str) -> bool {
        setup.tiles.iter().any(|t| t == tile) && !self.tiles.with_untracked(|held| held.iter().any(|t| t == tile))
    }

    /// Fetches those of `wanted` that the directory has and are not yet held.
    pub async fn load_tiles(self, setup: &Setup, wanted: Vec<String>) {
        let tiles = self.tiles;
        let wanted: Vec<String> = wanted
            .into_iter()
            .filter(|t| setup.tiles.contains(t) && !tiles.with_untracked(|held| held.contains(t)))
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
