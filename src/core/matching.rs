//! Which directory services fit a needs profile. Each need maps to taxonomy
//! terms (`waymark:<need>` unless the question set names others, compared as
//! `taxonomy` says); a service scores the weight of every need one of its
//! terms serves. Distance is added in `ranking`.

use crate::core::directory::Service;
use crate::core::questions::NeedsProfile;

/// How well `service` fits: the summed weight of the needs it serves.
pub fn fit(service: &Service, profile: &NeedsProfile) -> f32 {
    profile.needs.iter().filter(|n| service.terms.iter().any(|t| n.terms.matches(t))).map(|n| n.weight).sum()
}

/// Services that fit at all, best first; equal fits keep directory order.
///
/// ```
/// use waymark::core::directory::Directory;
/// use waymark::core::matching::best_fit;
/// use waymark::core::questions::{Answer, Answers, QuestionSet};
/// let set = QuestionSet::parse(include_str!("../../public/questions/default.json")).unwrap();
/// let dir = Directory::parse(include_str!("../../public/data/somerset-sample.json")).unwrap();
/// let mut answers = Answers::default();
/// answers.set("topics", Some(Answer::Choices(vec!["money-housing".into()])));
/// let fits = best_fit(&dir.services, &set.profile(&answers));
/// assert!(fits[0].name.contains("Money"));
/// ```
pub fn best_fit<'a>(services: &'a [Service], profile: &NeedsProfile) -> Vec<&'a Service> {
    let mut scored: Vec<(f32, &Service)> =
        services.iter().map(|s| (fit(s, profile), s)).filter(|(score, _)| *score > 0.0).collect();
    let mut ranked: Vec<&Service> = Vec::with_capacity(scored.len());
    // Selection by repeated maximum keeps the download free of sort code; lists are short.
    while let Some(best) =
        scored.iter().enumerate().fold(None, |best: Option<(usize, f32)>, (i, (score, _))| match best {
            Some((_, top)) if top >= *score => best,
            _ => Some((i, *score)),
        })
    {
        ranked.push(scored.remove(best.0).1);
    }
    ranked
}
