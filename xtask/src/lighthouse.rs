//! `cargo xtask lighthouse [dir]`: Lighthouse 12.2.3 on the release build in
//! `dist/` (or the folder given), as the brief's budgets are measured: mobile
//! preset, devtools throttling, served with brotli and the build's `_headers`,
//! on every kind of address a person lands on (`/`, `/results`, a group page,
//! `/help`), median of 3 runs, beside Scout's start page. A report, not a
//! test: see tests/support/lighthouse.mjs.

use crate::{root, run, tools};

pub fn run(args: &[String]) -> Result<(), String> {
    tools::ensure_all()?;
    let dir = match args.first() {
        Some(dir) => std::path::absolute(dir).map_err(|e| format!("{dir}: {e}"))?,
        None => root().join("dist"),
    };
    // The page, and the headers the server sends with it.
    if !["index.html", "_headers"].iter().all(|file| dir.join(file).is_file()) {
        return Err(format!("{} has no build: run `cargo xtask build` first", dir.display()));
    }
    run::step(&format!(
        "Lighthouse on {} (3 runs each of /, /results, a group page and /help, about 6 minutes)",
        dir.display()
    ));
    run::node_script("support/lighthouse.mjs", &[("WAYMARK_DIST", &dir.to_string_lossy())])
}
