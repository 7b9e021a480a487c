//! The widget's state for the visit, in one place: the set-up, the answers,
//! the search, the shortlist and what the person asked to join. Each part is
//! a signal (or a few), so pages redraw when it changes.

use std::cell::Cell;

use crate::web::answers::CheckState;
use crate::web::config::SetupResource;
use crate::web::kiosk::KioskGuard;
use crate::web::nearby::NearbyState;
use crate::web::referral::ReferralChoice;
use crate::web::shortlist::Shortlist;

/// Every part of the state; cheap to copy (signals are handles).
#[derive(Clone, Copy)]
pub struct AppState {
    pub setup: SetupResource,
    /// On a shared screen, whether kiosk mode is protecting it yet.
    pub kiosk: leptos::prelude::RwSignal<KioskGuard>,
    pub check: CheckState,
    pub nearby: NearbyState,
    pub shortlist: Shortlist,
    pub choice: ReferralChoice,
}

thread_local! {
    // One app per page, so one state; a thread-local instead of Leptos
    // contexts, which cost download size for each type looked up.
    static STATE: Cell<Option<AppState>> = const { Cell::new(None) };
}

/// Creates the state, restoring what this browser kept, and starts loading the set-up.
pub fn init_state() -> AppState {
    let kiosk = leptos::prelude::RwSignal::new(KioskGuard::NotKiosk);
    let state = AppState {
        setup: SetupResource::load(kiosk),
        kiosk,
        check: CheckState::restore(),
        nearby: NearbyState::new(),
        shortlist: Shortlist::restore(),
        choice: ReferralChoice::new(),
    };
    STATE.with(|s| s.set(Some(state)));
    state
}

/// The state, once the app has started.
pub fn state() -> AppState {
    STATE.with(Cell::get).expect("the app has started")
}

/// Whether anything may be kept in this browser: not on a shared kiosk, and
/// not before the set-up says which this is.
pub fn may_store() -> bool {
    state().setup.config().is_some_and(|s| !s.config.kiosk.enabled)
}

/// Whether this is a shared screen (config `kiosk.enabled` or `?mode=kiosk`).
pub fn on_kiosk() -> bool {
    state().setup.config().is_some_and(|s| s.config.kiosk.enabled)
}
