//! `/shortlist`: the groups the person saved, in full, ready to print or to
//! come back to. Kept on this device only; on a kiosk, not kept at all.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{service_details, Html};
use crate::core::route::Route;
use crate::web::components::{ConfigGate, Page};
use crate::web::config::Setup;
use crate::web::i18n::{t, with_words};
use crate::web::router::href;
use crate::web::shortlist::Shortlist;

#[component]
pub fn ShortlistPage() -> impl IntoView {
    view! { <ConfigGate render=shortlist_page/> }
}

fn shortlist_page(setup: Arc<Setup>) -> AnyView {
    let shortlist = expect_context::<Shortlist>();
    let lede = t(if setup.config.kiosk.enabled { "shortlist.kiosk" } else { "shortlist.lede" });
    let saved = move || {
        let mut html = Html::new();
        let ids = shortlist.0.get();
        let services: Vec<_> = ids.iter().filter_map(|id| setup.directory.find(id)).collect();
        if services.is_empty() {
            html.element("p", "wm-body", &t("shortlist.empty"));
        }
        for service in services {
            html.open("section", &[("class", Some("wm-card wm-shortlist__item"))]);
            html.open("h2", &[("class", Some("wm-heading-m"))]);
            html.open("a", &[("href", Some(&href(&Route::Group(service.id.clone()))))]);
            html.text(&service.name).close("a").close("h2");
            if let Some(organisation) = &service.organisation {
                html.element("p", "wm-caption", organisation);
            }
            with_words(|tr| html.raw(&service_details(service, tr, false)));
            html.close("section");
        }
        html.finish()
    };
    let print = |_| {
        let _ = window().print();
    };
    view! {
        <Page title=t("shortlist.title")>
            <p class="wm-body-l">{lede}</p>
            <button type="button" class="wm-button wm-button--secondary wm-no-print" on:click=print>
                {t("shortlist.print")}
            </button>
            <div inner_html=saved></div>
            <p class="wm-body wm-no-print"><a href=href(&Route::Results)>{t("shortlist.find")}</a></p>
        </Page>
    }
    .into_any()
}
