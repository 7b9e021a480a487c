use std::sync::Arc;

use leptos::prelude::*;

use crate::core::questions::{Answer, AnswerProblem, Kind, Next, Question, QuestionSet};
use crate::core::route::Route;
use crate::web::components::{focus_error_summary, ErrorSummary, Page};
use crate::web::pages::check::fields::QuestionFields;
use crate::web::pages::NotFoundPage;
use crate::web::platform::dom::{event_form, form_values};
use crate::web::router::{use_router, A};
use crate::web::state::check::CheckState;
use crate::web::state::setup::Setup;
use crate::web::state::use_app;
use crate::web::state::words::{t, use_words, Words};

/// `/check/<id>`: one question of the needs check (or "Page not found").
#[component]
pub fn QuestionPage(setup: Arc<Setup>, id: String) -> impl IntoView {
    match setup.questions.questions.iter().position(|q| q.id == id) {
        Some(index) => view! { <QuestionForm setup=setup index=index/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

/// The message for a question left unanswered or answered wrongly.
fn error_text(words: Words, question: &Question) -> String {
    match &question.kind {
        Kind::Text { max_chars } => {
            let max = max_chars.to_string();
            words.plural("check.error_too_long", &max, &[("max", &max)])
        }
        Kind::YesNo => words.t("check.error_yes_no"),
        Kind::Multiple => words.t("check.error_multiple"),
        Kind::Scale { min, max, .. } => {
            words.tf("check.error_scale", &[("min", &min.to_string()), ("max", &max.to_string())])
        }
        Kind::Single => words.t("check.error_single"),
    }
}

/// Where Continue goes once the answer is saved.
fn next_route(set: &QuestionSet, question: &str, state: CheckState) -> Route {
    let answers = state.answers.get_untracked();
    let route = match set.next_after(question, &answers) {
        Next::UrgentHelp => Route::Help,
        _ if state.changing.get_untracked() => match set.first_unanswered(&answers) {
            Some(q) => Route::Question(q.id.clone()),
            None => Route::CheckAnswers,
        },
        Next::Question(id) => Route::Question(id),
        Next::CheckAnswers => Route::CheckAnswers,
    };
    if matches!(route, Route::CheckAnswers | Route::Help) {
        state.changing.set(false);
    }
    route
}

/// The question at `index`: back link, error summary after a failed
/// Continue, the inputs and Continue. The form is read when it is sent.
#[component]
fn QuestionForm(setup: Arc<Setup>, index: usize) -> impl IntoView {
    let state = use_app().check;
    let (router, words) = (use_router(), use_words());
    let question = setup.questions.questions[index].clone();
    let answers = state.answers.get_untracked();
    let values = answers.get(&question.id).map(Answer::values).unwrap_or_default();
    let back = match setup.questions.previous_before(&question.id, &answers) {
        _ if state.changing.get_untracked() => Route::CheckAnswers,
        Some(previous) => Route::Question(previous.id.clone()),
        None => Route::Start,
    };
    let problem = RwSignal::new(None::<AnswerProblem>);
    let error = Memo::new({
        let question = question.clone();
        move |_| problem.get().map(|_| error_text(words, &question))
    });
    let title = Signal::derive({
        let text = question.text.clone();
        move || match problem.get() {
            Some(_) => format!("{}{text}", words.t("check.error_title_prefix")),
            None => text.clone(),
        }
    });
    let field = format!("{}-0", question.id);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let question = &setup.questions.questions[index];
        let values = event_form(&ev).map(|form| form_values(&form, &question.id)).unwrap_or_default();
        match question.accept(&values) {
            Err(reason) => {
                problem.set(Some(reason));
                focus_error_summary();
            }
            Ok(answer) => {
                state.set(&question.id, answer);
                router.navigate(next_route(&setup.questions, &question.id, state));
            }
        }
    };
    view! {
        <Page title=title heading=false>
            <A to=back class="wm-back-link">{t("check.back")}</A>
            {move || {
                error.get().map(|message| {
                    view! { <ErrorSummary title=words.t("check.error_summary") problems=vec![(message, field.clone())]/> }
                })
            }}
            <form novalidate on:submit=on_submit>
                <QuestionFields question=question values=values error=error/>
                <button type="submit" class="wm-button">{t("check.continue")}</button>
            </form>
        </Page>
    }
}
