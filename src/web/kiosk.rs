//! The widget's side of kiosk mode. The idle warning, the start screen and
//! the QR codes for links that would leave the widget are in the kiosk
//! module (`modules/kiosk`), fetched only on a kiosk; here is what the rest
//! of the widget needs: starting it, and the reset.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::config::Config;
use crate::core::route::Route;
use crate::web::browser::clear_widget_storage;
use crate::web::modules::open_module;
use crate::web::router::href;

/// Whether a shared screen is protected. A kiosk fails closed: until its
/// module runs (idle reset, no links out) the widget shows nothing a person
/// could type into, and if it cannot run the screen says it is out of order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskGuard {
    NotKiosk,
    Starting,
    Protected,
    OutOfOrder,
}

/// How long the kiosk module may take to arrive before the screen gives up.
const KIOSK_START_LIMIT: Duration = Duration::from_secs(20);

/// Fetches and starts the kiosk module, which watches for the screen being
/// left idle; `guard` says when it is running, or that it never will.
pub fn start_kiosk(config: &Config, guard: RwSignal<KioskGuard>) {
    guard.set(KioskGuard::Starting);
    let Some(body) = document().body() else {
        guard.set(KioskGuard::OutOfOrder);
        return;
    };
    let context = format!(
        r#"{{"idle":{},"warning":{},"language":"{}"}}"#,
        config.kiosk.idle_seconds, config.kiosk.warning_seconds, config.language
    );
    leptos::task::spawn_local(async move {
        let started = open_module("kiosk", &body.into(), &context).await;
        if let Err(e) = &started {
            leptos::logging::error!("kiosk mode could not start, so the screen is out of order: {e:?}");
        }
        if guard.get_untracked() == KioskGuard::Starting {
            guard.set(if started.is_ok() { KioskGuard::Protected } else { KioskGuard::OutOfOrder });
        }
    });
    set_timeout(
        move || {
            if guard.get_untracked() == KioskGuard::Starting {
                leptos::logging::error!("kiosk mode did not start in time, so the screen is out of order");
                guard.set(KioskGuard::OutOfOrder);
            }
        },
        KIOSK_START_LIMIT,
    );
}

/// Wipes everything of the person at the screen: all the widget stored,
/// and everything in memory, by loading the start page afresh in place of
/// this one (on a kiosk every page replaces the last, so Back shows nothing).
pub fn reset_kiosk() {
    clear_widget_storage();
    let window = window();
    let search = window.location().search().unwrap_or_default();
    let _ = window.location().replace(&format!("{}{search}", href(&Route::Start)));
}
