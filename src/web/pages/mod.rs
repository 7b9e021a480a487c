//! One module per route of the journey.

mod about;
mod check;
mod group;
mod help;
mod start;

pub(crate) use about::short_page as about_short_page;
pub use about::{AccessibilityPage, ConfirmationPage, CreditsPage, NotFoundPage, PrivacyPage, ReferPage};
pub use check::{CheckAnswersPage, CheckPage, QuestionPage, QuestionPageProps, ResultsPage};
pub use group::{service_words, GroupPage, GroupPageProps};
pub use help::HelpPage;
pub use start::StartPage;
