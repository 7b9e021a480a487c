//! Referring someone else: "Does the person know about this and agree to
//! it?", and the page that says nothing can be sent if they do not.

use leptos::prelude::*;

use crate::core::referral::{ForWhom, ReferralForm};
use crate::web::components::FormChoices;
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn AgreedStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    // A "no" is not put back: the person is asked afresh.
    let chosen = match form.for_whom {
        Some(ForWhom::SomeoneElse { agreed: true }) => "yes",
        _ => "",
    };
    view! {
        <FormChoices
            name="agreed"
            legend=text.get("refer.agreed_title")
            hint=text.get("refer.agreed_hint")
            error=errors.of("agreed")
            heading=true
            options=vec![("yes", text.get("refer.yes")), ("no", text.get("refer.no"))]
            chosen=vec![chosen.to_string()]
        />
    }
}

/// They do not agree: an explanation, and no way on.
#[component]
pub fn CannotSendStep(text: ReferText) -> impl IntoView {
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.cannot_title")}</h1>
        <p class="wm-body">{text.get("refer.cannot_body")}</p>
    }
}
