//! What the person has asked to join, carried from a group page to the
//! referral. (The referral itself is built and sent by later pages.)

use leptos::prelude::*;

/// The groups or schemes chosen, and a preferred peer mentor if one was named.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chosen {
    /// Directory ids, in the order chosen.
    pub services: Vec<String>,
    /// A mentor id from one of the chosen schemes.
    pub mentor: Option<String>,
}

/// What the person asked to join; part of the app's state (`web::state`).
#[derive(Clone, Copy)]
pub struct ReferralChoice(pub RwSignal<Chosen>);

impl ReferralChoice {
    pub fn new() -> Self {
        ReferralChoice(RwSignal::new(Chosen::default()))
    }

    /// What has been chosen so far.
    pub fn get(&self) -> Chosen {
        self.0.get_untracked()
    }

    /// Adds `service` to the groups asked for (once), with an optional mentor.
    pub fn choose(&self, service: &str, mentor: Option<String>) {
        self.0.update(|chosen| {
            if !chosen.services.iter().any(|i| i == service) {
                chosen.services.push(service.to_string());
            }
            if mentor.is_some() {
                chosen.mentor = mentor;
            }
        });
    }
}
