//! Running other programs with the project's tools on the PATH.

use std::path::Path;
use std::process::Command;

use crate::root;

/// Prints a heading for the next step, so a long run reads as a story.
pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// PATH with the project's own tools first: cargo's bin (Trunk,
/// wasm-bindgen) and the npm tools (wasm-opt from binaryen).
pub fn tool_path() -> String {
    let mut dirs = vec![root().join("tests/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME").or_else(|| {
        std::env::var_os("HOME").map(|h| {
            let mut p = std::path::PathBuf::from(h);
            p.push(".cargo");
            p.into_os_string()
        })
    }) {
        dirs.push(Path::new(&home).join("bin"));
    }
    let mut path = std::env::join_paths(dirs).unwrap().into_string().unwrap();
    if let Ok(existing) = std::env::var("PATH") {
        path.push(':');
        path.push_str(&existing);
    }
    path
}

/// Runs `program` in `dir`, failing with a message that names it.
pub fn command(program: &str, args: &[&str], dir: &Path) -> Result<(), String> {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", tool_path())
        .status()
        .map_err(|e| format!("could not start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Runs a program and returns what it printed, or None if it could not run.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).env("PATH", tool_path()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Trunk, always offline: it must never download tools on this network.
pub fn trunk(args: &[&str]) -> Result<(), String> {
    command("trunk", args, &root())
}

/// The Playwright suite in tests/, against the release build in dist/.
pub fn browser_tests() -> Result<(), String> {
    playwright(&[], "browser tests failed (see the Playwright report above)")
}

/// The smaller suite against nginx and Caddy running deploy/'s configs
/// (tests/playwright.hosts.config.js).
pub fn web_server_tests() -> Result<(), String> {
    playwright(
        &["--config", "playwright.hosts.config.js"],
        "the tests on nginx and Caddy failed (see the Playwright report above)",
    )
}

/// The smaller suite in another engine (tests/engines/smoke.mjs), under Xvfb.
pub fn engine_tests(engine: &str) -> Result<(), String> {
    let status = Command::new("xvfb-run")
        .args(["-a", "node", "engines/smoke.mjs", engine])
        .current_dir(root().join("tests"))
        .env("PATH", tool_path())
        .env("WAYMARK_DIST", root().join("dist"))
        .status()
        .map_err(|e| format!("could not start the {engine} smoke suite (xvfb-run): {e}"))?;
    match status.success() {
        true => Ok(()),
        false => Err(format!("the {engine} smoke suite failed (see above)")),
    }
}

fn playwright(args: &[&str], failed: &str) -> Result<(), String> {
    let status = Command::new("npx")
        .args(["playwright", "test"])
        .args(args)
        .current_dir(root().join("tests"))
        .env("PATH", tool_path())
        .env("WAYMARK_DIST", root().join("dist"))
        .status()
        .map_err(|e| format!("could not start the browser tests: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(failed.into())
    }
}

/// Runs a Node script from tests/ (where the npm tools are) with extra environment.
pub fn node_script(script: &str, env: &[(&str, &str)]) -> Result<(), String> {
    let mut node = Command::new("node");
    node.arg(script).current_dir(root().join("tests")).env("PATH", tool_path());
    for (key, value) in env {
        node.env(key, value);
    }
    let status = node.status().map_err(|e| format!("could not start node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`node {script}` failed ({status})"))
    }
}
