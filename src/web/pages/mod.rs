//! One module per route of the journey.

mod about;
mod check;
mod group;
mod help;
mod nearby;
mod shortlist;
mod start;

pub(crate) use about::short_page as about_short_page;
pub use about::{AccessibilityPage, ConfirmationPage, CreditsPage, NotFoundPage, PrivacyPage, ReferPage};
pub use check::{CheckAnswersPage, CheckPage, QuestionPage, QuestionPageProps};
pub use group::{GroupPage, GroupPageProps};
pub use nearby::ResultsPage;
pub use shortlist::ShortlistPage;
pub use help::HelpPage;
pub use start::StartPage;
