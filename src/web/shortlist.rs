//! The person's shortlist of groups: in memory, and outside kiosk mode in
//! this browser's local storage so it is still there next time. Nothing of
//! it leaves the device.

use leptos::prelude::*;

use crate::web::browser::STORAGE_PREFIX;
use crate::web::config::SetupResource;

/// Directory ids, in the order they were saved; part of the app's state (`web::state`).
#[derive(Clone, Copy)]
pub struct Shortlist {
    pub ids: RwSignal<Vec<String>>,
    /// Says whether this is a kiosk, where nothing is kept.
    setup: SetupResource,
}

fn storage_key() -> String {
    format!("{STORAGE_PREFIX}shortlist")
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl Shortlist {
    /// The shortlist kept in this browser, if any.
    pub fn restore(setup: SetupResource) -> Self {
        let saved =
            local_storage().and_then(|s| s.get_item(&storage_key()).ok().flatten()).unwrap_or_default();
        let ids = saved.lines().filter(|l| !l.is_empty()).map(str::to_string).collect();
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
        if self.setup.may_store() {
            if let Some(storage) = local_storage() {
                let ids = self.ids.get_untracked();
                let _ = if ids.is_empty() {
                    storage.remove_item(&storage_key())
                } else {
                    storage.set_item(&storage_key(), &ids.join("\n"))
                };
            }
        }
        saved
    }
}
