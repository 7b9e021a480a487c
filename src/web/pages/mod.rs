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
pub use check::{check_answers_page, check_page, question_page};
pub use group::group_page;
pub use help::{HelpPage, OutOfOrderPage};
pub use nearby::results_page;
pub use refer::ReferPage;
pub use shortlist::shortlist_page;
pub use start::StartPage;
