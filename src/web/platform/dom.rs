//! The page itself: its address, title and focus, forms, the clock, and
//! leaving it.

use leptos::prelude::{document, window};

use crate::core::page_options::PageOptions;
use crate::web::platform::storage::clear_widget_storage;

/// Leaves for `url`, replacing this page in the history so Back does not
/// return. Embedded in another site, the whole page leaves, not just the frame.
pub fn leave_for(url: &str) {
    clear_widget_storage();
    crate::web::platform::offline::forget_data_fetched();
    let page = window().top().ok().flatten().unwrap_or_else(window);
    if page.location().replace(url).is_err() {
        let _ = window().location().replace(url);
    }
}

/// Sets the tab title, which screen readers announce on each new page.
pub fn set_title(page_title: &str, service: &str) {
    document().set_title(&format!("{page_title} – {service}"));
}

/// Whether the page is at least tablet width (GOV.UK's 40.0625em
/// breakpoint): there, disclosures that save scrolling on a phone start open.
pub fn is_wide_screen() -> bool {
    window().match_media("(min-width: 40.0625em)").ok().flatten().is_some_and(|query| query.matches())
}

/// The value of a query parameter in the page address, e.g. `?config=`.
pub fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// What the page address asks for: kiosk mode, one organisation, embedding.
pub fn page_options() -> PageOptions {
    PageOptions::read(query_param)
}

/// Where the widget is hosted, from `<base href>` (set by Trunk's public URL).
pub fn base_path() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_string())
}

/// What the current history entry keeps, as text (`None` for nothing).
pub fn history_state() -> Option<String> {
    window().history().ok()?.state().ok()?.as_string()
}

/// Keeps `state` with the current history entry, in place of what it kept:
/// it comes back on reload, Back and Forward, but is never part of the
/// address, so it is not in the browser's history list or sent anywhere.
pub fn keep_in_history(state: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state(&wasm_bindgen::JsValue::from_str(state), "");
    }
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        let element: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(element);
        let _ = element.focus();
    }
}

/// The values a form holds under `name` (one per ticked box), read when it
/// is submitted or changed; inputs are otherwise left to the browser.
pub fn form_values(form: &web_sys::HtmlFormElement, name: &str) -> Vec<String> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else { return Vec::new() };
    data.get_all(name).iter().filter_map(|v| v.as_string()).collect()
}

/// The form an event happened in (the form itself, or a field inside it).
pub fn event_form(ev: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(ev.target()?).ok()?;
    let form = target.closest("form").ok()??;
    wasm_bindgen::JsCast::dyn_into(form).ok()
}

/// The current time as seconds since the epoch.
pub fn unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Today's date here, as (year, month, day).
pub fn today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}
