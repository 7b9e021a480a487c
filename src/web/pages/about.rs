//! The pages about the service: privacy, accessibility, credits, not found,
//! the set-up error page, and the steps still to come.

use std::sync::Arc;

use leptos::prelude::{GetUntracked, WithUntracked};

use crate::core::markup::Html;
use crate::core::module_context::{write_context, ChosenService, ReferContext};
use crate::core::route::Route;
use crate::web::components::Screen;
use crate::web::config::{LoadProblem, Setup};
use crate::web::directory::with_services;
use crate::web::i18n::{t, tf};
use crate::web::router::href;
use crate::web::state::state as app_state;

type Sections = &'static [(&'static str, &'static [&'static str])];

/// Headed paragraphs, each a message key, with `{organisation}`, `{phone}`
/// and `{kept_for}` filled in from the config.
fn prose(title: &str, parts: Sections, setup: Option<&Setup>) -> Screen {
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
    Screen::new(title.to_string()).markup(html.finish())
}

pub fn privacy_page(setup: &Arc<Setup>) -> Screen {
    const PARTS: Sections = &[
        ("privacy.who_heading", &["privacy.who"]),
        ("privacy.device_heading", &["privacy.device", "privacy.no_cookies"]),
        ("history.heading", &["history.exit", "history.private"]),
        ("privacy.send_heading", &["privacy.send", "privacy.why", "privacy.kept"]),
        ("privacy.rights_heading", &["privacy.withdraw", "privacy.ico"]),
    ];
    prose(&t("privacy.title"), PARTS, Some(setup))
}

pub fn accessibility_page(setup: &Arc<Setup>) -> Screen {
    const PARTS: Sections = &[
        ("accessibility.using_heading", &["accessibility.using", "accessibility.using_more"]),
        ("accessibility.status_heading", &["accessibility.status", "accessibility.known_issues"]),
        ("accessibility.report_heading", &["accessibility.report", "accessibility.enforcement"]),
        ("accessibility.testing_heading", &["accessibility.testing"]),
    ];
    prose(&t("accessibility.title"), PARTS, Some(setup))
}

pub fn credits_page() -> Screen {
    const PARTS: Sections = &[
        ("credits.postcodes_heading", &["credits.os", "credits.royal_mail", "credits.ons", "credits.ogl"]),
        ("credits.questions_heading", &["credits.ons4", "credits.loneliness"]),
        ("credits.directory_heading", &["credits.oruk", "credits.sample"]),
        ("credits.software_heading", &["credits.software"]),
    ];
    prose(&t("credits.title"), PARTS, None)
}

/// A short page with a link back to the start.
pub fn short_page(title_key: &str, body_key: &str) -> Screen {
    let mut html = Html::new();
    html.element("p", "wm-body", &t(body_key)).open("p", &[("class", Some("wm-body"))]);
    html.open("a", &[("href", Some(&href(&Route::Start)))])
        .text(&t("coming_soon.back_to_start"))
        .close("a")
        .close("p");
    Screen::new(t(title_key)).markup(html.finish())
}

pub fn not_found_page() -> Screen {
    short_page("not_found.title", "not_found.body")
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
    with_services(setup, |all| {
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
pub fn load_problem_page(problem: LoadProblem) -> Screen {
    let LoadProblem { file, error } = problem;
    let mut html = Html::new();
    html.open("div", &[("class", Some("wm-error-summary")), ("role", Some("alert"))]);
    html.element("h2", "wm-error-summary__title", &t("problem.summary"));
    let mut named = |label: &str, value: &str| {
        html.open("p", &[("class", Some("wm-body"))])
            .text(label)
            .text(" ")
            .element("code", "wm-code", value)
            .close("p");
    };
    named(&t("problem.file"), &file);
    if !error.field.is_empty() {
        named(&t("problem.field"), &error.field);
    }
    html.element("p", "wm-body", &tf("problem.what", &[("problem", &error.problem)])).close("div");
    html.element("p", "wm-body", &t("problem.for_visitors")).open("p", &[("class", Some("wm-body"))]);
    html.open("a", &[("href", Some(&href(&Route::Help)))])
        .text(&t("shell.need_help_now"))
        .close("a")
        .close("p");
    Screen::new(t("problem.title")).markup(html.finish())
}
