//! The person's shortlist of groups: in memory, and outside kiosk mode in
//! this browser's local storage so it is still there next time. Nothing of
//! it leaves the device.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::web::platform::storage::{storage_allowed, Key};
use crate::web::state::setup::SetupResource;

/// Directory ids, in the order they were saved; part of the app's state (`web::state`).
#[derive(Clone, Copy)]
pub struct Shortlist {
    pub ids: RwSignal<Vec<String>>,
    /// Says whether this is a kiosk, where nothing is kept.
    setup: SetupResource,
}

impl Shortlist {
    /// The shortlist kept in this browser, if any.
    pub fn restore(setup: SetupResource) -> Self {
        let ids: Vec<String> = storage_allowed(true)
            .then(|| LocalStorage::get(Key::Shortlist.name()).ok())
            .flatten()
            .unwrap_or_default();
        Shortlist { ids: RwSignal::new(ids), setup }
    }

    /// Whether `id` is saved, without redrawing the caller when that changes.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.with_untracked(|ids| ids.iter().any(|i| i == id))
    }

    /// Adds `id` if absent, else removes it; returns whether it is now saved.
    pub fn toggle(&self, id: &str) -> bool {
        let saved = !self.contains(id);
        self.ids.update(|ids| {
            if saved {
                ids.push(id.to_string());
            } else {
                ids.retain(|i| i != id);
            }
        });
        // On a shared kiosk the next person must not see it.
        if self.setup.may_store() && storage_allowed(true) {
            let ids = self.ids.get_untracked();
            if ids.is_empty() {
                LocalStorage::delete(Key::Shortlist.name());
            } else {
                let _ = LocalStorage::set(Key::Shortlist.name(), &ids);
            }
        }
        saved
    }
}
