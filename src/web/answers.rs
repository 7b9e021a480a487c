//! The person's answers to the needs check, kept in memory and, outside
//! kiosk mode, in this tab's session storage so a reload does not lose them.

use leptos::prelude::*;

use crate::core::questions::Answers;
use crate::web::browser::STORAGE_PREFIX;
use crate::web::config::SetupResource;

/// Shared through context by the app.
#[derive(Clone, Copy)]
pub struct CheckState {
    pub answers: RwSignal<Answers>,
    /// Set while changing an answer from "Check your answers", so Continue returns there.
    pub changing: RwSignal<bool>,
}

fn storage_key() -> String {
    format!("{STORAGE_PREFIX}answers")
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Restores saved answers and keeps saving them as they change.
pub fn provide_check_state(setup: SetupResource) -> CheckState {
    let saved = session_storage().and_then(|s| s.get_item(&storage_key()).ok().flatten());
    let answers = RwSignal::new(saved.map(|json| Answers::from_json(&json)).unwrap_or_default());
    Effect::new(move |_| {
        let answers = answers.get();
        // On a shared kiosk nothing is stored; answers live in memory only.
        if setup.config().is_none_or(|s| s.config.kiosk.enabled) {
            return;
        }
        if let Some(storage) = session_storage() {
            let _ = if answers.is_empty() {
                storage.remove_item(&storage_key())
            } else {
                storage.set_item(&storage_key(), &answers.to_json())
            };
        }
    });
    let state = CheckState { answers, changing: RwSignal::new(false) };
    provide_context(state);
    state
}
