//! A small router over the History API: the current page as a signal, links
//! that navigate without reloading, and Back/Forward support. Written for
//! Waymark's fixed set of pages (see `core::route`) because a general router
//! costs more download than the whole of this file.

use leptos::prelude::*;

use crate::core::route::Route;

/// The current page, shared through context.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

/// Where the widget is hosted, from `<base href>` (set by Trunk's public URL).
fn base_path() -> String {
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

/// Starts routing: reads the address and follows Back/Forward.
pub fn provide_router() -> CurrentRoute {
    let current = CurrentRoute(RwSignal::new(route_from_location()));
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        current.0.set(route_from_location())
    });
    on_cleanup(move || handle.remove());
    provide_context(current);
    current
}

/// Goes to `route`, adding it to the history. The query string (for example
/// a `?config=` override) is kept so a reload shows the same set-up.
pub fn navigate(route: Route) {
    let search = window().location().search().unwrap_or_default();
    let url = format!("{}{search}", route.path(&base_path()));
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    expect_context::<CurrentRoute>().0.set(route);
}

/// A link to another page of the widget. It is a real link (open in a new
/// tab works), but a plain click navigates in place.
#[component]
pub fn Link(
    to: Route,
    #[prop(optional, into)] class: Option<&'static str>,
    /// `button` for links styled as the GOV.UK start button.
    #[prop(optional, into)]
    role: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let href = to.path(&base_path());
    let current = expect_context::<CurrentRoute>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        let _ = current;
        navigate(to.clone());
    };
    view! {
        <a href=href class=class role=role on:click=on_click>{children()}</a>
    }
}
