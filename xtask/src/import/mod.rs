//! `cargo xtask import <source> --out <folder> [--tiles] [--partial]
//! [--max-pages N] [--verbose] [--questions <file>]`: reads a publisher's
//! directory (an Open Referral UK API, v1 or 3.0, a FutureGov Outpost API,
//! or one JSON file), converts it to ORUK 3.0, keeps the services the widget
//! can show, writes `<folder>/directory.json` (and the tiles with `--tiles`),
//! and reports what it kept, skipped and could not map to a need.
//!
//! A directory that is not the whole feed (a page that failed, a feed that
//! repeats itself or never ends, one saved page of many) is never written
//! as `directory.json` unless `--partial` says so: a deploy script should
//! not publish half a county as if it were all of it.

mod convert;
pub mod document;
mod fetch;
mod outpost;
mod pages;
mod records;
mod report;
mod timestamps;

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use waymark::core::questions::QuestionSet;

use document::Outline;
use fetch::Client;
use pages::Harvest;
use records::Keeper;
use report::Report;

const USAGE: &str = "usage: cargo xtask import <source> --out <folder> [--tiles] [--partial] [--max-pages N] [--verbose] [--questions <question-set.json>]
  <source>: an Open Referral UK or Outpost API's base URL (https://…/api), the URL of one directory JSON file, or a file path
  --partial: write directory.json even when the feed could not be read whole (the report says so)
  --max-pages N: the most pages to read before a feed that has not ended is taken as broken (default 10000)
  --verbose: list every problem, service by service, after the summary";

struct Options {
    source: String,
    out: PathBuf,
    tiles: bool,
    partial: bool,
    verbose: bool,
    max_pages: i64,
    questions: PathBuf,
}

