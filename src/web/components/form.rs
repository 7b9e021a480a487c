//! Form fields after the GOV.UK / NHS.UK patterns: the page's question as
//! the `h1` (label or legend) when a page asks one thing, a hint, the error
//! beside the field, and the value the person entered put back. Ids are the
//! field names, so an error summary can link to them. The inputs are the
//! browser's own: a page reads them when its form is submitted, and draws
//! its fields again with their errors if something needs fixing.

use leptos::prelude::*;

use crate::web::state::words::t;

/// The ids a field's input or fieldset is described by: its hint, then its error.
fn described_by(name: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{name}-hint"));
    }
    if error {
        ids.push(format!("{name}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The wrapper of every field, marked when the field has an error.
#[component]
fn FormGroup(error: bool, children: Children) -> impl IntoView {
    let class = if error { "wm-form-group wm-form-group--error" } else { "wm-form-group" };
    view! { <div class=class>{children()}</div> }
}

/// The hint, then the error (with "Error: " for screen readers), under a label or legend.
#[component]
fn HintAndError(name: &'static str, hint: Option<String>, error: Option<String>) -> impl IntoView {
    view! {
        {hint.map(|hint| view! { <div class="wm-hint" id=format!("{name}-hint")>{hint}</div> })}
        {error
            .map(|error| {
                view! {
                    <p class="wm-error-message" id=format!("{name}-error")>
                        <span class="wm-visually-hidden">{t("check.error_prefix")}</span>
                        {error}
                    </p>
                }
            })}
    }
}

/// A label, as the page's heading when the page asks only this.
#[component]
fn FieldLabel(target: &'static str, label: String, heading: bool) -> impl IntoView {
    match heading {
        true => view! {
            <h1 class="wm-label-wrapper" tabindex="-1">
                <label class="wm-label wm-label--l" for=target>{label}</label>
            </h1>
        }
        .into_any(),
        false => view! { <label class="wm-label" for=target>{label}</label> }.into_any(),
    }
}

/// A fieldset and its legend (as the page's heading when the page asks only
/// this), holding the hint, the error and `children`.
#[component]
fn Fieldset(
    name: &'static str,
    legend: String,
    hint: Option<String>,
    error: Option<String>,
    heading: bool,
    children: Children,
) -> impl IntoView {
    let legend = match heading {
        true => view! {
            <legend class="wm-fieldset__legend">
                <h1 class="wm-fieldset__heading" tabindex="-1">{legend}</h1>
            </legend>
        }
        .into_any(),
        false => view! { <legend class="wm-fieldset__legend wm-heading-s">{legend}</legend> }.into_any(),
    };
    let described = described_by(name, hint.is_some(), error.is_some());
    view! {
        <fieldset class="wm-fieldset" aria-describedby=described>
            {legend}
            <HintAndError name hint error/>
            {children()}
        </fieldset>
    }
}

/// A text box.
#[component]
pub fn TextInput(
    /// The field's name and id.
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    /// The error to show beside the field.
    #[prop(default = None)]
    error: Option<String>,
    /// Whether the label is the page's main heading (one question per page).
    #[prop(optional)]
    heading: bool,
    /// What was entered before.
    value: String,
    /// `text`, `email` or `tel`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token, so browsers can fill it in.
    autocomplete: &'static str,
    /// A width class such as `wm-input--width-20`.
    width: &'static str,
) -> impl IntoView {
    let described = described_by(name, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    view! {
        <FormGroup error=error.is_some()>
            <FieldLabel target=name label heading/>
            <HintAndError name hint error/>
            <input
                class=format!("wm-input {width}")
                id=name
                name=name
                type=input_type
                autocomplete=autocomplete
                spellcheck="false"
                value=value
                aria-describedby=described
                aria-invalid=invalid
            />
        </FormGroup>
    }
}

/// A multi-line text box.
#[component]
pub fn FormTextarea(
    /// The field's name and id.
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    /// The error to show beside the field.
    #[prop(default = None)]
    error: Option<String>,
    /// What was entered before.
    value: String,
) -> impl IntoView {
    let described = described_by(name, hint.is_some(), error.is_some());
    view! {
        <FormGroup error=error.is_some()>
            <FieldLabel target=name label heading=false/>
            <HintAndError name hint error/>
            <textarea class="wm-textarea" id=name name=name rows="4" aria-describedby=described>
                {value}
            </textarea>
        </FormGroup>
    }
}

/// Radios (one answer) or checkboxes (any number): `options` are (value,
/// label), and those in `chosen` are selected. The first input's id is the
/// field name, so an error summary link lands on it; the others' are
/// `<name>-1`, `<name>-2`, …
#[component]
pub fn FormChoices(
    /// The field's name.
    name: &'static str,
    /// The question, as the fieldset's legend.
    legend: String,
    #[prop(optional)] hint: Option<String>,
    /// The error to show beside the field.
    #[prop(default = None)]
    error: Option<String>,
    /// Whether the legend is the page's main heading (one question per page).
    #[prop(optional)]
    heading: bool,
    /// Checkboxes rather than radios.
    #[prop(optional)]
    multiple: bool,
    options: Vec<(&'static str, String)>,
    /// The values selected before.
    chosen: Vec<String>,
) -> impl IntoView {
    let input_type = if multiple { "checkbox" } else { "radio" };
    let options = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let id = if i == 0 { name.to_string() } else { format!("{name}-{i}") };
            let checked = chosen.iter().any(|c| c == value);
            view! {
                <div class="wm-choice">
                    <input
                        class="wm-choice__input"
                        id=id.clone()
                        name=name
                        type=input_type
                        value=value
                        checked=checked
                    />
                    <label class="wm-label wm-choice__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <FormGroup error=error.is_some()>
            <Fieldset name legend hint error heading>
                <div class="wm-choices">{options}</div>
            </Fieldset>
        </FormGroup>
    }
}

/// A date as day, month and year boxes (GOV.UK date input); the day box's
/// id is `<name>-day`, where an error summary link lands.
#[component]
pub fn DateInput(
    /// The field's name: the boxes are `<name>-day`, `<name>-month` and `<name>-year`.
    name: &'static str,
    legend: String,
    #[prop(optional)] hint: Option<String>,
    /// The error to show beside the field.
    #[prop(default = None)]
    error: Option<String>,
    /// Day, month and year as entered before.
    values: [String; 3],
    /// "Day", "Month", "Year".
    labels: [String; 3],
) -> impl IntoView {
    let invalid = error.is_some().then_some("true");
    let items = ["day", "month", "year"]
        .into_iter()
        .zip(values)
        .zip(labels)
        .map(|((part, value), label)| {
            let id = format!("{name}-{part}");
            let width = if part == "year" { "wm-input--width-4" } else { "wm-input--width-2" };
            view! {
                <div class="wm-date-input__item">
                    <label class="wm-label" for=id.clone()>{label}</label>
                    <input
                        class=format!("wm-input {width}")
                        id=id.clone()
                        name=id
                        type="text"
                        inputmode="numeric"
                        autocomplete=format!("bday-{part}")
                        value=value
                        aria-invalid=invalid
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        <FormGroup error=error.is_some()>
            <Fieldset name legend hint error heading=false>
                <div class="wm-date-input">{items}</div>
            </Fieldset>
        </FormGroup>
    }
}
