//! "How should … contact you?": the ways, the address and number, the best
//! time, and whether a message may be left.

use leptos::prelude::*;

use crate::core::referral::{yes_no, ReferralForm};
use crate::web::components::{FormChoices, TextInput};
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn ContactStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    let methods: Vec<String> = form.methods.iter().map(|m| m.id().to_string()).collect();
    let times = ["morning", "afternoon", "evening", "any"];
    let time_options = times
        .into_iter()
        .filter_map(|time| Some((time, text.get(crate::core::referral::best_time_key(time)?))))
        .collect();
    let message = yes_no(form.may_leave_message);
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.contact_title")}</h1>
        <FormChoices
            name="methods"
            legend=text.get("refer.methods_legend")
            hint=text.get("refer.methods_hint")
            error=errors.of("methods")
            multiple=true
            options=vec![
                ("email", text.get("refer.method_email")),
                ("phone", text.get("refer.method_phone")),
                ("text", text.get("refer.method_text")),
            ]
            chosen=methods
        />
        <TextInput
            name="email"
            label=text.get("refer.email_label")
            error=errors.of("email")
            value=form.email
            input_type="email"
            autocomplete="email"
            width="wm-input--width-20"
        />
        <TextInput
            name="phone"
            label=text.get("refer.phone_label")
            hint=text.get("refer.phone_hint")
            error=errors.of("phone")
            value=form.phone
            input_type="tel"
            autocomplete="tel"
            width="wm-input--width-20"
        />
        <FormChoices
            name="best_time"
            legend=text.get("refer.best_time_legend")
            options=time_options
            chosen=vec![form.best_time]
        />
        <FormChoices
            name="may_leave_message"
            legend=text.get("refer.message_legend")
            error=errors.of("may_leave_message")
            options=vec![("yes", text.get("refer.yes")), ("no", text.get("refer.no"))]
            chosen=vec![message.to_string()]
        />
    }
}
