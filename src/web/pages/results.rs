//! `/results`: the kinds of support that might help, then groups and peer
//! mentors near the person, ranked by fit and distance, with filters.

mod filters;
mod list;
mod search;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::describe::{cards, need_label, result_count, Card};
use crate::core::questions::NeedsProfile;
use crate::core::ranking::{nearest_others, rank_top};
use crate::core::route::Route;
use crate::web::components::{ErrorSummary, MapGroup, Page, ShowOnMap};
use crate::web::platform::dom::is_wide_screen;
use crate::web::router::A;
use crate::web::state::setup::Setup;
use crate::web::state::words::t;
use crate::web::state::{use_app, AppState};

use filters::FiltersForm;
use list::ResultList;
use search::PostcodeSearch;

/// How many results are listed: more than anyone reads, few enough to draw at once.
const SHOWN: usize = 50;

/// Fewer fitting groups than this, and the nearest others follow them.
const FEW: usize = 3;

/// How many of the nearest other groups are listed after a short list.
const OTHERS_SHOWN: usize = 10;

/// The id of the line saying how many groups match, where focus goes after a search.
const RESULT_COUNT: &str = "result-count";

/// The id of the "Other groups near you" heading, which names their list.
const OTHERS: &str = "other-groups";

/// What the ranking found: how many match, the cards of the best [`SHOWN`],
/// and, when few or none match, the nearest others.
#[derive(Clone, Debug, PartialEq)]
struct Listed {
    total: usize,
    cards: Vec<Card>,
    others: Vec<Card>,
}

