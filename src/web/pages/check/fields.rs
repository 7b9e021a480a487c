//! The inputs of a question page, after the GOV.UK radios, checkboxes and
//! textarea with character count: the question is the fieldset legend, or
//! the label of the text box, as the page's `h1`.

use leptos::prelude::*;

use crate::core::questions::{AnswerOption, Kind, Question};
use crate::web::state::words::{t, use_words};

/// The heading, hint, error and inputs of a question. The inputs start from
/// `values` and are then left to the browser (the form is read on Continue),
/// so nothing entered is lost when an error appears.
#[component]
pub fn QuestionFields(
    question: Question,
    /// What to fill in or tick to begin with: the saved answer.
    values: Vec<String>,
    /// Why the last Continue failed, if it did.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let has_hint = question.hint.is_some();
    let described_by = move || match (has_hint, error.with(Option::is_some)) {
        (true, true) => Some("question-hint question-error"),
        (true, false) => Some("question-hint"),
        (false, true) => Some("question-error"),
        (false, false) => None,
    };
    let group = move || match error.with(Option::is_some) {
        true => "wm-form-group wm-form-group--error",
        false => "wm-form-group",
    };
    let hint =
        question.hint.clone().map(|hint| view! { <div id="question-hint" class="wm-hint">{hint}</div> });
    let fields = match question.kind {
        Kind::Text { max_chars } => {
            let id = format!("{}-0", question.id);
            let text = values.into_iter().next().unwrap_or_default();
            let used = RwSignal::new(text.chars().count());
            view! {
                <h1 class="wm-label-wrapper" tabindex="-1">
                    <label class="wm-label wm-label--l" for=id.clone()>{question.text.clone()}</label>
                </h1>
                {hint}
                <ErrorMessage error=error/>
                <textarea
                    class="wm-textarea"
                    id=id
                    name=question.id.clone()
                    rows="5"
                    aria-describedby=described_by
                    on:input=move |ev| used.set(event_target_value(&ev).chars().count())
                >
                    {text}
                </textarea>
                <CharacterCount max=max_chars used=used/>
            }
            .into_any()
        }
        _ => view! {
            <fieldset class="wm-fieldset" aria-describedby=described_by>
                <legend class="wm-fieldset__legend">
                    <h1 class="wm-fieldset__heading" tabindex="-1">{question.text.clone()}</h1>
                </legend>
                {hint}
                <ErrorMessage error=error/>
                <Choices question=question.clone() values=values/>
            </fieldset>
        }
        .into_any(),
    };
    view! {
        <div class=group>{fields}</div>
        {question.note.map(|note| view! { <p class="wm-body wm-note">{note}</p> })}
    }
}

/// The error under the hint, prefixed "Error: " for screen readers.
#[component]
fn ErrorMessage(error: Signal<Option<String>>) -> impl IntoView {
    let prefix = t("check.error_prefix");
    move || {
        error.get().map(|error| {
            view! {
                <p id="question-error" class="wm-error-message">
                    <span class="wm-visually-hidden">{prefix.clone()}</span>
                    {error}
                </p>
            }
        })
    }
}

/// The radios or checkboxes of a question; ids are `<question>-<i>`, so the
/// error summary can link to the first.
#[component]
pub fn Choices(question: Question, values: Vec<String>) -> impl IntoView {
    let (input_type, list_class) = match question.kind {
        Kind::Multiple => ("checkbox", "wm-choices"),
        Kind::Scale { .. } => ("radio", "wm-choices wm-choices--scale"),
        _ => ("radio", "wm-choices"),
    };
    let options: Vec<(usize, AnswerOption)> = question.options().into_iter().enumerate().collect();
    let name = question.id;
    view! {
        <div class=list_class>
            <For
                each=move || options.clone()
                key=|(i, option)| (*i, option.value.clone())
                children=move |(i, option)| {
                    let id = format!("{name}-{i}");
                    let hint_id = option.hint.is_some().then(|| format!("{id}-hint"));
                    let checked = values.contains(&option.value);
                    view! {
                        <div class="wm-choice">
                            <input
                                class="wm-choice__input"
                                id=id.clone()
                                name=name.clone()
                                type=input_type
                                value=option.value
                                checked=checked
                                aria-describedby=hint_id.clone()
                            />
                            <label class="wm-label wm-choice__label" for=id>
                                {option.label}
                                {option.scale_end.map(|end| view! { <span class="wm-scale__end">{end}</span> })}
                            </label>
                            {option.hint.map(|hint| view! { <div id=hint_id class="wm-hint wm-choice__hint">{hint}</div> })}
                        </div>
                    }
                }
            />
        </div>
    }
}

/// "You have 471 characters remaining", kept up to date as the person types
/// and read out politely.
#[component]
pub fn CharacterCount(
    /// The most the answer may hold.
    max: usize,
    /// Characters typed so far.
    #[prop(into)]
    used: Signal<usize>,
) -> impl IntoView {
    let words = use_words();
    let text = move || {
        let left = max as i64 - used.get() as i64;
        match left >= 0 {
            true => words.plural("check.characters_left", &left.to_string(), &[("count", &left.to_string())]),
            false => {
                let over = (-left).to_string();
                words.plural("check.characters_over", &over, &[("count", &over)])
            }
        }
    };
    view! {
        <p id="character-count" class="wm-hint wm-character-count" aria-live="polite">
            {text}
        </p>
    }
}
