//! Loading the set-up once per visit: `config.json`, then, all at once, the
//! words, question set and directory it names. They are loaded up front, so
//! the check and its suggestions make no network request once started.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::config::Config;
use crate::core::directory::Directory;
use crate::core::page_options::{config_override, PageOptions, ParsedUrl};
use crate::core::questions::QuestionSet;
use crate::core::tiles::{read_index, EVERYWHERE};
use crate::core::FieldError;
use crate::web::fetch::{fetch_text, FetchProblem};
use crate::web::i18n::Words;
use crate::web::kiosk::KioskGuard;
use crate::web::nearby::NearbyState;

/// A data file that could not be used, and why: shown on the set-up error page.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProblem {
    pub file: String,
    pub error: FieldError,
}

/// Everything a deployment configures, checked.
pub struct Setup {
    pub config: Config,
    pub questions: QuestionSet,
    /// The whole directory from one file; empty for a tiled one, whose
    /// services `web::directory` holds.
    pub directory: Directory,
    /// For a tiled directory, the area tiles there are (see `web::directory`).
    pub tiles: Vec<String>,
}

pub type SetupResult = Result<Arc<Setup>, LoadProblem>;

/// The set-up as loaded for this visit: `None` until it has arrived.
///
/// A signal filled by one task rather than a `LocalResource`: the set-up is
/// loaded once and never refetched, and the resource's async machinery
/// costs about 5 KB of the download.
#[derive(Clone, Copy)]
pub struct SetupResource(pub RwSignal<Option<SetupResult>>);

impl SetupResource {
    /// Starts loading the set-up; on a kiosk, also kiosk mode, which `kiosk` follows.
    pub fn load(kiosk: RwSignal<KioskGuard>, words: Words, nearby: NearbyState) -> Self {
        let setup = SetupResource(RwSignal::new(None));
        leptos::task::spawn_local(async move {
            let loaded = load_setup(words, nearby).await;
            // The kiosk guard is set before the set-up, so a kiosk is never drawn unprotected.
            match loaded.as_ref() {
                Ok(s) if s.config.kiosk.enabled => crate::web::kiosk::start_kiosk(&s.config, kiosk),
                Ok(_) => {
                    // Not in development builds, where a kept copy would hide each rebuild.
                    if !cfg!(debug_assertions) {
                        crate::web::offline::keep_for_offline();
                    }
                }
                Err(_) if page_options().kiosk => kiosk.set(KioskGuard::OutOfOrder),
                Err(_) => {}
            }
            setup.0.set(Some(loaded));
        });
        setup
    }

    /// The config, once loaded without problems.
    pub fn config(&self) -> Option<Arc<Setup>> {
        self.0.get().and_then(Result::ok)
    }

    /// Whether anything may be kept in this browser: not on a shared kiosk, and
    /// not before the set-up says which this is.
    pub fn may_store(&self) -> bool {
        self.0.with_untracked(|s| matches!(s, Some(Ok(s)) if !s.config.kiosk.enabled))
    }

    /// Whether this is a shared screen (config `kiosk.enabled` or `?mode=kiosk`).
    pub fn on_kiosk(&self) -> bool {
        self.0.with_untracked(|s| matches!(s, Some(Ok(s)) if s.config.kiosk.enabled))
    }
}

/// A fetched file, or why it could not be fetched, in words. Called only once
/// the words are loaded, so the reason is never shown as a message key.
fn fetched_file(file: &str, fetched: Result<String, FetchProblem>, words: Words) -> Result<String, LoadProblem> {
    fetched.map_err(|p| LoadProblem { file: file.to_string(), error: FieldError::new("", p.describe(words)) })
}

fn named(file: &str, error: FieldError) -> LoadProblem {
    leptos::logging::warn!("{file}: {error}");
    LoadProblem { file: file.to_string(), error }
}

