use crate::core::markup::Html;
use crate::core::questions::{NeedsProfile, QuestionSet};

/// The suggested kinds of support, strongest first, each with the person's
/// own answers as the reasons. No scores are shown.
///
/// ```
/// use waymark::core::markup::needs_list;
/// use waymark::core::questions::{Answer, Answers, QuestionSet};
/// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
/// let mut answers = Answers::default();
/// answers.set("topics", Some(Answer::Choices(vec!["getting-active".into()])));
/// let html = needs_list(&set, &set.profile(&answers));
/// assert!(html.contains("<h2 class=\"wm-card__heading\">Getting more active</h2>"));
/// assert!(html.contains("<li>You said you would like to get more active.</li>"));
/// ```
pub fn needs_list(set: &QuestionSet, profile: &NeedsProfile) -> String {
    let mut html = Html::new();
    html.open("ol", &[("class", Some("wm-card-list"))]);
    for score in &profile.needs {
        let label = set.need(&score.need).map(|n| n.label.as_str()).unwrap_or(&score.need);
        html.open("li", &[("class", Some("wm-card"))]);
        html.element("h2", "wm-card__heading", label);
        if !score.reasons.is_empty() {
            html.open("ul", &[("class", Some("wm-list wm-list--bullet"))]);
            for reason in &score.reasons {
                html.open("li", &[]).text(reason).close("li");
            }
            html.close("ul");
        }
        html.close("li");
    }
    html.close("ol");
    html.finish()
}
