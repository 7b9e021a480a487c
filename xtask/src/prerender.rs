//! `cargo xtask prerender [dir]`: writes the start page into the build's
//! `index.html` as real HTML, so it paints before the wasm arrives, and keeps
//! the plain shell as `app.html` for every other address
//! (tests/support/prerender.mjs renders it with the built app in Chromium).
//! Trunk's `post_build` hook runs it for release builds, after the modules and
//! before the offline list; development builds keep the plain shell.

use std::path::PathBuf;

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
    crate::run::node_script("support/prerender.mjs", &[("WAYMARK_DIST", &dir.to_string_lossy())])
}