/// The needs found, the postcode search, the filters, and the ranked list.
#[component]
pub fn ResultsPage(setup: Arc<Setup>) -> impl IntoView {
    let AppState { check, nearby, shortlist, words, .. } = use_app();
    let profile = Memo::new({
        let setup = setup.clone();
        move |_| {
            let set = &setup.questions;
            check.answers.with(|answers| set.profile(&set.relevant_answers(answers)))
        }
    });
    // Only the place counts for the ranking, not what is being typed.
    let origin = Memo::new(move |_| nearby.search.with(|s| s.origin.as_ref().map(|o| o.at)));
    // Ranked once for each change of answers, place, filters or services
    // held; the count and the list both read it.
    let ranking = Memo::new({
        let setup = setup.clone();
        move |_| {
            let filters = nearby.filters.get();
            let tiled = setup.config.directory.tiled;
            profile.with(|profile| {
                nearby.with_services(&setup, |services| {
                    let origin = origin.get();
                    let ranking = rank_top(services, profile, origin, &filters, SHOWN);
                    let others = if ranking.total < FEW {
                        nearest_others(services, profile, origin, &filters, OTHERS_SHOWN)
                    } else {
                        Vec::new()
                    };
                    words.with(|tr| Listed {
                        total: ranking.total,
                        cards: cards(&ranking.top, tr, tiled),
                        others: cards(&others, tr, tiled),
                    })
                })
            })
        }
    });
    let problem = Memo::new(move |_| nearby.search.with(|s| s.problem.clone()));
    let place = Memo::new(move |_| nearby.search.with(|s| s.origin.as_ref().map(|o| o.postcode.clone())));
    let saved = Memo::new(move |_| shortlist.ids.with(Vec::len));
    // The map shows what the list shows, in the same order, and where from;
    // drawn anew when the list changes.
    let map = move || {
        let groups = ranking.with(|r| {
            let listed = r.cards.iter().chain(&r.others);
            listed
                .filter_map(|c| Some(MapGroup { name: c.name.clone(), page: c.page.clone(), at: c.at? }))
                .collect()
        });
        let search = origin.get().map(|at| {
            let place = place.get().flatten().unwrap_or_else(|| words.t("nearby.near_location"));
            (at, words.tf("map.search_point", &[("place", &place)]))
        });
        view! { <ShowOnMap groups search/> }
    };
    let error_summary = move || {
        problem.get().map(|problem| {
            view! { <ErrorSummary title=words.t("check.error_summary") problems=vec![(problem, "postcode".into())]/> }
        })
    };
    let near = move || {
        place.get().map(|postcode| {
            let place = postcode.unwrap_or_else(|| words.t("nearby.near_location"));
            view! { <p class="wm-body">{words.tf("nearby.near", &[("place", &place)])}</p> }
        })
    };
    let filters_on = Memo::new(move |_| nearby.filters.with(|f| f.count_on()));
    let count =
        move || ranking.with(|r| words.with(|tr| result_count(r.total, SHOWN, filters_on.get() > 0, tr)));
    let fitting = Memo::new(move |_| ranking.with(|r| r.cards.clone()));
    let others = Memo::new(move |_| ranking.with(|r| r.others.clone()));
    let others_heading = move || {
        words.t(if origin.get().is_some() {
            "nearby.others_heading"
        } else {
            "nearby.others_heading_anywhere"
        })
    };
    let first_question = Route::Question(setup.questions.questions[0].id.clone());
    view! {
        <Page title=t("results.title")>
            {error_summary}
            <Show
                when=move || profile.with(|p| p.needs.is_empty())
                fallback=|| view! { <p class="wm-body-l">{t("results.lede")}</p> }
            >
                <p class="wm-body-l">{t("results.nothing_specific")}</p>
                <p class="wm-body"><A to=first_question.clone()>{t("results.answer_questions")}</A></p>
            </Show>
            <NeedsList setup=setup.clone() profile open=is_wide_screen()/>
            <p class="wm-body">
                {t("results.not_diagnosis")} " " <A to=Route::CheckAnswers>{t("results.change_answers")}</A>
            </p>
            <h2 class="wm-heading-m">{t("nearby.heading")}</h2>
            <PostcodeSearch setup=setup.clone() problem/>
            {near}
            <Show when=move || { saved.get() > 0 }>
                <p class="wm-body">
                    <A to=Route::Shortlist>{move || words.tf("shortlist.link", &[("count", &saved.get().to_string())])}</A>
                </p>
            </Show>
            <FiltersForm setup filters_on/>
            // Before the count, so Tab goes from the count, where a search leaves focus, to the first group.
            {map}
            <div role="status">
                <p class="wm-body wm-result-count" id=RESULT_COUNT tabindex="-1">{count}</p>
            </div>
            <ResultList cards=fitting labelled_by=RESULT_COUNT/>
            <Show when=move || place.with(Option::is_some)>
                <p class="wm-body wm-hint">{t("nearby.straight_line")}</p>
            </Show>
            <Show when=move || others.with(|o| !o.is_empty())>
                <h2 class="wm-heading-m" id=OTHERS>{others_heading}</h2>
                <p class="wm-body wm-hint">{t("nearby.others_hint")}</p>
                <ResultList cards=others labelled_by=OTHERS/>
            </Show>
        </Page>
    }
}

/// The suggested kinds of support, strongest first, each with the person's
/// own answers as the reasons. No scores are shown. On a phone the reasons
/// start folded (`open` false), so the groups are not two screens down.
#[component]
fn NeedsList(setup: Arc<Setup>, profile: Memo<NeedsProfile>, open: bool) -> impl IntoView {
    let needs = move || {
        profile.with(|p| p.needs.iter().map(|n| (n.need.clone(), n.reasons.clone())).collect::<Vec<_>>())
    };
    // Keyed by the need and its reasons: a need is redrawn only if they change.
    let need = move |(need, reasons): (String, Vec<String>)| {
        let reasons = (!reasons.is_empty()).then(|| {
            view! {
                <details class="wm-details wm-details--reasons" open=open>
                    <summary>{t("results.why")}</summary>
                    <ul class="wm-list wm-list--bullet">
                        {reasons.into_iter().map(|reason| view! { <li>{reason}</li> }).collect_view()}
                    </ul>
                </details>
            }
        });
        view! {
            <li class="wm-card">
                <h2 class="wm-card__heading">{need_label(&setup.questions, &need).to_string()}</h2>
                {reasons}
            </li>
        }
    };
    view! {
        <ol class="wm-card-list wm-needs">
            <For each=needs key=|need| need.clone() children=need/>
        </ol>
    }
}
