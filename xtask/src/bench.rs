//! `cargo xtask bench`: how long ranking takes per query, natively, for
//! synthetic national directories of 1,000, 10,000 and 100,000 services:
//! over the whole directory, and over the tiles a person's device would
//! hold (their cell and the eight around it, plus online and phone
//! services). A report, not a test: timings depend on the machine.

use std::time::{Duration, Instant};

use waymark::core::directory::Directory;
use waymark::core::geo::LatLon;
use waymark::core::questions::{Answer, Answers, QuestionSet};
use waymark::core::ranking::{rank_top, Filters};
use waymark::core::tiles::{held_near, HeldServices};

/// As many as the results page lists.
const SHOWN: usize = 50;

/// Milliseconds per call of `f`, over at least half a second of calls.
fn per_call(mut f: impl FnMut() -> usize) -> f64 {
    let start = Instant::now();
    let mut calls = 0u32;
    let mut sink = 0;
    while calls < 3 || start.elapsed() < Duration::from_millis(500) {
        sink += f();
        calls += 1;
    }
    std::hint::black_box(sink);
    start.elapsed().as_secs_f64() * 1000.0 / f64::from(calls)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let only_import = args.first().is_some_and(|a| a == "import");
    if cfg!(debug_assertions) {
        // Timings of a debug build mean nothing: run again as a release build.
        let mut again = vec!["run", "--release", "--quiet", "-p", "xtask", "--", "bench"];
        again.extend(only_import.then_some("import"));
        return crate::run::command("cargo", &again, &crate::root());
    }
    let root = crate::root();
    if only_import {
        return importing(&crate::synth::districts(&root)?);
    }
    let set = QuestionSet::parse(
        &std::fs::read_to_string(root.join("public/questions/default.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let mut answers = Answers::default();
    answers.set("topics", Some(Answer::Choices(vec!["loneliness".into(), "getting-active".into()])));
    let profile = set.profile(&answers);
    let taunton = LatLon::new(51.0158, -3.0783);
    let filtered = Filters { free_only: true, days: vec![1], ..Filters::default() };
    let districts = crate::synth::districts(&root)?;
    let bench_web = root.join("target/bench-web");
    std::fs::create_dir_all(&bench_web).map_err(|e| e.to_string())?;
    println!("Ranking per query near TA1 2BX (loneliness and getting active; best {SHOWN} kept), native release build:\n");
    println!("| services | parse | whole directory | whole, free on Tuesdays | local tiles (services) | local tiles, filtered |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for count in [1_000, 10_000, 100_000] {
        let text = crate::synth::directory(count, &districts).to_json();
        let file = bench_web.join(format!("synthetic-{count}.json"));
        std::fs::write(&file, &text).map_err(|e| format!("{}: {e}", file.display()))?;
        let started = Instant::now();
        let directory = Directory::parse(&text).map_err(|e| e.to_string())?;
        let parse_ms = started.elapsed().as_secs_f64() * 1000.0;
        let local = held_near(&directory.services, taunton);
        let all = &directory.services;
        let whole = per_call(|| rank_top(all, &profile, Some(taunton), &Filters::default(), SHOWN).total);
        let whole_filtered = per_call(|| rank_top(all, &profile, Some(taunton), &filtered, SHOWN).total);
        let tiled = per_call(|| rank_top(&local, &profile, Some(taunton), &Filters::default(), SHOWN).total);
        let tiled_filtered = per_call(|| rank_top(&local, &profile, Some(taunton), &filtered, SHOWN).total);
        println!(
            "| {count} | {parse_ms:.0} ms | {whole:.2} ms | {whole_filtered:.2} ms | {tiled:.3} ms ({}) | {tiled_filtered:.3} ms |",
            local.len()
        );
    }
    merging(&districts)?;
    importing(&districts)?;
    browser(&bench_web)
}

/// Gathering the services of many area tiles into one list, each once (a
/// group meeting in two cells is in both files): every service arrives twice.
fn merging(districts: &[(String, f64, f64)]) -> Result<(), String> {
    println!("\nGathering tiles (every service in two tiles), native release build:\n");
    println!("| services | gather |");
    println!("|---:|---:|");
    for count in [10_000, 40_000] {
        let directory = Directory::parse(&crate::synth::directory(count, districts).to_json())
            .map_err(|e| e.to_string())?;
        let tiles: Vec<Vec<_>> = directory.services.chunks(500).map(<[_]>::to_vec).collect();
        let gather_ms = per_call(|| {
            let mut held = HeldServices::default();
            for (i, tile) in tiles.iter().enumerate() {
                held.add(tile.clone());
                held.add(tiles[(i + 1) % tiles.len()].clone());
            }
            held.services().len()
        });
        println!("| {count} | {gather_ms:.1} ms |");
    }
    Ok(())
}

/// `cargo xtask import` of a synthetic national directory of 100,000
/// services, from a file and from an API serving the same services 100 a
/// page: the time, and the import's peak memory (the kernel's high-water
/// mark for that process alone) against what it read.
fn importing(districts: &[(String, f64, f64)]) -> Result<(), String> {
    const COUNT: usize = 100_000;
    let folder = crate::root().join("target/bench-import");
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let file = folder.join(format!("national-{COUNT}.json"));
    let size = {
        let text = crate::synth::directory(COUNT, districts).to_json();
        std::fs::write(&file, &text).map_err(|e| format!("{}: {e}", file.display()))?;
        text.len()
    };
    println!("\nImporting {COUNT} services (cargo xtask import, native release build; peak memory as the kernel counts it):\n");
    println!("| source | read | time | peak memory | memory ÷ read |");
    println!("|---|---:|---:|---:|---:|");
    let row = |source: &str, (seconds, peak): (f64, u64)| {
        println!(
            "| {source} | {:.1} MB | {seconds:.1} s | {:.1} MB | {:.2}× |",
            size as f64 / 1e6,
            peak as f64 / 1e6,
            peak as f64 / size as f64
        );
    };
    let (file, out) = (file.to_string_lossy(), folder.join("from-file").to_string_lossy().to_string());
    row("a file", measured_import(&[&file, "--out", &out])?);
    row("a file, with --tiles", measured_import(&[&file, "--out", &out, "--tiles"])?);

    let mut server = std::process::Command::new("node")
        .arg(crate::root().join("tests/support/oruk-server.mjs"))
        .args(["0", &*file])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("node tests/support/oruk-server.mjs: {e}"))?;
    let mut line = String::new();
    let stdout = server.stdout.take().expect("piped");
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line)
        .map_err(|e| e.to_string())?;
    let feed = line.trim().strip_prefix("listening ").map(|port| format!("http://127.0.0.1:{port}/feed"));
    let out = folder.join("from-feed").to_string_lossy().to_string();
    let measured = feed.ok_or_else(|| format!("the test server said {line:?}")).and_then(|feed| {
        let v3 = measured_import(&[&format!("{feed}/v3"), "--out", &out])?;
        let v1 = measured_import(&[&format!("{feed}/v1"), "--out", &out])?;
        Ok((v3, v1))
    });
    let _ = server.kill();
    let _ = server.wait();
    let (v3, v1) = measured?;
    row("an ORUK 3.0 API, 100 a page", v3);
    row("an ORUK v1 API, each record fetched on its own", v1);
    Ok(())
}

/// Runs `cargo xtask import <args>` (this very binary) and gives its wall
/// time and peak resident memory in bytes, as the import itself reads it
/// from the kernel (`VmHWM`): the kernel's count for a child would include
/// this process, whose memory the child starts from.
fn measured_import(args: &[&str]) -> Result<(f64, u64), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let started = Instant::now();
    let output = std::process::Command::new(exe)
        .arg("import")
        .args(args)
        .env(crate::import::PEAK_MEMORY_VAR, "1")
        .stdout(std::process::Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("cargo xtask import {} failed: {stderr}", args.join(" ")));
    }
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak memory: ")?.strip_suffix(" kB")?.parse::<u64>().ok())
        .ok_or_else(|| format!("the import did not say its peak memory: {stderr}"))?;
    Ok((seconds, peak * 1024))
}

