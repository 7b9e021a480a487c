use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::Page;
use crate::web::router::A;
use crate::web::state::setup::Setup;
use crate::web::state::words::{t, tf};

/// A page's sections: each heading's message key, and its paragraphs' keys.
pub type Sections = &'static [(&'static str, &'static [&'static str])];

/// Headed paragraphs, each a message key, with `{organisation}`, `{phone}`
/// and `{kept_for}` filled in from the config.
#[component]
pub fn Prose(title: String, parts: Sections, setup: Option<Arc<Setup>>) -> impl IntoView {
    let fill: Vec<(&str, String)> = setup
        .map(|s| {
            vec![
                ("organisation", s.config.organisation.name.clone()),
                ("phone", s.config.organisation.phone.clone()),
                ("kept_for", s.config.service.data_kept_for.clone()),
            ]
        })
        .unwrap_or_default();
    let values: Vec<(&str, &str)> = fill.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let sections = parts
        .iter()
        .map(|(heading, paragraphs)| {
            view! {
                <h2 class="wm-heading-m">{t(heading)}</h2>
                {paragraphs.iter().map(|key| view! { <p class="wm-body">{tf(key, &values)}</p> }).collect_view()}
            }
        })
        .collect_view();
    view! { <Page title=title>{sections}</Page> }
}

/// A short page with a link back to the start.
#[component]
pub fn ShortPage(title_key: &'static str, body_key: &'static str) -> impl IntoView {
    view! {
        <Page title=t(title_key)>
            <p class="wm-body">{t(body_key)}</p>
            <p class="wm-body"><A to=Route::Start>{t("coming_soon.back_to_start")}</A></p>
        </Page>
    }
}
