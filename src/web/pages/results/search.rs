//! The postcode question and "Use my location". The form is drawn once:
//! an error changes its classes and message around the input, so what the
//! person typed, and where focus is, stay as they were. A search found is
//! kept with its history entry (`core::route::KeptSearch`), so a reload,
//! Back and Forward show the same list without asking again.

use std::sync::Arc;

use leptos::prelude::*;

use super::RESULT_COUNT;
use crate::core::geo::LatLon;
use crate::core::postcode::PostcodeProblem;
use crate::core::route::{KeptSearch, SearchedFrom};
use crate::web::components::focus_error_summary;
use crate::web::platform::dom::focus_by_id;
use crate::web::platform::dom::{history_state, keep_in_history};
use crate::web::platform::geolocation::locate_device;
use crate::web::platform::storage::search_session;
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

/// What a search looks up: a postcode, or a place (the browser's location,
/// or one kept in the address).
#[derive(Clone, Debug)]
enum Lookup {
    Postcode(String),
    Place(LatLon),
}

/// A search as the action takes it: what to look up, and whether to move
/// focus to what it found (not for one restored from the address, where the
/// person has not just asked).
type Asked = (Lookup, bool);

/// Looks `lookup` up and shows what it found. With a tiled directory the
/// tiles around the place are fetched first, so the list is ranked once,
/// complete; the search is kept in the address; then focus moves to how many
/// groups match, the start of what was found. After a failed search it moves
/// to the error summary.
async fn search(setup: Arc<Setup>, nearby: NearbyState, words: Words, (lookup, announce): Asked) {
    let result = match &lookup {
        Lookup::Postcode(typed) => {
            nearby.search.update(|s| s.typed = typed.clone());
            let located = locate_postcode(typed, &setup.config.postcodes.url).await;
            located.map_err(|why| problem_text(why, typed, &setup, words))
        }
        Lookup::Place(at) => Ok(Origin { at: *at, postcode: None }),
    };
    match result {
        Ok(origin) => {
            nearby.load_tiles_around(&setup, origin.at).await;
            let from = match &origin.postcode {
                Some(postcode) => SearchedFrom::Postcode(postcode.clone()),
                None => SearchedFrom::Place(origin.at),
            };
            // Only where the tab may keep its session (not on a kiosk, where a reload starts afresh).
            let session = (!setup.config.kiosk.enabled).then(|| search_session(true)).flatten();
            if let Some(session) = session {
                keep_in_history(&KeptSearch { from, session }.fragment());
            }
            nearby.search.update(|s| {
                s.problem = None;
                s.origin = Some(origin);
            });
            if announce {
                request_animation_frame(|| focus_by_id(RESULT_COUNT));
            }
        }
        Err(problem) => {
            nearby.search.update(|s| s.problem = Some(problem));
            if announce {
                focus_error_summary();
            }
        }
    }
}

/// The search the address keeps, if it was made in this tab's session and
/// is not the one shown already.
fn kept_in_address(nearby: NearbyState) -> Option<Lookup> {
    let kept = KeptSearch::read(&history_state()?)?;
    if search_session(false).as_deref() != Some(kept.session.as_str()) {
        return None;
    }
    let shown = nearby.search.with_untracked(|s| s.origin.clone());
    let shown = shown.map(|o| o.postcode.map_or(SearchedFrom::Place(o.at), SearchedFrom::Postcode));
    match kept.from {
        from if shown.as_ref() == Some(&from) => None,
        SearchedFrom::Postcode(postcode) => Some(Lookup::Postcode(postcode)),
        SearchedFrom::Place(at) => Some(Lookup::Place(at)),
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
    let finder = Action::new_local(move |asked: &Asked| search(setup.clone(), nearby, words, asked.clone()));
    let pending = finder.pending();
    // One search at a time: a second press while one runs is not a second search.
    let ask = move |lookup: Lookup| {
        if !pending.get_untracked() {
            finder.dispatch_local((lookup, true));
        }
    };
    if let Some(lookup) = kept_in_address(nearby) {
        finder.dispatch_local((lookup, false));
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ask(Lookup::Postcode(postcode.get_untracked().map(|input| input.value()).unwrap_or_default()));
    };
    let on_locate = move |_| {
        locate_device(move |at| match at {
            Some(at) => ask(Lookup::Place(at)),
            None => {
                nearby.search.update(|s| s.problem = Some(words.t("nearby.location_refused")));
                focus_error_summary();
            }
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
                    prop:value=move || nearby.search.with(|s| s.typed.clone())
                    aria-describedby=move || if failed() { "postcode-hint postcode-error" } else { "postcode-hint" }
                    aria-invalid=move || failed().then_some("true")
                    node_ref=postcode
                />
            </div>
            <div class="wm-button-group">
                <button type="submit" class="wm-button" aria-disabled=move || pending.get().then_some("true")>
                    {t("nearby.find")}
                </button>
                <button type="button" class="wm-button wm-button--secondary" on:click=on_locate>
                    {t("nearby.use_location")}
                </button>
            </div>
        </form>
    }
}
