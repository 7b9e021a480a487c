//! The referral's pages in order, one thing per page (GOV.UK pattern), and
//! which fields each page owns, so a page shows only its own problems and
//! "Continue" moves on only when they are fixed.

use crate::core::referral::form::{ForWhom, Problem, ReferralForm};

/// One page of the referral.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The groups or scheme chosen, to add to or remove from.
    Choices,
    /// For me, or for someone else.
    ForWhom,
    /// Someone else: do they know and agree?
    Agreed,
    /// They do not agree: no referral can be sent (an explanation, no form).
    CannotSend,
    Consent,
    Name,
    /// How to get in touch: methods, email, phone, best time, messages.
    Contact,
    Postcode,
    /// Date of birth, GP surgery, anything for a first visit.
    Optional,
    /// Check your answers, then send.
    Check,
}

/// The pages in order, for a person whose answers so far are `form`.
///
/// ```
/// use waymark::core::referral::{steps, ForWhom, ReferralForm, Step};
/// let mut form = ReferralForm { for_whom: Some(ForWhom::Me), for_whom_from_check: true, ..Default::default() };
/// assert_eq!(steps(&form)[..2], [Step::Choices, Step::Consent]);
/// form.for_whom = Some(ForWhom::SomeoneElse { agreed: false });
/// assert_eq!(steps(&form), [Step::Choices, Step::Agreed, Step::CannotSend]);
/// ```
pub fn steps(form: &ReferralForm) -> Vec<Step> {
    let mut steps = vec![Step::Choices];
    // Asked already in the check: only what is new is asked here.
    if !(form.for_whom_from_check && form.for_whom.is_some()) {
        steps.push(Step::ForWhom);
    }
    match form.for_whom {
        Some(ForWhom::SomeoneElse { agreed: false }) => {
            steps.extend([Step::Agreed, Step::CannotSend]);
            return steps;
        }
        Some(ForWhom::SomeoneElse { agreed: true }) => steps.push(Step::Agreed),
        _ => {}
    }
    steps.extend([Step::Consent, Step::Name, Step::Contact, Step::Postcode, Step::Optional, Step::Check]);
    steps
}

impl Step {
    /// The page's short name, in its form's `data-step` and in "Change" links.
    ///
    /// ```
    /// use waymark::core::referral::Step;
    /// assert_eq!(Step::ForWhom.id(), "for-whom");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Step::Choices => "choices",
            Step::ForWhom => "for-whom",
            Step::Agreed => "agreed",
            Step::CannotSend => "cannot-send",
            Step::Consent => "consent",
            Step::Name => "name",
            Step::Contact => "contact",
            Step::Postcode => "postcode",
            Step::Optional => "optional",
            Step::Check => "check",
        }
    }

    /// The message key of the page's title (its heading, and the tab's name).
    pub fn title(self) -> &'static str {
        match self {
            Step::Choices => "refer.choices_title",
            Step::ForWhom => "refer.for_whom_title",
            Step::Agreed => "refer.agreed_title",
            Step::CannotSend => "refer.cannot_title",
            Step::Consent => "refer.consent_title",
            Step::Name => "refer.name_title",
            Step::Contact => "refer.contact_title",
            Step::Postcode => "refer.postcode_title",
            Step::Optional => "refer.optional_title",
            Step::Check => "refer.check_title",
        }
    }

    /// The form fields this page asks for.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Step::Choices => &["services"],
            Step::ForWhom => &["for_whom"],
            Step::Agreed => &["agreed"],
            Step::Consent => &["consent"],
            Step::Name => &["name"],
            Step::Contact => &["methods", "email", "phone", "best_time", "may_leave_message"],
            Step::Postcode => &["postcode"],
            Step::Optional => {
                &["birth-day", "gp_surgery", "first_visit", "interpreter", "interpreter_language"]
            }
            Step::CannotSend | Step::Check => &[],
        }
    }

    /// This page's problems, from all of the form's.
    pub fn problems(self, all: &[Problem]) -> Vec<Problem> {
        all.iter().filter(|p| self.fields().contains(&p.field)).copied().collect()
    }

    /// Where "Continue" goes from here.
    ///
    /// ```
    /// use waymark::core::referral::{ForWhom, ReferralForm, Step};
    /// let mut form = ReferralForm::default();
    /// form.for_whom = Some(ForWhom::Me);
    /// assert_eq!(Step::ForWhom.next(&form), Step::Consent);
    /// form.for_whom = Some(ForWhom::SomeoneElse { agreed: false });
    /// assert_eq!(Step::ForWhom.next(&form), Step::Agreed);
    /// assert_eq!(Step::Agreed.next(&form), Step::CannotSend);
    /// ```
    pub fn next(self, form: &ReferralForm) -> Step {
        let steps = steps(form);
        let at = steps.iter().position(|s| *s == self).unwrap_or(0);
        steps.get(at + 1).copied().unwrap_or(Step::Check)
    }

    /// Where "Back" goes from here (`None` on the first page).
    pub fn previous(self, form: &ReferralForm) -> Option<Step> {
        let steps = steps(form);
        // "Who is it for?" reached by "Change" when the check asked it.
        let Some(at) = steps.iter().position(|s| *s == self) else {
            return (self != Step::Choices).then_some(Step::Choices);
        };
        at.checked_sub(1).map(|i| steps[i])
    }

    /// The first page with a problem, where "Send" returns the person to.
    pub fn first_with_problem(form: &ReferralForm, all: &[Problem]) -> Option<Step> {
        steps(form).into_iter().find(|s| !s.problems(all).is_empty())
    }
}
