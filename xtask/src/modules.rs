//! `cargo xtask modules`: builds the widget's lazily loaded modules (the
//! referral pages, `modules/refer`; QR codes, `modules/handoff`; kiosk
//! mode, `modules/kiosk`) into
//! `modules/` of the build. Trunk runs
//! this after each build (a `post_build` hook in Trunk.toml), so the folder
//! lands in its staging directory; by hand it writes to `dist/modules/`.
//! These files are not part of the first load: the widget fetches them when
//! a person first needs them.

use std::path::PathBuf;

use crate::run;

/// Each is the crate `modules/<name>` (package `waymark-<name>`).
const MODULES: [&str; 2] = ["refer", "handoff"];

/// The wasm-opt settings index.html gives Trunk for the main module.
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    "--strip-debug",
    "--strip-producers",
];

/// The cargo package of module `name`.
fn package(name: &str) -> &'static str {
    match name {
        "refer" => "waymark-refer",
        _ => "waymark-handoff",
    }
}

pub fn run() -> Result<(), String> {
    let root = crate::root();
    let out = std::env::var_os("TRUNK_STAGING_DIR")
        .map_or_else(|| root.join("dist"), PathBuf::from)
        .join("modules");
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let mut build = vec!["build", "--target", "wasm32-unknown-unknown"];
    for name in MODULES {
        build.extend(["-p", package(name)]);
    }
    if release {
        build.push("--release");
    }
    run::command("cargo", &build, &root)?;
    let out_dir = out.to_string_lossy().to_string();
    for name in MODULES {
        let wasm = root
            .join("target/wasm32-unknown-unknown")
            .join(if release { "release" } else { "debug" })
            .join(format!("waymark_{name}.wasm"));
        let wasm = wasm.to_string_lossy();
        let args = ["--target", "web", "--no-typescript", "--out-dir", &out_dir, "--out-name", name, &wasm];
        run::command("wasm-bindgen", &args, &root)?;
        if release {
            let file = out.join(format!("{name}_bg.wasm")).to_string_lossy().to_string();
            let mut args: Vec<&str> = WASM_OPT.to_vec();
            args.extend([file.as_str(), "-o", file.as_str()]);
            run::command("wasm-opt", &args, &root)?;
        }
    }
    Ok(())
}
