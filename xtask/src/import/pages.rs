//! Reading a publisher's ORUK API: `/services` page by page, in either
//! envelope (v1 `content`/`number`/`last`/`totalPages`, v3
//! `contents`/`page_number`/`last_page`/`total_pages`), then
//! `/services/{id}` for each list item that carries only one-to-one fields
//! (v1 lists do; v3 lists may).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::fetch::{in_parallel, Client};

/// Asked for per page; servers cap it as they like, and we follow the envelope.
const PER_PAGE: usize = 100;
/// No directory has a million services: a server that never says "last" stops here.
const MAX_PAGES: i64 = 10_000;

/// The fields that say a service record is fully nested (the `/services/{id}` shape).
const NESTED: [&str; 7] = [
    "service_at_locations",
    "attributes",
    "service_taxonomys",
    "regular_schedules",
    "schedules",
    "cost_options",
    "contacts",
];

/// One service as fetched, or the id whose full record could not be had.
pub enum Record {
    Read(Value),
    Failed { id: String, why: String },
}

/// What reading the API came to.
pub struct Fetched {
    pub records: Vec<Record>,
    pub pages: usize,
    pub details: usize,
    /// Pages that could not be read (their services are unknown).
    pub failed_pages: Vec<String>,
}

/// One page of services, in whichever envelope.
struct Page {
    number: Option<i64>,
    first: Option<bool>,
    last: Option<bool>,
    total_pages: Option<i64>,
    items: Vec<Value>,
}

const PAGING: [&str; 10] = [
    "totalPages",
    "number",
    "last",
    "first",
    "totalElements",
    "total_pages",
    "page_number",
    "last_page",
    "first_page",
    "total_items",
];

/// A page envelope, or `None` for anything else (a directory file, an error
/// document). Takes the items out of `doc` rather than copying them: a
/// national feed's pages add up to hundreds of megabytes.
fn page_of(doc: Value) -> Option<Page> {
    let Value::Object(mut fields) = doc else { return None };
    if !PAGING.iter().any(|k| fields.contains_key(*k)) {
        return None;
    }
    let int = |keys: [&str; 2]| keys.iter().find_map(|k| fields.get(*k)?.as_i64());
    let flag = |keys: [&str; 2]| keys.iter().find_map(|k| fields.get(*k)?.as_bool());
    let (number, first, last) =
        (int(["page_number", "number"]), flag(["first_page", "first"]), flag(["last_page", "last"]));
    let total_pages = int(["total_pages", "totalPages"]);
    let items = match fields.remove("contents").or_else(|| fields.remove("content"))? {
        Value::Array(items) => items,
        _ => return None,
    };
    Some(Page { number, first, last, total_pages, items })
}

/// Whether `doc` is a directory document rather than one page of many: see
/// [`directory_items`].
pub fn is_directory(doc: &Value) -> bool {
    match doc {
        Value::Array(_) => true,
        Value::Object(fields) => {
            let listed = ["services", "contents"].iter().any(|k| fields.get(*k).is_some_and(Value::is_array));
            listed && (!is_page(doc) || is_whole(fields))
        }
        _ => false,
    }
}

/// The services of a directory document (a file, not one page of many): a
/// bare list, or an object with a `services` or `contents` list and either
/// no paging fields or paging that says it is the only page (an export
/// saved from an API's single page, or a file this command wrote). The
/// document back when it is not one.
pub fn directory_items(doc: Value) -> Result<Vec<Value>, Value> {
    if !is_directory(&doc) {
        return Err(doc);
    }
    match doc {
        Value::Array(items) => Ok(items),
        Value::Object(mut fields) => match ["services", "contents"].iter().find_map(|k| fields.remove(*k)) {
            Some(Value::Array(items)) => Ok(items),
            _ => Err(Value::Object(fields)),
        },
        other => Err(other),
    }
}

/// Whether `doc` is a page of a paginated list (its items may need their
/// full records fetched), rather than a document.
pub fn is_page(doc: &Value) -> bool {
    doc.as_object().is_some_and(|fields| {
        PAGING.iter().any(|k| fields.contains_key(*k))
            && ["contents", "content"].iter().any(|k| fields.get(*k).is_some_and(Value::is_array))
    })
}

/// Whether an envelope says it is the first page and the last, so the
/// whole feed.
fn is_whole(fields: &Map<String, Value>) -> bool {
    let int = |keys: [&str; 2]| keys.iter().find_map(|k| fields.get(*k)?.as_i64());
    let flag = |keys: [&str; 2]| keys.iter().find_map(|k| fields.get(*k)?.as_bool());
    let (number, first, last) =
        (int(["page_number", "number"]), flag(["first_page", "first"]), flag(["last_page", "last"]));
    let total_pages = int(["total_pages", "totalPages"]);
    let one_page = total_pages.is_some_and(|t| t <= 1);
    let first_and_last = first == Some(true) && last == Some(true);
    // Only a count (`total_items`, as this command writes): nothing says there is more.
    let unpaged = number.is_none() && first.is_none() && last.is_none() && total_pages.is_none();
    one_page || first_and_last || unpaged
}

/// Whether a list item lacks the nested arrays, so its full record must be fetched.
pub fn is_list_only(item: &Value) -> bool {
    item.as_object().is_some_and(|fields| !NESTED.iter().any(|k| fields.contains_key(*k)))
}

