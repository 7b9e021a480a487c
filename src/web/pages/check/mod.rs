//! The needs check pages: one question per page, and check your answers.

mod answers_page;
mod question;

pub use answers_page::check_answers_page;
pub use question::{check_page, question_page};
