//! "Who is the support for?"

use leptos::prelude::*;

use crate::core::referral::{ForWhom, ReferralForm};
use crate::web::components::FormChoices;
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn ForWhomStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    let chosen = match form.for_whom {
        Some(ForWhom::Me) => "me",
        Some(ForWhom::SomeoneElse { .. }) => "someone-else",
        None => "",
    };
    view! {
        <FormChoices
            name="for_whom"
            legend=text.get("refer.for_whom_title")
            error=errors.of("for_whom")
            heading=true
            options=vec![("me", text.get("refer.for_me")), ("someone-else", text.get("refer.for_someone"))]
            chosen=vec![chosen.to_string()]
        />
    }
}
