//! Reading the widget's own data files (config, directory, postcode tables)
//! through gloo-net, with the reasons a file could not be read in words.

use gloo_net::http::Request;
use web_sys::{RequestCredentials, RequestMode, ResponseType};

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
///
/// A file of this site is asked for exactly as the page's `<link
/// rel="preload" as="fetch">` asks (no-cors, credentials included), so every
/// engine hands over the preloaded copy. A `crossorigin` preload would not
/// do: WebKit gives it an `Origin` header that a same-site `fetch()` never
/// has, and so fetched each file twice. A same-site no-cors answer is read
/// in full; one that was redirected to another site is unreadable (opaque),
/// and counts as not reached. A file on another site (a deployer's remote
/// directory) is never preloaded, and is fetched with CORS.
pub async fn fetch_text(url: &str) -> Result<String, FetchProblem> {
    let request = match url.contains("//") {
        true => Request::get(url),
        false => Request::get(url).mode(RequestMode::NoCors).credentials(RequestCredentials::Include),
    };
    let response = request.send().await.map_err(|_| FetchProblem::Network)?;
    if response.type_() == ResponseType::Opaque {
        return Err(FetchProblem::Network);
    }
    match response.status() {
        200..=299 => response.text().await.map_err(|_| FetchProblem::Network),
        404 => Err(FetchProblem::NotFound),
        status => Err(FetchProblem::Status(status)),
    }
}
