//! The person's shortlist of groups: in memory, and outside kiosk mode in
//! this browser's local storage so it is still there next time. Nothing of
//! it leaves the device.

use leptos::prelude::*;

use crate::web::browser::STORAGE_PREFIX;
use crate::web::config::SetupResource;

/// Directory ids, in the order they were saved. Shared through context.
#[derive(Clone, Copy)]
pub struct Shortlist(pub RwSignal<Vec<String>>);

fn storage_key() -> String {
    format!("{STORAGE_PREFIX}shortlist")
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Restores a saved shortlist and keeps saving it as it changes.
pub fn provide_shortlist(setup: SetupResource) {
    let saved = local_storage().and_then(|s| s.get_item(&storage_key()).ok().flatten()).unwrap_or_default();
    let ids = RwSignal::new(saved.lines().filter(|l| !l.is_empty()).map(str::to_string).collect::<Vec<_>>());
    Effect::new(move |_| {
        let ids = ids.get();
        // On a shared kiosk the next person must not see it.
        if setup.config().is_none_or(|s| s.config.kiosk.enabled) {
            return;
        }
        if let Some(storage) = local_storage() {
            let _ = if ids.is_empty() {
                storage.remove_item(&storage_key())
            } else {
                storage.set_item(&storage_key(), &ids.join("\n"))
            };
        }
    });
    provide_context(Shortlist(ids));
}

impl Shortlist {
    pub fn contains(&self, id: &str) -> bool {
        self.0.with(|ids| ids.iter().any(|i| i == id))
    }

    /// Adds `id` if absent, else removes it; returns whether it is now saved.
    pub fn toggle(&self, id: &str) -> bool {
        let saved = !self.contains(id);
        self.0.update(|ids| {
            if saved {
                ids.push(id.to_string());
            } else {
                ids.retain(|i| i != id);
            }
        });
        saved
    }
}
