use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{error_summary, question_fields, Html, QuestionText};
use crate::core::questions::{Answer, AnswerProblem, Kind, Next, Question, QuestionSet};
use crate::core::route::Route;
use crate::web::answers::CheckState;
use crate::web::browser::{event_form, form_values, set_title};
use crate::web::components::{focus_error_summary, Screen};
use crate::web::config::Setup;
use crate::web::i18n::{t, tf};
use crate::web::router::{href, use_router};
use crate::web::state::use_app as app_state;

/// `/check`: goes on to the first question.
pub fn check_page(setup: &Arc<Setup>) -> Screen {
    use_router().redirect(Route::Question(setup.questions.questions[0].id.clone()));
    Screen::titled(t("check.title"))
}

/// One question of the needs check.
pub fn question_page(setup: &Arc<Setup>, id: &str) -> AnyView {
    match setup.questions.questions.iter().position(|q| q.id == id) {
        Some(index) => crate::web::components::show(question_form(setup.clone(), index)),
        None => view! { <crate::web::pages::NotFoundPage/> }.into_any(),
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
// from `core::markup`. Redrawing after an error puts back exactly what was entered.
fn question_form(setup: Arc<Setup>, index: usize) -> Screen {
    let state = app_state().check;
    let (router, words) = (use_router(), crate::web::i18n::use_words());
    let question = &setup.questions.questions[index];
    let form = RwSignal::new(FormState {
        values: values_of(state.answers.get_untracked().get(&question.id)),
        problem: None,
    });
    let back = match setup.questions.previous_before(&question.id, &state.answers.get_untracked()) {
        _ if state.changing.get_untracked() => Route::CheckAnswers,
        Some(previous) => Route::Question(previous.id.clone()),
        None => Route::Start,
    };
    let on_event = {
        let setup = setup.clone();
        Arc::new(move |ev: &web_sys::Event| {
            let question = &setup.questions.questions[index];
            if ev.type_() == "input" {
                let used = event_target_value(ev).chars().count();
                if let Some(count) = document().get_element_by_id("character-count") {
                    count.set_text_content(Some(&characters_left(question, used)));
                }
                return;
            }
            if ev.type_() != "submit" {
                return;
            }
            ev.prevent_default();
            let values = event_form(ev).map(|form| form_values(&form, &question.id)).unwrap_or_default();
            match question.accept(&values) {
                Err(problem) => {
                    form.set(FormState { values, problem: Some(problem) });
                    set_title(
                        &format!("{}{}", words.t("check.error_title_prefix"), question.text),
                        &words.t("shell.service_name"),
                    );
                    focus_error_summary();
                }
                Ok(answer) => {
                    state.set(&question.id, answer);
                    router.navigate(next_route(&setup.questions, &question.id, state));
                }
            }
        })
    };
    let title = question.text.clone();
    let render = Arc::new(move || {
        let question = &setup.questions.questions[index];
        let FormState { values, problem } = form.get();
        let used = values.first().map(|v| v.chars().count()).unwrap_or(0);
        let error = problem.map(|_| error_text(question));
        let mut html = Html::new();
        html.open("a", &[("href", Some(&href(&back))), ("class", Some("wm-back-link"))]);
        html.text(&t("check.back")).close("a");
        if let Some(error) = &error {
            error_summary(&mut html, &t("check.error_summary"), error, &format!("{}-0", question.id));
        }
        let text = QuestionText {
            error_prefix: t("check.error_prefix"),
            error,
            characters_left: characters_left(question, used),
        };
        html.open("form", &[("novalidate", Some(""))]).raw(&question_fields(question, &values, &text));
        html.open("button", &[("type", Some("submit")), ("class", Some("wm-button"))]);
        html.text(&t("check.continue")).close("button").close("form");
        html.finish()
    });
    Screen::titled(title).region(render, None, Some(on_event))
}
