//! The referral pages' markup, one thing per page (GOV.UK patterns): the
//! question as the page heading, errors in a summary and beside the field,
//! what was entered put back.

use waymark::core::config::Config;
use waymark::core::i18n::Translator;
use waymark::core::markup::{
    choices, date_input, error_summary, text_input, textarea, Field, Html, TextKind,
};
use waymark::core::referral::{ForWhom, Method, Problem, ReferralForm, Step};

/// What a page needs besides the form.
pub struct Words<'a> {
    pub tr: &'a Translator,
    pub config: &'a Config,
}

impl Words<'_> {
    /// The message `key` with the organisation's name, phone, reply time and
    /// how long data is kept filled in.
    pub fn text(&self, key: &str) -> String {
        let days = self.config.service.reply_within_working_days.to_string();
        let keep_days = waymark::core::referral::OUTBOX_KEEP_DAYS.to_string();
        self.tr.format(
            key,
            &[
                ("organisation", &self.config.organisation.name),
                ("phone", &self.config.organisation.phone),
                ("kept_for", &self.config.service.data_kept_for),
                ("days", &days),
                ("keep_days", &keep_days),
            ],
        )
    }
}

fn field<'a>(
    name: &'a str,
    label: &'a str,
    hint: Option<&'a str>,
    error: Option<&'a str>,
    heading: bool,
    prefix: &'a str,
) -> Field<'a> {
    Field { name, label, hint, error, heading, error_prefix: prefix }
}

