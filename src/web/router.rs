//! A small router over the History API: the current page as a signal, links
//! that navigate without reloading, and Back/Forward support. Written for
//! Waymark's fixed set of pages (see `core::route`) because a general router
//! costs more download than the whole of this file.

use leptos::prelude::*;

use crate::core::route::Route;

/// The current page.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

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

fn route_from_location() -> Route {
    let path = window().location().pathname().unwrap_or_default();
    Route::parse(&path, &base_path())
}

thread_local! {
    // Navigation happens from window event listeners, which run outside any
    // reactive owner, so the current route is kept here rather than looked up.
    static CURRENT: std::cell::Cell<Option<CurrentRoute>> = const { std::cell::Cell::new(None) };
}

/// Starts routing: reads the address and follows Back/Forward.
pub fn provide_router() -> CurrentRoute {
    let current = CurrentRoute(RwSignal::new(route_from_location()));
    CURRENT.with(|c| c.set(Some(current)));
    let handle = window_event_listener(leptos::ev::popstate, move |_| current.0.set(route_from_location()));
    on_cleanup(move || handle.remove());
    intercept_link_clicks();
    current
}

/// Goes to `route`, adding it to the history. The query string (for example
/// a `?config=` override) is kept so a reload shows the same set-up.
pub fn navigate(route: Route) {
    go(route, false)
}

/// Goes to `route` in place of the current page (for redirects), so Back
/// does not return to a page that only forwards.
pub fn redirect(route: Route) {
    go(route, true)
}

fn go(route: Route, replace: bool) {
    let search = window().location().search().unwrap_or_default();
    let url = format!("{}{search}", route.path(&base_path()));
    if let Ok(history) = window().history() {
        let null = wasm_bindgen::JsValue::NULL;
        // On a shared screen every page replaces the last, so after a reset
        // Back leads nowhere the last person went.
        let _ = if replace || crate::web::state::on_kiosk() {
            history.replace_state_with_url(&null, "", Some(&url))
        } else {
            history.push_state_with_url(&null, "", Some(&url))
        };
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(current) = CURRENT.with(|c| c.get()) {
        current.0.set(route);
    }
}

/// The address of `route`, for an `<a href>`; a plain click on any such link
/// is turned into an in-place navigation by [`provide_router`].
pub fn href(route: &Route) -> String {
    route.path(&base_path())
}

/// The in-app path a click on `anchor` should navigate to, or `None` to let
/// the browser follow it (other sites, tel: and sms: links, files, new tabs).
fn in_app_path(anchor: &web_sys::Element) -> Option<String> {
    if anchor.has_attribute("download") || anchor.get_attribute("target").is_some_and(|t| t != "_self") {
        return None;
    }
    let href = anchor.get_attribute("href")?;
    if href.starts_with('#') {
        return None;
    }
    let url = web_sys::Url::new_with_base(&href, &document().base_uri().ok()??).ok()?;
    let here = window().location().origin().ok()?;
    let path = url.pathname();
    let is_file = path.rsplit('/').next().is_some_and(|last| last.contains('.'));
    (url.origin() == here && !is_file && path.starts_with(&base_path())).then_some(path)
}

/// Follows plain clicks on in-app links without reloading the page.
fn intercept_link_clicks() {
    let handle = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(target) =
            ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        let Some(anchor) = target.closest("a[href]").ok().flatten() else { return };
        if let Some(path) = in_app_path(&anchor) {
            ev.prevent_default();
            navigate(Route::parse(&path, &base_path()));
        }
    });
    on_cleanup(move || handle.remove());
}
