//! One module per route of the journey.

mod about;
mod coming_soon;
mod help;
mod start;

pub use about::{AccessibilityPage, CreditsPage, NotFoundPage, PrivacyPage};
pub use coming_soon::{
    CheckPage, ConfirmationPage, GroupPage, GroupPageProps, ReferPage, ResultsPage,
};
pub use help::HelpPage;
pub use start::StartPage;
