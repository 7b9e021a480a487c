//! Trunk preloads the wasm with `crossorigin="anonymous"`, but `boot.js`
//! fetches it as the widget fetches every file of its own site (no-cors,
//! credentials included, with the preload's integrity hash; see
//! `src/web/platform/fetch.rs`). The preload is rewritten to ask for it the
//! same way, so no engine fetches the wasm twice: WebKit gives a
//! `crossorigin` preload an `Origin` header that a same-site fetch never has,
//! and so never matched the two.

use std::fs;
use std::path::{Path, PathBuf};

const TRUNKS_WASM_PRELOAD: &str = "_bg.wasm\" crossorigin=\"anonymous\"";

/// The page with Trunk's one preload of the wasm asked for as `boot.js`
/// fetches it (its integrity hash kept).
pub fn as_boot_fetches(page: &str) -> Result<String, String> {
    match page.matches(TRUNKS_WASM_PRELOAD).count() {
        1 => Ok(page.replace(TRUNKS_WASM_PRELOAD, "_bg.wasm\"")),
        0 if page.contains("_bg.wasm\" integrity=") => Ok(page.to_string()),
        _ => Err("the page has no preload of the wasm in Trunk's form".into()),
    }
}

/// Rewrites the widget's page in the build being made (Trunk's staging
/// folder under its hook, else `dist/`).
pub fn run() -> Result<(), String> {
    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::root().join("dist"));
    rewrite(&dir.join("index.html"))
}

pub fn rewrite(page: &Path) -> Result<(), String> {
    let text = fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
    let rewritten = as_boot_fetches(&text).map_err(|e| format!("{}: {e}", page.display()))?;
    fs::write(page, rewritten).map_err(|e| format!("{}: {e}", page.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNKS: &str = r#"<link rel="modulepreload" href="/waymark-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-js"><link rel="preload" href="/waymark-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm">"#;

    #[test]
    fn the_wasm_preload_loses_crossorigin_and_keeps_its_hash() {
        let page = as_boot_fetches(TRUNKS).unwrap();
        assert!(
            page.contains(r#"href="/waymark-0123456789abcdef_bg.wasm" integrity="sha384-wasm" as="fetch""#)
        );
        // A module script is always fetched with CORS: its preload keeps crossorigin.
        assert!(page.contains(r#".js" crossorigin="anonymous""#));
        // Rewriting twice (a hook run again on the same folder) changes nothing.
        assert_eq!(as_boot_fetches(&page).unwrap(), page);
    }

    #[test]
    fn a_page_without_trunks_preload_is_an_error() {
        assert!(as_boot_fetches("<html><head></head></html>").is_err());
    }
}