/// The page for `step`, with the problems to show (empty until the person
/// has tried to continue).
/// `mentor_scheme` is the chosen service the preferred mentor belongs to.
pub fn step_page(
    step: Step,
    form: &ReferralForm,
    problems: &[Problem],
    w: &Words,
    mentor_scheme: Option<&str>,
) -> String {
    let mut html = Html::new();
    let error_of = |name: &str| problems.iter().find(|p| p.field == name).map(|p| w.text(p.message));
    if let Some(first) = problems.first() {
        let target = match first.field {
            "services" => "page-heading",
            other => other,
        };
        error_summary(&mut html, &w.text("check.error_summary"), &w.text(first.message), target);
    }
    let prefix = w.text("check.error_prefix");
    let prefix = prefix.as_str();
    html.push(r#"<form novalidate data-step="{}">"#, &[step_id(step)]);
    match step {
        Step::Choices => {
            html.push(
                r#"<h1 class="wm-heading-l" id="page-heading" tabindex="-1">{}</h1>"#,
                &[&w.text("refer.choices_title")],
            );
            if form.services.is_empty() {
                html.push(r#"<p class="wm-body">{}</p>"#, &[&w.text("refer.none_chosen")]);
            } else {
                html.push(
                    r#"<p class="wm-body">{}</p><ul class="wm-card-list">"#,
                    &[&w.text("refer.choices_lede")],
                );
                for service in &form.services {
                    let line = match &form.mentor {
                        Some((_, name)) if mentor_scheme == Some(service.id.as_str()) => {
                            w.tr.format("refer.with_mentor", &[("service", &service.name), ("mentor", name)])
                        }
                        _ => service.name.clone(),
                    };
                    html.push(
                        r#"<li class="wm-card"><p class="wm-body"><strong>{}</strong><br>{}</p><button type="button" class="wm-button wm-button--secondary" data-remove="{}">{}<span class="wm-visually-hidden"> {}</span></button></li>"#,
                        &[&line, service.organisation.as_deref().unwrap_or(""), &service.id, &w.text("refer.remove"), &service.name],
                    );
                }
                html.push("</ul>", &[]);
            }
            html.push(r#"<p class="wm-body"><a href="results">{}</a></p>"#, &[&w.text("refer.add_more")]);
            if let Some(error) = error_of("services") {
                html.push(r#"<p class="wm-error-message">{}</p>"#, &[&error]);
            }
        }
        Step::ForWhom => {
            let chosen = match form.for_whom {
                Some(ForWhom::Me) => "me",
                Some(ForWhom::SomeoneElse { .. }) => "someone-else",
                None => "",
            };
            let label = w.text("refer.for_whom_title");
            let error = error_of("for_whom");
            let f = field("for_whom", &label, None, error.as_deref(), true, prefix);
            let (me, other) = (w.text("refer.for_me"), w.text("refer.for_someone"));
            choices(&mut html, &f, false, &[("me", &me), ("someone-else", &other)], &[chosen]);
        }
        Step::Agreed => {
            let chosen = match form.for_whom {
                Some(ForWhom::SomeoneElse { agreed: true }) => "yes",
                _ => "",
            };
            let (label, hint) = (w.text("refer.agreed_title"), w.text("refer.agreed_hint"));
            let error = error_of("agreed");
            let f = field("agreed", &label, Some(&hint), error.as_deref(), true, prefix);
            let (yes, no) = (w.text("refer.yes"), w.text("refer.no"));
            choices(&mut html, &f, false, &[("yes", &yes), ("no", &no)], &[chosen]);
        }
        Step::CannotSend => {
            html.push(
                r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1><p class="wm-body">{}</p>"#,
                &[&w.text("refer.cannot_title"), &w.text("refer.cannot_body")],
            );
        }
        Step::Consent => {
            html.push(r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1>"#, &[&w.text("refer.consent_title")]);
            for key in ["refer.consent_send", "refer.consent_use", "refer.consent_withdraw"] {
                html.push(r#"<p class="wm-body">{}</p>"#, &[&w.text(key)]);
            }
            html.push(
                r#"<div class="wm-inset"><p class="wm-body">{}</p></div>"#,
                &[&w.text("refer.consent_emergency")],
            );
            let (legend, label) = (w.text("refer.consent_legend"), w.text("refer.consent_label"));
            let error = error_of("consent");
            let f = field("consent", &legend, None, error.as_deref(), false, prefix);
            choices(&mut html, &f, true, &[("yes", &label)], &[if form.consent { "yes" } else { "" }]);
        }
        Step::Name => {
            let someone = matches!(form.for_whom, Some(ForWhom::SomeoneElse { .. }));
            let label = w.text(if someone { "refer.name_title_other" } else { "refer.name_title" });
            let error = error_of("name");
            let f = field("name", &label, None, error.as_deref(), true, prefix);
            let kind = TextKind {
                input_type: "text",
                autocomplete: if someone { "off" } else { "name" },
                input_mode: None,
                width: "wm-input--width-20",
            };
            text_input(&mut html, &f, &form.name, kind);
        }
        Step::Contact => {
            html.push(r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1>"#, &[&w.text("refer.contact_title")]);
            let methods: Vec<&str> = form.methods.iter().map(|m| m.id()).collect();
            let (legend, hint) = (w.text("refer.methods_legend"), w.text("refer.methods_hint"));
            let error = error_of("methods");
            let f = field("methods", &legend, Some(&hint), error.as_deref(), false, prefix);
            let (email, phone, text) =
                (w.text("refer.method_email"), w.text("refer.method_phone"), w.text("refer.method_text"));
            choices(&mut html, &f, true, &[("email", &email), ("phone", &phone), ("text", &text)], &methods);
            let label = w.text("refer.email_label");
            let error = error_of("email");
            let f = field("email", &label, None, error.as_deref(), false, prefix);
            text_input(
                &mut html,
                &f,
                &form.email,
                TextKind {
                    input_type: "email",
                    autocomplete: "email",
                    input_mode: None,
                    width: "wm-input--width-20",
                },
            );
            let (label, hint) = (w.text("refer.phone_label"), w.text("refer.phone_hint"));
            let error = error_of("phone");
            let f = field("phone", &label, Some(&hint), error.as_deref(), false, prefix);
            text_input(
                &mut html,
                &f,
                &form.phone,
                TextKind {
                    input_type: "tel",
                    autocomplete: "tel",
                    input_mode: None,
                    width: "wm-input--width-20",
                },
            );
            let legend = w.text("refer.best_time_legend");
            let f = field("best_time", &legend, None, None, false, prefix);
            let times = [
                ("morning", w.text("refer.time_morning")),
                ("afternoon", w.text("refer.time_afternoon")),
                ("evening", w.text("refer.time_evening")),
                ("any", w.text("refer.time_any")),
            ];
            let options: Vec<(&str, &str)> = times.iter().map(|(v, l)| (*v, l.as_str())).collect();
            choices(&mut html, &f, false, &options, &[form.best_time.as_str()]);
            let legend = w.text("refer.message_legend");
            let error = error_of("may_leave_message");
            let f = field("may_leave_message", &legend, None, error.as_deref(), false, prefix);
            let chosen = match form.may_leave_message {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            };
            let (yes, no) = (w.text("refer.yes"), w.text("refer.no"));
            choices(&mut html, &f, false, &[("yes", &yes), ("no", &no)], &[chosen]);
        }
        Step::Postcode => {
            let (label, hint) = (w.text("refer.postcode_title"), w.text("refer.postcode_hint"));
            let error = error_of("postcode");
            let f = field("postcode", &label, Some(&hint), error.as_deref(), true, prefix);
            text_input(
                &mut html,
                &f,
                &form.postcode,
                TextKind {
                    input_type: "text",
                    autocomplete: "postal-code",
                    input_mode: None,
                    width: "wm-input--postcode",
                },
            );
        }
        Step::Optional => {
            html.push(
                r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1>"#,
                &[&w.text("refer.optional_title")],
            );
            let (legend, hint) = (w.text("refer.birth_legend"), w.text("refer.birth_hint"));
            let error = error_of("birth-day");
            let f = field("birth", &legend, Some(&hint), error.as_deref(), false, prefix);
            let [d, m, y] = &form.birth;
            let labels = [w.text("refer.day"), w.text("refer.month"), w.text("refer.year")];
            date_input(&mut html, &f, [d, m, y], [&labels[0], &labels[1], &labels[2]]);
            let label = w.text("refer.gp_label");
            let error = error_of("gp_surgery");
            let f = field("gp_surgery", &label, None, error.as_deref(), false, prefix);
            text_input(
                &mut html,
                &f,
                &form.gp_surgery,
                TextKind {
                    input_type: "text",
                    autocomplete: "off",
                    input_mode: None,
                    width: "wm-input--width-20",
                },
            );
            let (label, hint) = (w.text("refer.first_visit_label"), w.text("refer.first_visit_hint"));
            let error = error_of("first_visit");
            let f = field("first_visit", &label, Some(&hint), error.as_deref(), false, prefix);
            textarea(&mut html, &f, &form.first_visit);
        }
        Step::Check => {
            html.push(r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1>"#, &[&w.text("refer.check_title")]);
            check_answers(&mut html, form, w);
        }
    }
    match step {
        Step::CannotSend => {}
        Step::Check => {
            html.push(r#"<button type="submit" class="wm-button">{}</button>"#, &[&w.text("refer.send")]);
        }
        _ => {
            html.push(r#"<button type="submit" class="wm-button">{}</button>"#, &[&w.text("refer.continue")]);
        }
    }
    html.push("</form>", &[]);
    html.finish()
}

/// The short name of a step, used in `data-step` and change links.
pub fn step_id(step: Step) -> &'static str {
    match step {
        Step::Choices => "choices",
        Step::ForWhom => "for-whom",
        Step::Agreed => "agreed",
        Step::CannotSend => "cannot-send",
        Step::Consent => "consent",
        Step::Name => "name",
        Step::Contact => "contact",
        Step::Postcode => "postcode",
        Step::Optional => "optional",
        Step::Check => "check",
    }
}

pub fn step_from_id(id: &str) -> Option<Step> {
    [
        Step::Choices,
        Step::ForWhom,
        Step::Agreed,
        Step::CannotSend,
        Step::Consent,
        Step::Name,
        Step::Contact,
        Step::Postcode,
        Step::Optional,
        Step::Check,
    ]
    .into_iter()
    .find(|s| step_id(*s) == id)
}

fn check_answers(html: &mut Html, form: &ReferralForm, w: &Words) {
    let method_words: Vec<String> = form
        .methods
        .iter()
        .map(|m| match m {
            Method::Email => format!("{}: {}", w.text("refer.method_email"), form.email.trim()),
            Method::Phone => format!("{}: {}", w.text("refer.method_phone"), form.phone.trim()),
            Method::Text => format!("{}: {}", w.text("refer.method_text"), form.phone.trim()),
        })
        .collect();
    let time = match form.best_time.as_str() {
        "morning" => w.text("refer.time_morning"),
        "afternoon" => w.text("refer.time_afternoon"),
        "evening" => w.text("refer.time_evening"),
        "any" => w.text("refer.time_any"),
        _ => String::new(),
    };
    let message = match form.may_leave_message {
        Some(true) => w.text("refer.yes"),
        Some(false) => w.text("refer.no"),
        None => String::new(),
    };
    let birth = if form.birth.iter().all(|p| p.trim().is_empty()) {
        String::new()
    } else {
        form.birth.iter().map(|p| p.trim()).collect::<Vec<_>>().join(" / ")
    };
    let services: Vec<String> = form.services.iter().map(|s| s.name.clone()).collect();
    let for_whom = match form.for_whom {
        Some(ForWhom::Me) => w.text("refer.for_me"),
        _ => w.text("refer.for_someone"),
    };
    let rows: [(&str, String, Step); 10] = [
        ("refer.row_services", services.join(", "), Step::Choices),
        ("refer.row_for", for_whom, Step::ForWhom),
        ("refer.row_name", form.name.trim().to_string(), Step::Name),
        ("refer.row_contact", method_words.join("; "), Step::Contact),
        ("refer.row_best_time", time, Step::Contact),
        ("refer.row_message", message, Step::Contact),
        ("refer.row_postcode", form.postcode.trim().to_string(), Step::Postcode),
        ("refer.row_birth", birth, Step::Optional),
        ("refer.row_gp", form.gp_surgery.trim().to_string(), Step::Optional),
        ("refer.row_first_visit", form.first_visit.trim().to_string(), Step::Optional),
    ];
    html.push(r#"<dl class="wm-summary-list">"#, &[]);
    for (key, value, step) in rows {
        if value.is_empty() && !matches!(step, Step::Choices | Step::Name | Step::Contact) {
            continue;
        }
        let label = w.text(key);
        html.push(
            r#"<div class="wm-summary-list__row"><dt class="wm-summary-list__key">{}</dt><dd class="wm-summary-list__value">{}</dd><dd class="wm-summary-list__actions"><a href="refer" data-change="{}">{}<span class="wm-visually-hidden"> {}</span></a></dd></div>"#,
            &[&label, &value, step_id(step), &w.text("refer.change"), &label],
        );
    }
    html.push("</dl>", &[]);
}
