//! The person's answers to the needs check, kept in memory and, outside
//! kiosk mode, in this tab's session storage so a reload does not lose them.

use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;

use crate::core::questions::{Answer, Answers};
use crate::web::platform::storage::{storage_allowed, Key};
use crate::web::state::setup::SetupResource;

/// The answers to the check; part of the app's state (`web::state`).
#[derive(Clone, Copy)]
pub struct CheckState {
    pub answers: RwSignal<Answers>,
    /// Set while changing an answer from "Check your answers", so Continue returns there.
    pub changing: RwSignal<bool>,
    /// Says whether this is a kiosk, where nothing is kept.
    setup: SetupResource,
}

impl CheckState {
    /// The answers kept in this tab, if any.
    pub fn restore(setup: SetupResource) -> Self {
        // Read leniently: a value from an older release, or written by hand,
        // loses what cannot be read rather than failing.
        let saved = storage_allowed(false)
            .then(|| SessionStorage::raw().get_item(Key::Answers.name()).ok())
            .flatten()
            .flatten();
        let answers = saved.map(|json| Answers::from_json(&json)).unwrap_or_default();
        CheckState { answers: RwSignal::new(answers), changing: RwSignal::new(false), setup }
    }

    /// Records an answer and, except on a shared kiosk, keeps it in this tab.
    pub fn set(&self, question: &str, answer: Option<Answer>) {
        self.answers.update(|a| a.set(question, answer));
        if !self.setup.may_store() || !storage_allowed(false) {
            return;
        }
        let answers = self.answers.get_untracked();
        if answers.is_empty() {
            SessionStorage::delete(Key::Answers.name());
        } else {
            let _ = SessionStorage::set(Key::Answers.name(), &answers);
        }
    }
}
