//! "Anything else that would help (optional)": date of birth, GP surgery,
//! and anything that would help at a first visit.

use leptos::prelude::*;

use crate::core::referral::ReferralForm;
use crate::web::components::{DateInput, FormTextarea, TextInput};
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn OptionalStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.optional_title")}</h1>
        <DateInput
            name="birth"
            legend=text.get("refer.birth_legend")
            hint=text.get("refer.birth_hint")
            error=errors.of("birth-day")
            values=form.birth
            labels=[text.get("refer.day"), text.get("refer.month"), text.get("refer.year")]
        />
        <TextInput
            name="gp_surgery"
            label=text.get("refer.gp_label")
            error=errors.of("gp_surgery")
            value=form.gp_surgery
            autocomplete="off"
            width="wm-input--width-20"
        />
        <FormTextarea
            name="first_visit"
            label=text.get("refer.first_visit_label")
            hint=text.get("refer.first_visit_hint")
            error=errors.of("first_visit")
            value=form.first_visit
        />
    }
}