/// The same measurements in WebAssembly, in Chromium with the CPU slowed 4×.
fn browser(folder: &std::path::Path) -> Result<(), String> {
    crate::tools::ensure_all()?;
    let root = crate::root();
    crate::run::step("Building the browser benchmark (src/bin/bench.rs)");
    crate::run::command(
        "cargo",
        &["build", "--release", "--target", "wasm32-unknown-unknown", "--bin", "bench"],
        &root,
    )?;
    let wasm = root.join("target/wasm32-unknown-unknown/release/bench.wasm");
    let out = folder.to_string_lossy().to_string();
    crate::run::command(
        "wasm-bindgen",
        &["--target", "web", "--no-typescript", "--out-dir", &out, &wasm.to_string_lossy()],
        &root,
    )?;
    std::fs::copy(root.join("public/questions/default.json"), folder.join("questions.json"))
        .map_err(|e| e.to_string())?;
    std::fs::write(
        folder.join("index.html"),
        "<!doctype html><title>Waymark ranking benchmark</title><body>starting…\n         <script type=\"module\">import init from './bench.js'; init();</script>",
    )
    .map_err(|e| e.to_string())?;
    println!(
        "\nThe same in the browser: WebAssembly in Chromium, CPU slowed 4× (Lighthouse's mobile setting):\n"
    );
    println!("| services | parse | whole directory | whole, free on Tuesdays | local tiles (services) | local tiles, filtered |");
    println!("|---:|---:|---:|---:|---:|---:|");
    crate::run::node_script("support/bench.mjs", &[("WAYMARK_DIST", &out)])
}
