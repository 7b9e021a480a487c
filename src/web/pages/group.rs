//! `/group/<id>`: one group or peer-mentor scheme, with everything needed to
//! judge it, and the ways to act on it: ask to join (or for a mentor), save
//! it to the shortlist, or open it on the person's own phone.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::directory::Service;
use crate::core::markup::{service_details, Html};
use crate::core::module_context::{write_context, HandoffContext};
use crate::core::route::Route;
use crate::core::tiles::split_page_id;
use crate::web::components::{event_target, Screen};
use crate::web::config::Setup;
use crate::web::i18n::{t, use_words};
use crate::web::router::{href, use_router};
use crate::web::state::{use_app as app_state, AppState};

pub fn group_page(setup: &Arc<Setup>, page_id: &str) -> AnyView {
    let (tile, id) = split_page_id(page_id);
    let nearby = app_state().nearby;
    let found = nearby.with_services(setup, |services| services.iter().find(|s| s.id == id).map(group));
    match (found, tile) {
        (Some(screen), _) => crate::web::components::show(screen),
        // Opened directly with a tiled directory: fetch the group's tile; the
        // page is drawn again when it arrives.
        (None, Some(tile)) if nearby.tile_missing(setup, tile) => {
            let (setup, tile) = (setup.clone(), tile.to_string());
            leptos::task::spawn_local(async move { nearby.load_tiles(&setup, vec![tile]).await });
            crate::web::components::show(Screen::titled(t("shell.loading"))
                .markup(format!(r#"<p class="wm-body" role="status">{}</p>"#, t("shell.loading"))))
        }
        _ => view! { <crate::web::pages::ShortPage title_key="not_found.title" body_key="group.not_found"/> }.into_any(),
    }
}

fn save_text(saved: bool) -> String {
    t(if saved { "shortlist.remove" } else { "shortlist.save" })
}

fn group_markup(service: &Service, saved: bool) -> String {
    let mut html = Html::new();
    use_words().with(|tr| html.raw(&service_details(service, tr, true)));
    let ask = if service.mentors.is_empty() { "service.ask_join" } else { "service.ask_mentor" };
    html.push(
        r#"<div class="wm-button-group"><button type="button" class="wm-button" data-action="ask">{}</button><button type="button" class="wm-button wm-button--secondary" data-action="save">{}</button></div><p class="wm-body" role="status" id="save-status"></p><details class="wm-details"><summary>{}</summary><p class="wm-body">{}</p>"#,
        &[&t(ask), &save_text(saved), &t("service.qr_show"), &t("service.qr_hint")],
    );
    html.push(
        r#"<div id="qr-code"></div></details><p class="wm-body"><a href="{}">{}</a></p>"#,
        &[&href(&Route::Results), &t("group.back_to_list")],
    );
    html.finish()
}

fn group(service: &Service) -> Screen {
    let AppState { choice, shortlist, words, .. } = app_state();
    let router = use_router();
    // Drawn once: saving changes the button's words in place, so focus stays on it.
    let markup = group_markup(service, shortlist.contains(&service.id));
    let id = service.id.clone();
    let on_click = Arc::new(move |ev: &web_sys::Event| {
        if let Some(mentor) = event_target(ev, "[data-mentor]") {
            choice.choose(&id, mentor.get_attribute("data-mentor"));
            router.navigate(Route::Refer);
            return;
        }
        if event_target(ev, "summary").is_some() {
            show_qr_code();
            return;
        }
        let Some(action) = event_target(ev, "[data-action]") else { return };
        match action.get_attribute("data-action").as_deref() {
            Some("ask") => {
                choice.choose(&id, None);
                router.navigate(Route::Refer);
            }
            Some("save") => {
                let saved = shortlist.toggle(&id);
                action.set_text_content(Some(&words.t(if saved { "shortlist.remove" } else { "shortlist.save" })));
                if let Some(status) = document().get_element_by_id("save-status") {
                    status.set_text_content(Some(&words.t(if saved {
                        "shortlist.saved"
                    } else {
                        "shortlist.removed"
                    })));
                }
            }
            _ => {}
        }
    });
    Screen::new(service.name.clone()).caption(service.organisation.clone()).region(
        Arc::new(move || markup.clone()),
        None,
        Some(on_click),
    )
}

/// Draws the QR code of this page (from the `handoff` module) the first time
/// the person opens "Open this page on your phone".
fn show_qr_code() {
    let Some(slot) = document().get_element_by_id("qr-code") else { return };
    if slot.child_element_count() > 0 {
        return;
    }
    // This page's own address, with any tile hint, so it opens the same on a phone.
    let location = window().location();
    let url = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    let context = write_context(&HandoffContext { url, label: t("service.qr_label") });
    crate::web::modules::open_module_soon("handoff", slot, context);
}
