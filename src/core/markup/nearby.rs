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
    html.push(
        r#"<div class="{}"><label class="wm-label wm-label--m" for="postcode">{}</label><div class="wm-hint" id="postcode-hint">{}</div>"#,
        &[group, &tr.text("nearby.postcode_label"), &tr.text("nearby.postcode_hint")],
    );
    if let Some(error) = error {
        html.push(
            r#"<p class="wm-error-message" id="postcode-error"><span class="wm-visually-hidden">{}</span>{}</p>"#,
            &[&tr.text("check.error_prefix"), error],
        );
    }
    let described = if error.is_some() { "postcode-hint postcode-error" } else { "postcode-hint" };
    html.push(
        r#"<input class="wm-input wm-input--postcode" id="postcode" name="postcode" type="text" autocomplete="postal-code" spellcheck="false" value="{}" aria-describedby="{}""#,
        &[value, described],
    );
    html.push(if error.is_some() { r#" aria-invalid="true"></div>"# } else { "></div>" }, &[]);
    html.finish()
}

fn checkbox(html: &mut Html, name: &str, label: &str, checked: bool) {
    html.push(
        r#"<div class="wm-choice"><input class="wm-choice__input" id="filter-{}" name="{}" type="checkbox" value="yes""#,
        &[name, name],
    );
    html.push(if checked { " checked>" } else { ">" }, &[]);
    html.push(r#"<label class="wm-label wm-choice__label" for="filter-{}">{}</label></div>"#, &[name, label]);
}

fn select(html: &mut Html, name: &str, label: &str, options: &[(String, String)], chosen: &str) {
    html.push(
        r#"<div class="wm-form-group"><label class="wm-label" for="filter-{}">{}</label><select class="wm-select" id="filter-{}" name="{}">"#,
        &[name, label, name, name],
    );
    for (value, text) in options {
        let template = if value == chosen {
            r#"<option value="{}" selected>{}</option>"#
        } else {
            r#"<option value="{}">{}</option>"#
        };
        html.push(template, &[value, text]);
    }
    html.push("</select></div>", &[]);
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
    html.push(
        r#"<fieldset class="wm-fieldset"><legend class="wm-fieldset__legend wm-heading-s">{}</legend><div class="wm-choices">"#,
        &[&tr.text("filters.legend")],
    );
    checkbox(&mut html, "free", &tr.text("filters.free"), filters.free_only);
    checkbox(&mut html, "open_now", &tr.text("filters.open_now"), filters.open_at.is_some());
    checkbox(&mut html, "step_free", &tr.text("filters.step_free"), filters.step_free);
    checkbox(&mut html, "remote", &tr.text("filters.remote"), filters.remote_only);
    html.push("</div>", &[]);
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
    html.push("</fieldset>", &[]);
    html.finish()
}
