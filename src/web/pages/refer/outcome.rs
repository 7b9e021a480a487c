//! What happened to the referral: on its way, sent (the confirmation
//! panel), waiting on this device, refused, or not sendable from here.

use leptos::prelude::*;

use crate::web::components::QrImage;
use crate::web::pages::refer::ReferText;

/// While it is on its way.
#[component]
pub fn SendingPage(text: ReferText) -> impl IntoView {
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.check_title")}</h1>
        <p class="wm-body" role="status">{text.get("refer.sending")}</p>
    }
}

/// The confirmation panel (GOV.UK pattern), with the reference and what happens next.
#[component]
pub fn SentPage(text: ReferText, reference: String) -> impl IntoView {
    view! {
        <div class="wm-panel">
            <h1 class="wm-panel__title" tabindex="-1">{text.get("refer.sent_title")}</h1>
            <div class="wm-panel__body">
                {text.get("refer.reference")}
                <br/>
                <strong>{reference}</strong>
            </div>
        </div>
        <h2 class="wm-heading-m">{text.get("refer.next_heading")}</h2>
        <p class="wm-body">{text.plural("refer.next_body", "days")}</p>
        <p class="wm-body">{text.get("refer.no_reply")}</p>
    }
}

/// The reference, as "Your reference number WM-…".
#[component]
fn Reference(text: ReferText, reference: String) -> impl IntoView {
    view! { <p class="wm-body">{text.get("refer.reference")} " " <strong>{reference}</strong></p> }
}

/// Kept in this device's outbox until it can be sent.
#[component]
pub fn WaitingPage(text: ReferText, reference: String) -> impl IntoView {
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.waiting_title")}</h1>
        <div class="wm-inset" role="status">
            <p class="wm-body">{text.get("refer.waiting_body")}</p>
        </div>
        <Reference text reference/>
        <p class="wm-body">{text.get("refer.no_reply")}</p>
        <p class="wm-body">{text.plural("refer.waiting_expiry", "keep_days")}</p>
    }
}

/// The receiver refused it: sending it again would not help.
#[component]
pub fn RefusedPage(text: ReferText) -> impl IntoView {
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.refused_title")}</h1>
        <p class="wm-body">{text.get("refer.refused_body")}</p>
    }
}

/// This browser cannot make an id that never repeats: nothing is sent.
#[component]
pub fn CannotSendHerePage(text: ReferText) -> impl IntoView {
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.no_crypto_title")}</h1>
        <p class="wm-body">{text.get("refer.no_crypto_body")}</p>
    }
}

/// Email as the only channel: the person's own email app sends it.
#[component]
pub fn EmailPage(text: ReferText, reference: String, href: String) -> impl IntoView {
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.mailto_title")}</h1>
        <p class="wm-body">{text.get("refer.mailto_body")}</p>
        <p class="wm-body">
            <a class="wm-button" href=href>{text.get("refer.mailto_button")}</a>
        </p>
        <Reference text reference/>
        <p class="wm-body">{text.get("refer.no_reply")}</p>
    }
}

/// On a kiosk nothing is kept: the phone number, and the reference to take
/// away, also as a QR code to scan.
#[component]
pub fn KioskFailedPage(text: ReferText, reference: String) -> impl IntoView {
    // The one piece of markup built as text: the code's SVG, from core::qr.
    let label = text.get("refer.reference");
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.kiosk_failed_title")}</h1>
        <p class="wm-body">{text.get("refer.kiosk_failed_body")}</p>
        <Reference text reference=reference.clone()/>
        <QrImage text=reference label/>
    }
}
