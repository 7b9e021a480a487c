//! What the person fills in to ask to be put in touch, and every check on
//! it. Each problem names the field (the input's id) and a message key, so
//! the page can show it in the error summary and beside the field.

use crate::core::postcode::Postcode;
use crate::core::questions::{Answer, Answers};
use crate::core::referral::contact::{is_email, uk_phone};

/// Who the support is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForWhom {
    Me,
    /// Someone else, and whether they know and agree (no means no referral).
    SomeoneElse {
        agreed: bool,
    },
}

/// A yes-or-no radio's value for an answer: `yes`, `no`, or none chosen.
///
/// ```
/// use waymark::core::referral::{read_yes_no, yes_no};
/// assert_eq!(yes_no(Some(false)), "no");
/// assert_eq!(read_yes_no(yes_no(Some(true))), Some(true));
/// assert_eq!(read_yes_no(""), None);
/// ```
pub fn yes_no(answer: Option<bool>) -> &'static str {
    match answer {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// The answer a yes-or-no radio's value stands for.
pub fn read_yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

impl ForWhom {
    /// The check's answer to "Who is the support for?" (question `who_for`),
    /// so the referral does not ask it again. Whether someone else agrees is
    /// still asked in the referral: it is what allows sending at all.
    ///
    /// ```
    /// use waymark::core::questions::{Answer, Answers};
    /// use waymark::core::referral::ForWhom;
    /// let mut answers = Answers::default();
    /// assert_eq!(ForWhom::from_check(&answers), None);
    /// answers.set("who_for", Some(Answer::Choice("someone-else".into())));
    /// assert_eq!(ForWhom::from_check(&answers), Some(ForWhom::SomeoneElse { agreed: false }));
    /// answers.set("who_for", Some(Answer::Choice("me".into())));
    /// assert_eq!(ForWhom::from_check(&answers), Some(ForWhom::Me));
    /// ```
    pub fn from_check(answers: &Answers) -> Option<ForWhom> {
        match answers.get("who_for")? {
            Answer::Choice(value) if value == "me" => Some(ForWhom::Me),
            Answer::Choice(value) if value == "someone-else" => Some(ForWhom::SomeoneElse { agreed: false }),
            _ => None,
        }
    }
}

/// A way the person is happy to be contacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Email,
    Phone,
    Text,
}

impl Method {
    pub fn id(self) -> &'static str {
        match self {
            Method::Email => "email",
            Method::Phone => "phone",
            Method::Text => "text",
        }
    }
}

/// A group or scheme asked for, as the directory names it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chosen {
    pub id: String,
    pub name: String,
    pub organisation: Option<String>,
}

/// The referral form, as entered (text kept as typed, so nothing is lost).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReferralForm {
    pub services: Vec<Chosen>,
    /// A preferred peer mentor: (mentor id, first name).
    pub mentor: Option<(String, String)>,
    pub for_whom: Option<ForWhom>,
    /// `for_whom` came from the check, so its page is left out of the way
    /// through (it stays reachable from "Check your answers").
    pub for_whom_from_check: bool,
    pub consent: bool,
    pub name: String,
    pub methods: Vec<Method>,
    pub email: String,
    pub phone: String,
    /// `morning`, `afternoon`, `evening` or `any`.
    pub best_time: String,
    pub may_leave_message: Option<bool>,
    pub postcode: String,
    /// Day, month and year as typed (GOV.UK date input); all empty if not given.
    pub birth: [String; 3],
    pub gp_surgery: String,
    /// Anything that would help at a first visit: access needs, bringing someone.
    pub first_visit: String,
    /// Whether they would like an interpreter (`None`: not answered).
    pub interpreter: Option<bool>,
    /// For which language, in their words.
    pub interpreter_language: String,
    /// The language the widget was in when they filled this in (`cy`, `pl` …).
    pub language: String,
}

/// The longest free text accepted, in characters.
pub const MAX_TEXT: usize = 500;

/// A field that needs attention, and the message key that says why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: &'static str,
}

fn problem(field: &'static str, message: &'static str) -> Problem {
    Problem { field, message }
}

