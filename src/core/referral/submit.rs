//! Pressing "Continue" (or "Send") on a referral page: what was entered is
//! taken into the form, then the person moves on, is shown the page's
//! problems, or the referral is sent.

use crate::core::referral::form::{read_yes_no, ForWhom, Method, ReferralForm};
use crate::core::referral::steps::Step;

/// Where pressing the page's button leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Continue {
    /// Show this page with its problems: the page itself, or from "Check
    /// your answers" the first page that needs fixing.
    Fix(Step),
    /// The page's yes or no was left unanswered (`check.error_yes_no`).
    Unanswered,
    /// On to this page.
    Next(Step),
    /// Everything is right: send it.
    Send,
}

impl ReferralForm {
    /// Takes what was entered on `step` into the form: `values(name)` gives
    /// the submitted values of a field (one per ticked box). Returns false
    /// when the page's yes or no was left unanswered.
    pub fn take_page(&mut self, step: Step, values: &dyn Fn(&str) -> Vec<String>) -> bool {
        let one = |name: &str| values(name).into_iter().next().unwrap_or_default();
        match step {
            Step::ForWhom => {
                self.for_whom = match one("for_whom").as_str() {
                    "me" => Some(ForWhom::Me),
                    // Their agreement, once given, is kept if "someone else" is chosen again.
                    "someone-else" => Some(ForWhom::SomeoneElse {
                        agreed: matches!(self.for_whom, Some(ForWhom::SomeoneElse { agreed: true })),
                    }),
                    _ => None,
                }
            }
            Step::Agreed => match one("agreed").as_str() {
                "yes" => self.for_whom = Some(ForWhom::SomeoneElse { agreed: true }),
                "no" => self.for_whom = Some(ForWhom::SomeoneElse { agreed: false }),
                _ => return false,
            },
            Step::Consent => self.consent = one("consent") == "yes",
            Step::Name => self.name = one("name"),
            Step::Contact => {
                self.methods = values("methods")
                    .iter()
                    .filter_map(|m| match m.as_str() {
                        "email" => Some(Method::Email),
                        "phone" => Some(Method::Phone),
                        "text" => Some(Method::Text),
                        _ => None,
                    })
                    .collect();
                self.email = one("email");
                self.phone = one("phone");
                self.best_time = one("best_time");
                self.may_leave_message = read_yes_no(&one("may_leave_message"));
            }
            Step::Postcode => self.postcode = one("postcode"),
            Step::Optional => {
                self.birth = [one("birth-day"), one("birth-month"), one("birth-year")];
                self.gp_surgery = one("gp_surgery");
                self.first_visit = one("first_visit");
                self.interpreter = read_yes_no(&one("interpreter"));
                self.interpreter_language = one("interpreter_language");
            }
            Step::Choices | Step::CannotSend | Step::Check => {}
        }
        true
    }

    /// Takes what was entered on `step` and says where the person goes next.
    /// `today` is (year, month, day), for the date of birth.
    ///
    /// ```
    /// use waymark::core::referral::{Continue, ForWhom, ReferralForm, Step};
    /// let mut form = ReferralForm::default();
    /// let values = |name: &str| if name == "for_whom" { vec!["me".to_string()] } else { vec![] };
    /// assert_eq!(form.submit(Step::ForWhom, &values, (2026, 1, 1)), Continue::Next(Step::Consent));
    /// assert_eq!(form.for_whom, Some(ForWhom::Me));
    /// // Nothing ticked on the consent page: it shows its problem.
    /// assert_eq!(form.submit(Step::Consent, &|_| vec![], (2026, 1, 1)), Continue::Fix(Step::Consent));
    /// ```
    pub fn submit(
        &mut self,
        step: Step,
        values: &dyn Fn(&str) -> Vec<String>,
        today: (i32, u32, u32),
    ) -> Continue {
        if !self.take_page(step, values) {
            return Continue::Unanswered;
        }
        let all = self.problems(today);
        if step == Step::Check {
            return match Step::first_with_problem(self, &all) {
                Some(first) => Continue::Fix(first),
                None => Continue::Send,
            };
        }
        // "No, they do not agree" is an answer: it leads to the page saying nothing can be sent.
        if step != Step::Agreed && !step.problems(&all).is_empty() {
            return Continue::Fix(step);
        }
        Continue::Next(step.next(self))
    }
}
