//! Loading the set-up once per visit: `config.json`, then, at once, the
//! words and question set it names (each page preloads them). They are
//! loaded up front, so the check makes no network request once started; the
//! directory follows when a page needs it (`state::directory`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::config::Config;
use crate::core::i18n::{choose_language, questions_in};
use crate::core::page_options::{config_override, ParsedUrl};
use crate::core::questions::QuestionSet;
use crate::core::FieldError;
use crate::web::platform::dom::{page_options, query_param};
use crate::web::platform::fetch::{fetch_text, FetchProblem};
use crate::web::platform::storage::{storage_allowed, Key};
use crate::web::state::kiosk::KioskGuard;
use crate::web::state::words::Words;

/// A data file that could not be used, and why: shown on the set-up error page.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProblem {
    pub file: String,
    pub error: FieldError,
}

/// Everything a deployment configures, checked, in the visit's language.
pub struct Setup {
    pub config: Config,
    pub questions: QuestionSet,
    /// The language of this visit (see [`chosen_language`]).
    pub language: String,
}

pub type SetupResult = Result<Arc<Setup>, LoadProblem>;

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

/// A set-up that cannot be used is an error for the app's `ErrorBoundary`.
impl std::error::Error for LoadProblem {}

/// The set-up as loaded for this visit: `None` until it has arrived. Loaded
/// once; the app reads it inside `Suspense`, so nothing is drawn before it.
#[derive(Clone, Copy)]
pub struct SetupResource(pub LocalResource<SetupResult>);

impl SetupResource {
    /// Starts loading the set-up, and once it is in, what depends on it: the
    /// kiosk guard and the offline copy. (The outbox is resent by `state::referral`.)
    pub fn load(kiosk: RwSignal<KioskGuard>, words: Words) -> Self {
        let setup = SetupResource(LocalResource::new(move || load_setup(words)));
        Effect::new(move || match setup.0.get() {
            Some(Ok(s)) if s.config.kiosk.enabled => kiosk.set(KioskGuard::Protected),
            Some(Ok(s)) => {
                // Not in development builds, where a kept copy would hide each rebuild.
                if !cfg!(debug_assertions) {
                    crate::web::platform::offline::keep_for_offline();
                    if s.language != "en" {
                        let questions = questions_in(&s.config.questions.url, &s.language);
                        crate::web::platform::offline::keep_files_offline(vec![
                            format!("locales/{}.json", s.language),
                            questions,
                        ]);
                    }
                }
            }
            Some(Err(_)) if page_options().kiosk => kiosk.set(KioskGuard::OutOfOrder),
            _ => {}
        });
        setup
    }

    /// The set-up, once loaded without problems (untracked: for handlers).
    pub fn loaded(&self) -> Option<Arc<Setup>> {
        self.0.get_untracked().and_then(Result::ok)
    }

    /// Whether anything may be kept in this browser: not on a shared kiosk, and
    /// not before the set-up says which this is.
    pub fn may_store(&self) -> bool {
        self.loaded().is_some_and(|s| !s.config.kiosk.enabled)
    }

    /// Whether this is a shared screen (config `kiosk.enabled` or `?mode=kiosk`).
    pub fn on_kiosk(&self) -> bool {
        self.loaded().is_some_and(|s| s.config.kiosk.enabled)
    }
}

/// A fetched file, or why it could not be fetched, in words. Called only once
/// the words are loaded, so the reason is never shown as a message key.
pub(crate) fn fetched_file(
    file: &str,
    fetched: Result<String, FetchProblem>,
    words: Words,
) -> Result<String, LoadProblem> {
    fetched.map_err(|p| LoadProblem {
        file: file.to_string(),
        error: FieldError::new("", words.with(|tr| p.describe(tr))),
    })
}

pub(crate) fn named(file: &str, error: FieldError) -> LoadProblem {
    leptos::logging::warn!("{file}: {error}");
    LoadProblem { file: file.to_string(), error }
}

/// Fetches and checks the config and question set, and applies the config's
/// language and colours to the page.
pub async fn load_setup(words: Words) -> SetupResult {
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
            let problem = fetched.err().map(|p| words.with(|tr| p.describe(tr))).unwrap_or_default();
            return Err(LoadProblem { file, error: FieldError::new("", problem) });
        }
    };
    page_options().apply_to(&mut config);
    let language = chosen_language(&config);
    apply_to_page(&config, &language);
    crate::web::platform::stopped::name_organisation_on_stopped_page(&config);
    // The words and question set are fetched at once; the directory waits
    // until results are needed (`state::directory`).
    let mut questions_file = questions_in(&config.questions.url, &language);
    let (_, mut questions_text) = futures::join!(words.load(&language), fetch_text(&questions_file));
    // A deployment's own question set may have no translation: it is asked in
    // its own words. (A host may answer a missing file with the app's page
    // and 200, so "not a question set" counts as missing too.)
    let translated = questions_text.as_ref().ok().and_then(|text| QuestionSet::parse(text).ok());
    let questions = match translated {
        Some(questions) => questions,
        None => {
            if questions_file != config.questions.url {
                questions_file = config.questions.url.clone();
                questions_text = fetch_text(&questions_file).await;
            }
            let questions_text = fetched_file(&questions_file, questions_text, words)?;
            QuestionSet::parse(&questions_text).map_err(|e| named(&questions_file, e))?
        }
    };
    Ok(Arc::new(Setup { config, questions, language }))
}

/// The visit's language (`core::i18n::choose_language`): `?lang=`, else the
/// choice kept on this device, else the config's. A choice made with
/// `?lang=` is kept for next time, except on a kiosk.
fn chosen_language(config: &Config) -> String {
    use gloo_storage::Storage;
    let kiosk = config.kiosk.enabled;
    // Not from an embed's data-lang either: that is the host's choice, not the person's.
    let embedded = page_options().embed.is_some();
    let may_keep = !kiosk && !embedded && storage_allowed(true);
    let asked = query_param("lang");
    let kept: Option<String> =
        may_keep.then(|| gloo_storage::LocalStorage::get(Key::Language.name()).ok()).flatten();
    let language =
        choose_language(&config.languages, &config.language, asked.as_deref(), kept.as_deref(), kiosk)
            .to_string();
    if may_keep && asked.as_deref() == Some(language.as_str()) {
        let _ = gloo_storage::LocalStorage::set(Key::Language.name(), &language);
    }
    language
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
    query_param("config")
        .and_then(|raw| {
            let followed = config_override(&raw, &page_origin, parse);
            if followed.is_none() {
                // Display, not Debug: string escaping would add its Unicode tables to the widget.
                leptos::logging::warn!(
                    "?config=\"{raw}\" ignored: only a .json file on this site is followed"
                );
            }
            followed
        })
        .unwrap_or_else(|| "config.json".to_string())
}

fn apply_to_page(config: &Config, language: &str) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", language);
    let rtl = crate::core::i18n::language(language).is_some_and(|l| l.right_to_left);
    let _ = root.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
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