/// Fetches and checks the config and question set, and applies the config's
/// language and colours to the page.
pub async fn load_setup(words: Words, nearby: NearbyState) -> SetupResult {
    let file = config_url();
    let fetched = fetch_text(&file).await;
    let parsed = fetched.as_ref().ok().map(|text| Config::parse(text));
    // Words first, so even the set-up error page is in the person's language.
    let mut config = match parsed {
        Some(Ok(config)) => config,
        // The words still come first, so the set-up error page is in the person's language.
        Some(Err(error)) => {
            words.load("en").await;
            return Err(named(&file, error));
        }
        None => {
            words.load("en").await;
            let problem = fetched.err().map(|p| p.describe(words)).unwrap_or_default();
            return Err(LoadProblem { file, error: FieldError::new("", problem) });
        }
    };
    page_options().apply_to(&mut config);
    apply_to_page(&config);
    crate::web::stopped::name_organisation_on_stopped_page(&config);
    // Everything the config names is fetched at once, not one file after another.
    let questions_file = config.questions.url.clone();
    let folder = &config.directory.url;
    let (index_file, directory_file) = match config.directory.tiled {
        true => (Some(format!("{folder}index.json")), format!("{folder}{EVERYWHERE}.json")),
        false => (None, folder.clone()),
    };
    let index = async {
        match &index_file {
            Some(index) => Some(fetch_text(index).await),
            None => None,
        }
    };
    let (_, questions_text, index_text, directory_text) = futures::join!(
        words.load(&config.language),
        fetch_text(&questions_file),
        index,
        fetch_text(&directory_file),
    );
    let questions_text = fetched_file(&questions_file, questions_text, words)?;
    let questions = QuestionSet::parse(&questions_text).map_err(|e| named(&questions_file, e))?;
    let tiles = match (index_file, index_text) {
        (Some(index), Some(text)) => {
            read_index(&fetched_file(&index, text, words)?).map_err(|e| named(&index, e))?
        }
        _ => Vec::new(),
    };
    let file = directory_file;
    let directory_text = fetched_file(&file, directory_text, words)?;
    let mut directory = Directory::parse(&directory_text).map_err(|e| named(&file, e))?;
    for warning in &directory.warnings {
        leptos::logging::warn!("{file}: {warning}");
    }
    if let Some(organisation) = &config.directory.organisation_id {
        let kept = directory.keep_organisation(organisation);
        if !config.directory.tiled {
            kept.map_err(|e| named(&file, e))?;
        }
    }
    if config.directory.tiled {
        nearby.hold(std::mem::take(&mut directory.services));
    }
    Ok(Arc::new(Setup { config, questions, directory, tiles }))
}

/// What the page address asks for: kiosk mode, one organisation, embedding.
pub fn page_options() -> PageOptions {
    PageOptions::read(crate::web::browser::query_param)
}

/// Which config file to read: `?config=` when it names a `.json` file on this
/// widget's own origin (resolved by the browser's URL parser, see
/// [`config_override`]), else `config.json`.
pub fn config_url() -> String {
    let page_origin = window().location().origin().unwrap_or_default();
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let parse = |raw: &str| {
        let url = web_sys::Url::new_with_base(raw, &base).ok()?;
        Some(ParsedUrl {
            href: url.href(),
            origin: url.origin(),
            pathname: url.pathname(),
            username: url.username(),
            password: url.password(),
        })
    };
    crate::web::browser::query_param("config")
        .and_then(|raw| {
            let followed = config_override(&raw, &page_origin, parse);
            if followed.is_none() {
                leptos::logging::warn!("?config={raw:?} ignored: only a .json file on this site is followed");
            }
            followed
        })
        .unwrap_or_else(|| "config.json".to_string())
}

fn apply_to_page(config: &Config) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", &config.language);
    if config.kiosk.enabled {
        // Larger text and targets for a shared touch screen (style/main.css).
        let _ = root.class_list().add_1("wm-kiosk");
    }
    // Through the CSSOM, which a strict Content-Security-Policy allows (a
    // style attribute would need 'unsafe-inline'). Colours were checked to be
    // hex in the core.
    let style = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(root).style();
    for (name, value) in config.theme_properties() {
        let _ = style.set_property(name, value);
    }
}
