//! "Show on a map": a button that loads the map's code only when pressed,
//! and the map it draws below it, beside the list (never in its place). The
//! list and the addresses stay the map's text alternative. With no basemap in
//! the config there is no button.

use leptos::html::{Button, Div};
use leptos::prelude::*;

use crate::core::geo::LatLon;
use crate::core::route::Route;
use crate::web::platform::map::{draw_map, remove_map, MapRequest};
use crate::web::router::use_router;
use crate::web::state::use_app;
use crate::web::state::words::t;

/// A group on the map: its name, the page a marker opens and its place.
#[derive(Clone, Debug, PartialEq)]
pub struct MapGroup {
    pub name: String,
    pub page: Route,
    pub at: LatLon,
}

#[derive(Clone, Copy, PartialEq)]
enum Shown {
    No,
    Drawn,
    Failed,
}

/// The button and, once pressed, the map of `groups` and the person's
/// `search` point (with its name). A new list is a new map: the page draws
/// this again when its list changes.
#[component]
pub fn ShowOnMap(
    groups: Vec<MapGroup>,
    #[prop(optional_no_strip)] search: Option<(LatLon, String)>,
) -> impl IntoView {
    let app = use_app();
    let Some(basemap) = app.setup.loaded().and_then(|s| s.config.map.basemap.clone()) else {
        return ().into_any();
    };
    let router = use_router();
    let shown = RwSignal::new(Shown::No);
    let button = NodeRef::<Button>::new();
    let region = NodeRef::<Div>::new();
    let places = groups.iter().map(|g| (g.name.clone(), g.at)).collect::<Vec<_>>();
    let toggle = move |_| {
        let (Some(element), Some(pressed)) = (region.get_untracked(), button.get_untracked()) else { return };
        if shown.get_untracked() == Shown::Drawn {
            remove_map(&element);
            shown.set(Shown::No);
            return;
        }
        let pages: Vec<Route> = groups.iter().map(|g| g.page.clone()).collect();
        let request = MapRequest {
            basemap: basemap.clone(),
            attribution: app.words.t("map.attribution"),
            cluster: app.words.t("map.cluster"),
            search: search.clone(),
            groups: places.clone(),
            open: Box::new(move |i| pages.get(i).into_iter().for_each(|page| router.navigate(page.clone()))),
            button: pressed.into(),
        };
        // Shown while it draws, so the map has its size; hidden again if it fails.
        shown.set(Shown::Drawn);
        leptos::task::spawn_local(async move {
            if let Err(why) = draw_map(&element, request).await {
                // For whoever set up the basemap: the person reads the message on the page.
                web_sys::console::warn_1(&why);
                shown.set(Shown::Failed);
            }
        });
    };
    view! {
        <div class="wm-map-block">
            <button type="button" class="wm-button wm-button--secondary" node_ref=button aria-controls="map" on:click=toggle>
                {move || app.words.t(if shown.get() == Shown::Drawn { "map.hide" } else { "map.show" })}
            </button>
            {move || (shown.get() == Shown::Failed).then(|| view! { <p class="wm-body wm-error-message" role="alert">{t("map.failed")}</p> })}
            <div id="map" hidden=move || shown.get() != Shown::Drawn>
                <p class="wm-body wm-hint" id="map-keys">{t("map.keys")}</p>
                <div class="wm-map" role="region" aria-label=t("map.label") aria-describedby="map-keys" node_ref=region></div>
            </div>
        </div>
    }
    .into_any()
}
