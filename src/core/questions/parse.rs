//! Loading a question set, rejecting anything inconsistent with a message
//! that names the question and the field.

use serde::Deserialize;

use crate::core::data::{list, objects, opt_object, read_object, Fields};
use crate::core::questions::{Band, Choice, Kind, Need, Question, QuestionSet, ShowIf, Weights};
use crate::core::FieldError;

// The file as written. Every field not listed is refused by name; values
// are checked, with the path of each, once the file has been read.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetFile {
    #[serde(default, deserialize_with = "objects")]
    needs: Vec<NeedFile>,
    #[serde(default, deserialize_with = "opt_list_of_objects")]
    questions: Option<Vec<QuestionFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NeedFile {
    id: Option<String>,
    label: Option<String>,
    #[serde(default, deserialize_with = "list")]
    terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: Option<String>,
    kind: Option<String>,
    text: Option<String>,
    hint: Option<String>,
    note: Option<String>,
    required: Option<bool>,
    #[serde(default, deserialize_with = "objects")]
    options: Vec<ChoiceFile>,
    #[serde(default, deserialize_with = "objects")]
    bands: Vec<BandFile>,
    #[serde(default, deserialize_with = "opt_object")]
    show_if: Option<ShowIfFile>,
    #[serde(default, deserialize_with = "list")]
    urgent_if: Vec<String>,
    min: Option<u32>,
    max: Option<u32>,
    min_label: Option<String>,
    max_label: Option<String>,
    max_chars: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceFile {
    value: Option<String>,
    label: Option<String>,
    hint: Option<String>,
    weights: Option<Fields<Option<f64>>>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandFile {
    from: Option<u32>,
    to: Option<u32>,
    weights: Option<Fields<Option<f64>>>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShowIfFile {
    question: Option<String>,
    #[serde(default, deserialize_with = "list")]
    any_of: Vec<String>,
}

/// `questions`, which must be given (a list of objects when it is).
fn opt_list_of_objects<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<QuestionFile>>, D::Error> {
    let list = Option::<Vec<crate::core::data::Object<QuestionFile>>>::deserialize(d)?;
    Ok(list.map(|l| l.into_iter().map(|o| o.0).collect()))
}

/// Text field `key` of the thing at `path`, which must be given.
fn required(value: Option<String>, path: &str, key: &str) -> Result<String, FieldError> {
    value.ok_or_else(|| FieldError::new(format!("{path}.{key}"), "is missing"))
}

impl QuestionSet {
    /// Parses and checks a question set file.
    ///
    /// ```
    /// use waymark::core::questions::QuestionSet;
    /// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
    /// assert_eq!(set.questions[0].id, "safety");
    ///
    /// let bad = r#"{ "needs": [], "questions": [ { "id": "q", "kind": "slider", "text": "?" } ] }"#;
    /// let err = QuestionSet::parse(bad).unwrap_err();
    /// assert_eq!(err.field, "questions[0].kind");
    /// ```
    pub fn parse(text: &str) -> Result<QuestionSet, FieldError> {
        let file: SetFile = read_object(text)?;
        let mut needs = Vec::new();
        for (i, n) in file.needs.into_iter().enumerate() {
            let path = format!("needs[{i}]");
            let id = required(n.id, &path, "id")?;
            let mut terms = n.terms;
            if terms.is_empty() {
                terms.push(format!("waymark:{id}"));
            }
            needs.push(Need { label: required(n.label, &path, "label")?, id, terms });
        }
        if let Some(i) = first_repeat(needs.iter().map(|n| n.id.as_str())) {
            return Err(FieldError::new(
                format!("needs[{i}].id"),
                format!("\"{}\" is used twice", needs[i].id),
            ));
        }
        let need_ids: Vec<&str> = needs.iter().map(|n| n.id.as_str()).collect();
        let Some(list) = file.questions else {
            return Err(FieldError::new("questions", "is missing"));
        };
        let mut questions: Vec<Question> = Vec::new();
        for (i, q) in list.into_iter().enumerate() {
            let path = format!("questions[{i}]");
            let id = q.id.clone();
            let name_question = |mut error: FieldError| {
                if let Some(id) = &id {
                    error.problem = format!("{} (question \"{id}\")", error.problem);
                }
                error
            };
            let question = read_question(q, &path, &need_ids).map_err(name_question)?;
            if questions.iter().any(|earlier| earlier.id == question.id) {
                return Err(FieldError::new(
                    format!("{path}.id"),
                    format!("\"{}\" is used by an earlier question", question.id),
                ));
            }
            if let Some(rule) = &question.show_if {
                check_rule(&path, rule, &questions).map_err(name_question)?;
            }
            questions.push(question);
        }
        if questions.is_empty() {
            return Err(FieldError::new("questions", "must list at least one question"));
        }
        Ok(QuestionSet { needs, questions })
    }
}

fn first_repeat<'a>(ids: impl Iterator<Item = &'a str>) -> Option<usize> {
    let ids: Vec<&str> = ids.collect();
    (0..ids.len()).find(|&i| ids[..i].contains(&ids[i]))
}

fn read_question(q: QuestionFile, path: &str, needs: &[&str]) -> Result<Question, FieldError> {
    let field_error = |key: &str, problem: String| FieldError::new(format!("{path}.{key}"), problem);
    let id = required(q.id, path, "id")?;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(field_error(
            "id",
            "must be letters, digits, - or _ (it appears in the page address)".into(),
        ));
    }
    let kind = match required(q.kind, path, "kind")?.as_str() {
        "single" => Kind::Single,
        "multiple" => Kind::Multiple,
        "yes_no" => Kind::YesNo,
        "scale" => {
            let min = q.min.unwrap_or(0);
            let max = q.max.unwrap_or(10);
            if min >= max || max > 100 {
                return Err(field_error("max", "must be more than min, and at most 100".into()));
            }
            Kind::Scale {
                min: min as u8,
                max: max as u8,
                min_label: required(q.min_label, path, "min_label")?,
                max_label: required(q.max_label, path, "max_label")?,
            }
        }
        "text" => Kind::Text { max_chars: q.max_chars.unwrap_or(500) as usize },
        other => {
            return Err(field_error(
                "kind",
                format!(
                    "\"{other}\" is not a kind of question (use single, multiple, yes_no, scale or text)"
                ),
            ))
        }
    };
    let mut choices = Vec::new();
    for (j, c) in q.options.into_iter().enumerate() {
        let at = format!("{path}.options[{j}]");
        choices.push(Choice {
            value: required(c.value, &at, "value")?,
            label: required(c.label, &at, "label")?,
            hint: c.hint,
            weights: read_weights(c.weights, c.reason, &at, needs)?,
        });
    }
    match kind {
        Kind::YesNo if choices.iter().map(|c| c.value.as_str()).ne(["yes", "no"]) => {
            return Err(field_error(
                "options",
                "a yes_no question's options must be \"yes\" then \"no\"".into(),
            ));
        }
        Kind::Single | Kind::Multiple if choices.len() < 2 => {
            return Err(field_error("options", "must list at least two options".into()));
        }
        Kind::Scale { .. } | Kind::Text { .. } if !choices.is_empty() => {
            return Err(field_error(
                "options",
                "only single, multiple and yes_no questions have options".into(),
            ));
        }
        _ => {}
    }
    if let Some(i) = first_repeat(choices.iter().map(|c| c.value.as_str())) {
        return Err(field_error("options", format!("the value \"{}\" is used twice", choices[i].value)));
    }
    let mut bands = Vec::new();
    for (j, b) in q.bands.into_iter().enumerate() {
        let at = format!("{path}.bands[{j}]");
        let from = b.from.ok_or_else(|| FieldError::new(format!("{at}.from"), "is missing"))?;
        let to = b.to.ok_or_else(|| FieldError::new(format!("{at}.to"), "is missing"))?;
        match kind {
            Kind::Scale { min, max, .. } if from <= to && from >= min as u32 && to <= max as u32 => {}
            Kind::Scale { .. } => {
                return Err(FieldError::new(
                    format!("{at}.to"),
                    "must be within the scale, and not below from",
                ))
            }
            _ => return Err(FieldError::new(at, "only scale questions have bands")),
        }
        bands.push(Band {
            from: from as u8,
            to: to as u8,
            weights: read_weights(b.weights, b.reason, &at, needs)?,
        });
    }
    let show_if = match q.show_if {
        None => None,
        Some(rule) => {
            if rule.any_of.is_empty() {
                return Err(field_error("show_if.any_of", "must list at least one answer".into()));
            }
            Some(ShowIf {
                question: required(rule.question, &format!("{path}.show_if"), "question")?,
                any_of: rule.any_of,
            })
        }
    };
    let urgent_if = q.urgent_if;
    if let Some(bad) = urgent_if.iter().find(|v| !choices.iter().any(|c| &c.value == *v)) {
        return Err(field_error("urgent_if", format!("\"{bad}\" is not one of this question's options")));
    }
    Ok(Question {
        id,
        kind,
        text: required(q.text, path, "text")?,
        hint: q.hint,
        note: q.note,
        required: q.required.unwrap_or(false),
        choices,
        bands,
        show_if,
        urgent_if,
    })
}

fn read_weights(
    weights: Option<Fields<Option<f64>>>,
    reason: Option<String>,
    path: &str,
    needs: &[&str],
) -> Result<Weights, FieldError> {
    let mut out = Vec::new();
    for (need, weight) in weights.unwrap_or_default().0 {
        let field = format!("{path}.weights.{need}");
        if !needs.contains(&need.as_str()) {
            return Err(FieldError::new(
                field,
                format!("\"{need}\" is not one of the needs listed at the top"),
            ));
        }
        let weight = weight.unwrap_or(0.0) as f32;
        // 1e39 is infinite once an f32 (1e400 is refused as the file is
        // read), and would make every sum infinite or NaN.
        if !weight.is_finite() {
            return Err(FieldError::new(field, "must be an ordinary number, such as 2"));
        }
        // A repeated need keeps its first weight.
        if !out.iter().any(|(n, _): &(String, f32)| *n == need) {
            out.push((need, weight));
        }
    }
    Ok(Weights { needs: out, reason })
}

/// A show-if rule may only look back, at a question with that answer.
fn check_rule(path: &str, rule: &ShowIf, earlier: &[Question]) -> Result<(), FieldError> {
    let Some(target) = earlier.iter().find(|e| e.id == rule.question) else {
        return Err(FieldError::new(
            format!("{path}.show_if.question"),
            format!("\"{}\" is not an earlier question in this set", rule.question),
        ));
    };
    if let Some(bad) = rule.any_of.iter().find(|v| !target.choices.iter().any(|c| &c.value == *v)) {
        return Err(FieldError::new(
            format!("{path}.show_if.any_of"),
            format!("\"{bad}\" is not an answer to \"{}\"", target.id),
        ));
    }
    Ok(())
}
