//! The download budget from the brief: the first load on a phone (HTML, CSS,
//! JS, wasm and the first data, brotli-compressed) at most 250 KB. There is no
//! separate wasm ceiling; the wasm is reported. Sizes are deterministic, so
//! this is enforced.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

const FIRST_LOAD_LIMIT: usize = 250 * 1024;

/// Brotli at the highest quality, as a static host or CDN would serve it.
pub fn brotli_size(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes).expect("compressing into memory cannot fail");
    }
    out.len()
}

pub fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Whether a file is fetched when the widget first opens: the page, its
/// CSS/JS/wasm and the JS snippets its glue imports, the config, the English
/// words, and the question set the config names. (The directory is fetched
/// only when results are needed.)
fn is_first_load(relative: &str, named: &[String]) -> bool {
    // Fetched later or elsewhere: the service worker once the widget is up,
    // and the snippet and example page for sites that embed the widget.
    // app.html is what other addresses get instead of index.html, not as well.
    if ["sw.js", "embed.js", "embed-example.html", "embed-example.css", "app.html"].contains(&relative) {
        return false;
    }
    let top_level = !relative.contains('/') || relative.starts_with("snippets/");
    let asset = [".html", ".css", ".js", ".wasm"].iter().any(|ext| relative.ends_with(ext));
    (top_level && asset)
        || relative == "config.json"
        || relative == "locales/en.json"
        || named.iter().any(|n| n == relative)
}

/// The `url` of section `section` in the config text (a light read: the
/// config itself is checked by the widget's own tests).
fn config_url(config: &str, section: &str) -> Option<String> {
    config
        .split(&format!("\"{section}\""))
        .nth(1)
        .and_then(|s| s.split("\"url\"").nth(1))
        .and_then(|s| s.split('"').nth(1))
        .map(str::to_string)
}

pub fn check(dist: &Path) -> Result<(), String> {
    let config = fs::read_to_string(dist.join("config.json")).unwrap_or_default();
    let named: Vec<String> =
        ["questions"].iter().filter_map(|section| config_url(&config, section)).collect();
    let mut all = Vec::new();
    files(dist, &mut all);
    all.sort();
    if all.is_empty() {
        return Err(format!("{} is empty: build first", dist.display()));
    }
    let (mut first_load, mut wasm) = (0, 0);
    println!("\n{:<52} {:>10} {:>10}  first load", "file (dist/)", "bytes", "brotli");
    for path in &all {
        let relative = path.strip_prefix(dist).unwrap().to_string_lossy().replace('\\', "/");
        let bytes = fs::read(path).map_err(|e| e.to_string())?;
        let compressed = brotli_size(&bytes);
        let first = is_first_load(&relative, &named);
        if first {
            first_load += compressed;
        }
        // The wasm of the first load; journey/ is fetched later.
        if first && relative.ends_with(".wasm") {
            wasm += compressed;
        }
        if first || !relative.starts_with("postcodes/") {
            println!(
                "{relative:<52} {:>10} {compressed:>10}  {}",
                bytes.len(),
                if first { "yes" } else { "" }
            );
        }
    }
    let postcodes = all.iter().filter(|p| p.starts_with(dist.join("postcodes"))).count();
    println!("(and {postcodes} postcode area files, each fetched only for the area a person types)");
    let limit_kb = FIRST_LOAD_LIMIT / 1024;
    println!("\nfirst load: {:.1} KB brotli (budget {limit_kb} KB)", first_load as f64 / 1024.0);
    println!("wasm:       {:.1} KB brotli (of the first load; no separate budget)", wasm as f64 / 1024.0);
    if first_load > FIRST_LOAD_LIMIT {
        return Err(format!(
            "size budget exceeded: the first load is {:.1} KB, over the {limit_kb} KB budget",
            first_load as f64 / 1024.0
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_load_counts_the_shell_and_first_data_only() {
        let config = r#"{ "directory": { "url": "data/somerset-sample.json" }, "questions": { "url": "questions/default.json" } }"#;
        let named: Vec<String> = ["questions"].iter().filter_map(|s| config_url(config, s)).collect();
        assert_eq!(named, vec!["questions/default.json"]);
        for first in
            ["index.html", "waymark-abc_bg.wasm", "config.json", "locales/en.json", "questions/default.json"]
        {
            assert!(is_first_load(first, &named), "{first}");
        }
        assert!(!is_first_load("data/somerset-sample.json", &named), "the directory waits for results");
        assert!(!is_first_load("postcodes/TA.txt", &named));
        assert!(
            !is_first_load("journey/waymark-journey_bg.wasm", &named),
            "the journey bundle is fetched when needed"
        );
        assert!(is_first_load("snippets/waymark-0123/inline0.js", &named), "the glue imports its snippets");
        assert!(!is_first_load("locales/cy.json", &named));
        assert!(is_first_load("frame.js", &named), "the page loads it");
        assert!(is_first_load("boot.js", &named), "the page starts the widget from it");
        for later in ["sw.js", "embed.js", "embed-example.html", "embed-example.css", "app.html"] {
            assert!(!is_first_load(later, &named), "{later} is not part of the widget's first load");
        }
    }

    #[test]
    fn brotli_compresses_repetitive_text() {
        let text = "Tuesdays, 10am to 12 noon. ".repeat(100);
        assert!(brotli_size(text.as_bytes()) < text.len() / 10);
    }
}
