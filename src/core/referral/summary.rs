//! "Check your answers" for a referral: a row for each thing entered, in
//! the order the pages asked, each with the page that changes it.

use crate::core::referral::form::{ForWhom, Method, ReferralForm};
use crate::core::referral::steps::Step;

/// A row of the summary list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    /// The message key of the row's label.
    pub label: &'static str,
    /// What was entered, in words.
    pub value: String,
    /// The page its "Change" link returns to.
    pub step: Step,
}

/// The message key naming a best time to call (`morning`, …, `any`).
pub fn best_time_key(time: &str) -> Option<&'static str> {
    match time {
        "morning" => Some("refer.time_morning"),
        "afternoon" => Some("refer.time_afternoon"),
        "evening" => Some("refer.time_evening"),
        "any" => Some("refer.time_any"),
        _ => None,
    }
}

/// The rows for `form`, with `text(key)` giving a message's words. Optional
/// things left blank have no row; the groups, name and contact always do.
///
/// ```
/// use waymark::core::referral::{summary_rows, Method, ReferralForm, Step};
/// let form = ReferralForm { methods: vec![Method::Text], phone: " 07700 900123 ".into(), ..Default::default() };
/// let rows = summary_rows(&form, &|key: &str| key.to_string());
/// let contact = rows.iter().find(|r| r.label == "refer.row_contact").unwrap();
/// assert_eq!(contact.value, "refer.method_text: 07700 900123");
/// assert_eq!(contact.step, Step::Contact);
/// assert!(rows.iter().all(|r| r.label != "refer.row_gp"));
/// ```
pub fn summary_rows(form: &ReferralForm, text: &dyn Fn(&str) -> String) -> Vec<SummaryRow> {
    let methods: Vec<String> = form
        .methods
        .iter()
        .map(|m| match m {
            Method::Email => format!("{}: {}", text("refer.method_email"), form.email.trim()),
            Method::Phone => format!("{}: {}", text("refer.method_phone"), form.phone.trim()),
            Method::Text => format!("{}: {}", text("refer.method_text"), form.phone.trim()),
        })
        .collect();
    let time = best_time_key(&form.best_time).map(text).unwrap_or_default();
    let message = match form.may_leave_message {
        Some(true) => text("refer.yes"),
        Some(false) => text("refer.no"),
        None => String::new(),
    };
    let birth = if form.birth.iter().all(|p| p.trim().is_empty()) {
        String::new()
    } else {
        form.birth.iter().map(|p| p.trim()).collect::<Vec<_>>().join(" / ")
    };
    let services: Vec<&str> = form.services.iter().map(|s| s.name.as_str()).collect();
    let interpreter = match form.interpreter {
        Some(true) => text("refer.interpreter_in").replace("{language}", form.interpreter_language.trim()),
        Some(false) => text("refer.no"),
        None => String::new(),
    };
    let for_whom = match form.for_whom {
        Some(ForWhom::Me) => text("refer.for_me"),
        _ => text("refer.for_someone"),
    };
    let rows = [
        ("refer.row_services", services.join(", "), Step::Choices),
        ("refer.row_for", for_whom, Step::ForWhom),
        ("refer.row_name", form.name.trim().to_string(), Step::Name),
        ("refer.row_contact", methods.join("; "), Step::Contact),
        ("refer.row_best_time", time, Step::Contact),
        ("refer.row_message", message, Step::Contact),
        ("refer.row_postcode", form.postcode.trim().to_string(), Step::Postcode),
        ("refer.row_birth", birth, Step::Optional),
        ("refer.row_gp", form.gp_surgery.trim().to_string(), Step::Optional),
        ("refer.row_first_visit", form.first_visit.trim().to_string(), Step::Optional),
        ("refer.row_interpreter", interpreter, Step::Optional),
    ];
    rows.into_iter()
        .filter(|(_, value, step)| {
            !value.is_empty() || matches!(step, Step::Choices | Step::Name | Step::Contact)
        })
        .map(|(label, value, step)| SummaryRow { label, value, step })
        .collect()
}
