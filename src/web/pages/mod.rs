//! One module per route of the journey.

mod about;
mod check;
mod help;
mod start;

pub use about::{
    AccessibilityPage, ConfirmationPage, CreditsPage, GroupPage, GroupPageProps, NotFoundPage, PrivacyPage,
    ReferPage,
};
pub use check::{CheckAnswersPage, CheckPage, QuestionPage, QuestionPageProps, ResultsPage};
pub use help::HelpPage;
pub use start::StartPage;
