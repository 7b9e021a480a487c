//! Minifying the JavaScript on every visitor's way (the wasm-bindgen glue,
//! `boot.js`, `sw.js`) in a release build, before its pages are written:
//! `tests/support/minify.mjs`, with esbuild from `tests/package-lock.json`.

use std::path::PathBuf;

pub fn run() -> Result<(), String> {
    if std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile != "release") {
        return Ok(());
    }
    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::root().join("dist"));
    crate::run::node_script("support/minify.mjs", &[("WAYMARK_DIST", &dir.to_string_lossy())])
}
