use leptos::prelude::*;

use crate::web::platform::dom::leave_for;
use crate::web::state::AppState;

/// Where to go when the config could not be read; a neutral, widely used page.
const FALLBACK_EXIT: &str = "https://www.bbc.co.uk/weather";

/// "Exit this page": clears what the widget stored and leaves for a neutral
/// page, for someone who may be overlooked (on a kiosk: resets it). The
/// header's button calls this.
pub fn quick_exit(app: AppState) {
    // Leaving would strand a shared screen on another site: start afresh instead.
    if app.setup.on_kiosk() {
        return crate::web::state::kiosk::reset_kiosk();
    }
    let url = app.setup.loaded().map(|setup| setup.config.quick_exit_url.clone());
    leave_for(url.as_deref().unwrap_or(FALLBACK_EXIT));
}

/// The Esc key does the same as the exit button, on every page.
pub fn leave_on_escape(app: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            quick_exit(app);
        }
    });
    on_cleanup(move || handle.remove());
}
