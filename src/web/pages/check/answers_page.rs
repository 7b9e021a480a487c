use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::answers_list;
use crate::core::route::Route;
use crate::web::answers::CheckState;
use crate::web::components::{ConfigGate, Page};
use crate::web::config::Setup;
use crate::web::i18n::t;
use crate::web::router::{base_path, href, redirect};

/// "Check your answers": every question that applies, its answer, and a
/// change link back to it.
#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let state = expect_context::<CheckState>();
    view! {
        <ConfigGate render={move |setup: Arc<Setup>| {
            let set = &setup.questions;
            let answers = state.answers.get_untracked();
            if let Some(first) = set.first_unanswered(&answers) {
                // Nothing to check yet: continue the check where it stopped.
                redirect(Route::Question(first.id.clone()));
            }
            let rows = answers_list(set, &answers, &base_path(), &t("check.change"), &t("check.not_answered"));
            // A change link brings the person back here once the change is made.
            let on_click = move |ev: leptos::ev::MouseEvent| {
                let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
                if target.and_then(|t| t.closest("a[data-change]").ok().flatten()).is_some() {
                    state.changing.set(true);
                }
            };
            view! {
                <Page title=t("check.answers_title")>
                    <div on:click=on_click inner_html=rows></div>
                    <p class="wm-body">{t("check.answers_private")}</p>
                    <a href=href(&Route::Results) class="wm-button" role="button">{t("check.see_suggestions")}</a>
                </Page>
            }
        }}/>
    }
}
