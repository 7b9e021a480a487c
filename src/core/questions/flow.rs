//! Which questions a person sees, and where "Continue" goes.

use crate::core::questions::{Answers, Question, QuestionSet};

/// Where to go after a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Another question, by id.
    Question(String),
    /// All visible questions are answered: the check-your-answers page.
    CheckAnswers,
    /// An answer means the person needs urgent help now.
    UrgentHelp,
}

impl QuestionSet {
    /// Whether `question` applies, given the answers so far: its show-if rule
    /// holds, and the question that rule looks at applies too.
    ///
    /// A loop, not recursion: a set of ten thousand questions, each shown
    /// only after the one before, must not run the stack out. A chain of
    /// rules longer than the set (a cycle, which `QuestionSet::parse`
    /// refuses but a hand-built set could hold) means not shown.
    pub fn is_visible(&self, question: &Question, answers: &Answers) -> bool {
        let mut current = question;
        for _ in 0..=self.questions.len() {
            let Some(rule) = &current.show_if else {
                return true;
            };
            let Some(target) = self.question(&rule.question) else {
                return false;
            };
            if !answers.get(&rule.question).is_some_and(|a| rule.any_of.iter().any(|v| a.includes(v))) {
                return false;
            }
            current = target;
        }
        false
    }

    /// The questions that apply, in order.
    pub fn visible<'a>(&'a self, answers: &'a Answers) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| self.is_visible(q, answers))
    }

    /// Whether any answer to a question that applies calls for urgent help.
    pub fn needs_urgent_help(&self, answers: &Answers) -> bool {
        self.visible(answers)
            .any(|q| answers.get(&q.id).is_some_and(|a| q.urgent_if.iter().any(|v| a.includes(v))))
    }

    /// Where to go after answering `current`: urgent help if an answer calls
    /// for it, else the next question that applies, else check your answers.
    ///
    /// ```
    /// use waymark::core::questions::{Answer, Answers, Next, QuestionSet};
    /// let set = QuestionSet::parse(include_str!("../../../public/questions/default.json")).unwrap();
    /// let mut answers = Answers::default();
    /// answers.set("safety", Some(Answer::Choice("yes".into())));
    /// assert_eq!(set.next_after("safety", &answers), Next::UrgentHelp);
    /// answers.set("safety", Some(Answer::Choice("no".into())));
    /// assert_eq!(set.next_after("safety", &answers), Next::Question("topics".into()));
    /// ```
    pub fn next_after(&self, current: &str, answers: &Answers) -> Next {
        if self.needs_urgent_help(answers) {
            return Next::UrgentHelp;
        }
        let position = self.questions.iter().position(|q| q.id == current);
        let later = self.questions.iter().skip(position.map_or(0, |p| p + 1));
        match later.into_iter().find(|q| self.is_visible(q, answers)) {
            Some(q) => Next::Question(q.id.clone()),
            None => Next::CheckAnswers,
        }
    }

    /// The question before `current` that applies, for the back link.
    pub fn previous_before(&self, current: &str, answers: &Answers) -> Option<&Question> {
        let position = self.questions.iter().position(|q| q.id == current)?;
        self.questions[..position].iter().rev().find(|q| self.is_visible(q, answers))
    }

    /// The first question that applies and still needs an answer, if any:
    /// after a change on check-your-answers, this is where to go next.
    pub fn first_unanswered<'a>(&'a self, answers: &'a Answers) -> Option<&'a Question> {
        self.visible(answers).find(|q| q.required && answers.get(&q.id).is_none())
    }

    /// Answers to questions that no longer apply are not used or sent.
    pub fn relevant_answers(&self, answers: &Answers) -> Answers {
        let mut kept = Answers::default();
        for q in self.visible(answers) {
            if let Some(a) = answers.get(&q.id) {
                kept.set(&q.id, Some(a.clone()));
            }
        }
        kept
    }
}
