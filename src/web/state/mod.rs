//! The widget's state for the visit, in one place: the set-up, the answers,
//! the search, the shortlist, what the person asked to join and the referral.
//! Each part is a signal (or a few), so views redraw when it changes. The app
//! provides it as context; components take it with [`use_app`].

use leptos::prelude::*;

pub mod check;
pub mod directory;
pub mod inbox;
pub mod kiosk;
pub mod referral;
pub mod search;
pub mod setup;
pub mod shortlist;
pub mod words;

use check::CheckState;
use kiosk::KioskGuard;
use referral::{ReferralChoice, ReferralState};
use search::NearbyState;
use setup::SetupResource;
use shortlist::Shortlist;
use words::Words;

/// Every part of the state; cheap to copy (signals are handles), so event
/// handlers and tasks take a copy rather than looking it up.
#[derive(Clone, Copy)]
pub struct AppState {
    pub setup: SetupResource,
    pub words: Words,
    /// On a shared screen, whether kiosk mode is protecting it yet.
    pub kiosk: RwSignal<KioskGuard>,
    pub check: CheckState,
    pub nearby: NearbyState,
    pub shortlist: Shortlist,
    pub choice: ReferralChoice,
    /// The referral as filled in, and how sending it went.
    pub referral: ReferralState,
}

/// Creates the state, restoring what this browser kept, starts loading the
/// set-up, and provides it to every component below.
pub fn provide_app_state(words: Words) -> AppState {
    let kiosk = RwSignal::new(KioskGuard::NotKiosk);
    let nearby = NearbyState::new();
    let setup = SetupResource::load(kiosk, words);
    let state = AppState {
        setup,
        words,
        kiosk,
        check: CheckState::restore(setup),
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
