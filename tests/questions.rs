//! The needs check: the default question set, the flow rules, scoring, and
//! every way a question set can be rejected.

use waymark::core::questions::{Answer, AnswerProblem, Answers, Kind, Next, QuestionSet};

const DEFAULT: &str = include_str!("../public/questions/default.json");

fn default_set() -> QuestionSet {
    QuestionSet::parse(DEFAULT).expect("the default question set is valid")
}

fn choice(v: &str) -> Option<Answer> {
    Some(Answer::Choice(v.into()))
}

/// Walks the check answering each question with `answer_for`, returning the
/// ids of the pages seen, as a person pressing Continue would.
fn walk(set: &QuestionSet, answer_for: impl Fn(&str) -> Option<Answer>) -> (Vec<String>, Next, Answers) {
    let mut answers = Answers::default();
    let mut seen = Vec::new();
    let mut current = set.questions[0].id.clone();
    loop {
        seen.push(current.clone());
        answers.set(&current, answer_for(&current));
        match set.next_after(&current, &answers) {
            Next::Question(next) => current = next,
            end => return (seen, end, answers),
        }
        assert!(seen.len() < 50, "the flow loops");
    }
}

fn typical_answer(id: &str, topics: &[&str]) -> Option<Answer> {
    match id {
        "safety" => choice("no"),
        "topics" => Some(Answer::Choices(topics.iter().map(|t| t.to_string()).collect())),
        "lack_companionship" | "left_out" | "isolated" => choice("often"),
        "lonely" => choice("some-of-the-time"),
        "life_satisfaction" | "worthwhile" | "happy_yesterday" => Some(Answer::Number(6)),
        "anxious_yesterday" => Some(Answer::Number(3)),
        "what_matters" => None,
        "who_for" => choice("me"),
        other => panic!("unexpected question {other}"),
    }
}

#[test]
fn the_safety_question_comes_first_and_a_yes_stops_the_check() {
    let set = default_set();
    assert_eq!(set.questions[0].id, "safety");
    assert!(matches!(set.questions[0].kind, Kind::YesNo));
    assert_eq!(set.questions[1].id, "topics");
    let (seen, end, _) =
        walk(&set, |id| if id == "safety" { choice("yes") } else { panic!("asked {id} after yes") });
    assert_eq!(seen, vec!["safety"]);
    assert_eq!(end, Next::UrgentHelp);
}

#[test]
fn ticking_one_topic_means_at_most_eight_pages() {
    let set = default_set();
    let topics = set.question("topics").unwrap();
    for option in &topics.choices {
        let (seen, end, _) = walk(&set, |id| typical_answer(id, &[&option.value]));
        assert_eq!(end, Next::CheckAnswers, "{}", option.value);
        assert!(seen.len() <= 8, "ticking {} shows {} pages: {seen:?}", option.value, seen.len());
    }
}

#[test]
fn loneliness_questions_appear_only_for_people_who_ask_about_it() {
    let set = default_set();
    let (seen, _, _) = walk(&set, |id| typical_answer(id, &["getting-active"]));
    assert!(!seen.contains(&"left_out".to_string()), "{seen:?}");
    let (seen, _, _) = walk(&set, |id| typical_answer(id, &["loneliness", "getting-active"]));
    for id in ["lack_companionship", "left_out", "isolated", "lonely"] {
        assert!(seen.contains(&id.to_string()), "{id} missing from {seen:?}");
    }
}

#[test]
fn a_lonely_person_who_wants_to_get_active_gets_those_two_needs_first() {
    let set = default_set();
    let (_, _, answers) = walk(&set, |id| typical_answer(id, &["loneliness", "getting-active"]));
    let profile = set.profile(&answers);
    assert_eq!(&profile.ids()[..2], &["loneliness", "getting-active"]);
    let loneliness = &profile.needs[0];
    assert!(
        loneliness.reasons.contains(&"You said you often feel left out.".to_string()),
        "{:?}",
        loneliness.reasons
    );
}

#[test]
fn any_often_on_the_loneliness_items_suggests_meeting_people_even_without_the_topic_weight() {
    let set = default_set();
    let mut answers = Answers::default();
    answers.set("safety", choice("no"));
    answers.set("topics", Some(Answer::Choices(vec!["loneliness".into()])));
    answers.set("isolated", choice("often"));
    let profile = set.profile(&answers);
    assert_eq!(profile.ids()[0], "loneliness");
    assert!(profile.needs[0].reasons.iter().any(|r| r.contains("isolated")));
}

