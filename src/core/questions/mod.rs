//! The needs check: a question set loaded from JSON, the rules that decide
//! which question comes next, and the scoring that turns answers into a needs
//! profile. Pure Rust; the pages in `web::pages::check` only display it.

mod answers;
mod display;
mod flow;
mod parse;
mod scoring;

pub use crate::core::need::Need;
pub use answers::{Answer, AnswerProblem, Answers};
pub use display::AnswerOption;
pub use flow::Next;
pub use scoring::{NeedScore, NeedsProfile};

/// How a question is asked and answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// Radios: one answer.
    Single,
    /// Checkboxes: one or more answers.
    Multiple,
    /// Yes or no (radios), answers `yes` / `no`.
    YesNo,
    /// A whole number from `min` to `max` (ONS4 use 0–10).
    Scale { min: u8, max: u8, min_label: String, max_label: String },
    /// Short free text.
    Text { max_chars: usize },
}

/// How much an answer adds to each need, and the plain-words reason shown on
/// the results page ("You said you often feel left out").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Weights {
    pub needs: Vec<(String, f32)>,
    pub reason: Option<String>,
}

/// One answer option of a single, multiple or yes/no question.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
    pub weights: Weights,
}

/// A range of a scale answer that carries weight (e.g. ONS4 "low" 0–4).
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub from: u8,
    pub to: u8,
    pub weights: Weights,
}

/// Show a question only when an earlier answer makes it relevant.
#[derive(Clone, Debug, PartialEq)]
pub struct ShowIf {
    pub question: String,
    pub any_of: Vec<String>,
}

/// One question page.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    /// The question, used as the page heading.
    pub text: String,
    pub hint: Option<String>,
    /// Shown under the answers, e.g. a credit to ONS or a note on free text.
    pub note: Option<String>,
    pub required: bool,
    pub choices: Vec<Choice>,
    pub bands: Vec<Band>,
    pub show_if: Option<ShowIf>,
    /// Answers that mean the person needs urgent help now: the check stops and
    /// shows urgent help instead of offering a routine referral.
    pub urgent_if: Vec<String>,
}

impl Question {
    /// The label of an answer value, for the check-your-answers page.
    pub fn label_of(&self, value: &str) -> Option<&str> {
        self.choices.iter().find(|c| c.value == value).map(|c| c.label.as_str())
    }
}

/// A whole question set, checked for consistency when loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSet {
    pub needs: Vec<Need>,
    pub questions: Vec<Question>,
}

impl QuestionSet {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn need(&self, id: &str) -> Option<&Need> {
        self.needs.iter().find(|n| n.id == id)
    }
}
