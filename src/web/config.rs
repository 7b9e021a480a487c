//! Loading `config.json` once, and sharing it with every page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::config::{is_safe_config_override, Config};
use crate::core::FieldError;
use crate::web::fetch::fetch_text;

/// A data file that could not be used, and why: shown on the set-up error page.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProblem {
    pub file: String,
    pub error: FieldError,
}

pub type ConfigResult = Result<Arc<Config>, LoadProblem>;

/// The config as loaded for this visit; pages read it through [`ConfigGate`](crate::web::components::ConfigGate).
#[derive(Clone, Copy)]
pub struct ConfigResource(pub LocalResource<ConfigResult>);

/// Which config file to read: `?config=/path.json` on this site, or `config.json`.
pub fn config_url() -> String {
    crate::web::browser::query_param("config")
        .filter(|path| is_safe_config_override(path))
        .unwrap_or_else(|| "config.json".to_string())
}

/// Fetches and checks the config, and applies its language and colours to the page.
pub async fn load_config() -> ConfigResult {
    let file = config_url();
    let text = fetch_text(&file).await.map_err(|p| LoadProblem {
        file: file.clone(),
        error: FieldError::new("", p.describe()),
    })?;
    let config = Config::parse(&text).map_err(|error| {
        leptos::logging::warn!("{file}: {error}");
        LoadProblem {
            file: file.clone(),
            error,
        }
    })?;
    apply_to_page(&config);
    Ok(Arc::new(config))
}

fn apply_to_page(config: &Config) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", &config.language);
    // Colours were checked to be hex in the core, so this cannot inject CSS.
    let style: String = config
        .theme_properties()
        .iter()
        .map(|(name, value)| format!("{name}:{value};"))
        .collect();
    if !style.is_empty() {
        let _ = root.set_attribute("style", &style);
    }
}
