//! A small router over the History API with the shape of `leptos_router`:
//! the current page as a signal in context ([`use_router`]), an [`A`] link
//! component that marks the current page, and Back/Forward support. Written
//! for Waymark's fixed set of pages (the rules are in `core::route`, tested
//! natively); README "Routing" gives what `leptos_router` would add.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::platform::dom::{base_path, focus_by_id};
use crate::web::state::setup::SetupResource;

/// The current page, and navigation; provided by the app, copied into handlers.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
    /// Kiosks replace every history entry, so Back never shows the last person's page.
    setup: SetupResource,
    /// Whether a page has been shown yet: after an in-app navigation focus
    /// moves to the new page's heading, but the first page keeps the browser's.
    navigated: StoredValue<bool>,
}

fn route_from_location() -> Route {
    let path = window().location().pathname().unwrap_or_default();
    Route::parse(&path, &base_path())
}

/// Starts routing: reads the address, follows Back/Forward and plain clicks
/// on in-app links, and provides the [`Router`] to every component below.
pub fn provide_router(setup: SetupResource) -> Router {
    let navigated = StoredValue::new(false);
    let router = Router { route: RwSignal::new(route_from_location()), setup, navigated };
    provide_context(router);
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        router.navigated.set_value(true);
        router.route.set(route_from_location())
    });
    on_cleanup(move || handle.remove());
    intercept_link_clicks(router);
    router
}

/// The app's router, in a component.
pub fn use_router() -> Router {
    expect_context::<Router>()
}

impl Router {
    /// The current page; reading it in a view redraws that view on navigation.
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// The current page, without redrawing the caller on navigation.
    pub fn route_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    /// Whether the person has moved between pages in this visit (so a new
    /// page should take focus to its heading).
    pub fn has_navigated(&self) -> bool {
        self.navigated.get_value()
    }

    /// Goes to `route`, adding it to the history (on a kiosk, in place of the
    /// current page, so Back never shows the last person's). The query string
    /// (for example a `?config=` override) is kept so a reload shows the same set-up.
    pub fn navigate(&self, route: Route) {
        let search = window().location().search().unwrap_or_default();
        let url = format!("{}{search}", route.path(&base_path()));
        if let Ok(history) = window().history() {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if self.setup.on_kiosk() {
                history.replace_state_with_url(&null, "", Some(&url))
            } else {
                history.push_state_with_url(&null, "", Some(&url))
            };
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
        self.navigated.set_value(true);
        self.route.set(route);
    }
}

/// The address of `route`, for an `<a href>`.
pub fn href(route: &Route) -> String {
    route.path(&base_path())
}

/// A link to a page of the widget; a plain click navigates in place, and the
/// link to the page being shown has `aria-current="page"`.
#[component]
pub fn A(
    /// The page linked to.
    to: Route,
    #[prop(optional)] class: Option<&'static str>,
    /// `"button"` for a start button, which is a link styled as a button (GOV.UK).
    #[prop(optional)]
    role: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = href(&to);
    let current = move || (router.route() == to).then_some("page");
    view! { <a href=href class=class role=role aria-current=current>{children()}</a> }
}

/// The in-app path a click on `anchor` should navigate to, or `None` to let
/// the browser follow it (other sites, tel: and sms: links, files, new tabs).
fn in_app_path(anchor: &web_sys::Element) -> Option<String> {
    // A language link loads the page afresh in that language.
    if anchor.has_attribute("download")
        || anchor.has_attribute("hreflang")
        || anchor.get_attribute("target").is_some_and(|t| t != "_self")
    {
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

/// Follows plain clicks on in-app links without reloading the page, as
/// `leptos_router` does: one listener for every link, ours or in data.
fn intercept_link_clicks(router: Router) {
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
        // In-page links (skip link, error summaries) move focus without a hash
        // change, which would otherwise count as a navigation.
        if let Some(id) = anchor.get_attribute("href").and_then(|h| h.strip_prefix('#').map(str::to_string)) {
            ev.prevent_default();
            focus_by_id(&id);
            return;
        }
        if let Some(path) = in_app_path(&anchor) {
            ev.prevent_default();
            router.navigate(Route::parse(&path, &base_path()));
        }
    });
    on_cleanup(move || handle.remove());
}
