//! `cargo xtask prerender [dir]`: writes each page of the widget into the
//! build as real HTML (`core::route::Route::prerendered`, each in its
//! `Route::file`), so every address a person can land on paints its own
//! content before the wasm arrives, and keeps the plain shell as `app.html`
//! for the rest. Each page preloads the data it needs (`Route::needs_directory`),
//! so a deep link fetches the directory beside the code, not after it.
//! tests/support/prerender.mjs renders the pages with the built app in
//! Chromium. Trunk's `post_build` hook runs this for release builds, after
//! the modules and before the offline list; development builds keep the
//! plain shell.

use std::fs;
use std::path::{Path, PathBuf};

use waymark::core::config::Config;
use waymark::core::directory::Directory;
use waymark::core::questions::QuestionSet;
use waymark::core::route::Route;
use waymark::core::tiles::EVERYWHERE;

pub fn run(args: &[String]) -> Result<(), String> {
    let dir = match (args.first(), std::env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Some(staging)) => PathBuf::from(staging),
        (None, None) => crate::root().join("dist"),
    };
    if std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile != "release") {
        println!("prerender: a development build keeps the plain shell");
        return Ok(());
    }
    let pages = pages_json(&dir)?;
    let list = dir.join(".prerender-pages.json");
    fs::write(&list, pages).map_err(|e| format!("{}: {e}", list.display()))?;
    let rendered = crate::run::node_script(
        "support/prerender.mjs",
        &[("WAYMARK_DIST", &dir.to_string_lossy()), ("WAYMARK_PAGES", &list.to_string_lossy())],
    );
    let _ = fs::remove_file(&list);
    rendered
}

/// The pages to write, as JSON for the renderer: each page's address, its
/// file, and the files it fetches at start (the config first).
fn pages_json(dir: &Path) -> Result<String, String> {
    let read = |file: &str| fs::read_to_string(dir.join(file)).map_err(|e| format!("{file}: {e}"));
    let config = Config::parse(&read("config.json")?).map_err(|e| format!("config.json: {e}"))?;
    let questions = QuestionSet::parse(&read(&config.questions.url)?)
        .map_err(|e| format!("{}: {e}", config.questions.url))?;
    let question_ids: Vec<&str> = questions.questions.iter().map(|q| q.id.as_str()).collect();
    let source = &config.directory;
    let local = !source.url.contains("://");
    let directory_files: Vec<String> = match (source.tiled, local) {
        (_, false) => Vec::new(),
        (true, true) => vec![format!("{}index.json", source.url), format!("{}{EVERYWHERE}.json", source.url)],
        (false, true) => vec![source.url.clone()],
    };
    // Only a directory in one file of this build has its groups written out.
    let mut directory = match (source.tiled, local) {
        (false, true) => {
            Some(Directory::parse(&read(&source.url)?).map_err(|e| format!("{}: {e}", source.url))?)
        }
        _ => None,
    };
    if let (Some(organisation), Some(directory)) = (&source.organisation_id, directory.as_mut()) {
        // The app shows this organisation's groups only; none matching is its error page.
        let _ = directory.keep_organisation(organisation);
    }
    let group_ids: Vec<&str> = directory.iter().flat_map(|d| &d.services).map(|s| s.id.as_str()).collect();
    let start =
        ["config.json".to_string(), format!("locales/{}.json", config.language), config.questions.url];
    let pages: Vec<serde_json::Value> = Route::prerendered(&question_ids, &group_ids)
        .iter()
        .map(|route| {
            let mut preload: Vec<String> = start.iter().filter(|f| !f.contains("://")).cloned().collect();
            if route.needs_directory() {
                preload.extend(directory_files.iter().cloned());
            }
            serde_json::json!({ "path": route.path("/"), "file": route.file(), "preload": preload })
        })
        .collect();
    serde_json::to_string_pretty(&pages).map_err(|e| e.to_string())
}