/// Days in `month` of `year`.
fn days_in(month: u32, year: i32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl ReferralForm {
    /// The date of birth as `YYYY-MM-DD`, `Ok(None)` if not given, or the
    /// problem's message key. `today` is (year, month, day).
    pub fn date_of_birth(&self, today: (i32, u32, u32)) -> Result<Option<String>, &'static str> {
        let [day, month, year] = self.birth.each_ref().map(|s| s.trim());
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return Ok(None);
        }
        let (Ok(d), Ok(m), Ok(y)) = (day.parse::<u32>(), month.parse::<u32>(), year.parse::<i32>()) else {
            return Err("refer.error_dob_real");
        };
        if year.len() != 4 || !(1..=12).contains(&m) || d == 0 || d > days_in(m, y) {
            return Err("refer.error_dob_real");
        }
        if (y, m, d) > today {
            return Err("refer.error_dob_past");
        }
        if y < today.0.saturating_sub(120) {
            return Err("refer.error_dob_real");
        }
        Ok(Some(format!("{y:04}-{m:02}-{d:02}")))
    }

    /// Every problem, in the order the pages ask (so the first problem is
    /// on the earliest page that needs fixing).
    ///
    /// ```
    /// use waymark::core::referral::ReferralForm;
    /// let form = ReferralForm::default();
    /// let fields: Vec<&str> = form.problems((2026, 11, 23)).iter().map(|p| p.field).collect();
    /// assert_eq!(fields[..3], ["services", "for_whom", "consent"]);
    /// ```
    pub fn problems(&self, today: (i32, u32, u32)) -> Vec<Problem> {
        let mut found = Vec::new();
        if self.services.is_empty() {
            found.push(problem("services", "refer.error_no_services"));
        }
        match self.for_whom {
            None => found.push(problem("for_whom", "refer.error_for_whom")),
            Some(ForWhom::SomeoneElse { agreed: false }) => {
                found.push(problem("agreed", "refer.error_not_agreed"))
            }
            _ => {}
        }
        if !self.consent {
            found.push(problem("consent", "refer.error_consent"));
        }
        if self.name.trim().is_empty() {
            found.push(problem("name", "refer.error_name"));
        } else if self.name.chars().count() > 100 {
            found.push(problem("name", "refer.error_name_long"));
        }
        if self.methods.is_empty() {
            found.push(problem("methods", "refer.error_methods"));
        }
        if self.methods.contains(&Method::Email) {
            if self.email.trim().is_empty() {
                found.push(problem("email", "refer.error_email_missing"));
            } else if !is_email(&self.email) {
                found.push(problem("email", "refer.error_email"));
            }
        }
        let needs_phone = self.methods.iter().any(|m| matches!(m, Method::Phone | Method::Text));
        if needs_phone {
            if self.phone.trim().is_empty() {
                found.push(problem("phone", "refer.error_phone_missing"));
            } else if uk_phone(&self.phone).is_none() {
                found.push(problem("phone", "refer.error_phone"));
            } else if self.methods.contains(&Method::Text)
                && !uk_phone(&self.phone).is_some_and(|p| p.starts_with("07"))
            {
                found.push(problem("phone", "refer.error_phone_mobile"));
            }
            if self.methods.contains(&Method::Phone) && self.may_leave_message.is_none() {
                found.push(problem("may_leave_message", "refer.error_leave_message"));
            }
        }
        if !self.postcode.trim().is_empty() && Postcode::parse(&self.postcode).is_err() {
            found.push(problem("postcode", "refer.error_postcode"));
        }
        if let Err(message) = self.date_of_birth(today) {
            found.push(problem("birth-day", message));
        }
        if self.gp_surgery.chars().count() > 200 {
            found.push(problem("gp_surgery", "refer.error_too_long"));
        }
        if self.first_visit.chars().count() > MAX_TEXT {
            found.push(problem("first_visit", "refer.error_too_long"));
        }
        if self.interpreter == Some(true) && self.interpreter_language.trim().is_empty() {
            found.push(problem("interpreter_language", "refer.error_interpreter_language"));
        }
        if self.interpreter_language.chars().count() > 100 {
            found.push(problem("interpreter_language", "refer.error_too_long"));
        }
        found
    }
}
