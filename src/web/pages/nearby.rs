//! `/results`: the kinds of support that might help, then groups and peer
//! mentors near the person, ranked by fit and distance, with filters.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{error_summary, filters_form, needs_list, postcode_field, services_list, Html};
use crate::core::postcode::PostcodeProblem;
use crate::core::questions::NeedsProfile;
use crate::core::ranking::{languages, rank_top, Filters};
use crate::core::route::Route;
use crate::core::schedule::LocalTime;
use crate::web::browser::{event_form, focus_by_id, form_values, unix_seconds};
use crate::web::components::{event_target, focus_error_summary, Screen};
use crate::web::config::Setup;
use crate::web::i18n::{t, tf, use_words, Words};
use crate::web::nearby::{locate_device, locate_postcode, LocateProblem, NearbyState, Origin};
use crate::web::router::{base_path, href};
use crate::web::state::{use_app as app_state, AppState};

/// How many results are listed: more than anyone reads, few enough to draw at once.
const SHOWN: usize = 50;

const FILTER_FIELDS: [&str; 7] = ["free", "open_now", "step_free", "remote", "day", "time", "language"];

fn problem_text(problem: LocateProblem, typed: &str, setup: &Setup, words: Words) -> String {
    let organisation = &setup.config.organisation;
    match problem {
        LocateProblem::Postcode(PostcodeProblem::Empty) => words.t("nearby.error_empty"),
        LocateProblem::Postcode(PostcodeProblem::NotAPostcode) => words.t("nearby.error_not_postcode"),
        LocateProblem::Postcode(PostcodeProblem::OutsideGreatBritain) => words.tf(
            "nearby.error_outside_gb",
            &[("organisation", &organisation.name), ("phone", &organisation.phone)],
        ),
        LocateProblem::Unknown => words.tf("nearby.error_unknown", &[("postcode", typed.trim())]),
        LocateProblem::Network => words.t("nearby.error_network"),
    }
}

