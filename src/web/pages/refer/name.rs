//! "What is your name?" (or theirs).

use leptos::prelude::*;

use crate::core::referral::{ForWhom, ReferralForm};
use crate::web::components::TextInput;
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn NameStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    let someone = matches!(form.for_whom, Some(ForWhom::SomeoneElse { .. }));
    view! {
        <TextInput
            name="name"
            label=text.get(if someone { "refer.name_title_other" } else { "refer.name_title" })
            error=errors.of("name")
            heading=true
            value=form.name
            // Someone else's name is not the browser's to fill in.
            autocomplete=if someone { "off" } else { "name" }
            width="wm-input--width-20"
        />
    }
}
