//! One module per route of the journey. Each page is a function from the
//! set-up to a [`Screen`](crate::web::components::Screen).

mod about;
mod check;
mod group;
mod help;
mod nearby;
mod refer;
mod shortlist;
mod start;

pub use about::{AccessibilityPage, CreditsPage, LoadProblemPage, NotFoundPage, PrivacyPage, ShortPage};
pub use check::{CheckAnswersPage, CheckPage, QuestionPage};
pub use group::GroupPage;
#[cfg(not(feature = "journey"))]
pub use help::JourneyHandover;
pub use help::{HelpPage, LoadingPage, OutOfOrderPage};
pub use nearby::ResultsPage;
pub use refer::ReferPage;
pub use shortlist::ShortlistPage;
pub use start::StartPage;
