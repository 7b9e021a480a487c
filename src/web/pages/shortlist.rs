//! `/shortlist`: the groups the person saved, in full, ready to print or to
//! come back to. Kept on this device only; on a kiosk, not kept at all.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{service_details, Html};
use crate::core::route::Route;
use crate::core::tiles::page_id;
use crate::web::components::{event_target, Screen};
use crate::web::config::Setup;
use crate::web::i18n::{t, use_words};
use crate::web::router::href;
use crate::web::state::{use_app as app_state, AppState};

pub fn shortlist_page(setup: &Arc<Setup>) -> Screen {
    let setup = setup.clone();
    let AppState { shortlist, nearby, .. } = app_state();
    let lede = t(if setup.config.kiosk.enabled { "shortlist.kiosk" } else { "shortlist.lede" });
    let saved = move || {
        let mut html = Html::new();
        let ids = shortlist.ids.get();
        nearby.with_services(&setup, |all| {
            let services: Vec<_> = ids.iter().filter_map(|id| all.iter().find(|s| &s.id == id)).collect();
            if services.is_empty() {
                html.element("p", "wm-body", &t("shortlist.empty"));
            }
            for service in &services {
                html.open("section", &[("class", Some("wm-card wm-shortlist__item"))]);
                html.open("h2", &[("class", Some("wm-heading-m"))]);
                html.open(
                    "a",
                    &[("href", Some(&href(&Route::Group(page_id(service, setup.config.directory.tiled)))))],
                );
                html.text(&service.name).close("a").close("h2");
                if let Some(organisation) = &service.organisation {
                    html.element("p", "wm-caption", organisation);
                }
                use_words().with(|tr| html.raw(&service_details(service, tr, false)));
                html.close("section");
            }
        });
        html.finish()
    };
    let on_click = Arc::new(|ev: &web_sys::Event| {
        if event_target(ev, "[data-action=print]").is_some() {
            let _ = window().print();
        }
    });
    let top = Arc::new(move || {
        let mut html = Html::new();
        html.element("p", "wm-body-l", &lede);
        html.open(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("wm-button wm-button--secondary wm-no-print")),
                ("data-action", Some("print")),
            ],
        );
        html.text(&t("shortlist.print")).close("button");
        html.finish()
    });
    let back = || {
        let mut html = Html::new();
        html.open("p", &[("class", Some("wm-body wm-no-print"))])
            .open("a", &[("href", Some(&href(&Route::Results)))]);
        html.text(&t("shortlist.find")).close("a").close("p");
        html.finish()
    };
    Screen::new(t("shortlist.title"))
        .region(top, None, Some(on_click))
        .region(Arc::new(saved), None, None)
        .markup(back())
}