#[test]
fn well_being_answers_are_banded_one_by_one_never_summed() {
    let set = default_set();
    let mut answers = Answers::default();
    answers.set("topics", Some(Answer::Choices(vec!["caring".into()])));
    // Low on one question only: its own band counts; the others are not added up.
    answers.set("life_satisfaction", Some(Answer::Number(3)));
    answers.set("worthwhile", Some(Answer::Number(5)));
    answers.set("happy_yesterday", Some(Answer::Number(5)));
    answers.set("anxious_yesterday", Some(Answer::Number(5)));
    let profile = set.profile(&answers);
    let wellbeing =
        profile.needs.iter().find(|n| n.need == "mental-wellbeing").expect("low satisfaction counts");
    assert_eq!(wellbeing.reasons, vec!["You said you are not very satisfied with your life at the moment."]);
    answers.set("life_satisfaction", Some(Answer::Number(5)));
    assert!(
        set.profile(&answers).needs.iter().all(|n| n.need != "mental-wellbeing"),
        "5 is in the medium band"
    );
    answers.set("anxious_yesterday", Some(Answer::Number(6)));
    assert!(set.profile(&answers).needs.iter().any(|n| n.need == "mental-wellbeing"), "6+ is high anxiety");
}

#[test]
fn answers_to_questions_that_no_longer_apply_are_dropped() {
    let set = default_set();
    let (_, _, mut answers) = walk(&set, |id| typical_answer(id, &["loneliness"]));
    assert!(answers.get("left_out").is_some());
    answers.set("topics", Some(Answer::Choices(vec!["money-housing".into()])));
    let kept = set.relevant_answers(&answers);
    assert!(kept.get("left_out").is_none());
    assert!(kept.get("who_for").is_some());
    assert_eq!(set.profile(&answers).ids(), vec!["money-housing"]);
}

#[test]
fn back_skips_questions_that_do_not_apply() {
    let set = default_set();
    let mut answers = Answers::default();
    answers.set("safety", choice("no"));
    answers.set("topics", Some(Answer::Choices(vec!["getting-active".into()])));
    assert_eq!(set.previous_before("what_matters", &answers).unwrap().id, "topics");
    assert!(set.previous_before("safety", &answers).is_none());
}

#[test]
fn after_a_change_the_first_unanswered_question_is_next() {
    let set = default_set();
    let (_, _, mut answers) = walk(&set, |id| typical_answer(id, &["getting-active"]));
    assert!(set.first_unanswered(&answers).is_none());
    answers.set("topics", Some(Answer::Choices(vec!["getting-active".into(), "loneliness".into()])));
    assert_eq!(set.first_unanswered(&answers).unwrap().id, "lack_companionship");
}

#[test]
fn accepting_answers_checks_them_against_the_question() {
    let set = default_set();
    let safety = set.question("safety").unwrap();
    assert_eq!(safety.accept(&[]), Err(AnswerProblem::Missing));
    assert_eq!(safety.accept(&["maybe".into()]), Err(AnswerProblem::NotAnOption));
    assert_eq!(safety.accept(&["no".into()]), Ok(choice("no")));

    let topics = set.question("topics").unwrap();
    let ticked = topics.accept(&["getting-active".into(), "loneliness".into(), "loneliness".into()]).unwrap();
    assert_eq!(
        ticked,
        Some(Answer::Choices(vec!["loneliness".into(), "getting-active".into()])),
        "set order, no repeats"
    );

    let scale = set.question("happy_yesterday").unwrap();
    assert_eq!(scale.accept(&["0".into()]), Ok(Some(Answer::Number(0))));
    assert_eq!(scale.accept(&["10".into()]), Ok(Some(Answer::Number(10))));
    assert_eq!(scale.accept(&["11".into()]), Err(AnswerProblem::NotAnOption));
    assert_eq!(scale.accept(&["-1".into()]), Err(AnswerProblem::NotAnOption));

    let text = set.question("what_matters").unwrap();
    assert_eq!(text.accept(&["   ".into()]), Ok(None), "optional and blank is skipped");
    assert_eq!(text.accept(&["x".repeat(501)]), Err(AnswerProblem::TooLong));
    assert_eq!(
        text.accept(&["é".repeat(500)]),
        Ok(Some(Answer::Text("é".repeat(500)))),
        "counts characters, not bytes"
    );
}

#[test]
fn saved_answers_survive_a_reload() {
    let set = default_set();
    let (_, _, answers) = walk(&set, |id| match id {
        "what_matters" => Some(Answer::Text("Getting back to \"the allotment\"".into())),
        other => typical_answer(other, &["loneliness", "caring"]),
    });
    assert_eq!(Answers::from_json(&answers.to_json()), answers);
    assert_eq!(Answers::from_json("not json"), Answers::default());
}

