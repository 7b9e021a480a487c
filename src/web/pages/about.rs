//! The pages about the service: privacy, accessibility, credits, not found,
//! the set-up error page, and the steps still to come.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::Html;
use crate::core::module_context::{write_context, ChosenService, ReferContext};
use crate::core::route::Route;
use crate::web::components::{Page, Screen};
use crate::web::config::{LoadProblem, Setup};
use crate::web::i18n::{t, tf};
use crate::web::router::A;
use crate::web::state::use_app as app_state;

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
        ("credits.directory_heading", &["credits.oruk", "credits.sample"]),
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

/// Asking to be put in touch: the referral pages are a module of their own
/// (`modules/refer`), fetched now. It reads the set-up itself (from the
/// browser's cache); this page hands it what only the widget knows: the
/// config in use, the answers and what was chosen.
pub fn refer_page(setup: &Arc<Setup>) -> Screen {
    let state = app_state();
    let chosen = state.choice.get();
    let postcode = state.nearby.search.with_untracked(|s| s.origin.as_ref().and_then(|o| o.postcode.clone()));
    let mut services = Vec::new();
    state.nearby.with_services(setup, |all| {
        for service in chosen.services.iter().filter_map(|id| all.iter().find(|s| &s.id == id)) {
            let mentor = service.mentors.iter().find(|m| chosen.mentor.as_ref() == Some(&m.id));
            services.push(ChosenService {
                id: service.id.clone(),
                name: service.name.clone(),
                organisation: service.organisation.clone().unwrap_or_default(),
                mentor_id: mentor.map_or(String::new(), |m| m.id.clone()),
                mentor: mentor.map_or(String::new(), |m| m.first_name.clone()),
            });
        }
    });
    let context = write_context(&ReferContext {
        config: crate::web::config::config_url(),
        resend: false,
        postcode: postcode.unwrap_or_default(),
        answers: state.check.answers.get_untracked().to_json(),
        services,
    });
    leptos::task::spawn_local(async move {
        if let Some(root) = leptos::prelude::document().get_element_by_id("refer-root") {
            if crate::web::modules::open_module("refer", &root, &context).await.is_err() {
                root.set_text_content(Some(&t("refer.module_failed")));
            }
        }
    });
    let mut html = Html::new();
    html.push(
        r#"<div id="refer-root"><p class="wm-body" role="status">{}</p></div>"#,
        &[&t("shell.loading")],
    );
    // The module draws the page heading; the title names the tab until then.
    Screen::titled(t("refer.title")).markup(html.finish())
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
