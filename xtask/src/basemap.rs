//! `cargo xtask basemap`: rebuilds the sample basemap, `public/map/sample.pmtiles`,
//! from open data the package registries carry: Natural Earth's land and
//! borders (npm `world-atlas`, public domain) and the postcode districts of
//! `public/postcodes` as place labels (OS Code-Point Open, OGL v3). The tiles
//! are cut by `tests/support/basemap.mjs` (geojson-vt and vt-pbf from npm) and
//! packed into one PMTiles file by the PyPI `pmtiles` writer (`basemap/pack.py`).
//! A real deployment makes its own from OpenStreetMap: docs/map.md.

use std::fs;

use crate::root;
use crate::run::{command, node_script, step};

const PMTILES: &str = "pmtiles==3.8.1";

pub fn run(_args: &[String]) -> Result<(), String> {
    crate::tools::ensure_all()?;
    let work = root().join("target/xtask-cache/basemap");
    let tiles = work.join("tiles");
    let python = work.join("python");
    step("Cutting the sample basemap's tiles (Natural Earth, and the postcode districts as places)");
    node_script("support/basemap.mjs", &[("WAYMARK_BASEMAP_TILES", &tiles.to_string_lossy())])?;
    if !python.join("pmtiles").is_dir() {
        step(&format!("Installing {PMTILES} from PyPI into target/ (the PMTiles writer)"));
        fs::create_dir_all(&python).map_err(|e| e.to_string())?;
        let target = python.to_string_lossy().to_string();
        command("python3", &["-m", "pip", "install", "--quiet", "--target", &target, PMTILES], &root())?;
    }
    step("Packing the tiles into public/map/sample.pmtiles");
    let out = root().join("public/map/sample.pmtiles");
    fs::create_dir_all(out.parent().unwrap()).map_err(|e| e.to_string())?;
    let status = std::process::Command::new("python3")
        .arg(root().join("xtask/src/basemap/pack.py"))
        .arg(&tiles)
        .arg(&out)
        .env("PYTHONPATH", &python)
        // The writer finds repeated tiles by Python's hash: a fixed seed writes the same file each time.
        .env("PYTHONHASHSEED", "0")
        .status()
        .map_err(|e| format!("could not start python3: {e}"))?;
    if !status.success() {
        return Err(format!("packing the basemap failed ({status})"));
    }
    let size = fs::metadata(&out).map_err(|e| e.to_string())?.len();
    println!("wrote {} ({:.0} KB)", out.display(), size as f64 / 1024.0);
    Ok(())
}
