//! "Sending your details to …": what is sent, to whom and why, and the
//! person's agreement.

use leptos::prelude::*;

use crate::core::referral::ReferralForm;
use crate::web::components::FormChoices;
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn ConsentStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    let chosen = if form.consent { "yes" } else { "" };
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.consent_title")}</h1>
        <p class="wm-body">{text.get("refer.consent_send")}</p>
        <p class="wm-body">{text.get("refer.consent_use")}</p>
        <p class="wm-body">{text.get("refer.consent_withdraw")}</p>
        <div class="wm-inset">
            <p class="wm-body">{text.get("refer.consent_emergency")}</p>
        </div>
        <FormChoices
            name="consent"
            legend=text.get("refer.consent_legend")
            error=errors.of("consent")
            multiple=true
            options=vec![("yes", text.get("refer.consent_label"))]
            chosen=vec![chosen.to_string()]
        />
    }
}
