use crate::core::markup::Html;
use crate::core::questions::{Kind, Question};

/// The interface text a question page needs besides the question itself.
pub struct QuestionText {
    /// "Error: ", read before the error by screen readers.
    pub error_prefix: String,
    /// The error for this question, when the last Continue failed.
    pub error: Option<String>,
    /// "You have 500 characters remaining", for text questions.
    pub characters_left: String,
}

/// The heading, hint, error and inputs of a question page (GOV.UK pattern:
/// the question is the fieldset legend, or the label of a text box, as an
/// `h1`). `values` are ticked or filled in, so nothing entered is lost.
///
/// ```
/// use waymark::core::markup::{question_fields, QuestionText};
/// use waymark::core::questions::QuestionSet;
/// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
/// let text = QuestionText { error_prefix: "Error: ".into(), error: None, characters_left: String::new() };
/// let html = question_fields(set.question("safety").unwrap(), &["no".to_string()], &text);
/// assert!(html.contains(r#"<input class="wm-choice__input" id="safety-1" name="safety" type="radio" value="no" checked>"#));
/// ```
pub fn question_fields(question: &Question, values: &[String], text: &QuestionText) -> String {
    let mut html = Html::new();
    let has_hint = question.hint.is_some();
    let described_by = match (has_hint, text.error.is_some()) {
        (true, true) => Some("question-hint question-error"),
        (true, false) => Some("question-hint"),
        (false, true) => Some("question-error"),
        (false, false) => None,
    };
    let group = if text.error.is_some() { "wm-form-group wm-form-group--error" } else { "wm-form-group" };
    html.open("div", &[("class", Some(group))]);
    let hint_and_error = |html: &mut Html| {
        if let Some(hint) = &question.hint {
            html.open("div", &[("id", Some("question-hint")), ("class", Some("wm-hint"))])
                .text(hint)
                .close("div");
        }
        if let Some(error) = &text.error {
            html.open("p", &[("id", Some("question-error")), ("class", Some("wm-error-message"))]);
            html.element("span", "wm-visually-hidden", &text.error_prefix).text(error).close("p");
        }
    };
    match &question.kind {
        Kind::Text { .. } => {
            let id = format!("{}-0", question.id);
            html.open("h1", &[("class", Some("wm-label-wrapper")), ("tabindex", Some("-1"))]);
            html.open("label", &[("class", Some("wm-label wm-label--l")), ("for", Some(&id))]);
            html.text(&question.text).close("label").close("h1");
            hint_and_error(&mut html);
            html.open(
                "textarea",
                &[
                    ("class", Some("wm-textarea")),
                    ("id", Some(&id)),
                    ("name", Some(&question.id)),
                    ("rows", Some("5")),
                    ("aria-describedby", described_by),
                ],
            );
            html.text(values.first().map(String::as_str).unwrap_or("")).close("textarea");
            html.open(
                "p",
                &[
                    ("id", Some("character-count")),
                    ("class", Some("wm-hint wm-character-count")),
                    ("aria-live", Some("polite")),
                ],
            );
            html.text(&text.characters_left).close("p");
        }
        kind => {
            html.open("fieldset", &[("class", Some("wm-fieldset")), ("aria-describedby", described_by)]);
            html.open("legend", &[("class", Some("wm-fieldset__legend"))]);
            html.open("h1", &[("class", Some("wm-fieldset__heading")), ("tabindex", Some("-1"))]);
            html.text(&question.text).close("h1").close("legend");
            hint_and_error(&mut html);
            choices(&mut html, question, kind, values);
            html.close("fieldset");
        }
    }
    html.close("div");
    if let Some(note) = &question.note {
        html.element("p", "wm-body wm-note", note);
    }
    html.finish()
}

fn choices(html: &mut Html, question: &Question, kind: &Kind, values: &[String]) {
    let (input_type, list_class) = match kind {
        Kind::Multiple => ("checkbox", "wm-choices"),
        Kind::Scale { .. } => ("radio", "wm-choices wm-choices--scale"),
        _ => ("radio", "wm-choices"),
    };
    // (value, label, hint, whether the extra text labels an end of a scale)
    let options: Vec<(String, &str, Option<&str>, bool)> = match kind {
        Kind::Scale { min, max, min_label, max_label } => (*min..=*max)
            .map(|n| {
                let end = if n == *min {
                    Some(min_label.as_str())
                } else if n == *max {
                    Some(max_label.as_str())
                } else {
                    None
                };
                (n.to_string(), "", end, true)
            })
            .collect(),
        _ => question
            .choices
            .iter()
            .map(|c| (c.value.clone(), c.label.as_str(), c.hint.as_deref(), false))
            .collect(),
    };
    html.open("div", &[("class", Some(list_class))]);
    for (i, (value, label, extra, is_scale)) in options.iter().enumerate() {
        let id = format!("{}-{i}", question.id);
        let hint_id = format!("{id}-hint");
        let item_hint = extra.filter(|_| !is_scale);
        html.open("div", &[("class", Some("wm-choice"))]);
        html.open(
            "input",
            &[
                ("class", Some("wm-choice__input")),
                ("id", Some(&id)),
                ("name", Some(&question.id)),
                ("type", Some(input_type)),
                ("value", Some(value)),
                ("checked", values.contains(value).then_some("")),
                ("aria-describedby", item_hint.map(|_| hint_id.as_str())),
            ],
        );
        html.open("label", &[("class", Some("wm-label wm-choice__label")), ("for", Some(&id))]);
        html.text(if *is_scale { value } else { label });
        if let (true, Some(end)) = (is_scale, extra) {
            html.element("span", "wm-scale__end", end);
        }
        html.close("label");
        if let Some(hint) = item_hint {
            html.open("div", &[("id", Some(&hint_id)), ("class", Some("wm-hint wm-choice__hint"))])
                .text(hint)
                .close("div");
        }
        html.close("div");
    }
    html.close("div");
}
