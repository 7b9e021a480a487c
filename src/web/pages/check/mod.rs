//! The needs check pages: one question per page, check your answers, and
//! the suggestions that follow.

mod answers_page;
mod question;
mod results;

pub use answers_page::CheckAnswersPage;
pub use question::{CheckPage, QuestionPage, QuestionPageProps};
pub use results::ResultsPage;
