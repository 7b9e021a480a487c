//! "What is your postcode?", filled in from the search if there was one.

use leptos::prelude::*;

use crate::core::referral::ReferralForm;
use crate::web::components::TextInput;
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn PostcodeStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    view! {
        <TextInput
            name="postcode"
            label=text.get("refer.postcode_title")
            hint=text.get("refer.postcode_hint")
            error=errors.of("postcode")
            heading=true
            value=form.postcode
            autocomplete="postal-code"
            width="wm-input--postcode"
        />
    }
}
