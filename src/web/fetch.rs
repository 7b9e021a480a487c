//! Reading the widget's own data files (config, directory, postcode tables).
//! A thin layer over `window.fetch`, kept small for the download budget.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read, in words for the set-up error page.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchProblem {
    NotFound,
    Status(u16),
    Network,
}

impl FetchProblem {
    pub fn describe(&self) -> String {
        match self {
            FetchProblem::NotFound => crate::web::i18n::t("problem.file_not_found"),
            FetchProblem::Status(code) => {
                crate::web::i18n::tf("problem.file_status", &[("status", &code.to_string())])
            }
            FetchProblem::Network => crate::web::i18n::t("problem.file_network"),
        }
    }
}

/// Fetches `url` (relative to the page's base address) as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchProblem> {
    let window = leptos::prelude::window();
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| FetchProblem::Network)?;
    let response: web_sys::Response = response.unchecked_into();
    match response.status() {
        200..=299 => {}
        404 => return Err(FetchProblem::NotFound),
        status => return Err(FetchProblem::Status(status)),
    }
    let text = response.text().map_err(|_| FetchProblem::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| FetchProblem::Network)?;
    text.as_string().ok_or(FetchProblem::Network)
}
