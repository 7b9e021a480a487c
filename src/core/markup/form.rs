//! Form fields after the GOV.UK / NHS.UK patterns, as escaped HTML: a page
//! question as the `h1` (legend or label), a hint, the error beside the
//! field, and the value the person entered put back. Ids are the field
//! names, so an error summary can link to them.

use crate::core::markup::Html;

/// What every field needs: its name (also its id), the question or label,
/// a hint, and an error to show beside it.
pub struct Field<'a> {
    pub name: &'a str,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub error: Option<&'a str>,
    /// Whether the label is the page's main heading (one question per page).
    pub heading: bool,
    /// "Error: ", read before the error by screen readers.
    pub error_prefix: &'a str,
}

impl Field<'_> {
    fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }

    fn open_group(&self, html: &mut Html) {
        let class = if self.error.is_some() { "wm-form-group wm-form-group--error" } else { "wm-form-group" };
        html.push(r#"<div class="{}">"#, &[class]);
    }

    fn hint_and_error(&self, html: &mut Html) {
        if let Some(hint) = self.hint {
            html.push(r#"<div class="wm-hint" id="{}-hint">{}</div>"#, &[self.name, hint]);
        }
        if let Some(error) = self.error {
            html.push(
                r#"<p class="wm-error-message" id="{}-error"><span class="wm-visually-hidden">{}</span>{}</p>"#,
                &[self.name, self.error_prefix, error],
            );
        }
    }

    fn label(&self, html: &mut Html, target: &str) {
        if self.heading {
            html.push(
                r#"<h1 class="wm-label-wrapper" tabindex="-1"><label class="wm-label wm-label--l" for="{}">{}</label></h1>"#,
                &[target, self.label],
            );
        } else {
            html.push(r#"<label class="wm-label" for="{}">{}</label>"#, &[target, self.label]);
        }
    }

    fn legend(&self, html: &mut Html) {
        let described = self.described_by();
        html.push(r#"<fieldset class="wm-fieldset""#, &[]);
        if !described.is_empty() {
            html.push(r#" aria-describedby="{}""#, &[&described]);
        }
        if self.heading {
            html.push(
                r#"><legend class="wm-fieldset__legend"><h1 class="wm-fieldset__heading" tabindex="-1">{}</h1></legend>"#,
                &[self.label],
            );
        } else {
            html.push(r#"><legend class="wm-fieldset__legend wm-heading-s">{}</legend>"#, &[self.label]);
        }
    }
}

/// How a text box is typed into.
#[derive(Clone, Copy)]
pub struct TextKind<'a> {
    /// `text`, `email` or `tel`.
    pub input_type: &'a str,
    /// The `autocomplete` token, so browsers can fill it in.
    pub autocomplete: &'a str,
    /// `inputmode`, e.g. `numeric` for parts of a date.
    pub input_mode: Option<&'a str>,
    /// A width class such as `wm-input--width-10`.
    pub width: &'a str,
}

/// A text box.
///
/// ```
/// use waymark::core::markup::{text_input, Field, Html, TextKind};
/// let mut html = Html::new();
/// let field = Field { name: "name", label: "What is your name?", hint: None, error: Some("Enter your name"), heading: true, error_prefix: "Error: " };
/// let kind = TextKind { input_type: "text", autocomplete: "name", input_mode: None, width: "" };
/// text_input(&mut html, &field, "Sam <J>", kind);
/// let html = html.finish();
/// assert!(html.contains(r#"<input class="wm-input " id="name" name="name" type="text" autocomplete="name" spellcheck="false" value="Sam &lt;J&gt;" aria-describedby="name-error" aria-invalid="true">"#), "{html}");
/// assert!(html.contains("<h1 class=\"wm-label-wrapper\""));
/// ```
pub fn text_input(html: &mut Html, field: &Field, value: &str, kind: TextKind) {
    field.open_group(html);
    field.label(html, field.name);
    field.hint_and_error(html);
    html.push(
        r#"<input class="wm-input {}" id="{}" name="{}" type="{}" autocomplete="{}" spellcheck="false" value="{}""#,
        &[kind.width, field.name, field.name, kind.input_type, kind.autocomplete, value],
    );
    if let Some(mode) = kind.input_mode {
        html.push(r#" inputmode="{}""#, &[mode]);
    }
    let described = field.described_by();
    if !described.is_empty() {
        html.push(r#" aria-describedby="{}""#, &[&described]);
    }
    html.push(if field.error.is_some() { r#" aria-invalid="true"></div>"# } else { "></div>" }, &[]);
}

/// A multi-line text box with a limit the page counts down.
pub fn textarea(html: &mut Html, field: &Field, value: &str) {
    field.open_group(html);
    field.label(html, field.name);
    field.hint_and_error(html);
    html.push(r#"<textarea class="wm-textarea" id="{}" name="{}" rows="4""#, &[field.name, field.name]);
    let described = field.described_by();
    if !described.is_empty() {
        html.push(r#" aria-describedby="{}""#, &[&described]);
    }
    html.push(r#">{}</textarea></div>"#, &[value]);
}

/// Radios (one answer) or checkboxes (any number): `options` are (value,
/// label), and those in `chosen` are selected. The first input's id is the
/// field name, so an error summary link lands on it.
///
/// ```
/// use waymark::core::markup::{choices, Field, Html};
/// let mut html = Html::new();
/// let field = Field { name: "for_whom", label: "Who is the support for?", hint: None, error: None, heading: true, error_prefix: "Error: " };
/// choices(&mut html, &field, false, &[("me", "Me"), ("someone-else", "Someone else")], &["me"]);
/// let html = html.finish();
/// assert!(html.contains(r#"<input class="wm-choice__input" id="for_whom" name="for_whom" type="radio" value="me" checked>"#), "{html}");
/// assert!(html.contains(r#"id="for_whom-1" name="for_whom" type="radio" value="someone-else">"#));
/// ```
pub fn choices(html: &mut Html, field: &Field, multiple: bool, options: &[(&str, &str)], chosen: &[&str]) {
    field.open_group(html);
    field.legend(html);
    field.hint_and_error(html);
    html.push(r#"<div class="wm-choices">"#, &[]);
    let input_type = if multiple { "checkbox" } else { "radio" };
    for (i, (value, label)) in options.iter().enumerate() {
        let id = if i == 0 { field.name.to_string() } else { format!("{}-{i}", field.name) };
        html.push(
            r#"<div class="wm-choice"><input class="wm-choice__input" id="{}" name="{}" type="{}" value="{}""#,
            &[&id, field.name, input_type, value],
        );
        html.push(if chosen.contains(value) { " checked>" } else { ">" }, &[]);
        html.push(r#"<label class="wm-label wm-choice__label" for="{}">{}</label></div>"#, &[&id, label]);
    }
    html.push("</div></fieldset></div>", &[]);
}

/// A date as day, month and year boxes (GOV.UK date input); the day box's
/// id is `<name>-day`, where an error summary link lands.
///
/// ```
/// use waymark::core::markup::{date_input, Field, Html};
/// let mut html = Html::new();
/// let field = Field { name: "birth", label: "Date of birth (optional)", hint: Some("For example, 27 3 1950"), error: None, heading: false, error_prefix: "Error: " };
/// date_input(&mut html, &field, ["2", "3", "1950"], ["Day", "Month", "Year"]);
/// let html = html.finish();
/// assert!(html.contains(r#"id="birth-day" name="birth-day""#));
/// assert!(html.contains(r#"autocomplete="bday-year""#) && html.contains(r#"value="1950""#));
/// ```
pub fn date_input(html: &mut Html, field: &Field, values: [&str; 3], labels: [&str; 3]) {
    field.open_group(html);
    field.legend(html);
    field.hint_and_error(html);
    html.push(r#"<div class="wm-date-input">"#, &[]);
    for ((part, value), label) in ["day", "month", "year"].into_iter().zip(values).zip(labels) {
        let id = format!("{}-{part}", field.name);
        let width = if part == "year" { "wm-input--width-4" } else { "wm-input--width-2" };
        html.push(
            r#"<div class="wm-date-input__item"><label class="wm-label" for="{}">{}</label><input class="wm-input {}" id="{}" name="{}" type="text" inputmode="numeric" autocomplete="bday-{}" value="{}""#,
            &[&id, label, width, &id, &id, part, value],
        );
        html.push(if field.error.is_some() { r#" aria-invalid="true"></div>"# } else { "></div>" }, &[]);
    }
    html.push("</div></fieldset></div>", &[]);
}
