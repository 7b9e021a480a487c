//! Reading the widget's own data files (config, directory, postcode tables)
//! through gloo-net, with the reasons a file could not be read in words.

use gloo_net::http::Request;

use crate::core::i18n::Translator;

/// Why a file could not be read, in words for the set-up error page.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchProblem {
    NotFound,
    Status(u16),
    Network,
}

impl FetchProblem {
    pub fn describe(&self, words: &Translator) -> String {
        match self {
            FetchProblem::NotFound => words.text("problem.file_not_found"),
            FetchProblem::Status(code) => {
                words.format("problem.file_status", &[("status", &code.to_string())])
            }
            FetchProblem::Network => words.text("problem.file_network"),
        }
    }
}

/// Fetches `url` (relative to the page's base address) as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchProblem> {
    let response = Request::get(url).send().await.map_err(|_| FetchProblem::Network)?;
    match response.status() {
        200..=299 => response.text().await.map_err(|_| FetchProblem::Network),
        404 => Err(FetchProblem::NotFound),
        status => Err(FetchProblem::Status(status)),
    }
}