fn options(args: &[String]) -> Result<Options, String> {
    let (mut source, mut out, mut questions) = (None, None, None);
    let (mut tiles, mut partial, mut verbose, mut max_pages) = (false, false, false, pages::MAX_PAGES);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(args.next().ok_or(USAGE)?.into()),
            "--questions" => questions = Some(args.next().ok_or(USAGE)?.into()),
            "--tiles" => tiles = true,
            "--partial" => partial = true,
            "--verbose" => verbose = true,
            "--max-pages" => {
                let n = args.next().ok_or(USAGE)?;
                max_pages = n
                    .parse()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| format!("--max-pages {n}: give a whole number of pages, 1 or more"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ if source.is_none() => source = Some(arg.clone()),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(Options {
        source: source.ok_or(USAGE)?,
        out: out.ok_or(USAGE)?,
        tiles,
        partial,
        verbose,
        max_pages,
        questions: questions.unwrap_or_else(|| crate::root().join("public/questions/default.json")),
    })
}

/// Set, the import ends by printing its peak memory to stderr, for
/// `cargo xtask bench`.
pub const PEAK_MEMORY_VAR: &str = "WAYMARK_IMPORT_PEAK_MEMORY";

pub fn run(args: &[String]) -> Result<(), String> {
    let result = import(args);
    if std::env::var_os(PEAK_MEMORY_VAR).is_some() {
        // The kernel's high-water mark of this process's resident memory.
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
            eprintln!("peak memory: {}", line["VmHWM:".len()..].trim());
        }
    }
    result
}

fn import(args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    // The question set first: a mistake there should not cost a long download.
    let questions = std::fs::read_to_string(&options.questions)
        .map_err(|e| format!("{}: {e}", options.questions.display()))
        .and_then(|text| {
            QuestionSet::parse(&text).map_err(|e| format!("{}: {e}", options.questions.display()))
        })?;
    let out = &options.out;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    // Written as it is read, and named only once it is known whole.
    let part = out.join("directory.json.part");
    let mut keeper = Keeper::create(&part, questions.needs.clone())?;
    let client = Client::new();
    let harvest = match read_source(&client, &options, &mut keeper) {
        Ok(harvest) => harvest,
        Err(e) => {
            drop(keeper);
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    let (part, totals) = keeper.finish()?;
    let mut report = Report {
        source: options.source.clone(),
        shape: totals.shape.map(records::Shape::name),
        incomplete: harvest.incomplete,
        partial: options.partial,
        verbose: options.verbose,
        read: totals.read,
        kept: totals.kept,
        skipped: totals.skipped,
        left_out: totals.left_out,
        terms: totals.tally.terms(),
        pages: harvest.pages,
        details: harvest.details,
        failed_pages: harvest.failed_pages,
        paging_notes: harvest.notes,
        requests: client.requests.load(Ordering::Relaxed),
        retries: client.retries.load(Ordering::Relaxed),
        questions: options.questions.display().to_string(),
        wrote: Vec::new(),
    };

    let whole = report.incomplete.is_none();
    let (directory, incomplete) = (out.join("directory.json"), out.join("directory.incomplete.json"));
    let written = if whole || options.partial { &directory } else { &incomplete };
    std::fs::rename(&part, written).map_err(|e| format!("{}: {e}", written.display()))?;
    if whole {
        // Left from an earlier, broken import: it would only mislead.
        let _ = std::fs::remove_file(&incomplete);
    }
    report.wrote.push(written.display().to_string());
    if options.tiles && written == &directory {
        let tiles = out.join("tiles");
        crate::tiles::run(&[directory.display().to_string(), tiles.display().to_string()])?;
        report.wrote.push(format!("{}/", tiles.display()));
    }
    let path = out.join("import-report.txt");
    report.wrote.push(path.display().to_string());
    let text = report.text();
    write(&path, text.clone())?;
    print!("{text}");
    match (&report.incomplete, options.partial) {
        (Some(why), false) => Err(format!(
            "the directory is incomplete ({}): nothing was written to directory.json; what could be read is in {}",
            report::printable(why),
            incomplete.display()
        )),
        _ => Ok(()),
    }
}

fn write(path: &Path, text: String) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads the services at the source (a file path, the URL of one JSON file,
/// or an API) into `keeper`.
fn read_source(client: &Client, options: &Options, keeper: &mut Keeper) -> Result<Harvest, String> {
    let source = options.source.as_str();
    if !source.starts_with("http://") && !source.starts_with("https://") {
        let bytes = std::fs::read(source).map_err(|e| format!("{source}: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{source}: not UTF-8 text (byte {} is not UTF-8); save it as UTF-8",
                e.utf8_error().valid_up_to()
            )
        })?;
        return read_document(&text, source, options.partial, keeper);
    }
    let path = source.split(['?', '#']).next().unwrap_or(source);
    if path.ends_with(".json") {
        let text = client.text(source).map_err(|e| format!("GET {source}: {e}"))?;
        return read_document(&text, source, options.partial, keeper);
    }
    // An API's root answers with its metadata (ORUK 3.0) or not at all;
    // a directory document there is a file served without a .json name.
    let base = path.trim_end_matches('/');
    if let Ok(text) = client.text(base) {
        match document::outline(&text) {
            // A page of the list endpoint is read as the API, so records are completed.
            Ok(Outline::Listed { paging, .. }) if paging.is_paged() && !paging.is_whole() => {}
            Ok(Outline::List | Outline::Listed { .. }) => {
                return read_document(&text, source, options.partial, keeper)
            }
            _ => {}
        }
    }
    // Given the list endpoint itself: its base is one level up.
    let base = base.strip_suffix("/services").unwrap_or(base);
    pages::read_api(client, base, keeper, options.max_pages)
}

/// Reads one directory document: a bare list, an object with a list, or
/// one service. One page of a paginated feed is refused, unless `partial`.
fn read_document(text: &str, from: &str, partial: bool, keeper: &mut Keeper) -> Result<Harvest, String> {
    let outline = document::outline(text).map_err(|e| format!("{from}: not JSON ({e})"))?;
    let mut harvest = Harvest::default();
    match &outline {
        Outline::Other(what) => {
            return Err(format!(
                "{from}: not a directory: it is {what}. Give a list of services, an object with a \"services\" or \"contents\" list, a page of a feed with --partial, or one service"
            ))
        }
        Outline::Listed { paging, .. } if !paging.is_whole() => {
            let why = format!("{from} is {} of a paginated feed: give the API's base address instead", paging.describe());
            if !partial {
                return Err(format!("{why} (or --partial to import this page alone)"));
            }
            harvest.incomplete = Some(why);
        }
        _ => {}
    }
    document::each_service(text, &outline, &mut |service| keeper.take(records::Record::Read(service)))
        .map_err(|e| format!("{from}: not JSON ({e})"))?;
    Ok(harvest)
}
