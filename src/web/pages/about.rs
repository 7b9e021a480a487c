//! The pages about the service: privacy, accessibility, credits, not found,
//! and the set-up error page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::Page;
use crate::web::router::A;
use crate::web::state::setup::{LoadProblem, Setup};
use crate::web::state::words::{t, tf};

type Sections = &'static [(&'static str, &'static [&'static str])];

/// Headed paragraphs, each a message key, with `{organisation}`, `{phone}`
/// and `{kept_for}` filled in from the config.
#[component]
fn Prose(title: String, parts: Sections, setup: Option<Arc<Setup>>) -> impl IntoView {
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

#[component]
pub fn PrivacyPage(setup: Arc<Setup>) -> impl IntoView {
    const PARTS: Sections = &[
        ("privacy.who_heading", &["privacy.who"]),
        ("privacy.device_heading", &["privacy.device", "privacy.no_cookies"]),
        ("history.heading", &["history.exit", "history.private"]),
        ("privacy.send_heading", &["privacy.send", "privacy.why", "privacy.kept"]),
        ("privacy.rights_heading", &["privacy.withdraw", "privacy.ico"]),
    ];
    view! { <Prose title=t("privacy.title") parts=PARTS setup=Some(setup)/> }
}

#[component]
pub fn AccessibilityPage(setup: Arc<Setup>) -> impl IntoView {
    const PARTS: Sections = &[
        ("accessibility.using_heading", &["accessibility.using", "accessibility.using_more"]),
        ("accessibility.status_heading", &["accessibility.status", "accessibility.known_issues"]),
        ("accessibility.report_heading", &["accessibility.report", "accessibility.enforcement"]),
        ("accessibility.testing_heading", &["accessibility.testing"]),
    ];
    view! { <Prose title=t("accessibility.title") parts=PARTS setup=Some(setup)/> }
}

#[component]
pub fn CreditsPage() -> impl IntoView {
    const PARTS: Sections = &[
        ("credits.postcodes_heading", &["credits.os", "credits.royal_mail", "credits.ons", "credits.ogl"]),
        ("credits.questions_heading", &["credits.ons4", "credits.loneliness"]),
        (
            "credits.directory_heading",
            &["credits.oruk", "credits.esd", "credits.openactive", "credits.sample"],
        ),
        ("credits.software_heading", &["credits.software"]),
    ];
    view! { <Prose title=t("credits.title") parts=PARTS setup=None/> }
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

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ShortPage title_key="not_found.title" body_key="not_found.body"/> }
}

/// The set-up error page: names the file, the field and what is wrong, for
/// whoever set the widget up, while still pointing the person at urgent help.
#[component]
pub fn LoadProblemPage(problem: LoadProblem) -> impl IntoView {
    let LoadProblem { file, error } = problem;
    let named = |label: String, value: String| {
        view! { <p class="wm-body">{label} " " <code class="wm-code">{value}</code></p> }
    };
    let field = (!error.field.is_empty()).then(|| named(t("problem.field"), error.field.clone()));
    view! {
        <Page title=t("problem.title")>
            <div class="wm-error-summary" role="alert">
                <h2 class="wm-error-summary__title">{t("problem.summary")}</h2>
                {named(t("problem.file"), file)}
                {field}
                <p class="wm-body">{tf("problem.what", &[("problem", &error.problem)])}</p>
            </div>
            <p class="wm-body">{t("problem.for_visitors")}</p>
            <p class="wm-body"><A to=Route::Help>{t("shell.need_help_now")}</A></p>
        </Page>
    }
}
