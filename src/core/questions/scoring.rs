//! Answers → a ranked needs profile, with the reasons behind each need. Never
//! a diagnosis or a verdict: the weights only choose what to suggest first.

use crate::core::questions::{Answer, Answers, QuestionSet, Weights};
use crate::core::taxonomy::TermSet;

/// One need with its total weight and the reasons that led to it.
#[derive(Clone, Debug, PartialEq)]
pub struct NeedScore {
    pub need: String,
    /// The directory taxonomy terms that serve this need.
    pub terms: TermSet,
    pub weight: f32,
    /// Plain-words reasons from the answers, e.g. "You said you often feel left out."
    pub reasons: Vec<String>,
}

/// The needs with any weight, strongest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NeedsProfile {
    pub needs: Vec<NeedScore>,
}

impl NeedsProfile {
    /// The need ids, strongest first.
    pub fn ids(&self) -> Vec<&str> {
        self.needs.iter().map(|n| n.need.as_str()).collect()
    }
}

impl QuestionSet {
    /// Scores the answers to the questions that apply. Each answer option (or
    /// scale band) adds its weights; needs are ranked by total weight, ties in
    /// the order the set lists its needs. Scale answers are never summed
    /// across questions into one score: each band stands alone.
    ///
    /// ```
    /// use waymark::core::questions::{Answer, Answers, QuestionSet};
    /// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
    /// let mut answers = Answers::default();
    /// answers.set("safety", Some(Answer::Choice("no".into())));
    /// answers.set("topics", Some(Answer::Choices(vec!["getting-active".into()])));
    /// assert_eq!(set.profile(&answers).ids(), vec!["getting-active"]);
    /// ```
    pub fn profile(&self, answers: &Answers) -> NeedsProfile {
        let mut scores: Vec<NeedScore> = self
            .needs
            .iter()
            .map(|n| NeedScore {
                need: n.id.clone(),
                terms: TermSet::new(&n.terms),
                weight: 0.0,
                reasons: Vec::new(),
            })
            .collect();
        let mut add = |weights: &Weights| {
            for (need, weight) in &weights.needs {
                if let Some(score) = scores.iter_mut().find(|s| &s.need == need) {
                    score.weight += weight;
                    if let Some(reason) = &weights.reason {
                        if *weight > 0.0 && !score.reasons.contains(reason) {
                            score.reasons.push(reason.clone());
                        }
                    }
                }
            }
        };
        for question in self.visible(answers) {
            match answers.get(&question.id) {
                Some(Answer::Choice(v)) => {
                    question.choices.iter().filter(|c| &c.value == v).for_each(|c| add(&c.weights))
                }
                Some(Answer::Choices(vs)) => {
                    question.choices.iter().filter(|c| vs.contains(&c.value)).for_each(|c| add(&c.weights))
                }
                Some(Answer::Number(n)) => question
                    .bands
                    .iter()
                    .filter(|b| (b.from..=b.to).contains(n))
                    .for_each(|b| add(&b.weights)),
                Some(Answer::Text(_)) | None => {}
            }
        }
        scores.retain(|s| s.weight > 0.0);
        // Insertion keeps the set's order among equal weights; there are only a handful of needs.
        let mut ranked: Vec<NeedScore> = Vec::with_capacity(scores.len());
        for score in scores {
            let at = ranked.iter().position(|r| r.weight < score.weight).unwrap_or(ranked.len());
            ranked.insert(at, score);
        }
        NeedsProfile { needs: ranked }
    }
}