/// A path segment with everything but unreserved characters (and `:`, common
/// in CURIE-like ids) percent-encoded.
fn segment(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn id_of(item: &Value) -> Option<String> {
    match item.get("id")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Every service the API at `base` lists, fully nested where it can be.
pub fn read_api(client: &Client, base: &str) -> Result<Fetched, String> {
    let url = |n: i64| format!("{base}/services?page={n}&per_page={PER_PAGE}");
    // Page 1 first: ORUK's default. Its envelope says whether the server
    // counts from 0 (then page 1 is not the first) and how many pages there are.
    let first_url = url(1);
    let doc = client.json(&first_url).map_err(|e| {
        format!("GET {first_url}: {e}. Is {base} the base URL of an Open Referral UK API (one that answers {base}/services)?")
    })?;
    let first = page_of(doc).ok_or_else(|| {
        format!("GET {first_url}: the answer is not a page of services (no content/contents list with paging fields)")
    })?;
    let counts_from = if first.first == Some(false) && first.number == Some(1) { 0 } else { 1 };
    let mut pages: Vec<(i64, Page)> = Vec::new();
    let mut failed_pages = Vec::new();
    let mut read = |pages: &mut Vec<(i64, Page)>, n: i64, result: Result<Value, String>| match result
        .and_then(|doc| page_of(doc).ok_or_else(|| "not a page of services".to_string()))
    {
        Ok(page) => pages.push((n, page)),
        Err(e) => failed_pages.push(format!("page {n} ({}): {e}", url(n))),
    };
    let fetch = |n: &i64| client.json(&url(*n)).map_err(|e| e.to_string());
    match first.total_pages {
        // Told how many: fetch the rest together.
        Some(total) => {
            let last = counts_from + total.clamp(0, MAX_PAGES) - 1;
            let numbers: Vec<i64> = (counts_from..=last).filter(|n| *n != 1).collect();
            pages.push((1, first));
            for (n, result) in numbers.iter().zip(in_parallel(&numbers, fetch)) {
                read(&mut pages, *n, result);
            }
        }
        // Not told: one at a time until the server says last, or gives nothing.
        None => {
            let mut done = first.last == Some(true) || first.items.is_empty();
            pages.push((1, first));
            if counts_from == 0 {
                read(&mut pages, 0, fetch(&0));
            }
            let mut n = 2;
            while !done && n < MAX_PAGES {
                let before = pages.len();
                read(&mut pages, n, fetch(&n));
                done = pages.len() == before
                    || pages.last().is_some_and(|(_, p)| p.last == Some(true) || p.items.is_empty());
                n += 1;
            }
        }
    }
    pages.sort_by_key(|(n, _)| *n);
    let page_count = pages.len();
    let items: Vec<Value> = pages.into_iter().flat_map(|(_, p)| p.items).collect();

    // Each distinct id once, however often the list repeats it.
    let mut wanted: Vec<String> = items.iter().filter(|i| is_list_only(i)).filter_map(id_of).collect();
    wanted.sort();
    wanted.dedup();
    let detail = |id: &String| {
        let url = format!("{base}/services/{}", segment(id));
        client.json(&url).map_err(|e| format!("GET {url}: {e}"))
    };
    // By id, so matching 100,000 list items to their records is not quadratic.
    let mut full: HashMap<String, Result<Value, String>> =
        wanted.iter().cloned().zip(in_parallel(&wanted, detail)).collect();
    let details = full.values().filter(|r| r.is_ok()).count();
    let records = items
        .into_iter()
        .map(|item| match id_of(&item).filter(|_| is_list_only(&item)) {
            // Moved, not copied; a repeat of an id in the list keeps its list
            // item, and is reported as a duplicate.
            Some(id) => match full.remove(&id) {
                Some(Ok(record)) if record.is_object() => Record::Read(record),
                Some(Ok(_)) => Record::Failed { id, why: "its record is not a JSON object".into() },
                Some(Err(why)) => Record::Failed { id, why },
                None => Record::Read(item),
            },
            None => Record::Read(item),
        })
        .collect();
    Ok(Fetched { records, pages: page_count, details, failed_pages })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pages_and_files_are_told_apart() {
        let v1 = json!({ "content": [ { "id": "a" } ], "totalPages": 2, "number": 0, "first": true, "last": false });
        let v3 = json!({ "contents": [], "total_pages": 0, "page_number": 1, "first_page": true, "last_page": true, "empty": true });
        assert_eq!(
            page_of(v1.clone()).map(|p| (p.number, p.total_pages, p.items.len())),
            Some((Some(0), Some(2), 1))
        );
        assert!(page_of(v3).is_some_and(|p| p.last == Some(true)));
        assert!(directory_items(v1).is_err());
        assert_eq!(directory_items(json!({ "contents": [ {}, {} ] })).map(|i| i.len()), Ok(2));
        assert_eq!(directory_items(json!([{}])).map(|i| i.len()), Ok(1));
        assert!(directory_items(json!({ "version": "HSDS-UK-3.0" })).is_err());
        // A saved single page (or what this command writes) is a whole file.
        let whole = json!({ "contents": [ {} ], "total_pages": 1, "page_number": 1, "first_page": true, "last_page": true });
        assert_eq!(directory_items(whole).map(|i| i.len()), Ok(1));
        assert_eq!(directory_items(json!({ "total_items": 1, "contents": [ {} ] })).map(|i| i.len()), Ok(1));
    }

    #[test]
    fn only_records_without_nested_arrays_need_their_detail() {
        assert!(is_list_only(&json!({ "id": "a", "name": "Walk", "status": "active" })));
        assert!(!is_list_only(&json!({ "id": "a", "service_taxonomys": [] })));
        assert_eq!(segment("esd:1 a/b"), "esd:1%20a%2Fb");
    }
}
