//! `/results`: the kinds of support that might help, then groups and peer
//! mentors near the person, ranked by fit and distance, with filters.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{filters_form, needs_list, postcode_field, services_list};
use crate::core::postcode::PostcodeProblem;
use crate::core::questions::NeedsProfile;
use crate::core::ranking::{languages, rank, Filters};
use crate::core::route::Route;
use crate::core::schedule::LocalTime;
use crate::web::answers::CheckState;
use crate::web::browser::{event_form, form_values, unix_seconds};
use crate::web::components::{error_summary, focus_error_summary, ConfigGate, Page};
use crate::web::config::Setup;
use crate::web::i18n::{t, tf, with_words};
use crate::web::nearby::{locate_device, locate_postcode, LocateProblem, NearbyState, Origin};
use crate::web::router::{base_path, href};
use crate::web::shortlist::Shortlist;

const FILTER_FIELDS: [&str; 7] = ["free", "open_now", "step_free", "remote", "day", "time", "language"];

#[component]
pub fn ResultsPage() -> impl IntoView {
    view! { <ConfigGate render=results/> }
}

fn problem_text(problem: LocateProblem, typed: &str, setup: &Setup) -> String {
    let organisation = &setup.config.organisation;
    match problem {
        LocateProblem::Postcode(PostcodeProblem::Empty) => t("nearby.error_empty"),
        LocateProblem::Postcode(PostcodeProblem::NotAPostcode) => t("nearby.error_not_postcode"),
        LocateProblem::Postcode(PostcodeProblem::OutsideGreatBritain) => tf(
            "nearby.error_outside_gb",
            &[("organisation", &organisation.name), ("phone", &organisation.phone)],
        ),
        LocateProblem::Unknown => tf("nearby.error_unknown", &[("postcode", typed.trim())]),
        LocateProblem::Network => t("nearby.error_network"),
    }
}

fn results(setup: Arc<Setup>) -> AnyView {
    let state = expect_context::<CheckState>();
    let nearby = expect_context::<NearbyState>();
    let shortlist = expect_context::<Shortlist>();
    let set = &setup.questions;
    let profile = set.profile(&set.relevant_answers(&state.answers.get_untracked()));
    let lede = if profile.needs.is_empty() {
        view! {
            <p class="wm-body-l">{t("results.nothing_specific")}</p>
            <p class="wm-body"><a href=href(&Route::Check)>{t("results.answer_questions")}</a></p>
        }
        .into_any()
    } else {
        view! { <p class="wm-body-l">{t("results.lede")}</p> }.into_any()
    };
    let needs = needs_list(set, &profile);
    let problem = RwSignal::new(None::<String>);
    let on_find = {
        let setup = setup.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = event_form(&ev).map(|f| form_values(&f, "postcode")).unwrap_or_default().join("");
            nearby.typed.set(typed.clone());
            let setup = setup.clone();
            leptos::task::spawn_local(async move {
                match locate_postcode(&typed, &setup.config.postcodes.url).await {
                    Ok(origin) => {
                        problem.set(None);
                        nearby.origin.set(Some(origin));
                    }
                    Err(why) => {
                        problem.set(Some(problem_text(why, &typed, &setup)));
                        focus_error_summary();
                    }
                }
            });
        }
    };
    let on_locate = move |_| {
        locate_device(move |at| match at {
            Some(at) => {
                problem.set(None);
                nearby.origin.set(Some(Origin { at, postcode: None }));
            }
            None => {
                problem.set(Some(t("nearby.location_refused")));
                focus_error_summary();
            }
        })
    };
    let on_filter = move |ev: leptos::ev::Event| {
        let Some(form) = event_form(&ev) else { return };
        let fields =
            FILTER_FIELDS.iter().flat_map(|name| form_values(&form, name).into_iter().map(|v| (name.to_string(), v)));
        nearby.filters.set(Filters::from_form(fields, LocalTime::uk(unix_seconds())));
    };
    let postcode = move || with_words(|tr| postcode_field(&nearby.typed.get(), problem.get().as_deref(), tr));
    let filters = with_words(|tr| {
        filters_form(&nearby.filters.get_untracked(), &languages(&setup.directory.services), tr)
    });
    let near = move || {
        nearby.origin.get().map(|origin| {
            let place = origin.postcode.unwrap_or_else(|| t("nearby.near_location"));
            view! {
                <p class="wm-body">{tf("nearby.near", &[("place", &place)])}</p>
                <p class="wm-body wm-hint">{t("nearby.straight_line")}</p>
            }
        })
    };
    let listing = Memo::new(move |_| list(&setup, &profile, &nearby));
    let shortlisted = move || {
        let count = shortlist.0.with(Vec::len);
        (count > 0).then(|| {
            view! {
                <p class="wm-body">
                    <a href=href(&Route::Shortlist)>{tf("shortlist.link", &[("count", &count.to_string())])}</a>
                </p>
            }
        })
    };
    view! {
        <Page title=t("results.title")>
            {move || problem.get().map(|message| error_summary(message, "postcode".into()))}
            {lede}
            <div inner_html=needs></div>
            <p class="wm-body">{t("results.not_diagnosis")}</p>
            <p class="wm-body"><a href=href(&Route::CheckAnswers)>{t("results.change_answers")}</a></p>
            <h2 class="wm-heading-m">{t("nearby.heading")}</h2>
            <form novalidate on:submit=on_find>
                <div inner_html=postcode></div>
                <div class="wm-button-group">
                    <button type="submit" class="wm-button">{t("nearby.find")}</button>
                    <button type="button" class="wm-button wm-button--secondary" on:click=on_locate>
                        {t("nearby.use_location")}
                    </button>
                </div>
            </form>
            {near}
            {shortlisted}
            <form class="wm-filters" on:change=on_filter on:submit=|ev| ev.prevent_default()>
                <div inner_html=filters></div>
            </form>
            <p class="wm-body wm-result-count" role="status">{move || listing.with(|l| l.0.clone())}</p>
            <div inner_html=move || listing.with(|l| l.1.clone())></div>
        </Page>
    }
    .into_any()
}

/// The count to announce and the list's markup.
fn list(setup: &Setup, profile: &NeedsProfile, nearby: &NearbyState) -> (String, String) {
    let filters = nearby.filters.get();
    let origin = nearby.origin.get().map(|o| o.at);
    let ranked = rank(&setup.directory.services, profile, origin, &filters);
    let count = match ranked.len() {
        0 => t("nearby.none"),
        1 => t("nearby.count_one"),
        n => tf("nearby.count", &[("count", &n.to_string())]),
    };
    (count, with_words(|tr| services_list(&ranked, tr, &base_path())))
}
