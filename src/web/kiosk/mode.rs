use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::kiosk::{idle_phase, leaves_widget, IdlePhase};
use crate::web::kiosk::dialogs::{KioskDialog, Shown};
use crate::web::state::kiosk::reset_kiosk;

/// Watches a shared screen while the app runs: shows the start screen, warns
/// and then resets when it is left idle, and hands links out to phones.
/// Mounted by the app beside every page when the config says this is a kiosk.
#[component]
pub fn KioskMode(
    /// Seconds untouched before "Are you still there?".
    idle_seconds: u32,
    /// Seconds of countdown before the reset.
    warning_seconds: u32,
) -> impl IntoView {
    // A kiosk keeps no offline copy from an earlier, non-kiosk use of this browser.
    crate::web::platform::offline::forget_offline_copies();
    let shown = RwSignal::new(Some(Shown::Start));
    let last_touch = StoredValue::new(js_sys::Date::now());
    let seconds_left = RwSignal::new(warning_seconds);
    let touched = move || last_touch.set_value(js_sys::Date::now());

    let tick = move || {
        if shown.with_untracked(|s| s == &Some(Shown::Start)) {
            // Nobody has started: nothing to wipe.
            touched();
        }
        let idle_for = ((js_sys::Date::now() - last_touch.get_value()) / 1000.0).max(0.0) as u32;
        match idle_phase(idle_for, idle_seconds, warning_seconds) {
            IdlePhase::InUse => {}
            IdlePhase::Warning { seconds_left: left } => {
                seconds_left.set(left);
                if shown.with_untracked(|s| s != &Some(Shown::StillThere)) {
                    shown.set(Some(Shown::StillThere));
                }
            }
            IdlePhase::Reset => reset_kiosk(),
        }
    };
    // Taken down with the app.
    let running = StoredValue::new_local(Some((listen(shown, touched), Interval::new(1000, tick))));
    on_cleanup(move || running.set_value(None));

    let answer = Callback::new(move |reset: bool| match reset {
        true => reset_kiosk(),
        false => {
            shown.set(None);
            touched();
        }
    });
    move || shown.get().map(|s| view! { <KioskDialog shown=s seconds_left=seconds_left answer=answer/> })
}

/// The screen-wide listeners, in the capture phase so they run before the
/// widget's own handlers (a link out must not be followed, and Esc must not
/// reach quick exit, which on a kiosk would reset the screen).
fn listen(shown: RwSignal<Option<Shown>>, touched: impl Fn() + Copy + 'static) -> Vec<EventListener> {
    let window = window();
    let mut listeners = Vec::new();
    let capture = EventListenerOptions::run_in_capture_phase();
    for name in ["pointerdown", "keydown", "input", "scroll", "wheel"] {
        // While asked "Are you still there?" only an answer counts.
        listeners.push(EventListener::new_with_options(&window, name, capture, move |_| {
            if shown.with_untracked(|s| s != &Some(Shown::StillThere)) {
                touched();
            }
        }));
    }
    let keys = EventListenerOptions { passive: false, ..capture };
    listeners.push(EventListener::new_with_options(&window, "keydown", keys, move |ev| {
        let escape = ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
        if escape && shown.with_untracked(Option::is_some) {
            ev.prevent_default();
            ev.stop_propagation();
            shown.set(None);
            touched();
        }
    }));
    listeners.push(EventListener::new_with_options(&window, "click", keys, move |ev| on_click(ev, shown)));
    listeners.push(EventListener::new_with_options(&window, "focusin", capture, |ev| {
        // Typed values are not offered to the next person.
        if let Some(field) = closest(ev, "input, textarea, select") {
            let _ = field.set_attribute("autocomplete", "off");
        }
    }));
    listeners
}

fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let element: web_sys::Element = ev.target()?.dyn_into().ok()?;
    element.closest(selector).ok()?
}

fn on_click(ev: &web_sys::Event, shown: RwSignal<Option<Shown>>) {
    if closest(ev, "[data-kiosk]").is_some() {
        return;
    }
    // The start screen: a touch anywhere starts.
    if shown.with_untracked(|s| s == &Some(Shown::Start)) {
        ev.prevent_default();
        ev.stop_propagation();
        shown.set(None);
        return;
    }
    let Some(link) = closest(ev, "a[href]") else { return };
    let (Some(href), Ok(Some(base))) = (link.get_attribute("href"), document().base_uri()) else {
        return;
    };
    let Ok(url) = web_sys::Url::new_with_base(&href, &base) else { return };
    // The widget's folder: the base address without any file name.
    let folder = base.rsplit_once('/').map_or(base.as_str(), |(folder, _)| folder);
    if let Some(written) = leaves_widget(&url.href(), &format!("{folder}/")) {
        ev.prevent_default();
        ev.stop_propagation();
        shown.set(Some(Shown::Link { href: url.href(), written }));
    }
}
