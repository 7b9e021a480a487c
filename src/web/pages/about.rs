//! The pages about the service: privacy, accessibility, credits, not found,
//! the set-up error page, and the steps still to come.

use std::sync::Arc;

use crate::core::markup::Html;
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

/// What the person asked to join, so far; sending the request comes in a
/// later release, so the organisation's phone number is given meanwhile.
pub fn refer_page(setup: &Arc<Setup>) -> Screen {
    let chosen = app_state().choice.get();
    let mut html = Html::new();
    html.element("p", "wm-body", &t("refer.chosen"))
        .open("ul", &[("class", Some("wm-list wm-list--bullet"))]);
    with_services(setup, |all| {
        for service in chosen.services.iter().filter_map(|id| all.iter().find(|s| &s.id == id)) {
            let mentor = service.mentors.iter().find(|m| chosen.mentor.as_ref() == Some(&m.id));
            let line = match mentor {
                Some(mentor) => {
                    tf("refer.with_mentor", &[("service", &service.name), ("mentor", &mentor.first_name)])
                }
                None => service.name.clone(),
            };
            html.element("li", "", &line);
        }
    });
    html.close("ul").element("p", "wm-body", &t("coming_soon.body"));
    let organisation = &setup.config.organisation;
    let call = tf("refer.call", &[("organisation", &organisation.name), ("phone", &organisation.phone)]);
    html.element("p", "wm-body", &call);
    Screen::new(t("refer.title")).markup(html.finish())
}

pub fn confirmation_page(_: &Arc<Setup>) -> Screen {
    short_page("confirmation.title", "coming_soon.body")
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
