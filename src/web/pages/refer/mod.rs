//! `/refer`: asking to be put in touch, one thing per page (GOV.UK pattern):
//! the question as the page heading, problems in an error summary and beside
//! the field, and what was entered put back. The pages share one address;
//! the referral as filled in is part of the app's state
//! ([`ReferralState`](crate::web::state::referral::ReferralState)), so it survives a
//! look at another page.

mod agreed;
mod check;
mod choices;
mod consent;
mod contact;
mod for_whom;
mod name;
mod optional;
mod outcome;
mod postcode;

use std::sync::Arc;

use leptos::either::EitherOf10;
use leptos::ev::{MouseEvent, SubmitEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::config::Config;
use crate::core::referral::{Continue, ForWhom, Problem, Step, OUTBOX_KEEP_DAYS};
use crate::core::route::Route;
use crate::web::components::{ErrorSummary, Page};
use crate::web::platform::dom::{form_values, today, unix_seconds};
use crate::web::router::href;
use crate::web::state::referral::Status;
use crate::web::state::setup::Setup;
use crate::web::state::use_app;
use crate::web::state::words::Words;

use agreed::{AgreedStep, CannotSendStep};
use check::CheckStep;
use choices::ChoicesStep;
use consent::ConsentStep;
use contact::ContactStep;
use for_whom::ForWhomStep;
use name::NameStep;
use optional::OptionalStep;
use outcome::{
    CannotSendHerePage, EmailPage, KioskFailedPage, RefusedPage, SendingPage, SentPage, WaitingPage,
};
use postcode::PostcodeStep;

/// The referral's words, with the organisation's name and phone, the reply
/// time and how long data is kept filled in.
#[derive(Clone, Copy)]
pub struct ReferText {
    words: Words,
    fill: StoredValue<Vec<(&'static str, String)>>,
}

impl ReferText {
    fn new(words: Words, config: &Config) -> Self {
        let fill = vec![
            ("organisation", config.organisation.name.clone()),
            ("phone", config.organisation.phone.clone()),
            ("kept_for", config.service.data_kept_for.clone()),
            ("days", config.service.reply_within_working_days.to_string()),
            ("keep_days", OUTBOX_KEEP_DAYS.to_string()),
        ];
        ReferText { words, fill: StoredValue::new(fill) }
    }

    /// The plural message `key` for the number filled in as `count_name`
    /// (`days`, `keep_days`), filled in.
    pub fn plural(&self, key: &str, count_name: &str) -> String {
        self.fill.with_value(|fill| {
            let values: Vec<(&str, &str)> = fill.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let count = values.iter().find(|(k, _)| *k == count_name).map_or("0", |(_, v)| *v);
            self.words.plural(key, count, &values)
        })
    }

    /// The message `key`, filled in.
    pub fn get(&self, key: &str) -> String {
        self.fill.with_value(|fill| {
            let values: Vec<(&str, &str)> = fill.iter().map(|(k, v)| (*k, v.as_str())).collect();
            self.words.tf(key, &values)
        })
    }
}

/// The problems a page shows, each in words beside its field.
#[derive(Clone)]
pub struct Errors {
    problems: Vec<Problem>,
    text: ReferText,
}

impl Errors {
    /// The error to show beside `field`, if any.
    pub fn of(&self, field: &str) -> Option<String> {
        self.problems.iter().find(|p| p.field == field).map(|p| self.text.get(p.message))
    }
}

/// Moves focus once the page is drawn: to the error summary after a failed
/// Continue, so it is read out first, else to the new page's heading.
fn focus_page(problems: bool) {
    request_animation_frame(move || {
        let selector = if problems { "#error-summary" } else { "#main-content h1" };
        if let Ok(Some(element)) = document().query_selector(selector) {
            let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// The referral: the page the person is on, or how sending went.
#[component]
pub fn ReferPage(setup: Arc<Setup>) -> impl IntoView {
    let app = use_app();
    let r = app.referral;
    let searched = app.nearby.search.with_untracked(|s| s.origin.as_ref().and_then(|o| o.postcode.clone()));
    let choice = app.choice.get();
    let for_whom = app.check.answers.with_untracked(ForWhom::from_check);
    app.nearby
        .with_services(&setup, |services| r.open(&choice, services, searched, for_whom, &setup.language));
    let text = ReferText::new(app.words, &setup.config);
    let problems = Memo::new(move |_| {
        if r.agreed_missing.get() {
            return vec![Problem { field: "agreed", message: "check.error_yes_no" }];
        }
        if !r.show_problems.get() {
            return Vec::new();
        }
        r.form.with(|form| r.step.get().problems(&form.problems(today())))
    });
    let status = Memo::new(move |_| r.status.get());
    let title = Signal::derive(move || match status.get() {
        Status::NotStarted | Status::Editing => {
            let prefix = match problems.with(Vec::is_empty) {
                true => String::new(),
                false => text.get("check.error_title_prefix"),
            };
            format!("{prefix}{}", text.get(r.step.get().title()))
        }
        Status::Sending => text.get("refer.sending"),
        Status::Sent(_) => text.get("refer.sent_title"),
        Status::Waiting(_) => text.get("refer.waiting_title"),
        Status::Refused => text.get("refer.refused_title"),
        Status::KioskFailed(_) => text.get("refer.kiosk_failed_title"),
        Status::CannotSendHere => text.get("refer.no_crypto_title"),
        Status::Email { .. } => text.get("refer.mailto_title"),
    });
    // Sending ends while the person waits: they are taken to the news.
    Effect::watch(move || status.get(), |_, _, _| focus_page(false), false);
    let shown = move || match status.get() {
        Status::NotStarted | Status::Editing => {
            view! { <Steps setup=setup.clone() text problems/> }.into_any()
        }
        Status::Sending => view! { <SendingPage text/> }.into_any(),
        Status::Sent(reference) => view! { <SentPage text reference/> }.into_any(),
        Status::Waiting(reference) => view! { <WaitingPage text reference/> }.into_any(),
        Status::Refused => view! { <RefusedPage text/> }.into_any(),
        Status::KioskFailed(reference) => view! { <KioskFailedPage text reference/> }.into_any(),
        Status::CannotSendHere => view! { <CannotSendHerePage text/> }.into_any(),
        Status::Email { reference, href } => view! { <EmailPage text reference href/> }.into_any(),
    };
    view! { <Page title heading=false>{shown}</Page> }
}

/// The statement the person agrees to, exactly as the consent page shows it.
fn consent_statement(text: ReferText) -> String {
    ["refer.consent_send", "refer.consent_use", "refer.consent_withdraw", "refer.consent_label"]
        .map(|key| text.get(key))
        .join(" ")
}

/// The pages of the form: a back link, the error summary, the page's
/// questions and its button.
#[component]
fn Steps(setup: Arc<Setup>, text: ReferText, problems: Memo<Vec<Problem>>) -> impl IntoView {
    let app = use_app();
    let r = app.referral;
    let step = Memo::new(move |_| r.step.get());
    let back = move || {
        let previous = r.form.with(|form| step.get().previous(form))?;
        let go_back = move |ev: MouseEvent| {
            ev.prevent_default();
            r.go_to(previous);
            focus_page(false);
        };
        Some(view! {
            <a href=href(&Route::Refer) class="wm-back-link" data-back="" on:click=go_back>
                {text.get("refer.back")}
            </a>
        })
    };
    let summary = move || {
        let first = problems.with(|all| all.first().copied())?;
        let target = match first.field {
            "services" => "page-heading",
            other => other,
        };
        Some(view! {
            <ErrorSummary
                title=text.get("check.error_summary")
                problems=vec![(text.get(first.message), target.to_string())]
            />
        })
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
            return;
        };
        let values = |name: &str| form_values(&form, name);
        let here = step.get_untracked();
        let consented = r.form.with_untracked(|f| f.consent);
        let mut next = Continue::Send;
        r.form.update(|f| next = f.submit(here, &values, today()));
        if !consented && r.form.with_untracked(|f| f.consent) {
            r.consent_unix.set_value(unix_seconds());
        }
        match next {
            Continue::Fix(step) => {
                r.step.set(step);
                r.agreed_missing.set(false);
                r.show_problems.set(true);
                focus_page(true);
            }
            Continue::Unanswered => {
                r.agreed_missing.set(true);
                r.show_problems.set(true);
                focus_page(true);
            }
            Continue::Next(step) => {
                r.go_to(step);
                focus_page(false);
            }
            Continue::Send => {
                let answers = app.check.answers.get_untracked();
                r.send(&setup, consent_statement(text), text.get("refer.email_subject"), &answers);
            }
        }
    };
    // Drawn afresh for each page, with what was entered so far, and again
    // with the problems once Continue finds any. Each page is its own
    // variant, so a new page gets new inputs: reused ones would keep what was
    // ticked or typed on the last page.
    let page = move || {
        let errors = Errors { problems: problems.get(), text };
        let form = r.form.get_untracked();
        match step.get() {
            Step::Choices => EitherOf10::A(view! { <ChoicesStep text errors/> }),
            Step::ForWhom => EitherOf10::B(view! { <ForWhomStep form text errors/> }),
            Step::Agreed => EitherOf10::C(view! { <AgreedStep form text errors/> }),
            Step::CannotSend => EitherOf10::D(view! { <CannotSendStep text/> }),
            Step::Consent => EitherOf10::E(view! { <ConsentStep form text errors/> }),
            Step::Name => EitherOf10::F(view! { <NameStep form text errors/> }),
            Step::Contact => EitherOf10::G(view! { <ContactStep form text errors/> }),
            Step::Postcode => EitherOf10::H(view! { <PostcodeStep form text errors/> }),
            Step::Optional => EitherOf10::I(view! { <OptionalStep form text errors/> }),
            Step::Check => EitherOf10::J(view! { <CheckStep form text/> }),
        }
    };
    // No way on from "We cannot send this without their agreement".
    let button = move || {
        let key = match step.get() {
            Step::CannotSend => return None,
            Step::Check => "refer.send",
            _ => "refer.continue",
        };
        Some(view! { <button type="submit" class="wm-button">{text.get(key)}</button> })
    };
    view! {
        {back}
        {summary}
        <form novalidate data-step=move || step.get().id() on:submit=on_submit>
            {page}
            {button}
        </form>
    }
}
