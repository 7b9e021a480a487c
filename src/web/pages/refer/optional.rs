//! "Anything else that would help (optional)": date of birth, GP surgery,
//! anything that would help at a first visit, and whether an interpreter
//! would help, in which language (filled in with the widget's language).

use leptos::prelude::*;

use crate::core::referral::{yes_no, ReferralForm};
use crate::web::components::{DateInput, FormChoices, FormTextarea, TextInput};
use crate::web::pages::refer::{Errors, ReferText};

#[component]
pub fn OptionalStep(form: ReferralForm, text: ReferText, errors: Errors) -> impl IntoView {
    let interpreter = yes_no(form.interpreter);
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
        <FormChoices
            name="interpreter"
            legend=text.get("refer.interpreter_legend")
            hint=text.get("refer.interpreter_hint")
            options=vec![("yes", text.get("refer.yes")), ("no", text.get("refer.no"))]
            chosen=vec![interpreter.to_string()]
        />
        <TextInput
            name="interpreter_language"
            label=text.get("refer.interpreter_language_label")
            error=errors.of("interpreter_language")
            value=form.interpreter_language
            autocomplete="off"
            width="wm-input--width-20"
        />
    }
}
