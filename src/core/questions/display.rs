//! What the question pages show, decided here so it is tested natively: the
//! inputs of a question and an answer in words.

use crate::core::questions::{Answer, Kind, Question};

/// One radio or checkbox of a question page.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    /// What the form sends when this is chosen.
    pub value: String,
    /// The words beside it: the choice's label, or the number on a scale.
    pub label: String,
    /// Shown under a choice, e.g. "For example, diabetes or arthritis".
    pub hint: Option<String>,
    /// The words for the lowest or highest number of a scale ("Not at all").
    pub scale_end: Option<String>,
}

impl Question {
    /// The radios or checkboxes of a choice or scale question, in order
    /// (none for a text question).
    ///
    /// ```
    /// use waymark::core::questions::QuestionSet;
    /// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
    /// let safety = set.question("safety").unwrap().options();
    /// assert_eq!((safety[1].value.as_str(), safety[1].label.as_str()), ("no", "No"));
    /// ```
    pub fn options(&self) -> Vec<AnswerOption> {
        match &self.kind {
            Kind::Scale { min, max, min_label, max_label } => (*min..=*max)
                .map(|n| AnswerOption {
                    value: n.to_string(),
                    label: n.to_string(),
                    hint: None,
                    scale_end: if n == *min {
                        Some(min_label.clone())
                    } else if n == *max {
                        Some(max_label.clone())
                    } else {
                        None
                    },
                })
                .collect(),
            Kind::Text { .. } => Vec::new(),
            _ => self
                .choices
                .iter()
                .map(|c| AnswerOption {
                    value: c.value.clone(),
                    label: c.label.clone(),
                    hint: c.hint.clone(),
                    scale_end: None,
                })
                .collect(),
        }
    }

    /// An answer to this question as "Check your answers" shows it: choices
    /// by their labels, a scale as "7 / 10", text as written.
    ///
    /// ```
    /// use waymark::core::questions::{Answer, QuestionSet};
    /// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
    /// let safety = set.question("safety").unwrap();
    /// assert_eq!(safety.answer_in_words(&Answer::Choice("no".into())), "No");
    /// ```
    pub fn answer_in_words(&self, answer: &Answer) -> String {
        match (answer, &self.kind) {
            (Answer::Choice(v), _) => self.label_of(v).unwrap_or(v).to_string(),
            (Answer::Choices(vs), _) => {
                vs.iter().map(|v| self.label_of(v).unwrap_or(v)).collect::<Vec<_>>().join(", ")
            }
            (Answer::Number(n), Kind::Scale { max, .. }) => format!("{n} / {max}"),
            (Answer::Number(n), _) => n.to_string(),
            (Answer::Text(text), _) => text.clone(),
        }
    }
}

impl Answer {
    /// The values a form sends for this answer, to fill the inputs in again.
    pub fn values(&self) -> Vec<String> {
        match self {
            Answer::Choice(v) | Answer::Text(v) => vec![v.clone()],
            Answer::Choices(vs) => vs.clone(),
            Answer::Number(n) => vec![n.to_string()],
        }
    }
}
