//! What the person has asked to join, carried from a group page to the
//! referral. (The referral itself is built and sent by later pages.)

use leptos::prelude::*;

/// Shared through context by the app.
#[derive(Clone, Copy)]
pub struct ReferralChoice {
    /// Directory ids of the groups or schemes chosen, in order.
    pub services: RwSignal<Vec<String>>,
    /// A preferred peer mentor, by mentor id, when one was named.
    pub mentor: RwSignal<Option<String>>,
}

pub fn provide_referral_choice() {
    provide_context(ReferralChoice { services: RwSignal::new(Vec::new()), mentor: RwSignal::new(None) });
}

impl ReferralChoice {
    /// Adds `service` to the groups asked for (once), with an optional mentor.
    pub fn choose(&self, service: &str, mentor: Option<String>) {
        self.services.update(|ids| {
            if !ids.iter().any(|i| i == service) {
                ids.push(service.to_string());
            }
        });
        if mentor.is_some() {
            self.mentor.set(mentor);
        }
    }
}
