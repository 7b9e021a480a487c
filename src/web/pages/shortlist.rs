//! `/shortlist`: the groups the person saved, in full, ready to print or to
//! come back to. Kept on this device only; on a kiosk, not kept at all.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::core::tiles::page_id;
use crate::web::components::{Page, ServiceDetails};
use crate::web::router::{href, A};
use crate::web::state::setup::Setup;
use crate::web::state::words::t;
use crate::web::state::{use_app, AppState};

/// The saved groups, each with everything on its page but the buttons.
#[component]
pub fn ShortlistPage(setup: Arc<Setup>) -> impl IntoView {
    let AppState { shortlist, nearby, .. } = use_app();
    let lede = t(if setup.config.kiosk.enabled { "shortlist.kiosk" } else { "shortlist.lede" });
    let tiled = setup.config.directory.tiled;
    // In the order saved; each once, even if the browser's copy repeats one.
    let saved = Memo::new(move |_| {
        shortlist.ids.with(|ids| {
            nearby.with_services(&setup, |all| {
                let mut services: Vec<_> = Vec::new();
                for service in ids.iter().filter_map(|id| all.iter().find(|s| &s.id == id)) {
                    if !services.iter().any(|s: &crate::core::directory::Service| s.id == service.id) {
                        services.push(service.clone());
                    }
                }
                services
            })
        })
    });
    view! {
        <Page title=t("shortlist.title")>
            <p class="wm-body-l">{lede}</p>
            <button
                type="button"
                class="wm-button wm-button--secondary wm-no-print"
                on:click=|_| {
                    let _ = window().print();
                }
            >
                {t("shortlist.print")}
            </button>
            <Show when=move || saved.with(Vec::is_empty)>
                <p class="wm-body">{t("shortlist.empty")}</p>
            </Show>
            <For each=move || saved.get() key=|service| service.id.clone() let:service>
                <section class="wm-card wm-shortlist__item">
                    <h2 class="wm-heading-m">
                        <a href=href(&Route::Group(page_id(&service, tiled)))>{service.name.clone()}</a>
                    </h2>
                    {service.organisation.clone().map(|o| view! { <p class="wm-caption">{o}</p> })}
                    <ServiceDetails service/>
                </section>
            </For>
            <p class="wm-body wm-no-print">
                <A to=Route::Results>{t("shortlist.find")}</A>
            </p>
        </Page>
    }
}
