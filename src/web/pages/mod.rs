//! One module (or folder) per route, named after its address (`results`
//! is `/results`, `check` is `/check/…`), and `problems` for the screens
//! with no address of their own. Each page is a component taking the set-up.

mod accessibility;
mod check;
mod credits;
mod group;
mod help;
pub mod inbox;
mod not_found;
mod privacy;
mod problems;
mod refer;
mod results;
mod shortlist;
mod start;

pub use accessibility::AccessibilityPage;
pub use check::{CheckAnswersPage, QuestionPage};
pub use credits::CreditsPage;
pub use group::GroupPage;
pub use help::HelpPage;
pub use not_found::NotFoundPage;
pub use privacy::PrivacyPage;
pub use problems::{LoadProblemPage, LoadingPage, OutOfOrderPage};
pub use refer::ReferPage;
pub use results::ResultsPage;
pub use shortlist::ShortlistPage;
pub use start::StartPage;
