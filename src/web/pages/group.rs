//! `/group/<id>`: one group or peer-mentor scheme, with everything needed to
//! judge it, and the ways to act on it: ask to join (or for a mentor), save
//! it to the shortlist, or open it on the person's own phone.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::directory::Service;
use crate::core::route::Route;
use crate::core::tiles::split_page_id;
use crate::web::components::ShortPage;
use crate::web::components::{MapGroup, Page, QrImage, ServiceDetails, ShowOnMap};
use crate::web::router::{use_router, A};
use crate::web::state::setup::Setup;
use crate::web::state::words::t;
use crate::web::state::{use_app, AppState};

/// The group with the directory id in `page_id` (which may carry its tile,
/// see `core::tiles::page_id`). Opened directly with a tiled directory, the
/// group's tile is fetched first, as a resource the page waits for.
#[component]
pub fn GroupPage(setup: Arc<Setup>, page_id: String) -> impl IntoView {
    let nearby = use_app().nearby;
    let (tile, id) = split_page_id(&page_id);
    let (tile, id) = (tile.map(str::to_string), id.to_string());
    // Equal groups compare equal, so more tiles arriving do not redraw the page.
    let service = Memo::new({
        let setup = setup.clone();
        move |_| nearby.with_services(&setup, |all| all.iter().find(|s| s.id == id).cloned())
    });
    let page = move || match service.get() {
        Some(service) => view! { <Group service/> }.into_any(),
        None => view! { <ShortPage title_key="not_found.title" body_key="group.not_found"/> }.into_any(),
    };
    let missing =
        tile.filter(|tile| service.with_untracked(Option::is_none) && nearby.tile_missing(&setup, tile));
    let Some(tile) = missing else { return page.into_any() };
    let fetched = LocalResource::new(move || {
        let (setup, tile) = (setup.clone(), tile.clone());
        async move { nearby.load_tiles(&setup, vec![tile]).await }
    });
    let loading = || {
        view! {
            <Page title=t("shell.loading") heading=false>
                <p class="wm-body" role="status">{t("shell.loading")}</p>
            </Page>
        }
    };
    view! { <Suspense fallback=loading>{move || fetched.get().map(|()| page())}</Suspense> }.into_any()
}

#[component]
fn Group(service: Service) -> impl IntoView {
    let AppState { choice, shortlist, words, .. } = use_app();
    let router = use_router();
    let id = StoredValue::new(service.id.clone());
    let saved = move || id.with_value(|id| shortlist.ids.with(|ids| ids.contains(id)));
    // Said once a save or removal is done; empty until then.
    let status = RwSignal::new(None::<&'static str>);
    let save = move |_| {
        let now_saved = id.with_value(|id| shortlist.toggle(id));
        status.set(Some(if now_saved { "shortlist.saved" } else { "shortlist.removed" }));
    };
    let ask = move |mentor: Option<String>| {
        choice.choose(&id.get_value(), mentor);
        router.navigate(Route::Refer);
    };
    let ask_mentor = Callback::new(move |mentor: String| ask(Some(mentor)));
    let ask_key = if service.mentors.is_empty() { "service.ask_join" } else { "service.ask_mentor" };
    // Drawn the first time the person opens "Open this page on your phone".
    let qr_wanted = RwSignal::new(false);
    let on_toggle = move |ev: web_sys::Event| {
        let opened = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        if opened.is_some_and(|details| details.has_attribute("open")) {
            qr_wanted.set(true);
        }
    };
    let qr_code = move || {
        qr_wanted.get().then(|| {
            // This page's own address, with any tile hint, so it opens the same on a phone.
            let location = window().location();
            let url = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            view! { <QrImage text=url label=words.t("service.qr_label")/> }
        })
    };
    let on_map: Vec<MapGroup> = service
        .locations
        .iter()
        .find_map(|l| l.at)
        .map(|at| MapGroup { name: service.name.clone(), page: Route::Group(id.get_value()), at })
        .into_iter()
        .collect();
    view! {
        <Page title=service.name.clone() caption=service.organisation.clone()>
            <ServiceDetails service ask_mentor/>
            <ShowOnMap groups=on_map/>
            // Saving changes the button's words in place, so keyboard focus stays on it.
            <div class="wm-button-group">
                <button type="button" class="wm-button" on:click=move |_| ask(None)>{t(ask_key)}</button>
                <button type="button" class="wm-button wm-button--secondary" on:click=save>
                    {move || words.t(if saved() { "shortlist.remove" } else { "shortlist.save" })}
                </button>
            </div>
            <p class="wm-body" role="status" id="save-status">{move || status.get().map(|key| words.t(key))}</p>
            <details class="wm-details" on:toggle=on_toggle>
                <summary>{t("service.qr_show")}</summary>
                <p class="wm-body">{t("service.qr_hint")}</p>
                <div id="qr-code">{qr_code}</div>
            </details>
            <p class="wm-body"><A to=Route::Results>{t("group.back_to_list")}</A></p>
        </Page>
    }
}
