use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{answers_list, Html};
use crate::core::route::Route;
use crate::web::components::{event_target, Screen};
use crate::web::config::Setup;
use crate::web::i18n::t;
use crate::web::router::{base_path, href, use_router};
use crate::web::state::use_app as app_state;

/// "Check your answers": every question that applies, its answer, and a
/// change link back to it.
pub fn check_answers_page(setup: &Arc<Setup>) -> Screen {
    let state = app_state().check;
    let set = &setup.questions;
    let answers = state.answers.get_untracked();
    if let Some(first) = set.first_unanswered(&answers) {
        // Nothing to check yet: continue the check where it stopped.
        use_router().redirect(Route::Question(first.id.clone()));
    }
    let mut html = Html::new();
    html.raw(&answers_list(set, &answers, &base_path(), &t("check.change"), &t("check.not_answered")));
    html.element("p", "wm-body", &t("check.answers_private"));
    html.open(
        "a",
        &[("href", Some(&href(&Route::Results))), ("class", Some("wm-button")), ("role", Some("button"))],
    );
    html.text(&t("check.see_suggestions")).close("a");
    let rows = html.finish();
    // A change link brings the person back here once the change is made.
    let on_click = Arc::new(move |ev: &web_sys::Event| {
        if event_target(ev, "a[data-change]").is_some() {
            state.changing.set(true);
        }
    });
    Screen::new(t("check.answers_title")).region(Arc::new(move || rows.clone()), None, Some(on_click))
}
