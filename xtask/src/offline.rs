//! `cargo xtask offline [dir]`: writes into the build's `sw.js` the list of
//! files the service worker keeps on the phone, and a release version that
//! changes whenever any of them does (so a new release reaches phones).
//! Trunk's `post_build` hook runs it on every build, after the prerender;
//! by hand it works on `dist/` or the folder given.
//!
//! - **shell** (cache-first, one cache per release): the start page (its
//!   stylesheet inlined; the worker also serves it, its content cut out, as
//!   the plain shell for every other address), the content-hashed JS and
//!   wasm, the manifest and icon, and the English words and question set;
//! - **data** (stale-while-revalidate, shared across releases): the config,
//!   the directory it names, and the postcode tables of the areas the
//!   directory covers, so a search works offline after one visit.

use std::fs;
use std::path::{Path, PathBuf};

use waymark::core::config::Config;
use waymark::core::directory::Directory;
use waymark::core::postcode::Postcode;
use waymark::core::tiles::EVERYWHERE;

/// The line of `public/sw.js` this step replaces.
const BUILD_LINE: &str = "const BUILD = ";

/// Files of the build that are not the widget's own pages: the snippet for
/// host sites, its example and the widget's side of it (`frame.js`, fetched
/// only inside a host's frame, whose own page needs the network), the worker
/// itself, the referral schema (a document for charities).
const NOT_KEPT: [&str; 6] =
    ["sw.js", "embed.js", "embed-example.html", "embed-example.css", "frame.js", "referral.schema.json"];

pub fn run(args: &[String]) -> Result<(), String> {
    let dir = match (args.first(), std::env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Some(staging)) => PathBuf::from(staging),
        (None, None) => crate::root().join("dist"),
    };
    let (shell, data) = lists(&dir)?;
    let version = release_version(&dir, shell.iter().chain(&data))?;
    let worker = dir.join("sw.js");
    let source = fs::read_to_string(&worker).map_err(|e| format!("{}: {e}", worker.display()))?;
    let build = format!(
        "{BUILD_LINE}{{ version: '{version}', shell: {}, data: {} }};",
        json_list(&shell),
        json_list(&data)
    );
    let mut replaced = false;
    let written: Vec<String> = source
        .lines()
        .map(|line| {
            if line.starts_with(BUILD_LINE) {
                replaced = true;
                build.clone()
            } else {
                line.to_string()
            }
        })
        .collect();
    if !replaced {
        return Err(format!("{} has no line starting `{BUILD_LINE}`", worker.display()));
    }
    fs::write(&worker, written.join("\n") + "\n").map_err(|e| e.to_string())?;
    println!("sw.js: release {version}, {} shell files, {} data files kept offline", shell.len(), data.len());
    Ok(())
}

/// The shell and data files of the build in `dir`, as paths relative to it.
fn lists(dir: &Path) -> Result<(Vec<String>, Vec<String>), String> {
    let mut all = Vec::new();
    crate::budget::files(dir, &mut all);
    let mut shell: Vec<String> = all
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .filter(|p| is_shell(p))
        .collect();
    shell.sort();
    let config_text = fs::read_to_string(dir.join("config.json")).map_err(|e| format!("config.json: {e}"))?;
    let config = Config::parse(&config_text).map_err(|e| format!("config.json: {e}"))?;
    let mut data = vec!["config.json".to_string()];
    let source = &config.directory;
    if source.tiled {
        data.push(format!("{}index.json", source.url));
        data.push(format!("{}{EVERYWHERE}.json", source.url));
    } else if !source.url.contains("://") {
        data.push(source.url.clone());
        let directory = fs::read_to_string(dir.join(&source.url)).unwrap_or_default();
        let mut areas: Vec<String> = Directory::parse(&directory)
            .map(|d| d.services)
            .unwrap_or_default()
            .iter()
            .flat_map(|s| &s.locations)
            .filter_map(|l| Postcode::parse(l.postcode.as_deref()?).ok())
            .map(|p| format!("{}{}.txt", config.postcodes.url, p.area()))
            .filter(|file| dir.join(file).is_file())
            .collect();
        areas.sort();
        areas.dedup();
        data.extend(areas);
    }
    data.retain(|file| dir.join(file).is_file());
    Ok((shell, data))
}

fn is_shell(path: &str) -> bool {
    // Of the pages, the start page (with its stylesheet inlined), which the
    // worker also serves as the plain shell for every other address offline.
    if path.ends_with(".html") || path.ends_with(".css") {
        return path == "index.html";
    }
    let top_level = !path.contains('/');
    let page_asset =
        [".html", ".js", ".wasm", ".css", ".webmanifest", ".svg"].iter().any(|ext| path.ends_with(ext));
    let folder = ["snippets/", "locales/", "questions/"].iter().any(|f| path.starts_with(f));
    // The staff inbox's own bundle, and the map's code and basemap, are kept
    // only once they are used (sw.js).
    let inbox = path.starts_with("inbox");
    let map = path.starts_with("map-") || path.starts_with("map/");
    ((top_level && page_asset) || folder)
        && !inbox
        && !map
        && !NOT_KEPT.contains(&path)
        && !is_translation(path)
}

/// The words and question set of a language other than English: a phone
/// keeps only the language it is used in, when it is first used (the page
/// asks the worker to, `web::platform::offline`), never all eight.
fn is_translation(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    (path.starts_with("locales/") && name != "en.json")
        || (path.starts_with("questions/") && name.trim_end_matches(".json").contains('.'))
}

/// FNV-1a over every kept file's path and bytes: any change, a new release.
fn release_version<'a>(dir: &Path, files: impl Iterator<Item = &'a String>) -> Result<String, String> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let bytes = fs::read(dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
        for byte in file.as_bytes().iter().chain(&[0]).chain(&bytes) {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(format!("{hash:016x}"))
}

fn json_list(items: &[String]) -> String {
    let quoted: Vec<String> =
        items.iter().map(|i| format!("'{}'", i.replace('\\', "\\\\").replace('\'', "\\'"))).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_is_the_widget_not_its_data_or_the_host_snippet() {
        for kept in [
            "index.html",
            "waymark-1a2b_bg.wasm",
            "waymark-1a2b.js",
            "manifest.webmanifest",
            "icon.svg",
            "snippets/waymark-1a2b/inline0.js",
            "locales/en.json",
            "questions/default.json",
        ] {
            assert!(is_shell(kept), "{kept}");
        }
        for not in [
            "sw.js",
            "locales/cy.json",
            "questions/default.ar.json",
            "embed.js",
            "frame.js",
            "embed-example.html",
            "config.json",
            "data/somerset-sample.json",
            "postcodes/TA.txt",
            "group/svc-1.html",
            "app.html",
            "main-9f.css",
            "help.html",
            "check/lonely.html",
            "inbox.html",
            "inbox-1a2b.js",
            "inbox-1a2b_bg.wasm",
        ] {
            assert!(!is_shell(not), "{not}");
        }
    }

    #[test]
    fn the_built_list_keeps_the_sample_directory_and_its_postcode_areas() {
        let (_, data) = lists(&crate::root().join("public")).unwrap();
        assert_eq!(data[..2], ["config.json", "data/somerset-sample.json"]);
        assert!(data.contains(&"postcodes/TA.txt".to_string()), "{data:?}");
        assert!(data
            .iter()
            .all(|f| f == "config.json" || f.starts_with("data/") || f.starts_with("postcodes/")));
        assert!(data.len() < 12, "only the areas the directory covers, not the country: {data:?}");
    }
}
