use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{needs_list, services_list};
use crate::core::matching::best_fit;
use crate::core::route::Route;
use crate::web::answers::CheckState;
use crate::web::components::{ConfigGate, Page};
use crate::web::config::Setup;
use crate::web::i18n::t;
use crate::web::pages::service_words;
use crate::web::router::{base_path, href};

/// The kinds of support that might help, strongest first, each with the
/// person's own answers as the reason. Never a score or a label.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<CheckState>();
    view! {
        <ConfigGate render={move |setup: Arc<Setup>| {
            let set = &setup.questions;
            let profile = set.profile(&set.relevant_answers(&state.answers.get_untracked()));
            let (lede, next) = if profile.needs.is_empty() {
                (t("results.nothing_specific"), Some((Route::Check, t("results.answer_questions"))))
            } else {
                (t("results.lede"), None)
            };
            let needs = needs_list(set, &profile);
            let groups = services_list(&best_fit(&setup.directory.services, &profile), &service_words(), &base_path());
            view! {
                <Page title=t("results.title")>
                    <p class="wm-body-l">{lede}</p>
                    {next.map(|(route, text)| view! { <p class="wm-body"><a href=href(&route)>{text}</a></p> })}
                    <div inner_html=needs></div>
                    <p class="wm-body">{t("results.not_diagnosis")}</p>
                    <h2 class="wm-heading-m">{t("results.groups_heading")}</h2>
                    <div inner_html=groups></div>
                    <p class="wm-body"><a href=href(&Route::CheckAnswers)>{t("results.change_answers")}</a></p>
                </Page>
            }
        }}/>
    }
}
