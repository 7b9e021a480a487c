//! Installs what a fresh machine lacks, from the package registries only
//! (crates.io, npm, Debian). Each step says what it installs and why.

use std::fs;

use crate::root;
use crate::run::{self, command, output, step};

const TRUNK_VERSION: &str = "0.21.14";
const CHROMIUM: &str = "/usr/bin/chromium";

pub fn ensure_all() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_node_modules()?;
    ensure_chromium()
}

/// The web servers whose shipped configs (deploy/) the test command runs:
/// Debian's nginx, with its brotli_static module (the shipped config sends
/// the build's .br files), and Caddy.
pub fn ensure_web_servers() -> Result<(), String> {
    let missing: Vec<&str> = [
        ("nginx", "/usr/sbin/nginx"),
        ("libnginx-mod-http-brotli-static", "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"),
        ("caddy", "/usr/bin/caddy"),
    ]
    .into_iter()
    .filter(|(_, path)| fs::metadata(path).is_err())
    .map(|(package, _)| package)
    .collect();
    install_missing(&missing, "the web servers deploy/ ships configs for, run by the test command")
}

/// What the engine smoke suites drive (tests/engines/), all from Debian with
/// no browser download: WebKitGTK through WebKitWebDriver, with the GTK and
/// WebKit bindings for Python that tests/engines/webkit-browser.py needs;
/// Firefox ESR through geckodriver (from crates.io); a screen (Xvfb) for both.
pub fn ensure_engines() -> Result<(), String> {
    let wanted =
        ["webkit2gtk-driver", "python3-gi", "gir1.2-webkit2-4.1", "gir1.2-gtk-3.0", "firefox-esr", "xvfb"];
    let missing: Vec<&str> = wanted.into_iter().filter(|package| !debian_has(package)).collect();
    install_missing(&missing, "WebKit and Firefox for their smoke suites, and a screen for them")?;
    if output("geckodriver", &["--version"]).is_none() {
        step("Installing geckodriver from crates.io (how WebDriver drives Firefox)");
        command("cargo", &["install", "--locked", "geckodriver@0.37.1"], &root())?;
    }
    Ok(())
}

/// Installs Debian's `missing` packages (if any), saying what they are for.
fn install_missing(missing: &[&str], what_for: &str) -> Result<(), String> {
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("Installing Debian's {} ({what_for})", missing.join(", ")));
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(missing);
    debian_install(&install).map_err(|e| {
        format!(
            "{e}\nCould not install {}: run `apt-get install {}` as root.",
            missing.join(", "),
            missing.join(" ")
        )
    })
}

fn debian_has(package: &str) -> bool {
    output("dpkg-query", &["-W", "-f=${Status}", package])
        .is_some_and(|status| status == "install ok installed")
}

/// apt-get as root, or through sudo; with the package lists refreshed once if the first try fails.
fn debian_install(install: &[&str]) -> Result<(), String> {
    let apt = |args: &[&str]| -> Result<(), String> {
        let is_root = output("id", &["-u"]).as_deref() == Some("0");
        if is_root {
            command("apt-get", args, &root())
        } else {
            let mut with_sudo = vec!["-n", "apt-get"];
            with_sudo.extend_from_slice(args);
            command("sudo", &with_sudo, &root())
        }
    };
    apt(install).or_else(|_| apt(&["update"]).and_then(|_| apt(install)))
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    step("Installing the wasm32-unknown-unknown Rust target (the widget compiles to WebAssembly)");
    command("rustup", &["target", "add", "wasm32-unknown-unknown"], &root())
}

fn ensure_trunk() -> Result<(), String> {
    if output("trunk", &["--version"]).is_some_and(|v| v == format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    step(&format!(
        "Installing Trunk {TRUNK_VERSION} from crates.io (builds and serves the widget; newer Trunk needs a newer rustc). About 9 minutes."
    ));
    let version = TRUNK_VERSION;
    command("cargo", &["install", "trunk", "--version", version, "--locked"], &root())
        .or_else(|_| command("cargo", &["install", "trunk", "--version", version], &root()))
        .map_err(|e| format!("{e}\nTrunk {version} could not be installed from crates.io."))
}

/// The wasm-bindgen crate version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = locked_wasm_bindgen_version()?;
    let trunk_toml = fs::read_to_string(root().join("Trunk.toml")).map_err(|e| e.to_string())?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(format!(
            "Trunk.toml [tools] wasm_bindgen must be \"{version}\", the wasm-bindgen version in Cargo.lock"
        ));
    }
    if output("wasm-bindgen", &["--version"]).is_some_and(|v| v == format!("wasm-bindgen {version}")) {
        return Ok(());
    }
    step(&format!(
        "Installing wasm-bindgen-cli {version} from crates.io (must equal the wasm-bindgen crate in Cargo.lock). About 3 minutes."
    ));
    // A --locked install can fail on a yanked transitive version; a plain one works.
    command("cargo", &["install", "wasm-bindgen-cli", "--version", &version, "--force"], &root())
}

/// Where a copy of the lock that `npm ci` last installed is kept: the same
/// lock again needs no install (and `npm ci`, which empties node_modules
/// first, would break a build or test running beside it).
const INSTALLED_LOCK: &str = "node_modules/.waymark-installed-lock.json";

fn ensure_node_modules() -> Result<(), String> {
    let tests = root().join("tests");
    let lock =
        fs::read(tests.join("package-lock.json")).map_err(|e| format!("tests/package-lock.json: {e}"))?;
    if fs::read(tests.join(INSTALLED_LOCK)).is_ok_and(|installed| installed == lock) {
        return check_wasm_opt();
    }
    step(
        "Installing the browser-test, Lighthouse and wasm-opt packages from tests/package-lock.json (npm ci)",
    );
    if output("npm", &["--version"]).is_none() {
        return Err("npm is not installed; install Debian's nodejs and npm packages".into());
    }
    command("npm", &["ci", "--no-audit", "--no-fund"], &tests)?;
    fs::write(tests.join(INSTALLED_LOCK), &lock).map_err(|e| format!("{INSTALLED_LOCK}: {e}"))?;
    check_wasm_opt()
}

fn check_wasm_opt() -> Result<(), String> {
    match output("wasm-opt", &["--version"]) {
        Some(v) if v.contains("version_132") => Ok(()),
        other => {
            Err(format!("wasm-opt from the binaryen npm package should report version_132, got {other:?}"))
        }
    }
}

fn ensure_chromium() -> Result<(), String> {
    if fs::metadata(CHROMIUM).is_ok() {
        return Ok(());
    }
    step("Installing Debian's chromium and chromium-driver packages (the browser the tests drive; Playwright's own download is not allowed here)");
    debian_install(&["install", "-y", "chromium", "chromium-driver"])
        .map_err(|e| format!("{e}\nCould not install Chromium: run `apt-get install chromium` as root."))?;
    run::output(CHROMIUM, &["--version"]).map(|_| ()).ok_or_else(|| format!("{CHROMIUM} does not run"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_pins_the_locked_wasm_bindgen() {
        let version = locked_wasm_bindgen_version().unwrap();
        let trunk_toml = fs::read_to_string(root().join("Trunk.toml")).unwrap();
        assert!(trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")));
    }
}