fn reject(questions: &str) -> (String, String) {
    let needs = r#"[ { "id": "loneliness", "label": "Loneliness" } ]"#;
    let err =
        QuestionSet::parse(&format!(r#"{{ "needs": {needs}, "questions": {questions} }}"#)).unwrap_err();
    (err.field, err.problem)
}

const TWO_OPTIONS: &str = r#"[ { "value": "a", "label": "A" }, { "value": "b", "label": "B" } ]"#;

#[test]
fn an_unknown_kind_is_named() {
    let (field, problem) = reject(r#"[ { "id": "q1", "kind": "slider", "text": "?" } ]"#);
    assert_eq!(field, "questions[0].kind");
    assert!(problem.contains("slider"));
    assert!(problem.contains("(question \"q1\")"), "the message names the question: {problem}");
}

#[test]
fn a_duplicate_id_is_named() {
    let q = format!(r#"{{ "id": "q1", "kind": "single", "text": "?", "options": {TWO_OPTIONS} }}"#);
    let (field, problem) = reject(&format!("[ {q}, {q} ]"));
    assert_eq!(field, "questions[1].id");
    assert!(problem.contains("q1"));
}

#[test]
fn a_rule_pointing_at_a_missing_question_is_named() {
    let (field, problem) = reject(
        r#"[ { "id": "q1", "kind": "text", "text": "?", "show_if": { "question": "nope", "any_of": ["a"] } } ]"#,
    );
    assert_eq!(field, "questions[0].show_if.question");
    assert!(problem.contains("nope"));
}

#[test]
fn a_rule_may_only_look_back() {
    let q2 = format!(r#"{{ "id": "q2", "kind": "single", "text": "?", "options": {TWO_OPTIONS} }}"#);
    let (field, _) = reject(&format!(
        r#"[ {{ "id": "q1", "kind": "text", "text": "?", "show_if": {{ "question": "q2", "any_of": ["a"] }} }}, {q2} ]"#
    ));
    assert_eq!(field, "questions[0].show_if.question");
}

#[test]
fn a_rule_on_an_answer_that_does_not_exist_is_named() {
    let q1 = format!(r#"{{ "id": "q1", "kind": "single", "text": "?", "options": {TWO_OPTIONS} }}"#);
    let (field, problem) = reject(&format!(
        r#"[ {q1}, {{ "id": "q2", "kind": "text", "text": "?", "show_if": {{ "question": "q1", "any_of": ["c"] }} }} ]"#
    ));
    assert_eq!(field, "questions[1].show_if.any_of");
    assert!(problem.contains("\"c\""));
}

#[test]
fn weights_for_an_unknown_need_are_named() {
    let (field, problem) = reject(
        r#"[ { "id": "q1", "kind": "single", "text": "?", "options": [
            { "value": "a", "label": "A", "weights": { "lonliness": 2 } }, { "value": "b", "label": "B" } ] } ]"#,
    );
    assert_eq!(field, "questions[0].options[0].weights.lonliness");
    assert!(problem.contains("not one of the needs"));
}

#[test]
fn other_inconsistencies_are_named() {
    let cases = [
        (
            r#"[ { "id": "q1", "kind": "single", "text": "?", "options": [ { "value": "a", "label": "A" } ] } ]"#,
            "questions[0].options",
        ),
        (
            r#"[ { "id": "q1", "kind": "yes_no", "text": "?", "options": [ { "value": "no", "label": "No" }, { "value": "yes", "label": "Yes" } ] } ]"#,
            "questions[0].options",
        ),
        (
            r#"[ { "id": "q1", "kind": "scale", "text": "?", "min": 0, "max": 10, "min_label": "a", "max_label": "b", "bands": [ { "from": 5, "to": 11 } ] } ]"#,
            "questions[0].bands[0].to",
        ),
        (
            r#"[ { "id": "q1", "kind": "scale", "text": "?", "min": 5, "max": 5, "min_label": "a", "max_label": "b" } ]"#,
            "questions[0].max",
        ),
        (
            r#"[ { "id": "q1", "kind": "text", "text": "?", "options": [ { "value": "a", "label": "A" } ] } ]"#,
            "questions[0].options",
        ),
        (r#"[ { "id": "q 1", "kind": "text", "text": "?" } ]"#, "questions[0].id"),
        (r#"[ { "id": "q1", "kind": "text" } ]"#, "questions[0].text"),
        (r#"[ { "id": "q1", "kind": "text", "text": "?", "colour": "red" } ]"#, "questions[0].colour"),
        (r#"[]"#, "questions"),
    ];
    for (questions, expected) in cases {
        let (field, problem) = reject(questions);
        assert_eq!(field, expected, "{questions} gave {problem}");
    }
    let urgent = format!(
        r#"[ {{ "id": "q1", "kind": "single", "text": "?", "options": {TWO_OPTIONS}, "urgent_if": ["z"] }} ]"#
    );
    assert_eq!(reject(&urgent).0, "questions[0].urgent_if");
}

#[test]
fn saved_answers_keep_awkward_text_exactly() {
    let mut answers = Answers::default();
    let awkward = "Quotes \" and \\ backslashes,\nnew lines,\ttabs, \u{1} controls and emoji 🌳";
    answers.set("what_matters", Some(Answer::Text(awkward.into())));
    let json = answers.to_json();
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "valid JSON: {json}");
    assert_eq!(Answers::from_json(&json), answers);
}

#[test]
fn a_scale_offers_each_number_with_words_at_its_ends() {
    let set = default_set();
    let options = set.question("life_satisfaction").unwrap().options();
    assert_eq!(options.len(), 11);
    assert_eq!(
        (options[0].label.as_str(), options[0].scale_end.as_deref()),
        ("0", Some("Not at all satisfied"))
    );
    assert_eq!(options[5].scale_end, None);
    assert_eq!(options[10].scale_end.as_deref(), Some("Completely satisfied"));
    assert!(options.iter().all(|o| o.hint.is_none() && o.value == o.label));
}

#[test]
fn choices_are_offered_in_order_with_their_hints_and_text_has_no_options() {
    let set = default_set();
    let topics = set.question("topics").unwrap().options();
    assert_eq!(topics[0].label, "Meeting people or feeling less lonely");
    assert_eq!(
        topics[2].hint.as_deref(),
        Some("For example, a lung or heart condition, diabetes or arthritis.")
    );
    assert!(topics.iter().all(|o| o.scale_end.is_none()));
    assert!(set.question("what_matters").unwrap().options().is_empty());
}

#[test]
fn answers_are_put_in_the_words_of_their_question() {
    let set = default_set();
    let topics = set.question("topics").unwrap();
    let both = Answer::Choices(vec!["loneliness".into(), "getting-active".into()]);
    assert_eq!(topics.answer_in_words(&both), "Meeting people or feeling less lonely, Getting more active");
    assert_eq!(topics.answer_in_words(&Answer::Choices(vec!["gone".into()])), "gone");
    assert_eq!(set.question("life_satisfaction").unwrap().answer_in_words(&Answer::Number(7)), "7 / 10");
    let text = Answer::Text("Getting back to the allotment".into());
    assert_eq!(set.question("what_matters").unwrap().answer_in_words(&text), "Getting back to the allotment");
}

#[test]
fn a_saved_answer_fills_the_form_in_again() {
    let set = default_set();
    for (id, answer) in [
        ("safety", Answer::Choice("no".into())),
        ("topics", Answer::Choices(vec!["loneliness".into(), "caring".into()])),
        ("life_satisfaction", Answer::Number(3)),
        ("what_matters", Answer::Text("Company".into())),
    ] {
        assert_eq!(set.question(id).unwrap().accept(&answer.values()), Ok(Some(answer)));
    }
}

/// A question set with its words blanked: what must be the same in every language.
fn shape(text: &str) -> serde_json::Value {
    fn blank(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(fields) => {
                for (key, field) in fields.iter_mut() {
                    const WORDS: [&str; 8] =
                        ["label", "text", "hint", "note", "reason", "min_label", "max_label", "title"];
                    if WORDS.contains(&key.as_str()) && field.is_string() {
                        *field = serde_json::Value::String(String::new());
                    } else {
                        blank(field);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(blank),
            _ => {}
        }
    }
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    blank(&mut value);
    value
}

#[test]
fn every_translated_question_set_asks_the_same_questions_with_the_same_answers_and_weights() {
    let english = include_str!("../public/questions/default.json");
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/public/questions"));
    let mut translated = 0;
    for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "default.json" || !name.starts_with("default.") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let set = QuestionSet::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(shape(&text), shape(english), "{name}: only the words may differ from default.json");
        assert!(set.questions.iter().all(|q| !q.text.is_empty()), "{name}: every question has words");
        translated += 1;
    }
    assert_eq!(translated, 7, "Welsh and the six community languages");
}
