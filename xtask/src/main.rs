//! `cargo xtask <command>`: the project's own build helper (the matklad xtask
//! pattern). Everything a newcomer needs goes through here, so a fresh machine
//! gets the same tools, at the same versions, as CI.

mod basemap;
mod bench;
mod budget;
mod import;
mod inbox;
mod keys;
mod lighthouse;
mod minify;
mod offline;
mod postcodes;
mod precompress;
mod preload;
mod prerender;
mod run;
mod synth;
mod tiles;
mod tools;

use std::path::PathBuf;

const USAGE: &str = "usage: cargo xtask <command>

  serve       build the widget and serve it on http://127.0.0.1:8080
  test        run every test: native cargo tests, release build, size budget, browser tests
  build       release build into dist/ and report sizes
  size        report brotli sizes of dist/ and check the budget
  post-build  what Trunk runs after each build: the wasm preload as boot.js fetches it, minify the JavaScript, prerender, then offline
  prerender   write each page of the widget into the build as HTML: prerender [dir]
  offline     write the service worker's list of files to keep offline: offline [dir]
  postcodes   rebuild public/postcodes/ from Ordnance Survey Code-Point Open
  basemap     rebuild the sample map, public/map/sample.pmtiles, from Natural Earth and the postcodes
  tiles       split a directory file into area tiles: tiles <directory.json> <out-folder>
  import      read an Open Referral UK API or file into a 3.0 directory and report on it:
              import <source> --out <folder> [--tiles] [--questions <question-set.json>]
  keys        make a key pair for sealing referrals (P-256, JWE ECDH-ES + A256GCM):
              keys --out <folder>
  synth       write a synthetic national directory: synth <count> <out.json>
  bench       report ranking time per query at 1,000, 10,000 and 100,000 services, and
              an import's time and peak memory at 100,000 (`bench import`: that alone)
  visits      report how soon the built widget can be used: first visit, repeat visit, offline
  lighthouse  Lighthouse (mobile, slow 4G) on the built widget, median of 3: lighthouse [dir]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("build") => build().and_then(|_| budget::check(&root().join("dist"))),
        Some("size") => budget::check(&root().join("dist")),
        Some("postcodes") => postcodes::run(&args[1..]),
        Some("basemap") => basemap::run(&args[1..]),
        Some("offline") => offline::run(&args[1..]),
        Some("prerender") => prerender::run(&args[1..]),
        Some("post-build") if inbox::is_inbox_build() => Ok(()),
        Some("post-build") => preload::run()
            .and_then(|_| minify::run())
            .and_then(|_| prerender::run(&[]))
            .and_then(|_| offline::run(&[])),
        Some("tiles") => tiles::run(&args[1..]),
        Some("import") => import::run(&args[1..]),
        Some("keys") => keys::run(&args[1..]),
        Some("synth") => synth::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("visits") => visits(),
        Some("lighthouse") => lighthouse::run(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    if let Err(e) = result {
        eprintln!("\nxtask: {e}");
        std::process::exit(1);
    }
}

/// The repository root (the parent of this crate).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repository")
        .to_path_buf()
}

/// A report on the release build in `dist/` (build first): see tests/support/visits.mjs.
fn visits() -> Result<(), String> {
    tools::ensure_all()?;
    let dist = root().join("dist");
    if !dist.join("sw.js").is_file() {
        return Err("dist/ has no build: run `cargo xtask build` first".into());
    }
    run::node_script("support/visits.mjs", &[("WAYMARK_DIST", &dist.to_string_lossy())])
}

fn serve() -> Result<(), String> {
    tools::ensure_all()?;
    run::step("Serving the widget with the sample config on http://127.0.0.1:8080 (Ctrl+C to stop)");
    run::trunk(&["serve", "--offline"])
}

fn build() -> Result<(), String> {
    tools::ensure_all()?;
    run::step("Building the release widget into dist/");
    run::trunk(&["build", "--release", "--offline"])?;
    run::step("Building the referral inbox (its own bundle) into dist/inbox.html");
    inbox::build(&root().join("dist"))?;
    precompress::run(&root().join("dist"))
}

fn test() -> Result<(), String> {
    tools::ensure_all()?;
    run::step("Native tests of the core (cargo test)");
    run::command("cargo", &["test", "--workspace", "--locked"], &root())?;
    build()?;
    let over_budget = budget::check(&root().join("dist")).err();
    let mut suites: Vec<(&str, Result<(), String>)> = Vec::new();
    run::step("Browser tests (Playwright + axe-core in Debian's Chromium)");
    suites.push(("Chromium, the full suite", run::browser_tests()));
    tools::ensure_web_servers()?;
    run::step("The widget on nginx and Caddy with deploy/'s configs, and as GitHub Pages serves it (the same Chromium)");
    suites.push(("nginx, Caddy and GitHub Pages (deploy/)", run::web_server_tests()));
    tools::ensure_engines()?;
    run::step("The WebKit smoke suite (Debian's WebKitGTK through WebKitWebDriver)");
    suites.push(("WebKit, the smoke suite", run::engine_tests("webkit")));
    run::step("The Firefox smoke suite (Debian's Firefox ESR through geckodriver)");
    suites.push(("Firefox, the smoke suite", run::engine_tests("firefox")));
    run::step("What ran");
    println!("  {:<40} passed", "native tests and the build");
    for (name, result) in &suites {
        println!("  {name:<40} {}", if result.is_ok() { "passed" } else { "FAILED" });
    }
    println!("  {:<40} {}", "size budget", if over_budget.is_none() { "within" } else { "OVER" });
    let failures: Vec<String> =
        suites.into_iter().filter_map(|(_, result)| result.err()).chain(over_budget).collect();
    match failures.is_empty() {
        true => {
            run::step("All tests passed");
            Ok(())
        }
        false => Err(failures.join("\n")),
    }
}
