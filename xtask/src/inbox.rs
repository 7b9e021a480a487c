//! The referral inbox's bundle: Trunk builds `src/bin/inbox.html` on its
//! own (so none of the inbox's code is in what the public pages load), and
//! its page and hashed files join the widget's build as `inbox.html`.

use std::fs;
use std::path::Path;

use crate::root;

/// Builds the inbox and copies it into `dist` (after the widget's build,
/// which empties `dist`).
pub fn build(dist: &Path) -> Result<(), String> {
    let staging = root().join("target/inbox-dist");
    let staging_arg = staging.to_string_lossy().to_string();
    crate::run::trunk(&["build", "--release", "--offline", "--dist", &staging_arg, "src/bin/inbox.html"])?;
    let entries = fs::read_dir(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let to = match name.as_str() {
            "index.html" => dist.join("inbox.html"),
            _ if entry.path().is_file() => dist.join(&name),
            _ => continue,
        };
        if name == "index.html" {
            let page = fs::read_to_string(entry.path()).map_err(|e| format!("{name}: {e}"))?;
            fs::write(&to, crate::preload::as_boot_fetches(&page)?)
                .map_err(|e| format!("{}: {e}", to.display()))?;
            continue;
        }
        fs::copy(entry.path(), &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(())
}

/// Whether Trunk is building the inbox (its hook then has nothing to do:
/// the inbox is not prerendered and the service worker keeps it once seen).
pub fn is_inbox_build() -> bool {
    std::env::var("TRUNK_HTML_FILE").is_ok_and(|file| file.ends_with("inbox.html"))
}
