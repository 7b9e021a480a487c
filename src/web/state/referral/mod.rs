//! Asking to be put in touch: what the person chose on the group pages, and
//! the referral as it is filled in and sent (the pages are
//! `pages::refer`; sending and the outbox are in [`send`]).

mod send;

use leptos::prelude::*;

pub use send::resend_when_set_up;
use send::{deliver_and_keep, resend_and_show, Delivery};

use crate::web::platform::sender::random_bytes;

use crate::core::directory::Service;
use crate::core::referral::{Chosen as ChosenService, ForWhom, ReferralForm, ReferralIds, Step};

/// The groups or schemes chosen, and a preferred peer mentor if one was named.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chosen {
    /// Directory ids, in the order chosen.
    pub services: Vec<String>,
    /// A mentor id from one of the chosen schemes.
    pub mentor: Option<String>,
}

/// What the person asked to join; part of the app's state (`web::state`).
#[derive(Clone, Copy)]
pub struct ReferralChoice(pub RwSignal<Chosen>);

impl ReferralChoice {
    pub fn new() -> Self {
        ReferralChoice(RwSignal::new(Chosen::default()))
    }

    /// What has been chosen so far.
    pub fn get(&self) -> Chosen {
        self.0.get_untracked()
    }

    /// Adds `service` to the groups asked for (once), with an optional mentor.
    pub fn choose(&self, service: &str, mentor: Option<String>) {
        self.0.update(|chosen| {
            if !chosen.services.iter().any(|i| i == service) {
                chosen.services.push(service.to_string());
            }
            if mentor.is_some() {
                chosen.mentor = mentor;
            }
        });
    }

    /// Takes `service` out of the groups asked for, with its mentor if `with_mentor`.
    pub fn remove(&self, service: &str, with_mentor: bool) {
        self.0.update(|chosen| {
            chosen.services.retain(|i| i != service);
            if with_mentor {
                chosen.mentor = None;
            }
        });
    }
}

/// Where the person is in the referral.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not started in this visit: opening the pages starts a new referral.
    NotStarted,
    /// Filling in the pages.
    Editing,
    Sending,
    Sent(String),
    /// Kept in this device's outbox, to be sent later.
    Waiting(String),
    /// The receiver refused it.
    Refused,
    /// On a kiosk nothing is kept: the reference to take away instead.
    KioskFailed(String),
    /// This browser cannot make a referral id that never repeats (no
    /// `crypto.getRandomValues`): nothing is sent, the phone number is given.
    CannotSendHere,
    /// The config's last-resort channel: an email the person sends themselves.
    Email {
        reference: String,
        href: String,
    },
}

/// The referral being filled in and sent; part of the app's state, so what
/// was entered survives a look at another page of the widget.
#[derive(Clone, Copy)]
pub struct ReferralState {
    /// The form as filled in so far.
    pub form: RwSignal<ReferralForm>,
    /// The page being shown.
    pub step: RwSignal<Step>,
    /// Show this page's problems (after a failed Continue).
    pub show_problems: RwSignal<bool>,
    /// A yes or no left unanswered on the "do they agree?" page.
    pub agreed_missing: RwSignal<bool>,
    pub status: RwSignal<Status>,
    /// The chosen scheme the preferred mentor belongs to.
    pub mentor_scheme: RwSignal<Option<String>>,
    /// When consent was given (seconds since the epoch); 0 until then.
    pub consent_unix: StoredValue<i64>,
    /// Made once for a referral, so every attempt carries the same id.
    ids: StoredValue<Option<ReferralIds>>,
    /// Delivers a prepared referral while the person waits.
    send: Action<Delivery, ()>,
    sending: Memo<bool>,
    /// Tries the outbox again (the timeout in seconds).
    resend: Action<u32, ()>,
    resending: Memo<bool>,
}

