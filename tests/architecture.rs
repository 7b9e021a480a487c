//! docs/architecture.md is checked against the tree: every path it names
//! exists, and every module of the web layer is named there, so the map a
//! newcomer reads is the code they will find.

use std::fs;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn architecture() -> String {
    fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md")
}

/// The repository paths the document names in backticks (`src/…`, `xtask/…`, `tests/…`).
fn named_paths(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| ["src/", "xtask/", "tests/", "public/"].iter().any(|p| s.starts_with(p)))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_path_the_architecture_names_exists() {
    let text = architecture();
    let paths = named_paths(&text);
    assert!(paths.len() > 20, "the document names the tree's files: {paths:?}");
    for path in paths {
        assert!(root().join(&path).exists(), "docs/architecture.md names {path}, which is not in the tree");
    }
}

#[test]
fn every_web_module_is_named_in_the_architecture() {
    let text = architecture();
    let web = root().join("src/web");
    for room in fs::read_dir(&web).unwrap().flatten() {
        let name = room.file_name().to_string_lossy().to_string();
        let path = room.path();
        if path.is_dir() {
            // A room: its folder, and each of its files or sub-folders by name.
            assert!(
                text.contains(&format!("src/web/{name}/")),
                "room src/web/{name}/ is not in the architecture"
            );
            for file in fs::read_dir(&path).unwrap().flatten() {
                let file = file.file_name().to_string_lossy().to_string();
                if file == "mod.rs" {
                    continue;
                }
                let stem = file.trim_end_matches(".rs");
                assert!(
                    text.contains(&format!("`{file}`"))
                        || text.contains(&format!("`{stem}/`"))
                        || text.contains(&format!("src/web/{name}/{file}")),
                    "src/web/{name}/{file} is not named in docs/architecture.md"
                );
            }
        } else {
            assert!(text.contains(&format!("src/web/{name}")), "src/web/{name} is not in the architecture");
        }
    }
}
