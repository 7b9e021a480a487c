use std::fmt;

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::core::data::Fields;
use crate::core::questions::{Kind, Question};

/// One answer, in the shape its question asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Choice(String),
    Choices(Vec<String>),
    Number(u8),
    Text(String),
}

impl Answer {
    /// Whether this answer includes `value` (for show-if and urgent rules).
    pub fn includes(&self, value: &str) -> bool {
        match self {
            Answer::Choice(v) | Answer::Text(v) => v == value,
            Answer::Choices(vs) => vs.iter().any(|v| v == value),
            Answer::Number(n) => n.to_string() == value,
        }
    }
}

/// Why an answer could not be accepted; the page shows the message for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    /// A required question was not answered.
    Missing,
    /// A value that is not one of the question's options or range.
    NotAnOption,
    /// Free text over the limit.
    TooLong,
}

impl Question {
    /// Turns what the page collected into an answer, or says what is wrong.
    /// `None` means the person skipped an optional question.
    ///
    /// ```
    /// use waymark::core::questions::{Answer, QuestionSet};
    /// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
    /// let topics = set.question("topics").unwrap();
    /// let answer = topics.accept(&["loneliness".to_string()]).unwrap();
    /// assert_eq!(answer, Some(Answer::Choices(vec!["loneliness".into()])));
    /// assert!(topics.accept(&[]).is_err());
    /// ```
    pub fn accept(&self, values: &[String]) -> Result<Option<Answer>, AnswerProblem> {
        let values: Vec<&str> = values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
        if values.is_empty() {
            return if self.required { Err(AnswerProblem::Missing) } else { Ok(None) };
        }
        let is_option = |v: &str| self.choices.iter().any(|c| c.value == v);
        let answer = match &self.kind {
            Kind::Single | Kind::YesNo => {
                if values.len() != 1 || !is_option(values[0]) {
                    return Err(AnswerProblem::NotAnOption);
                }
                Answer::Choice(values[0].to_string())
            }
            Kind::Multiple => {
                if !values.iter().all(|v| is_option(v)) {
                    return Err(AnswerProblem::NotAnOption);
                }
                // Keep the question's order, without repeats, whatever order they were ticked in.
                let ticked = self.choices.iter().filter(|c| values.contains(&c.value.as_str()));
                Answer::Choices(ticked.map(|c| c.value.clone()).collect())
            }
            Kind::Scale { min, max, .. } => match values[0].parse::<u8>() {
                Ok(n) if (*min..=*max).contains(&n) && values.len() == 1 => Answer::Number(n),
                _ => return Err(AnswerProblem::NotAnOption),
            },
            Kind::Text { max_chars } => {
                let text = values.join(" ");
                if text.chars().count() > *max_chars {
                    return Err(AnswerProblem::TooLong);
                }
                Answer::Text(text)
            }
        };
        Ok(Some(answer))
    }
}

/// The person's answers so far, kept on the device only (sorted by question
/// id, so two sets of the same answers compare equal however they were given).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers(Vec<(String, Answer)>);

impl Answers {
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.iter().find(|(id, _)| id == question).map(|(_, a)| a)
    }

    /// Records (or replaces, or with `None` clears) the answer to `question`.
    pub fn set(&mut self, question: &str, answer: Option<Answer>) {
        self.0.retain(|(id, _)| id != question);
        if let Some(answer) = answer {
            let at = self.0.partition_point(|(id, _)| id.as_str() < question);
            self.0.insert(at, (question.to_string(), answer));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(id, a)| (id.as_str(), a))
    }

    /// Compact JSON for session storage, so a reload keeps the answers.
    ///
    /// ```
    /// use waymark::core::questions::{Answer, Answers};
    /// let mut a = Answers::default();
    /// a.set("topics", Some(Answer::Choices(vec!["loneliness".into()])));
    /// a.set("happy", Some(Answer::Number(7)));
    /// assert_eq!(Answers::from_json(&a.to_json()), a);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// Reads answers saved by [`Answers::to_json`]; anything unreadable is dropped.
    pub fn from_json(text: &str) -> Answers {
        let Ok(Fields(saved)) = serde_json::from_str::<Fields<Saved>>(text) else {
            return Answers::default();
        };
        Answers(saved.into_iter().filter_map(|(id, answer)| Some((id, answer.0?))).collect())
    }
}

/// Saved as `{ "<question id>": answer, … }`.
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, answer) in &self.0 {
            map.serialize_entry(id, answer)?;
        }
        map.end()
    }
}

/// A choice as its value, several as a list, a scale answer as its number,
/// and free text as `{ "text": … }` (so it is never taken for a choice).
impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Choice(value) => serializer.serialize_str(value),
            Answer::Choices(values) => values.serialize(serializer),
            Answer::Number(n) => serializer.serialize_u8(*n),
            Answer::Text(text) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("text", text)?;
                map.end()
            }
        }
    }
}

/// One saved answer, or `None` for a value no answer is saved as.
struct Saved(Option<Answer>);

impl<'de> Deserialize<'de> for Saved {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Lenient;
        impl<'de> Visitor<'de> for Lenient {
            type Value = Saved;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a saved answer")
            }
            fn visit_str<E>(self, value: &str) -> Result<Saved, E> {
                Ok(Saved(Some(Answer::Choice(value.to_string()))))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Saved, E> {
                Ok(Saved(u8::try_from(n).ok().map(Answer::Number)))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Saved, E> {
                Ok(Saved(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Saved, E> {
                Ok(Saved(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Saved, E> {
                Ok(Saved(None))
            }
            fn visit_unit<E>(self) -> Result<Saved, E> {
                Ok(Saved(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Saved, A::Error> {
                let mut values = Vec::new();
                while let Some(item) = seq.next_element::<Saved>()? {
                    if let Some(Answer::Choice(value)) = item.0 {
                        values.push(value);
                    }
                }
                Ok(Saved(Some(Answer::Choices(values))))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Saved, A::Error> {
                let mut text = None;
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<Saved>()?;
                    if let (true, None, Some(Answer::Choice(t))) = (key == "text", &text, value.0) {
                        text = Some(t);
                    }
                }
                Ok(Saved(text.map(Answer::Text)))
            }
        }
        deserializer.deserialize_any(Lenient)
    }
}
