use crate::core::json::{parse, push_json_string, Node, Value};
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
        let mut out = String::from("{");
        for (i, (id, answer)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(&mut out, id);
            out.push(':');
            match answer {
                Answer::Choice(v) => push_json_string(&mut out, v),
                Answer::Choices(vs) => {
                    out.push('[');
                    for (j, v) in vs.iter().enumerate() {
                        if j > 0 {
                            out.push(',');
                        }
                        push_json_string(&mut out, v);
                    }
                    out.push(']');
                }
                Answer::Number(n) => out.push_str(&n.to_string()),
                Answer::Text(t) => {
                    out.push_str("{\"text\":");
                    push_json_string(&mut out, t);
                    out.push('}');
                }
            }
        }
        out.push('}');
        out
    }

    /// Reads answers saved by [`Answers::to_json`]; anything unreadable is dropped.
    pub fn from_json(text: &str) -> Answers {
        let Ok(doc) = parse(text) else {
            return Answers::default();
        };
        let Some(map) = doc.as_object() else {
            return Answers::default();
        };
        let top = Node::root(&doc);
        let answers = map
            .iter()
            .filter_map(|(id, value)| {
                let answer = match value {
                    Value::String(s) => Answer::Choice(s.clone()),
                    Value::Array(items) => {
                        Answer::Choices(items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                    }
                    Value::Number(_) => Answer::Number(u8::try_from(value.as_u64()?).ok()?),
                    Value::Object(_) => Answer::Text(top.object(id, |o| o.req_str("text")).ok()?),
                    _ => return None,
                };
                Some((id.clone(), answer))
            })
            .collect();
        Answers(answers)
    }
}
