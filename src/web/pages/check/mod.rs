//! The needs check pages: one question per page, and check your answers.

mod answers_page;
mod fields;
mod question;

pub use answers_page::CheckAnswersPage;
pub use question::QuestionPage;
