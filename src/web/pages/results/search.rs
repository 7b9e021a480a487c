//! The postcode question and "Use my location". The form is drawn once:
//! an error changes its classes and message around the input, so what the
//! person typed, and where focus is, stay as they were.

use std::sync::Arc;

use leptos::prelude::*;

use super::RESULT_COUNT;
use crate::core::postcode::PostcodeProblem;
use crate::web::components::focus_error_summary;
use crate::web::platform::dom::focus_by_id;
use crate::web::platform::geolocation::locate_device;
use crate::web::state::search::{locate_postcode, LocateProblem, NearbyState, Origin};
use crate::web::state::setup::Setup;
use crate::web::state::words::{t, Words};
use crate::web::state::{use_app, AppState};

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

/// Shows what a search found. With a tiled directory the tiles around the
/// place are fetched first, so the list is ranked once, complete; then focus
/// moves to how many groups match, the start of what was found. After a
/// failed search it moves to the error summary.
async fn found(setup: Arc<Setup>, nearby: NearbyState, result: Result<Origin, String>) {
    match result {
        Ok(origin) => {
            nearby.load_tiles_around(&setup, origin.at).await;
            nearby.search.update(|s| {
                s.problem = None;
                s.origin = Some(origin);
            });
            request_animation_frame(|| focus_by_id(RESULT_COUNT));
        }
        Err(problem) => {
            nearby.search.update(|s| s.problem = Some(problem));
            focus_error_summary();
        }
    }
}

/// The postcode field (GOV.UK text input pattern: label, hint, the error when
/// there is one), "Find groups", and "Use my location".
#[component]
pub fn PostcodeSearch(
    setup: Arc<Setup>,
    /// Why the last search failed, for the field's error message.
    problem: Memo<Option<String>>,
) -> impl IntoView {
    let AppState { nearby, words, .. } = use_app();
    let postcode = NodeRef::<leptos::html::Input>::new();
    let on_submit = {
        let setup = setup.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = postcode.get_untracked().map(|input| input.value()).unwrap_or_default();
            nearby.search.update(|s| s.typed = typed.clone());
            let setup = setup.clone();
            leptos::task::spawn_local(async move {
                let result = locate_postcode(&typed, &setup.config.postcodes.url).await;
                let result = result.map_err(|why| problem_text(why, &typed, &setup, words));
                found(setup, nearby, result).await;
            });
        }
    };
    let on_locate = move |_| {
        let setup = setup.clone();
        locate_device(move |at| {
            let result = match at {
                Some(at) => Ok(Origin { at, postcode: None }),
                None => Err(words.t("nearby.location_refused")),
            };
            leptos::task::spawn_local(found(setup.clone(), nearby, result));
        });
    };
    let failed = move || problem.with(Option::is_some);
    let message = move || {
        problem.get().map(|error| {
            view! {
                <p class="wm-error-message" id="postcode-error">
                    <span class="wm-visually-hidden">{words.t("check.error_prefix")}</span>
                    {error}
                </p>
            }
        })
    };
    view! {
        <form novalidate on:submit=on_submit>
            <div class=move || if failed() { "wm-form-group wm-form-group--error" } else { "wm-form-group" }>
                <label class="wm-label wm-label--m" for="postcode">{t("nearby.postcode_label")}</label>
                <div class="wm-hint" id="postcode-hint">{t("nearby.postcode_hint")}</div>
                {message}
                <input
                    class="wm-input wm-input--postcode"
                    id="postcode"
                    name="postcode"
                    type="text"
                    autocomplete="postal-code"
                    spellcheck="false"
                    value=nearby.search.with_untracked(|s| s.typed.clone())
                    aria-describedby=move || if failed() { "postcode-hint postcode-error" } else { "postcode-hint" }
                    aria-invalid=move || failed().then_some("true")
                    node_ref=postcode
                />
            </div>
            <div class="wm-button-group">
                <button type="submit" class="wm-button">{t("nearby.find")}</button>
                <button type="button" class="wm-button wm-button--secondary" on:click=on_locate>
                    {t("nearby.use_location")}
                </button>
            </div>
        </form>
    }
}
