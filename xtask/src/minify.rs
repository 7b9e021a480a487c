//! Minifying the JavaScript on every visitor's way (the wasm-bindgen glue,
//! `boot.js`, `sw.js`) in a release build, before its pages are written:
//! `tests/support/minify.mjs`, with esbuild from `tests/package-lock.json`;
//! then the map's bundle, which is loaded only when a person asks for a map
//! (`tests/support/map-bundle.mjs`).

use std::path::PathBuf;

pub fn run() -> Result<(), String> {
    if std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile != "release") {
        return Ok(());
    }
    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::root().join("dist"));
    let dist = [("WAYMARK_DIST", &*dir.to_string_lossy())];
    crate::run::node_script("support/minify.mjs", &dist)?;
    // The map's code and stylesheet, named on the start page before its pages are written from it.
    crate::run::node_script("support/map-bundle.mjs", &dist)
}
