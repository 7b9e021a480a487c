//! Sending a referral to the configured endpoint, exactly once as far as the
//! receiver can tell: the same id (and `Idempotency-Key`) on every attempt,
//! a time limit on each, retries for network and server errors (the rules are
//! in `core::referral`), and an outbox on the person's own device for what
//! cannot be sent now (never on a kiosk), tried again when the widget next
//! starts or the browser is back online.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::core::config::ReferralFormat;
use crate::core::questions::Answer;
use crate::core::referral::{
    form_encoded, outcome, read_outbox, referral_document, Channel, Envelope, Outbox, Outcome, Outgoing,
    ReferralForm, ReferralIds,
};
use crate::core::sealing::{mailto_body, SealedEnvelope, SealingKey};
use crate::web::platform::crypto::seal;
use crate::web::platform::dom::{today, unix_seconds};
use crate::web::platform::sender::{attempt, deliver, embedding_host, random_bytes};
use crate::web::platform::storage::Key;
use crate::web::state::referral::{ReferralState, Status};
use crate::web::state::setup::{Setup, SetupResource};

/// A referral on its way, as the send action takes it. With a key set,
/// `out.body` is the document's JSON, to be sealed in the action (Web
/// Crypto answers later) before anything is kept or sent; without one it
/// is already the body that goes.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub out: Outgoing,
    pub seal_to: Option<SealingKey>,
    /// When the document was made, for the sealed envelope.
    pub created: String,
    /// For `mailto`: the subject line, with `{reference}`.
    pub subject: String,
    pub timeout_seconds: u32,
    /// On a kiosk nothing is kept: what cannot be sent now is not sent.
    pub kiosk: bool,
}

impl ReferralState {
    /// Builds the referral document from the form and sends it, unless it is
    /// already on its way (a second press of "Send" is ignored). With email as
    /// the only channel nothing is sent: the person's own email app sends it.
    /// `consent_text` is the consent statement exactly as the page showed it;
    /// `subject`, with `{reference}`, heads an email sent from the person's app.
    pub fn send(
        &self,
        setup: &Setup,
        consent_text: String,
        subject: String,
        answers: &crate::core::questions::Answers,
    ) {
        if self.sending.get_untracked() || self.status.get_untracked() != Status::Editing {
            return;
        }
        if self.ids.with_value(Option::is_none) {
            self.ids.set_value(random_bytes().map(ReferralIds::from_random));
        }
        let Some(ids) = self.ids.get_value() else {
            self.status.set(Status::CannotSendHere);
            return;
        };
        let config = &setup.config;
        let host = embedding_host();
        let consent_unix = match self.consent_unix.get_value() {
            0 => unix_seconds(),
            given => given,
        };
        let envelope = Envelope {
            ids,
            created_unix: unix_seconds(),
            channel: match (config.kiosk.enabled, &host) {
                (true, _) => Channel::Kiosk,
                (false, Some(_)) => Channel::Embed,
                (false, None) => Channel::Web,
            },
            host,
            recipient: config.organisation.name.clone(),
            consent_text,
            consent_unix,
        };
        let set = &setup.questions;
        let profile = set.profile(&set.relevant_answers(answers));
        let what_matters = match answers.get("what_matters") {
            Some(Answer::Text(t)) => t.as_str(),
            _ => "",
        };
        let document = self.form.with_untracked(|form: &ReferralForm| {
            let birth = form.date_of_birth(today()).ok().flatten();
            referral_document(form, &envelope, set, &profile, what_matters, birth)
        });
        let seal_to = config.referral.sealing_key();
        let body = match (config.referral.format, &seal_to) {
            (ReferralFormat::Form, None) => form_encoded(&document),
            _ => document.to_json(),
        };
        let format = match config.referral.format {
            ReferralFormat::Form => "form",
            ReferralFormat::Json => "json",
            ReferralFormat::Mailto => "mailto",
        };
        let out = Outgoing {
            id: document.referral_id,
            reference: document.reference,
            endpoint: config.referral.endpoint.clone(),
            format: format.to_string(),
            body,
            kept_unix: 0,
        };
        self.status.set(Status::Sending);
        self.send.dispatch_local(Delivery {
            out,
            seal_to,
            created: document.created,
            subject,
            timeout_seconds: config.referral.timeout_seconds,
            kiosk: config.kiosk.enabled,
        });
    }

    /// Tries the outbox again, if anything is waiting in it and it is not
    /// being tried already (so no referral goes out twice at once).
    pub fn resend_waiting(&self, timeout_seconds: u32) {
        if !self.resending.get_untracked() && !outbox().is_empty() {
            self.resend.dispatch_local(timeout_seconds);
        }
    }
}

