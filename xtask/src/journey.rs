//! `cargo xtask journey`: builds the journey bundle (the whole app, with the
//! `journey` feature: results, groups, the shortlist and the referral) into
//! `journey/` of the build. Trunk runs this after each build (a `post_build`
//! hook in Trunk.toml), so the folder lands in its staging directory; by hand
//! it writes to `dist/journey/`. It is not part of the first load: the first
//! bundle fetches it when those pages are first needed (README "Two bundles").

use std::path::PathBuf;

use crate::run;

/// The wasm-opt settings index.html gives Trunk for the first bundle.
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

/// The file names in `journey/`, which the first bundle and boot.js load.
pub const NAME: &str = "waymark-journey";

pub fn run() -> Result<(), String> {
    let root = crate::root();
    let out = std::env::var_os("TRUNK_STAGING_DIR")
        .map_or_else(|| root.join("dist"), PathBuf::from)
        .join("journey");
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let mut build =
        vec!["build", "--target", "wasm32-unknown-unknown", "--bin", NAME, "--features", "journey"];
    if release {
        build.push("--release");
    }
    run::command("cargo", &build, &root)?;
    let wasm = root
        .join("target/wasm32-unknown-unknown")
        .join(if release { "release" } else { "debug" })
        .join(format!("{NAME}.wasm"));
    let (wasm, out_dir) = (wasm.to_string_lossy().to_string(), out.to_string_lossy().to_string());
    let args = ["--target", "web", "--no-typescript", "--out-dir", &out_dir, "--out-name", NAME, &wasm];
    run::command("wasm-bindgen", &args, &root)?;
    if release {
        let file = out.join(format!("{NAME}_bg.wasm")).to_string_lossy().to_string();
        let mut args: Vec<&str> = WASM_OPT.to_vec();
        args.extend([file.as_str(), "-o", file.as_str()]);
        run::command("wasm-opt", &args, &root)?;
    }
    Ok(())
}
