//! One module per route of the journey. Each page is a function from the
//! set-up to a [`Screen`](crate::web::components::Screen).

mod about;
mod check;
mod group;
mod help;
mod refer;
mod results;
mod shortlist;
mod start;

pub use about::{AccessibilityPage, CreditsPage, LoadProblemPage, NotFoundPage, PrivacyPage, ShortPage};
pub use check::{CheckAnswersPage, CheckPage, QuestionPage};
pub use group::GroupPage;
pub use help::{HelpPage, LoadingPage, OutOfOrderPage};
pub use refer::ReferPage;
pub use results::ResultsPage;
pub use shortlist::ShortlistPage;
pub use start::StartPage;
