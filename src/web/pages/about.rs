//! The pages about the service: privacy, accessibility, credits, not found.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::config::Config;
use crate::core::route::Route;
use crate::web::router::Link;

use crate::web::components::{ConfigGate, Page};
use crate::web::i18n::{t, tf};

/// Sections of headed paragraphs, each paragraph a message key. `{organisation}`,
/// `{phone}` and `{kept_for}` are filled from the config.
fn sections(
    parts: &'static [(&'static str, &'static [&'static str])],
    fill: Vec<(&'static str, String)>,
) -> impl IntoView {
    parts
        .iter()
        .map(|(heading, paragraphs)| {
            let values: Vec<(&str, &str)> = fill.iter().map(|(k, v)| (*k, v.as_str())).collect();
            view! {
                <h2 class="wm-heading-m">{t(heading)}</h2>
                {paragraphs.iter().map(|key| view! { <p class="wm-body">{tf(key, &values)}</p> }).collect_view()}
            }
        })
        .collect_view()
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    const PARTS: &[(&str, &[&str])] = &[
        ("privacy.who_heading", &["privacy.who"]),
        (
            "privacy.device_heading",
            &["privacy.device", "privacy.no_cookies"],
        ),
        (
            "privacy.send_heading",
            &["privacy.send", "privacy.why", "privacy.kept"],
        ),
        (
            "privacy.rights_heading",
            &["privacy.withdraw", "privacy.ico"],
        ),
    ];
    view! {
        <ConfigGate render={|config: Arc<Config>| view! {
            <Page title=t("privacy.title")>
                {sections(PARTS, vec![
                    ("organisation", config.organisation.name.clone()),
                    ("phone", config.organisation.phone.clone()),
                    ("kept_for", config.service.data_kept_for.clone()),
                ])}
            </Page>
        }}/>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    const PARTS: &[(&str, &[&str])] = &[
        (
            "accessibility.using_heading",
            &["accessibility.using", "accessibility.using_more"],
        ),
        (
            "accessibility.status_heading",
            &["accessibility.status", "accessibility.known_issues"],
        ),
        (
            "accessibility.report_heading",
            &["accessibility.report", "accessibility.enforcement"],
        ),
        ("accessibility.testing_heading", &["accessibility.testing"]),
    ];
    view! {
        <ConfigGate render={|config: Arc<Config>| view! {
            <Page title=t("accessibility.title")>
                {sections(PARTS, vec![
                    ("organisation", config.organisation.name.clone()),
                    ("phone", config.organisation.phone.clone()),
                ])}
            </Page>
        }}/>
    }
}

#[component]
pub fn CreditsPage() -> impl IntoView {
    const PARTS: &[(&str, &[&str])] = &[
        (
            "credits.postcodes_heading",
            &[
                "credits.os",
                "credits.royal_mail",
                "credits.ons",
                "credits.ogl",
            ],
        ),
        (
            "credits.questions_heading",
            &["credits.ons4", "credits.loneliness"],
        ),
        (
            "credits.directory_heading",
            &["credits.oruk", "credits.sample"],
        ),
        ("credits.software_heading", &["credits.software"]),
    ];
    view! {
        <Page title=t("credits.title")>
            {sections(PARTS, Vec::new())}
        </Page>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page title=t("not_found.title")>
            <p class="wm-body">{t("not_found.body")}</p>
            <p class="wm-body"><Link to=Route::Start>{t("coming_soon.back_to_start")}</Link></p>
        </Page>
    }
}