/// The sealed body: the document's JSON sealed to `key`, in the envelope
/// (or email) its format sends; `None` if this browser could not seal it.
async fn sealed(out: &Outgoing, key: &SealingKey, created: &str) -> Option<String> {
    let mut iv = [0u8; 12];
    iv.copy_from_slice(&random_bytes()?[..12]);
    // Boxed, so its steps are not drawn into the send action's own state machine (0.4 KB less).
    let sealing: std::pin::Pin<Box<dyn std::future::Future<Output = _>>> = Box::pin(seal(key, &out.body, iv));
    let Ok(jwe) = sealing.await else {
        leptos::logging::warn!("the referral could not be sealed (no Web Crypto here?), so it was not sent");
        return None;
    };
    let envelope = SealedEnvelope::new(&out.reference, &out.id, created, &jwe);
    Some(match out.format.as_str() {
        "form" => envelope.to_form(),
        "mailto" => mailto_body(&out.reference, &jwe),
        _ => envelope.to_json(),
    })
}

/// What the send action does: seals (with a key set), then delivers while
/// the person waits, keeps what cannot be sent now in the outbox (not on a
/// kiosk; only ever the sealed form when a key is set), and says how it went.
pub(super) async fn deliver_and_keep(delivery: Delivery) -> Status {
    let Delivery { mut out, seal_to, created, subject, timeout_seconds, kiosk } = delivery;
    if let Some(key) = seal_to {
        match sealed(&out, &key, &created).await {
            Some(body) => out.body = body,
            None => return Status::CannotSendHere,
        }
    }
    if out.format == "mailto" {
        let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
        let subject = subject.replace("{reference}", &out.reference);
        let href = format!("{}?subject={}&body={}", out.endpoint, encode(&subject), encode(&out.body));
        return Status::Email { reference: out.reference, href };
    }
    match deliver(&out, timeout_seconds).await {
        Outcome::Sent => Status::Sent(out.reference),
        Outcome::Refused => Status::Refused,
        Outcome::TryAgain if kiosk => Status::KioskFailed(out.reference),
        Outcome::TryAgain => {
            keep(&out);
            Status::Waiting(out.reference)
        }
    }
}

/// What the resend action does: tries everything in the outbox once; a
/// referral the page is waiting on is shown as sent once it has gone.
pub(super) async fn resend_and_show(timeout_seconds: u32, status: RwSignal<Status>) {
    for (out, result) in resend_outbox(timeout_seconds).await {
        if result == Outcome::Sent && status.get_untracked() == Status::Waiting(out.reference.clone()) {
            status.set(Status::Sent(out.reference));
        }
    }
}

/// Once the set-up has loaded (and this is not a kiosk, which keeps
/// nothing), referrals left in this device's outbox are tried again, and
/// again whenever the browser comes back online.
pub fn resend_when_set_up(setup: SetupResource, referral: ReferralState) {
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let timeout = setup.0.with(|s| match s {
            Some(Ok(s)) if !s.config.kiosk.enabled => Some(s.config.referral.timeout_seconds),
            _ => None,
        });
        let Some(timeout) = timeout else { return false };
        referral.resend_waiting(timeout);
        // For as long as the page is open.
        let _listening = window_event_listener(leptos::ev::online, move |_| referral.resend_waiting(timeout));
        true
    });
}

/// gloo-storage throws a JavaScript exception when the browser refuses
/// storage (a frame with third-party storage blocked), so it is used only
/// once storage is known to be there.
fn storage_available() -> bool {
    window().local_storage().ok().flatten().is_some()
}

/// Referrals waiting to be sent from this device. Those kept longer than
/// `OUTBOX_KEEP_DAYS` are deleted here, so a lost phone does not hold a
/// person's details for ever while the receiver keeps failing.
fn outbox() -> Vec<Outgoing> {
    if !storage_available() {
        return Vec::new();
    }
    let Ok(items) = LocalStorage::get::<Vec<Outgoing>>(Key::Outbox.name()) else { return Vec::new() };
    let Outbox { waiting, expired, changed } = read_outbox(items, unix_seconds());
    for gone in &expired {
        leptos::logging::warn!("referral {} was waiting too long and is deleted", gone.reference);
    }
    if changed {
        save_outbox(&waiting);
    }
    waiting
}

fn save_outbox(items: &[Outgoing]) {
    if !storage_available() {
        return;
    }
    if items.is_empty() {
        LocalStorage::delete(Key::Outbox.name());
    } else if LocalStorage::set(Key::Outbox.name(), items).is_err() {
        leptos::logging::warn!("the outbox could not be saved on this device");
    }
}

/// Keeps `out` to send later (once: the same id is never queued twice).
fn keep(out: &Outgoing) {
    let mut items = outbox();
    if !items.iter().any(|o| o.id == out.id) {
        items.push(Outgoing { kept_unix: unix_seconds(), ..out.clone() });
    }
    save_outbox(&items);
}

/// Tries everything in the outbox once each (no waiting between), keeping
/// what still cannot be sent. Refused referrals are dropped: resending would
/// not help, and the person was told when it happened.
async fn resend_outbox(timeout_seconds: u32) -> Vec<(Outgoing, Outcome)> {
    let mut results = Vec::new();
    for out in outbox() {
        let (status, _) = attempt(&out, timeout_seconds).await;
        let result = outcome(status);
        let still: Vec<Outgoing> =
            outbox().into_iter().filter(|o| o.id != out.id || result == Outcome::TryAgain).collect();
        save_outbox(&still);
        results.push((out, result));
    }
    results
}
