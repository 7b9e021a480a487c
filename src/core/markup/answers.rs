use crate::core::markup::Html;
use crate::core::questions::{Answer, Answers, Kind, QuestionSet};
use crate::core::route::Route;

/// The rows of "Check your answers": each question that applies, the answer
/// in words, and a change link marked `data-change` (the page returns here
/// after the change).
///
/// ```
/// use waymark::core::markup::answers_list;
/// use waymark::core::questions::{Answer, Answers, QuestionSet};
/// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
/// let mut answers = Answers::default();
/// answers.set("safety", Some(Answer::Choice("no".into())));
/// let html = answers_list(&set, &answers, "/", "Change", "Not answered");
/// assert!(html.contains("<dd class=\"wm-summary-list__value\">No</dd>"));
/// assert!(html.contains("href=\"/check/safety\""));
/// ```
pub fn answers_list(
    set: &QuestionSet,
    answers: &Answers,
    base: &str,
    change: &str,
    not_answered: &str,
) -> String {
    let mut html = Html::new();
    html.open("dl", &[("class", Some("wm-summary-list"))]);
    for q in set.visible(answers) {
        let shown = match (answers.get(&q.id), &q.kind) {
            (None, _) => not_answered.to_string(),
            (Some(Answer::Choice(v)), _) => q.label_of(v).unwrap_or(v).to_string(),
            (Some(Answer::Choices(vs)), _) => {
                vs.iter().map(|v| q.label_of(v).unwrap_or(v)).collect::<Vec<_>>().join(", ")
            }
            (Some(Answer::Number(n)), Kind::Scale { max, .. }) => format!("{n} / {max}"),
            (Some(Answer::Number(n)), _) => n.to_string(),
            (Some(Answer::Text(text)), _) => text.clone(),
        };
        let href = Route::Question(q.id.clone()).path(base);
        html.open("div", &[("class", Some("wm-summary-list__row"))]);
        html.element("dt", "wm-summary-list__key", &q.text);
        html.element("dd", "wm-summary-list__value", &shown);
        html.open("dd", &[("class", Some("wm-summary-list__actions"))]);
        html.open("a", &[("href", Some(&href)), ("data-change", Some(""))]).text(change);
        html.element("span", "wm-visually-hidden", &format!(" {}", q.text)).close("a").close("dd");
        html.close("div");
    }
    html.close("dl");
    html.finish()
}
