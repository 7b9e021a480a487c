//! The widget's state for the visit, in one place: the set-up, the answers,
//! the search, the shortlist, what the person asked to join and the referral.
//! Each part is a signal (or a few), so views redraw when it changes. The app
//! provides it as context; components take it with [`use_app`].

use leptos::prelude::*;

use crate::core::questions::Answers;
use crate::web::answers::CheckState;
use crate::web::config::SetupResource;
use crate::web::i18n::Words;
use crate::web::journey::Handover;
use crate::web::kiosk::KioskGuard;
use crate::web::nearby::NearbyState;
use crate::web::referral::{ReferralChoice, ReferralState};
use crate::web::shortlist::Shortlist;

/// Every part of the state; cheap to copy (signals are handles), so event
/// handlers and tasks take a copy rather than looking it up.
#[derive(Clone, Copy)]
pub struct AppState {
    pub setup: SetupResource,
    pub words: Words,
    /// On a shared screen, whether kiosk mode is protecting it yet.
    pub kiosk: RwSignal<KioskGuard>,
    /// On a kiosk, whether "Touch to start" has been answered this visit.
    pub kiosk_started: StoredValue<bool>,
    pub check: CheckState,
    pub nearby: NearbyState,
    pub shortlist: Shortlist,
    pub choice: ReferralChoice,
    /// The referral as filled in, and how sending it went.
    pub referral: ReferralState,
}

/// Creates the state, restoring what this browser kept, starts loading the
/// set-up, and provides it to every component below.
pub fn provide_app_state(words: Words, handover: Option<&Handover>) -> AppState {
    let kiosk = RwSignal::new(KioskGuard::NotKiosk);
    let nearby = NearbyState::new();
    let setup = SetupResource::load(kiosk, words);
    let state = AppState {
        setup,
        words,
        kiosk,
        kiosk_started: StoredValue::new(handover.is_some_and(|h| h.kiosk_started)),
        check: CheckState::restore(setup, handover.map(|h| (Answers::from_json(&h.answers), h.changing))),
        nearby,
        shortlist: Shortlist::restore(setup),
        choice: ReferralChoice::new(),
        referral: ReferralState::new(),
    };
    provide_context(state);
    state
}

/// The app's state, in a component.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
