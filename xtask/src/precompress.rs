//! The last step of a release build: a brotli copy (`<file>.br`) and a gzip
//! copy (`<file>.gz`) beside every text file and the wasm in dist/, each at
//! its highest level, so a server that serves precompressed files (nginx's
//! `brotli_static` and `gzip_static`, Caddy's `precompressed br gzip`)
//! spends nothing compressing per request, and one that cannot compress at
//! all still can send these. Brotli is what the size budget measures (the
//! wasm is a fifth smaller than with gzip); gzip is for servers without
//! brotli. Hosts that compress by themselves (Netlify, Cloudflare Pages)
//! ignore both.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// The file types worth compressing: text, and the wasm (images and fonts
/// are compressed already).
const COMPRESSED: [&str; 9] = ["html", "js", "mjs", "css", "json", "wasm", "txt", "svg", "webmanifest"];

pub fn run(dist: &Path) -> Result<(), String> {
    let mut all = Vec::new();
    crate::budget::files(dist, &mut all);
    let mut written = 0;
    for path in all {
        let wanted = path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSED.contains(&e));
        if !wanted {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
        gzip.write_all(&bytes).map_err(|e| e.to_string())?;
        let gzipped = gzip.finish().map_err(|e| e.to_string())?;
        for (suffix, packed) in [(".gz", gzipped), (".br", crate::budget::brotli(&bytes))] {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            std::fs::write(&name, packed).map_err(|e| format!("{}: {e}", Path::new(&name).display()))?;
        }
        written += 1;
    }
    println!("precompress: {written} files in {} have a .br and a .gz copy beside them", dist.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn each_text_file_gets_a_brotli_and_a_gzip_copy_that_read_back_the_same() {
        let dir = std::env::temp_dir().join(format!("waymark-precompress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>".repeat(100)).unwrap();
        std::fs::write(dir.join("data/directory.json"), "[]").unwrap();
        std::fs::write(dir.join("icon.png"), [137u8, 80, 78, 71]).unwrap();
        run(&dir).unwrap();
        let mut text = String::new();
        let packed = std::fs::read(dir.join("index.html.gz")).unwrap();
        flate2::read::GzDecoder::new(&packed[..]).read_to_string(&mut text).unwrap();
        assert_eq!(text, "<!doctype html>".repeat(100));
        assert!(packed.len() < 100, "compressed: {} bytes", packed.len());
        let packed = std::fs::read(dir.join("index.html.br")).unwrap();
        let mut text = String::new();
        brotli::Decompressor::new(&packed[..], 4096).read_to_string(&mut text).unwrap();
        assert_eq!(text, "<!doctype html>".repeat(100));
        assert_eq!(packed.len(), crate::budget::brotli_size(text.as_bytes()), "the bytes the budget counts");
        assert!(dir.join("data/directory.json.gz").is_file());
        assert!(dir.join("data/directory.json.br").is_file());
        assert!(!dir.join("icon.png.gz").exists(), "images are compressed already");
        assert!(!dir.join("icon.png.br").exists(), "images are compressed already");
        // A second run (a build over an old dist/) compresses the files, not the copies.
        run(&dir).unwrap();
        assert!(!dir.join("index.html.gz.br").exists() && !dir.join("index.html.br.gz").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
