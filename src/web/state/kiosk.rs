//! Whether this screen is a shared kiosk, and wiping it for the next person.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::platform::dom::base_path;
use crate::web::platform::offline::forget_offline_copies;
use crate::web::platform::storage::clear_widget_storage;

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
    forget_offline_copies();
    clear_widget_storage();
    let window = window();
    let search = crate::core::kiosk::next_session_query(&window.location().search().unwrap_or_default());
    let _ = window.location().replace(&format!("{}{search}", Route::Start.path(&base_path())));
}