/// The needs found, then the postcode question and where the list is from.
fn top_markup(setup: &Setup, profile: &NeedsProfile, nearby: NearbyState, saved: usize) -> String {
    let search = nearby.search.get();
    let mut html = Html::new();
    if let Some(problem) = &search.problem {
        error_summary(&mut html, &t("check.error_summary"), problem, "postcode");
    }
    if profile.needs.is_empty() {
        html.push(
            r#"<p class="wm-body-l">{}</p><p class="wm-body"><a href="{}">{}</a></p>"#,
            &[&t("results.nothing_specific"), &href(&Route::Check), &t("results.answer_questions")],
        );
    } else {
        html.push(r#"<p class="wm-body-l">{}</p>"#, &[&t("results.lede")]);
    }
    html.raw(&needs_list(&setup.questions, profile));
    html.push(
        r#"<p class="wm-body">{}</p><p class="wm-body"><a href="{}">{}</a></p><h2 class="wm-heading-m">{}</h2><form novalidate>"#,
        &[&t("results.not_diagnosis"), &href(&Route::CheckAnswers), &t("results.change_answers"), &t("nearby.heading")],
    );
    use_words().with(|tr| html.raw(&postcode_field(&search.typed, search.problem.as_deref(), tr)));
    html.push(
        r#"<div class="wm-button-group"><button type="submit" class="wm-button">{}</button><button type="button" class="wm-button wm-button--secondary" data-action="locate">{}</button></div></form>"#,
        &[&t("nearby.find"), &t("nearby.use_location")],
    );
    if let Some(origin) = &search.origin {
        let place = origin.postcode.clone().unwrap_or_else(|| t("nearby.near_location"));
        html.push(
            r#"<p class="wm-body">{}</p><p class="wm-body wm-hint">{}</p>"#,
            &[&tf("nearby.near", &[("place", &place)]), &t("nearby.straight_line")],
        );
    }
    if saved > 0 {
        html.push(
            r#"<p class="wm-body"><a href="{}">{}</a></p>"#,
            &[&href(&Route::Shortlist), &tf("shortlist.link", &[("count", &saved.to_string())])],
        );
    }
    html.finish()
}

/// The id of the line saying how many groups match, where focus goes after a search.
const RESULT_COUNT: &str = "result-count";

fn found(setup: &Arc<Setup>, nearby: NearbyState, origin: Option<Origin>, problem: Option<String>) {
    let failed = problem.is_some();
    if let Some(at) = origin.as_ref().map(|o| o.at) {
        let setup = setup.clone();
        leptos::task::spawn_local(async move {
            nearby.load_tiles_around(&setup, at).await;
            // The search form is redrawn with the place searched, so focus would
            // fall to the page body: it goes to what the search found instead,
            // once the tiles around the place are in.
            request_animation_frame(|| focus_by_id(RESULT_COUNT));
        });
    }
    nearby.search.update(|s| {
        s.problem = problem;
        if origin.is_some() {
            s.origin = origin;
        }
    });
    if failed {
        focus_error_summary();
    }
}

pub fn results_page(setup: &Arc<Setup>) -> Screen {
    let setup = setup.clone();
    let AppState { check: state, nearby, shortlist, words, .. } = app_state();
    let set = &setup.questions;
    let profile = Arc::new(set.profile(&set.relevant_answers(&state.answers.get_untracked())));
    let on_search = {
        let setup = setup.clone();
        Arc::new(move |ev: &web_sys::Event| {
            if ev.type_() == "submit" {
                ev.prevent_default();
                let typed = event_form(ev).map(|f| form_values(&f, "postcode")).unwrap_or_default().join("");
                nearby.search.update(|s| s.typed = typed.clone());
                let setup = setup.clone();
                leptos::task::spawn_local(async move {
                    match locate_postcode(&typed, &setup.config.postcodes.url).await {
                        Ok(origin) => found(&setup, nearby, Some(origin), None),
                        Err(why) => found(&setup, nearby, None, Some(problem_text(why, &typed, &setup, words))),
                    }
                });
            } else if ev.type_() == "click" && event_target(ev, "[data-action=locate]").is_some() {
                let setup = setup.clone();
                locate_device(move |at| match at {
                    Some(at) => found(&setup, nearby, Some(Origin { at, postcode: None }), None),
                    None => found(&setup, nearby, None, Some(words.t("nearby.location_refused"))),
                });
            }
        })
    };
    let on_filter = Arc::new(move |ev: &web_sys::Event| {
        if ev.type_() == "submit" {
            ev.prevent_default();
        }
        let Some(form) = event_form(ev) else { return };
        let fields = FILTER_FIELDS
            .iter()
            .flat_map(|name| form_values(&form, name).into_iter().map(|v| (name.to_string(), v)));
        nearby.filters.set(Filters::from_form(fields, LocalTime::uk(unix_seconds())));
    });
    let top = {
        let (setup, profile) = (setup.clone(), profile.clone());
        Arc::new(move || top_markup(&setup, &profile, nearby, shortlist.ids.with(Vec::len)))
    };
    let filters = {
        let setup = setup.clone();
        Arc::new(move || {
            let languages = nearby.with_services(&setup, languages);
            let fields = use_words().with(|tr| filters_form(&nearby.filters.get_untracked(), &languages, tr));
            format!(r#"<form class="wm-filters" novalidate>{fields}</form>"#)
        })
    };
    let ranked = {
        let setup = setup.clone();
        let profile = profile.clone();
        move || {
            let origin = nearby.search.with(|s| s.origin.as_ref().map(|o| o.at));
            let filters = nearby.filters.get();
            nearby.with_services(&setup, |services| {
                let ranking = rank_top(services, &profile, origin, &filters, SHOWN);
                let mut count = match ranking.total {
                    0 => t("nearby.none"),
                    1 => t("nearby.count_one"),
                    n => tf("nearby.count", &[("count", &n.to_string())]),
                };
                if ranking.total > SHOWN {
                    count = tf("nearby.count_shown", &[("count", &count), ("shown", &SHOWN.to_string())]);
                }
                let tiled = setup.config.directory.tiled;
                (count, use_words().with(|tr| services_list(&ranking.top, tr, &base_path(), tiled)))
            })
        }
    };
    let (count, list) = (ranked.clone(), ranked);
    let count = Arc::new(move || {
        let mut html = Html::new();
        html.push(
            r#"<p class="wm-body wm-result-count" id="{}" tabindex="-1">{}</p>"#,
            &[RESULT_COUNT, &count().0],
        );
        html.finish()
    });
    Screen::new(t("results.title"))
        .region(top, None, Some(on_search))
        .region(filters, None, Some(on_filter))
        .region(count, Some("status"), None)
        .region(Arc::new(move || list().1), None, None)
}
