use crate::core::i18n::Translator;
use crate::core::markup::Html;
use crate::core::ranking::{Filters, TimeOfDay};

/// The postcode question (GOV.UK text input pattern): label, hint, the error
/// when there is one, and the input holding what the person typed.
///
/// ```
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// use waymark::core::markup::postcode_field;
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// let html = postcode_field("XYZ", Some("That doesn't look like a postcode"), &tr);
/// assert!(html.contains(r#"value="XYZ""#));
/// assert!(html.contains(r#"aria-invalid="true""#));
/// ```
pub fn postcode_field(value: &str, error: Option<&str>, tr: &Translator) -> String {
    let mut html = Html::new();
    let group = if error.is_some() { "wm-form-group wm-form-group--error" } else { "wm-form-group" };
    html.open("div", &[("class", Some(group))]);
    html.open("label", &[("class", Some("wm-label wm-label--m")), ("for", Some("postcode"))]);
    html.text(&tr.text("nearby.postcode_label")).close("label");
    html.open("div", &[("class", Some("wm-hint")), ("id", Some("postcode-hint"))]);
    html.text(&tr.text("nearby.postcode_hint")).close("div");
    let described = if let Some(error) = error {
        html.open("p", &[("class", Some("wm-error-message")), ("id", Some("postcode-error"))]);
        html.element("span", "wm-visually-hidden", &tr.text("check.error_prefix")).text(error).close("p");
        "postcode-hint postcode-error"
    } else {
        "postcode-hint"
    };
    html.open(
        "input",
        &[
            ("class", Some("wm-input wm-input--postcode")),
            ("id", Some("postcode")),
            ("name", Some("postcode")),
            ("type", Some("text")),
            ("autocomplete", Some("postal-code")),
            ("spellcheck", Some("false")),
            ("value", Some(value)),
            ("aria-describedby", Some(described)),
            ("aria-invalid", error.map(|_| "true")),
        ],
    );
    html.close("div");
    html.finish()
}

fn checkbox(html: &mut Html, name: &str, label: &str, checked: bool) {
    let id = format!("filter-{name}");
    html.open("div", &[("class", Some("wm-choice"))]);
    html.open(
        "input",
        &[
            ("class", Some("wm-choice__input")),
            ("id", Some(&id)),
            ("name", Some(name)),
            ("type", Some("checkbox")),
            ("value", Some("yes")),
            ("checked", checked.then_some("")),
        ],
    );
    html.open("label", &[("class", Some("wm-label wm-choice__label")), ("for", Some(&id))]);
    html.text(label).close("label").close("div");
}

fn select(html: &mut Html, name: &str, label: &str, options: &[(String, String)], chosen: &str) {
    let id = format!("filter-{name}");
    html.open("div", &[("class", Some("wm-form-group"))]);
    html.open("label", &[("class", Some("wm-label")), ("for", Some(&id))]).text(label).close("label");
    html.open("select", &[("class", Some("wm-select")), ("id", Some(&id)), ("name", Some(name))]);
    for (value, text) in options {
        html.open("option", &[("value", Some(value)), ("selected", (value == chosen).then_some(""))]);
        html.text(text).close("option");
    }
    html.close("select").close("div");
}

/// The filter controls, showing `filters` as chosen. The page re-ranks on
/// every change, so there is no submit button to find.
///
/// ```
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// use waymark::core::markup::filters_form;
/// use waymark::core::ranking::Filters;
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// let filters = Filters { free_only: true, ..Filters::default() };
/// let html = filters_form(&filters, &["Polish".to_string()], &tr);
/// assert!(html.contains(r#"name="free" type="checkbox" value="yes" checked"#));
/// assert!(html.contains(r#"<option value="Polish">Polish</option>"#));
/// ```
pub fn filters_form(filters: &Filters, languages: &[String], tr: &Translator) -> String {
    let mut html = Html::new();
    html.open("fieldset", &[("class", Some("wm-fieldset"))]);
    html.element("legend", "wm-fieldset__legend wm-heading-s", &tr.text("filters.legend"));
    html.open("div", &[("class", Some("wm-choices"))]);
    checkbox(&mut html, "free", &tr.text("filters.free"), filters.free_only);
    checkbox(&mut html, "open_now", &tr.text("filters.open_now"), filters.open_at.is_some());
    checkbox(&mut html, "step_free", &tr.text("filters.step_free"), filters.step_free);
    checkbox(&mut html, "remote", &tr.text("filters.remote"), filters.remote_only);
    html.close("div");
    let any = |key: &str| (String::new(), tr.text(key));
    let days: Vec<(String, String)> = std::iter::once(any("filters.any_day"))
        .chain((0..7).map(|d| (d.to_string(), tr.text(&format!("filters.day_{d}")))))
        .collect();
    let day = filters.days.first().map(u32::to_string).unwrap_or_default();
    select(&mut html, "day", &tr.text("filters.day"), &days, &day);
    let times: Vec<(String, String)> = [
        any("filters.any_time"),
        ("morning".into(), tr.text("filters.morning")),
        ("afternoon".into(), tr.text("filters.afternoon")),
        ("evening".into(), tr.text("filters.evening")),
    ]
    .into();
    let time = match filters.time_of_day {
        Some(TimeOfDay::Morning) => "morning",
        Some(TimeOfDay::Afternoon) => "afternoon",
        Some(TimeOfDay::Evening) => "evening",
        None => "",
    };
    select(&mut html, "time", &tr.text("filters.time"), &times, time);
    if !languages.is_empty() {
        let options: Vec<(String, String)> = std::iter::once(any("filters.any_language"))
            .chain(languages.iter().map(|l| (l.clone(), l.clone())))
            .collect();
        select(
            &mut html,
            "language",
            &tr.text("filters.language"),
            &options,
            filters.language.as_deref().unwrap_or(""),
        );
    }
    html.close("fieldset");
    html.finish()
}