impl ReferralState {
    pub fn new() -> Self {
        let form = RwSignal::new(ReferralForm::default());
        let status = RwSignal::new(Status::NotStarted);
        let ids = StoredValue::new(None);
        let send = Action::new_local(move |delivery: &Delivery| {
            let delivery = delivery.clone();
            async move {
                let done = deliver_and_keep(delivery).await;
                if matches!(done, Status::Sent(_) | Status::Waiting(_) | Status::KioskFailed(_)) {
                    // Done with this form: nothing of it stays in memory beyond what is shown.
                    form.set(ReferralForm::default());
                    ids.set_value(None);
                }
                status.set(done);
            }
        });
        let resend = Action::new_local(move |timeout: &u32| resend_and_show(*timeout, status));
        ReferralState {
            form,
            step: RwSignal::new(Step::Choices),
            show_problems: RwSignal::new(false),
            agreed_missing: RwSignal::new(false),
            status,
            mentor_scheme: RwSignal::new(None),
            consent_unix: StoredValue::new(0),
            ids,
            send,
            sending: send.pending(),
            resend,
            resending: resend.pending(),
        }
    }

    /// Opens the referral with what was chosen: a referral under way keeps
    /// what was entered and adds what was chosen since; otherwise a new one
    /// starts, with the postcode searched from and who it is for (`for_whom`,
    /// from the check) filled in.
    pub fn open(
        &self,
        choice: &Chosen,
        services: &[Service],
        searched: Option<String>,
        for_whom: Option<ForWhom>,
        language: &str,
    ) {
        let mut chosen = Vec::new();
        let mut mentor = None;
        for service in choice.services.iter().filter_map(|id| services.iter().find(|s| &s.id == id)) {
            if let Some(m) = service.mentors.iter().find(|m| choice.mentor.as_ref() == Some(&m.id)) {
                mentor = Some((service.id.clone(), (m.id.clone(), m.first_name.clone())));
            }
            chosen.push(ChosenService {
                id: service.id.clone(),
                name: service.name.clone(),
                organisation: service.organisation.clone().filter(|o| !o.is_empty()),
            });
        }
        if matches!(self.status.get_untracked(), Status::Editing | Status::Sending) {
            self.form.update(|form| {
                for c in chosen {
                    if !form.services.iter().any(|s| s.id == c.id) {
                        form.services.push(c);
                    }
                }
                if let Some((_, m)) = &mentor {
                    form.mentor = Some(m.clone());
                }
            });
            if let Some((scheme, _)) = mentor {
                self.mentor_scheme.set(Some(scheme));
            }
            return;
        }
        self.form.set(ReferralForm {
            services: chosen,
            mentor: mentor.as_ref().map(|(_, m)| m.clone()),
            best_time: "any".into(),
            postcode: searched.unwrap_or_default(),
            for_whom,
            for_whom_from_check: for_whom.is_some(),
            language: language.to_string(),
            // Someone using the widget in Polish may well want a Polish interpreter.
            interpreter_language: crate::core::i18n::language(language)
                .filter(|l| l.code != "en")
                .map(|l| l.english_name.to_string())
                .unwrap_or_default(),
            ..ReferralForm::default()
        });
        self.mentor_scheme.set(mentor.map(|(scheme, _)| scheme));
        self.step.set(Step::Choices);
        self.show_problems.set(false);
        self.agreed_missing.set(false);
        self.ids.set_value(None);
        self.consent_unix.set_value(0);
        // Asked before any details are typed, not after.
        self.status.set(if random_bytes().is_some() { Status::Editing } else { Status::CannotSendHere });
    }

    /// Shows `step`, without problems.
    pub fn go_to(&self, step: Step) {
        self.step.set(step);
        self.show_problems.set(false);
        self.agreed_missing.set(false);
    }

    /// Takes the group `id` out of the referral (and its mentor, if it is
    /// the mentor's scheme), and out of what was chosen.
    pub fn remove(&self, id: &str, choice: ReferralChoice) {
        let mentors_scheme = self.mentor_scheme.get_untracked().as_deref() == Some(id);
        self.form.update(|form| {
            form.services.retain(|s| s.id != id);
            if mentors_scheme {
                form.mentor = None;
            }
        });
        if mentors_scheme {
            self.mentor_scheme.set(None);
        }
        choice.remove(id, mentors_scheme);
    }
}
