//! The widget's side of kiosk mode. The idle warning, the start screen and
//! the QR codes for links that would leave the widget are in the kiosk
//! module (`modules/kiosk`), fetched only on a kiosk; here is what the rest
//! of the widget needs: starting it, and the reset.

use crate::core::config::Config;
use crate::core::route::Route;
use crate::web::browser::clear_widget_storage;
use crate::web::modules::open_module_soon;
use crate::web::router::href;

/// Fetches and starts the kiosk module, which watches for the screen being left idle.
pub fn start_kiosk(config: &Config) {
    let Some(body) = leptos::prelude::document().body() else { return };
    let context = format!(
        r#"{{"idle":{},"warning":{},"language":"{}"}}"#,
        config.kiosk.idle_seconds, config.kiosk.warning_seconds, config.language
    );
    open_module_soon("kiosk", body.into(), context);
}

/// Wipes everything of the person at the screen: all the widget stored,
/// and everything in memory, by loading the start page afresh in place of
/// this one (on a kiosk every page replaces the last, so Back shows nothing).
pub fn reset_kiosk() {
    clear_widget_storage();
    let window = leptos::prelude::window();
    let search = window.location().search().unwrap_or_default();
    let _ = window.location().replace(&format!("{}{search}", href(&Route::Start)));
}
