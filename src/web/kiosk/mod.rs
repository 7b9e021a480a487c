//! Kiosk mode, for a shared touch screen such as a GP waiting room's: a
//! start screen that invites a touch, an "Are you still there?" countdown
//! after `kiosk.idle_seconds` untouched and then a reset, links that would
//! leave the widget handed to the person's phone as a QR code, and no
//! autofill. The rules (when to warn, which links leave) are in `core::kiosk`.

mod dialogs;
mod mode;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::browser::clear_widget_storage;
use crate::web::router::href;

pub use mode::KioskMode;

/// Whether a shared screen may serve people. A kiosk fails closed: if its
/// set-up cannot load, the screen says it is out of order rather than
/// serving anyone without the idle reset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskGuard {
    NotKiosk,
    Protected,
    OutOfOrder,
}

/// Wipes everything of the person at the screen: all the widget stored,
/// and everything in memory, by loading the start page afresh in place of
/// this one (on a kiosk every page replaces the last, so Back shows nothing).
pub fn reset_kiosk() {
    crate::web::offline::forget_offline_copies();
    clear_widget_storage();
    let window = window();
    let search = crate::core::kiosk::next_session_query(&window.location().search().unwrap_or_default());
    let _ = window.location().replace(&format!("{}{search}", href(&Route::Start)));
}
