//! Loading a question set, rejecting anything inconsistent with a message
//! that names the question and the field.

use crate::core::json::{parse, Node};
use crate::core::questions::{Band, Choice, Kind, Need, Question, QuestionSet, ShowIf, Weights};
use crate::core::FieldError;

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
        let doc = parse(text)?;
        let top = Node::root(&doc);
        top.only_fields(&["needs", "questions"])?;
        let needs = top.each("needs", |n| {
            n.only_fields(&["id", "label", "terms"])?;
            let id = n.req_str("id")?;
            let mut terms = n.each("terms", |t| t.as_str().map(str::to_string))?;
            if terms.is_empty() {
                terms.push(format!("waymark:{id}"));
            }
            Ok(Need { id, label: n.req_str("label")?, terms })
        })?;
        if let Some(i) = first_repeat(needs.iter().map(|n| n.id.as_str())) {
            return Err(FieldError::new(
                format!("needs[{i}].id"),
                format!("\"{}\" is used twice", needs[i].id),
            ));
        }
        let need_ids: Vec<&str> = needs.iter().map(|n| n.id.as_str()).collect();
        let mut questions: Vec<Question> = Vec::new();
        top.with_field("questions", |list| {
            let Some(list) = list else {
                return Err(top.field_error("questions", "is missing"));
            };
            list.items(|q| {
                let question = read_question(q, &need_ids).map_err(|e| name_question(q, e))?;
                if questions.iter().any(|earlier| earlier.id == question.id) {
                    return Err(
                        q.field_error("id", format!("\"{}\" is used by an earlier question", question.id))
                    );
                }
                if let Some(rule) = &question.show_if {
                    check_rule(q, rule, &questions).map_err(|e| name_question(q, e))?;
                }
                questions.push(question);
                Ok(())
            })
        })?;
        if questions.is_empty() {
            return Err(top.field_error("questions", "must list at least one question"));
        }
        Ok(QuestionSet { needs, questions })
    }
}

/// Adds the question's id to a problem, so the message names the question
/// as well as its position.
fn name_question(q: Node, mut error: FieldError) -> FieldError {
    if let Some(id) = q.value().get("id").and_then(|v| v.as_str()) {
        error.problem = format!("{} (question \"{id}\")", error.problem);
    }
    error
}

fn first_repeat<'a>(ids: impl Iterator<Item = &'a str>) -> Option<usize> {
    let ids: Vec<&str> = ids.collect();
    (0..ids.len()).find(|&i| ids[..i].contains(&ids[i]))
}

const QUESTION_FIELDS: &[&str] = &[
    "id",
    "kind",
    "text",
    "hint",
    "note",
    "required",
    "options",
    "bands",
    "show_if",
    "urgent_if",
    "min",
    "max",
    "min_label",
    "max_label",
    "max_chars",
];

