use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::Page;
use crate::web::pages::check::question::QuestionPage;
use crate::web::router::{href, A};
use crate::web::state::setup::Setup;
use crate::web::state::use_app;
use crate::web::state::words::{t, use_words};

/// "Check your answers": every question that applies, its answer, and a
/// change link back to it. With a question still to answer, the check
/// carries on from there instead.
#[component]
pub fn CheckAnswersPage(setup: Arc<Setup>) -> impl IntoView {
    let state = use_app().check;
    // Drawn in place, with no forwarding: the address stays, and Continue goes on from there.
    let unanswered = state
        .answers
        .with_untracked(|answers| setup.questions.first_unanswered(answers).map(|q| q.id.clone()));
    if let Some(id) = unanswered {
        return view! { <QuestionPage setup id/> }.into_any();
    }
    view! {
        <Page title=t("check.answers_title")>
            <AnswersList setup=setup/>
            <p class="wm-body">{t("check.answers_private")}</p>
            <A to=Route::Results class="wm-button" role="button">{t("check.see_suggestions")}</A>
        </Page>
    }
    .into_any()
}

/// The summary list of questions and answers (GOV.UK pattern). A change link
/// marks the change as coming from here, so Continue returns here after it.
#[component]
pub fn AnswersList(setup: Arc<Setup>) -> impl IntoView {
    let (state, words) = (use_app().check, use_words());
    // (question id, question, answer in words)
    let rows = move || {
        let answers = state.answers.get();
        let shown = |q: &crate::core::questions::Question| match answers.get(&q.id) {
            Some(answer) => q.answer_in_words(answer),
            None => words.t("check.not_answered"),
        };
        setup
            .questions
            .visible(&answers)
            .map(|q| (q.id.clone(), q.text.clone(), shown(q)))
            .collect::<Vec<_>>()
    };
    view! {
        <dl class="wm-summary-list">
            <For
                each=rows
                key=|row| row.clone()
                children=move |(id, question, answer)| {
                    view! {
                        <div class="wm-summary-list__row">
                            <dt class="wm-summary-list__key">{question.clone()}</dt>
                            <dd class="wm-summary-list__value">{answer}</dd>
                            <dd class="wm-summary-list__actions">
                                <a href=href(&Route::Question(id)) on:click=move |_| state.changing.set(true)>
                                    {words.t("check.change")}
                                    <span class="wm-visually-hidden">{format!(" {question}")}</span>
                                </a>
                            </dd>
                        </div>
                    }
                }
            />
        </dl>
    }
}
