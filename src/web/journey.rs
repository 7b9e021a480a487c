//! Two bundles. The first (`src/main.rs`) has what the start, the needs
//! check, urgent help, the pages about the service and kiosk mode need. The
//! journey bundle (`src/bin/journey.rs`, the `journey` feature) is the whole
//! app; the first bundle fetches it when a page that shows services is first
//! needed, hands it the visit's state, and the journey bundle takes over the
//! page. A deep link to such a page starts the journey bundle directly
//! (public/boot.js). README "Two bundles" has the sizes.

use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::web::state::AppState;

/// What the first bundle hands to the journey bundle: what the person did
/// in the check, and whether a kiosk's start screen has been passed. (The
/// rest is in the address, or re-read from the browser's cache.)
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Handover {
    /// The answers, as `Answers::to_json` writes them (read leniently).
    pub answers: String,
    /// Changing an answer from "Check your answers".
    pub changing: bool,
    /// A kiosk's "Touch to start" was answered, so it is not shown again.
    pub kiosk_started: bool,
}

/// The window property the first bundle leaves for the journey bundle:
/// `{ state(): string, release(): void }`.
const HANDOVER: &str = "waymarkHandover";

/// The journey bundle's files, relative to the widget's folder.
fn journey_file(suffix: &str) -> Option<String> {
    let base = document().base_uri().ok()??;
    Some(web_sys::Url::new_with_base(&format!("journey/waymark-journey{suffix}"), &base).ok()?.href())
}

#[wasm_bindgen(inline_js = "export function start_journey(url) { \
    return import(url).then((bindings) => bindings.default()); }")]
extern "C" {
    fn start_journey(url: &str) -> js_sys::Promise;
}

/// Where the first bundle keeps the function that unmounts it.
const RELEASE: &str = "waymarkRelease";

/// The first bundle's side, at mount: keeps what unmounts it, for the
/// journey bundle to call when it takes over.
pub fn keep_release(mounted: leptos::mount::UnmountHandle<impl Mountable + 'static>, owner: Owner) {
    let release = Closure::once_into_js(move || {
        drop(mounted);
        owner.cleanup();
    });
    let _ = js_sys::Reflect::set(&window(), &RELEASE.into(), &release);
}

/// The first bundle's side: offers `state` (read when the journey bundle
/// asks, so it is current) and the release kept at mount, then starts the
/// journey bundle. Once only.
pub fn hand_over(state: impl Fn() -> Handover + 'static) {
    let window = window();
    if js_sys::Reflect::has(&window, &HANDOVER.into()).unwrap_or(false) {
        return;
    }
    let offer = js_sys::Object::new();
    let state =
        Closure::<dyn Fn() -> String>::new(move || serde_json::to_string(&state()).unwrap_or_default());
    let release = js_sys::Reflect::get(&window, &RELEASE.into()).unwrap_or(JsValue::UNDEFINED);
    let _ = js_sys::Reflect::set(&offer, &"state".into(), state.as_ref());
    let _ = js_sys::Reflect::set(&offer, &"release".into(), &release);
    state.forget();
    let _ = js_sys::Reflect::set(&window, &HANDOVER.into(), &offer);
    let Some(url) = journey_file(".js") else { return };
    leptos::task::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(start_journey(&url)).await {
            // The stopped page (with the urgent-help numbers) is better than a
            // page that never leaves "Loading".
            leptos::logging::error!("the journey bundle could not start: {e:?}");
            crate::web::stopped::show_stopped_page();
        }
    });
}

/// The journey bundle's side: the state the first bundle offers, if this
/// page was started there.
pub fn take_handover() -> Option<Handover> {
    let offer = js_sys::Reflect::get(&window(), &HANDOVER.into()).ok().filter(|o| o.is_object())?;
    let state: js_sys::Function = js_sys::Reflect::get(&offer, &"state".into()).ok()?.dyn_into().ok()?;
    let json = state.call0(&JsValue::NULL).ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

/// The journey bundle's side, once it has drawn its first page: the first
/// bundle unmounts, taking its page and listeners with it.
pub fn release_first_bundle() {
    let Ok(offer) = js_sys::Reflect::get(&window(), &HANDOVER.into()) else { return };
    if let Ok(release) = js_sys::Reflect::get(&offer, &"release".into()) {
        if let Ok(release) = release.dyn_into::<js_sys::Function>() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
    let _ = js_sys::Reflect::delete_property(window().unchecked_ref::<js_sys::Object>(), &HANDOVER.into());
}

/// Fetches the journey bundle in the background once the first bundle is
/// up, so it is in the browser's cache by the time results are needed.
pub fn prefetch_journey() {
    for (suffix, rel) in [(".js", "modulepreload"), ("_bg.wasm", "prefetch")] {
        let (Some(href), Some(head)) = (journey_file(suffix), document().head()) else { continue };
        if let Ok(link) = document().create_element("link") {
            let _ = link.set_attribute("rel", rel);
            let _ = link.set_attribute("href", &href);
            let _ = head.append_child(&link);
        }
    }
}

/// The first bundle's side, once its set-up is in: fetch the journey bundle
/// in the background, and hand over at once if a referral is waiting in the
/// outbox (the journey bundle sends it).
pub fn start_journey_when_needed(app: AppState) {
    Effect::new(move || {
        let Some(Ok(setup)) = app.setup.0.get() else { return };
        prefetch_journey();
        let waiting =
            !setup.config.kiosk.enabled
                && crate::web::browser::storage_allowed(true)
                && window().local_storage().ok().flatten().is_some_and(|s| {
                    s.get_item(&crate::web::referral::outbox_key()).ok().flatten().is_some()
                });
        if waiting {
            hand_over_app(app);
        }
    });
}

/// Hands the visit over to the journey bundle, with this app's state.
pub fn hand_over_app(app: AppState) {
    let kiosk_started = app.kiosk_started;
    hand_over(move || Handover {
        answers: app.check.answers.get_untracked().to_json(),
        changing: app.check.changing.get_untracked(),
        kiosk_started: kiosk_started.get_value(),
    });
}