fn read_question(q: Node, needs: &[&str]) -> Result<Question, FieldError> {
    q.only_fields(QUESTION_FIELDS)?;
    let id = q.req_str("id")?;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(q.field_error("id", "must be letters, digits, - or _ (it appears in the page address)"));
    }
    let kind = match q.req_str("kind")?.as_str() {
        "single" => Kind::Single,
        "multiple" => Kind::Multiple,
        "yes_no" => Kind::YesNo,
        "scale" => {
            let min = q.opt_u32("min")?.unwrap_or(0);
            let max = q.opt_u32("max")?.unwrap_or(10);
            if min >= max || max > 100 {
                return Err(q.field_error("max", "must be more than min, and at most 100"));
            }
            Kind::Scale {
                min: min as u8,
                max: max as u8,
                min_label: q.req_str("min_label")?,
                max_label: q.req_str("max_label")?,
            }
        }
        "text" => Kind::Text { max_chars: q.opt_u32("max_chars")?.unwrap_or(500) as usize },
        other => {
            return Err(q.field_error(
                "kind",
                format!(
                    "\"{other}\" is not a kind of question (use single, multiple, yes_no, scale or text)"
                ),
            ))
        }
    };
    let choices = q.each("options", |c| {
        c.only_fields(&["value", "label", "hint", "weights", "reason"])?;
        Ok(Choice {
            value: c.req_str("value")?,
            label: c.req_str("label")?,
            hint: c.opt_str("hint")?,
            weights: read_weights(c, needs)?,
        })
    })?;
    match kind {
        Kind::YesNo if choices.iter().map(|c| c.value.as_str()).ne(["yes", "no"]) => {
            return Err(q.field_error("options", "a yes_no question's options must be \"yes\" then \"no\""));
        }
        Kind::Single | Kind::Multiple if choices.len() < 2 => {
            return Err(q.field_error("options", "must list at least two options"));
        }
        Kind::Scale { .. } | Kind::Text { .. } if !choices.is_empty() => {
            return Err(q.field_error("options", "only single, multiple and yes_no questions have options"));
        }
        _ => {}
    }
    if let Some(i) = first_repeat(choices.iter().map(|c| c.value.as_str())) {
        return Err(q.field_error("options", format!("the value \"{}\" is used twice", choices[i].value)));
    }
    let bands = q.each("bands", |b| {
        b.only_fields(&["from", "to", "weights", "reason"])?;
        let from = b.opt_u32("from")?.ok_or_else(|| b.field_error("from", "is missing"))?;
        let to = b.opt_u32("to")?.ok_or_else(|| b.field_error("to", "is missing"))?;
        match kind {
            Kind::Scale { min, max, .. } if from <= to && from >= min as u32 && to <= max as u32 => {}
            Kind::Scale { .. } => {
                return Err(b.field_error("to", "must be within the scale, and not below from"))
            }
            _ => return Err(b.error("only scale questions have bands")),
        }
        Ok(Band { from: from as u8, to: to as u8, weights: read_weights(b, needs)? })
    })?;
    let show_if = q.opt_object("show_if", |r| {
        r.only_fields(&["question", "any_of"])?;
        let any_of = r.each("any_of", |v| v.as_str().map(str::to_string))?;
        if any_of.is_empty() {
            return Err(r.field_error("any_of", "must list at least one answer"));
        }
        Ok(ShowIf { question: r.req_str("question")?, any_of })
    })?;
    let urgent_if = q.each("urgent_if", |v| v.as_str().map(str::to_string))?;
    if let Some(bad) = urgent_if.iter().find(|v| !choices.iter().any(|c| &c.value == *v)) {
        return Err(q.field_error("urgent_if", format!("\"{bad}\" is not one of this question's options")));
    }
    Ok(Question {
        id,
        kind,
        text: q.req_str("text")?,
        hint: q.opt_str("hint")?,
        note: q.opt_str("note")?,
        required: q.opt_bool("required")?.unwrap_or(false),
        choices,
        bands,
        show_if,
        urgent_if,
    })
}

fn read_weights(node: Node, needs: &[&str]) -> Result<Weights, FieldError> {
    let weights = node.with_field("weights", |w| {
        let Some(w) = w else { return Ok(Vec::new()) };
        let Some(map) = w.value().as_object() else {
            return Err(w.error("must be an object of need ids to numbers"));
        };
        map.iter()
            .map(|(need, _)| need)
            .map(|need| {
                if !needs.contains(&need.as_str()) {
                    return Err(
                        w.field_error(need, format!("\"{need}\" is not one of the needs listed at the top"))
                    );
                }
                let weight = w.opt_f64(need)?.unwrap_or(0.0) as f32;
                // 1e400, or 1e39 (infinite once an f32), would make every sum infinite or NaN.
                if !weight.is_finite() {
                    return Err(w.field_error(need, "must be an ordinary number, such as 2"));
                }
                Ok((need.clone(), weight))
            })
            .collect()
    })?;
    Ok(Weights { needs: weights, reason: node.opt_str("reason")? })
}

/// A show-if rule may only look back, at a question with that answer.
fn check_rule(q: Node, rule: &ShowIf, earlier: &[Question]) -> Result<(), FieldError> {
    let field = |problem: String| {
        FieldError::new(format!("{}.question", q.field_error("show_if", "").field), problem)
    };
    let Some(target) = earlier.iter().find(|e| e.id == rule.question) else {
        return Err(field(format!("\"{}\" is not an earlier question in this set", rule.question)));
    };
    if let Some(bad) = rule.any_of.iter().find(|v| !target.choices.iter().any(|c| &c.value == *v)) {
        return Err(FieldError::new(
            format!("{}.any_of", q.field_error("show_if", "").field),
            format!("\"{bad}\" is not an answer to \"{}\"", target.id),
        ));
    }
    Ok(())
}
