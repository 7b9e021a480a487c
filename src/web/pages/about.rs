//! The pages about the service: privacy, accessibility, credits, not found,
//! and the steps still to come.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::components::{ConfigGate, Page};
use crate::web::config::Setup;
use crate::web::i18n::{t, tf};
use crate::web::router::href;

type Sections = &'static [(&'static str, &'static [&'static str])];

/// Headed paragraphs, each a message key, with `{organisation}`, `{phone}`
/// and `{kept_for}` filled in from the config.
fn prose(title: &str, parts: Sections, setup: Option<&Setup>) -> AnyView {
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
    let mut html = Html::new();
    for (heading, paragraphs) in parts {
        html.element("h2", "wm-heading-m", &t(heading));
        for key in *paragraphs {
            html.element("p", "wm-body", &tf(key, &values));
        }
    }
    view! { <Page title=title.to_string()><div inner_html=html.finish()></div></Page> }.into_any()
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    const PARTS: Sections = &[
        ("privacy.who_heading", &["privacy.who"]),
        ("privacy.device_heading", &["privacy.device", "privacy.no_cookies"]),
        ("privacy.send_heading", &["privacy.send", "privacy.why", "privacy.kept"]),
        ("privacy.rights_heading", &["privacy.withdraw", "privacy.ico"]),
    ];
    view! { <ConfigGate render={|setup: Arc<Setup>| prose(&t("privacy.title"), PARTS, Some(&setup))}/> }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    const PARTS: Sections = &[
        ("accessibility.using_heading", &["accessibility.using", "accessibility.using_more"]),
        ("accessibility.status_heading", &["accessibility.status", "accessibility.known_issues"]),
        ("accessibility.report_heading", &["accessibility.report", "accessibility.enforcement"]),
        ("accessibility.testing_heading", &["accessibility.testing"]),
    ];
    view! { <ConfigGate render={|setup: Arc<Setup>| prose(&t("accessibility.title"), PARTS, Some(&setup))}/> }
}

#[component]
pub fn CreditsPage() -> impl IntoView {
    const PARTS: Sections = &[
        ("credits.postcodes_heading", &["credits.os", "credits.royal_mail", "credits.ons", "credits.ogl"]),
        ("credits.questions_heading", &["credits.ons4", "credits.loneliness"]),
        ("credits.directory_heading", &["credits.oruk", "credits.sample"]),
        ("credits.software_heading", &["credits.software"]),
    ];
    prose(&t("credits.title"), PARTS, None)
}

/// A short page with a link back to the start.
pub(crate) fn short_page(title_key: &str, body_key: &str) -> AnyView {
    let mut html = Html::new();
    html.element("p", "wm-body", &t(body_key)).open("p", &[("class", Some("wm-body"))]);
    html.open("a", &[("href", Some(&href(&Route::Start)))])
        .text(&t("coming_soon.back_to_start"))
        .close("a")
        .close("p");
    view! { <Page title=t(title_key)><div inner_html=html.finish()></div></Page> }.into_any()
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    short_page("not_found.title", "not_found.body")
}

/// A step of the journey that a later release fills in. It still needs a
/// working config, so a broken set-up is reported on every route.
fn coming_soon(title_key: &'static str) -> impl IntoView {
    view! { <ConfigGate render={move |_| short_page(title_key, "coming_soon.body")}/> }
}

/// What the person asked to join, so far; sending the request comes in a
/// later release, so the organisation's phone number is given meanwhile.
#[component]
pub fn ReferPage() -> impl IntoView {
    let choice = expect_context::<crate::web::referral::ReferralChoice>();
    view! {
        <ConfigGate render={move |setup: Arc<Setup>| {
            let mut html = Html::new();
            html.element("p", "wm-body", &t("refer.chosen")).open("ul", &[("class", Some("wm-list wm-list--bullet"))]);
            for service in choice.services.get_untracked().iter().filter_map(|id| setup.directory.find(id)) {
                html.element("li", "", &service.name);
            }
            html.close("ul").element("p", "wm-body", &t("coming_soon.body"));
            let organisation = &setup.config.organisation;
            let call = tf("refer.call", &[("organisation", &organisation.name), ("phone", &organisation.phone)]);
            html.element("p", "wm-body", &call);
            view! { <Page title=t("refer.title")><div inner_html=html.finish()></div></Page> }
        }}/>
    }
}

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    coming_soon("confirmation.title")
}
