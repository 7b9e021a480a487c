//! `/group/<id>`: one group or peer-mentor scheme, with everything needed to
//! judge it, and the ways to act on it: ask to join (or for a mentor), save
//! it to the shortlist, or open it on the person's own phone.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::directory::Service;
use crate::core::markup::service_details;
use crate::core::qr::qr_svg;
use crate::core::route::Route;
use crate::web::components::{ConfigGate, Page};
use crate::web::config::Setup;
use crate::web::i18n::{t, with_words};
use crate::web::referral::ReferralChoice;
use crate::web::router::{href, navigate};
use crate::web::shortlist::Shortlist;

#[component]
pub fn GroupPage(id: String) -> impl IntoView {
    view! {
        <ConfigGate render={move |setup: Arc<Setup>| match setup.directory.find(&id) {
            Some(service) => group(service),
            None => crate::web::pages::about_short_page("not_found.title", "group.not_found"),
        }}/>
    }
}

/// The mentor a click inside the details asked for, from its `data-mentor`.
fn clicked_mentor(ev: &leptos::ev::MouseEvent) -> Option<String> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(ev.target()?).ok()?;
    target.closest("[data-mentor]").ok()??.get_attribute("data-mentor")
}

fn group(service: &Service) -> AnyView {
    let choice = expect_context::<ReferralChoice>();
    let shortlist = expect_context::<Shortlist>();
    let details = with_words(|tr| service_details(service, tr, true));
    let id = service.id.clone();
    let ask = {
        let id = id.clone();
        move |mentor: Option<String>| {
            choice.choose(&id, mentor);
            navigate(Route::Refer);
        }
    };
    let on_mentor = {
        let ask = ask.clone();
        move |ev: leptos::ev::MouseEvent| {
            if let Some(mentor) = clicked_mentor(&ev) {
                ask(Some(mentor));
            }
        }
    };
    let ask_text = t(if service.mentors.is_empty() { "service.ask_join" } else { "service.ask_mentor" });
    let status = RwSignal::new(String::new());
    let saved = {
        let id = id.clone();
        move || shortlist.0.with(|ids| ids.contains(&id))
    };
    let on_save = {
        let id = id.clone();
        move |_| {
            let now_saved = shortlist.toggle(&id);
            status.set(t(if now_saved { "shortlist.saved" } else { "shortlist.removed" }));
        }
    };
    let page_url = format!("{}{}", window().location().origin().unwrap_or_default(), href(&Route::Group(id)));
    let qr = qr_svg(&page_url, &t("service.qr_label")).unwrap_or_default();
    view! {
        <Page title=service.name.clone() caption=service.organisation.clone().unwrap_or_default()>
            <div on:click=on_mentor inner_html=details></div>
            <div class="wm-button-group">
                <button type="button" class="wm-button" on:click=move |_| ask(None)>{ask_text}</button>
                <button type="button" class="wm-button wm-button--secondary" on:click=on_save>
                    {move || t(if saved() { "shortlist.remove" } else { "shortlist.save" })}
                </button>
            </div>
            <p class="wm-body" role="status">{status}</p>
            <details class="wm-details">
                <summary>{t("service.qr_show")}</summary>
                <p class="wm-body">{t("service.qr_hint")}</p>
                <div inner_html=qr></div>
            </details>
            <p class="wm-body"><a href=href(&Route::Results)>{t("group.back_to_list")}</a></p>
        </Page>
    }
    .into_any()
}
