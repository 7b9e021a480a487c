use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::markup::{question_fields, QuestionText};
use crate::core::questions::{Answer, AnswerProblem, Kind, Next, Question, QuestionSet};
use crate::core::route::Route;
use crate::web::answers::CheckState;
use crate::web::browser::{form_values, set_title};
use crate::web::components::{
    error_summary, focus_error_summary, focus_heading_after_navigation, ConfigGate,
};
use crate::web::config::Setup;
use crate::web::i18n::{t, tf};
use crate::web::router::{href, navigate, redirect};

/// `/check`: goes on to the first question.
#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <ConfigGate render={|setup: Arc<Setup>| {
            redirect(Route::Question(setup.questions.questions[0].id.clone()));
        }}/>
    }
}

/// One question of the needs check.
#[component]
pub fn QuestionPage(id: String) -> impl IntoView {
    view! {
        <ConfigGate render={move |setup: Arc<Setup>| {
            match setup.questions.questions.iter().position(|q| q.id == id) {
                Some(index) => question_form(setup.clone(), index),
                None => crate::web::pages::NotFoundPage().into_any(),
            }
        }}/>
    }
}

fn values_of(answer: Option<&Answer>) -> Vec<String> {
    match answer {
        Some(Answer::Choice(v)) | Some(Answer::Text(v)) => vec![v.clone()],
        Some(Answer::Choices(vs)) => vs.clone(),
        Some(Answer::Number(n)) => vec![n.to_string()],
        None => Vec::new(),
    }
}

fn error_text(question: &Question) -> String {
    match &question.kind {
        Kind::Text { max_chars } => tf("check.error_too_long", &[("max", &max_chars.to_string())]),
        Kind::YesNo => t("check.error_yes_no"),
        Kind::Multiple => t("check.error_multiple"),
        Kind::Scale { min, max, .. } => {
            tf("check.error_scale", &[("min", &min.to_string()), ("max", &max.to_string())])
        }
        Kind::Single => t("check.error_single"),
    }
}

fn characters_left(question: &Question, used: usize) -> String {
    let Kind::Text { max_chars } = question.kind else { return String::new() };
    let left = max_chars as i64 - used as i64;
    if left >= 0 {
        tf("check.characters_left", &[("count", &left.to_string())])
    } else {
        tf("check.characters_over", &[("count", &(-left).to_string())])
    }
}

/// What the form holds: the values entered and, after a failed Continue, why.
#[derive(Clone, Default)]
struct FormState {
    values: Vec<String>,
    problem: Option<AnswerProblem>,
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

// Inputs are left to the browser and read once on Continue; the markup comes
// from `core::markup`. One reactive view per page keeps the download small,
// and re-rendering after an error puts back exactly what was entered.
fn question_form(setup: Arc<Setup>, index: usize) -> AnyView {
    let state = expect_context::<CheckState>();
    let question = &setup.questions.questions[index];
    let form = RwSignal::new(FormState {
        values: values_of(state.answers.get_untracked().get(&question.id)),
        problem: None,
    });
    focus_heading_after_navigation();
    {
        let title = question.text.clone();
        Effect::new(move |_| {
            let prefix = if form.with(|f| f.problem.is_some()) {
                t("check.error_title_prefix")
            } else {
                String::new()
            };
            set_title(&format!("{prefix}{title}"), &t("shell.service_name"));
        });
    }
    let back = match setup.questions.previous_before(&question.id, &state.answers.get_untracked()) {
        _ if state.changing.get_untracked() => Route::CheckAnswers,
        Some(previous) => Route::Question(previous.id.clone()),
        None => Route::Start,
    };
    let on_submit = {
        let setup = setup.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let question = &setup.questions.questions[index];
            let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let values = form_values(&element, &question.id);
            match question.accept(&values) {
                Err(problem) => {
                    form.set(FormState { values, problem: Some(problem) });
                    focus_error_summary();
                }
                Ok(answer) => {
                    state.answers.update(|a| a.set(&question.id, answer));
                    navigate(next_route(&setup.questions, &question.id, state));
                }
            }
        }
    };
    let on_input = {
        let setup = setup.clone();
        move |ev: leptos::ev::Event| {
            let used = event_target_value(&ev).chars().count();
            if let Some(count) = document().get_element_by_id("character-count") {
                count.set_text_content(Some(&characters_left(&setup.questions.questions[index], used)));
            }
        }
    };
    let summary = {
        let setup = setup.clone();
        move || {
            let question = &setup.questions.questions[index];
            form.with(|f| f.problem.is_some())
                .then(|| error_summary(error_text(question), format!("{}-0", question.id)))
        }
    };
    let fields = move || {
        let question = &setup.questions.questions[index];
        let FormState { values, problem } = form.get();
        let used = values.first().map(|v| v.chars().count()).unwrap_or(0);
        let text = QuestionText {
            error_prefix: t("check.error_prefix"),
            error: problem.map(|_| error_text(question)),
            characters_left: characters_left(question, used),
        };
        question_fields(question, &values, &text)
    };
    view! {
        <a href=href(&back) class="wm-back-link">{t("check.back")}</a>
        {summary}
        <form novalidate on:submit=on_submit on:input=on_input>
            <div inner_html=fields></div>
            <button type="submit" class="wm-button">{t("check.continue")}</button>
        </form>
    }
    .into_any()
}
