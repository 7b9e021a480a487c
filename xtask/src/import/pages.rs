//! Harvesting a publisher's API: `/services` page by page, in any of the
//! envelopes (ORUK 3.0 `contents`/`page_number`/`last_page`/`total_pages`;
//! ORUK v1 and Outpost `content`/`number`/`last`/`totalPages`), then
//! `/services/{id}` for each list item that carries only one-to-one fields
//! (v1 lists do; v3 lists may). Pages are read in order and their services
//! handed to the [`Keeper`] as they come, so only a few pages are ever held.
//!
//! A feed is taken as whole only when it ends: an empty page, or a last
//! page that its counts agree with. One that repeats itself, or has not
//! ended after `--max-pages`, is incomplete; one whose counts disagree is
//! read on while its pages bring services not seen before.

use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::Value;

use super::document::{self, Outline, Paging};
use super::fetch::{in_parallel, Client, IN_FLIGHT};
use super::records::{id_of, Keeper, Record};

/// Asked for per page; servers cap it as they like, and we follow the envelope.
const PER_PAGE: usize = 100;
/// No directory has a million services: a feed that has not ended by this
/// page is broken (`--max-pages` changes it).
pub const MAX_PAGES: i64 = 10_000;

/// The fields that say a service record is fully nested (the `/services/{id}` shape).
const NESTED: [&str; 9] = [
    "service_at_locations",
    "attributes",
    "service_taxonomys",
    "regular_schedules",
    "schedules",
    "cost_options",
    "contacts",
    // Outpost's own lists.
    "locations",
    "taxonomies",
];

/// What reading a source came to, besides its services.
#[derive(Default)]
pub struct Harvest {
    pub pages: usize,
    pub details: usize,
    /// Pages that could not be read (their services are unknown).
    pub failed_pages: Vec<String>,
    /// Where the feed's paging contradicted itself.
    pub notes: Vec<String>,
    /// Why what was read is not the whole feed.
    pub incomplete: Option<String>,
}

/// One page of services, in whichever envelope.
#[derive(Debug)]
struct Page {
    paging: Paging,
    items: Vec<Value>,
}

/// The page in `text`, or why it is not one.
fn page_of(text: &str) -> Result<Page, String> {
    let outline = document::outline(text).map_err(|e| format!("the answer is not JSON ({e})"))?;
    let paging = match &outline {
        Outline::Listed { paging, .. } if paging.is_paged() || paging.total_items.is_some() => paging.clone(),
        _ => {
            return Err(
                "the answer is not a page of services (no content/contents list with paging fields)".into()
            )
        }
    };
    let mut items = Vec::new();
    document::each_service(text, &outline, &mut |item| items.push(item))?;
    Ok(Page { paging, items })
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

/// What to do after a page.
enum Next {
    Read,
    End,
    /// Incomplete, for this reason.
    Stop(String),
}

/// Where the walk through the pages has got to.
struct Walk {
    counts_from: i64,
    /// The number of pages the first page claimed.
    claimed: Option<i64>,
    /// Reading past where the feed claimed to end, because its counts disagree.
    past_claimed_end: bool,
}

impl Walk {
    /// The number of the last page the feed claims, if it claims one.
    fn last_claimed(&self) -> Option<i64> {
        self.claimed.map(|total| self.counts_from + total - 1)
    }
}

/// Every service the API at `base` lists, fully nested where it can be,
/// handed to `keeper` in feed order.
pub fn read_api(client: &Client, base: &str, keeper: &mut Keeper, max_pages: i64) -> Result<Harvest, String> {
    let url = |n: i64| format!("{base}/services?page={n}&per_page={PER_PAGE}");
    // Page 1 first: ORUK's and Outpost's default. Its envelope says whether
    // the server counts from 0 (then page 1 is not the first) and how many
    // pages there are.
    let first_url = url(1);
    let first = client.text(&first_url).map_err(|e| e.to_string()).and_then(|text| page_of(&text)).map_err(|e| {
        format!("GET {first_url}: {e}. Is {base} the base URL of an Open Referral UK or Outpost API (one that answers {base}/services)?")
    })?;
    let counts_from = if first.paging.first == Some(false) && first.paging.number == Some(1) { 0 } else { 1 };
    let mut walk = Walk { counts_from, claimed: first.paging.total_pages, past_claimed_end: false };
    let mut harvest = Harvest::default();
    let mut held_first = Some(first);
    let mut ahead: VecDeque<(i64, Result<Page, String>)> = VecDeque::new();
    let mut next = counts_from;
    let fetch = |n: &i64| client.text(&url(*n)).map_err(|e| e.to_string()).and_then(|text| page_of(&text));
    loop {
        if harvest.pages as i64 + harvest.failed_pages.len() as i64 >= max_pages {
            harvest.incomplete = Some(format!(
                "the feed had not ended after {max_pages} pages (--max-pages {max_pages}); stopped at page {}",
                next - 1
            ));
            break;
        }
        if ahead.is_empty() {
            // Several pages at once only where the feed says they exist.
            let room = max_pages - harvest.pages as i64 - harvest.failed_pages.len() as i64;
            let window = match walk.last_claimed() {
                Some(last) if !walk.past_claimed_end => (last - next + 1).clamp(1, IN_FLIGHT as i64),
                _ => 1,
            }
            .min(room);
            let numbers: Vec<i64> = (next..next + window).collect();
            let wanted: Vec<i64> =
                numbers.iter().copied().filter(|n| !(*n == 1 && held_first.is_some())).collect();
            let mut fetched: HashMap<i64, Result<Page, String>> =
                wanted.iter().copied().zip(in_parallel(&wanted, fetch)).collect();
            for n in numbers {
                let page = match (n, fetched.remove(&n)) {
                    (_, Some(page)) => page,
                    (_, None) => Ok(held_first.take().expect("page 1 is held")),
                };
                ahead.push_back((n, page));
            }
        }
        let (n, page) = ahead.pop_front().expect("a window holds a page");
        next = n + 1;
        match after_page(client, base, &url(n), n, page, &mut walk, &mut harvest, keeper) {
            Next::Read => {}
            Next::End => break,
            Next::Stop(why) => {
                harvest.incomplete = Some(why);
                break;
            }
        }
    }
    if harvest.incomplete.is_none() && !harvest.failed_pages.is_empty() {
        harvest.incomplete =
            Some(format!("{} page(s) of the feed could not be read", harvest.failed_pages.len()));
    }
    Ok(harvest)
}

/// Takes page `n`'s services and decides whether the feed goes on.
#[allow(clippy::too_many_arguments)]
fn after_page(
    client: &Client,
    base: &str,
    url: &str,
    n: i64,
    page: Result<Page, String>,
    walk: &mut Walk,
    harvest: &mut Harvest,
    keeper: &mut Keeper,
) -> Next {
    let page = match page {
        Ok(page) => page,
        Err(e) if walk.past_claimed_end => {
            harvest.notes.push(format!(
                "page {n}, past the end the feed claimed, could not be read ({e}): taken as the end"
            ));
            return Next::End;
        }
        Err(e) => {
            harvest.failed_pages.push(format!("page {n} ({url}): {e}"));
            // Told there is more: the pages after a failed one may still answer.
            return match walk.last_claimed() {
                Some(last) if n < last => Next::Read,
                _ => Next::End,
            };
        }
    };
    if let (Some(said), Some(claimed)) = (page.paging.total_pages, walk.claimed) {
        if said != claimed {
            harvest
                .notes
                .push(format!("page {n} says there are {said} pages; the first page said {claimed}"));
            walk.claimed = Some(said.max(claimed));
        }
    }
    if page.items.is_empty() {
        if let Some(last) = walk.last_claimed().filter(|last| n < *last && !walk.past_claimed_end) {
            harvest.notes.push(format!(
                "page {n} is empty, but the feed said it has {} pages (up to page {last})",
                walk.claimed.unwrap_or(0)
            ));
        }
        harvest.pages += 1;
        return Next::End;
    }
    let ids: Vec<String> = page.items.iter().filter_map(id_of).collect();
    if let Some(first) = ids.first().filter(|_| ids.iter().all(|id| keeper.has_seen(id))) {
        if walk.past_claimed_end {
            harvest.notes.push(format!(
                "page {n}, past the end the feed claimed, repeats services already read: taken as the end"
            ));
            return Next::End;
        }
        return Next::Stop(format!(
            "page {n} gives only services already read (the first is {first:?}): the feed repeats itself instead of ending"
        ));
    }
    harvest.pages += 1;
    take_page(client, base, page.items, harvest, keeper);

    let claimed_end = walk.last_claimed().is_some_and(|last| n >= last);
    match (page.paging.last, claimed_end) {
        (Some(true) | None, true) => Next::End,
        (Some(true), false) if walk.claimed.is_none() || walk.past_claimed_end => Next::End,
        (Some(true), false) => {
            harvest.notes.push(format!(
                "page {n} says it is the last, but the feed said it has {} pages: reading on while pages bring services not read before",
                walk.claimed.unwrap_or(0)
            ));
            walk.past_claimed_end = true;
            Next::Read
        }
        (Some(false), true) => {
            if !walk.past_claimed_end {
                harvest.notes.push(format!(
                    "page {n} says it is not the last, but the feed said it has {} pages: reading on while pages bring services not read before",
                    walk.claimed.unwrap_or(0)
                ));
            }
            walk.past_claimed_end = true;
            Next::Read
        }
        (_, false) => Next::Read,
    }
}

/// Gives a page's services to `keeper`, each list-only item replaced by its
/// full record (fetched once per id: an id read before is a duplicate, and
/// keeps its list item).
fn take_page(client: &Client, base: &str, items: Vec<Value>, harvest: &mut Harvest, keeper: &mut Keeper) {
    let mut wanted: Vec<String> = items
        .iter()
        .filter(|i| is_list_only(i))
        .filter_map(id_of)
        .filter(|id| !keeper.has_seen(id))
        .collect();
    let mut unique = HashSet::new();
    wanted.retain(|id| unique.insert(id.clone()));
    let detail = |id: &String| {
        let url = format!("{base}/services/{}", segment(id));
        client.text(&url).map_err(|e| e.to_string()).and_then(|text| {
            serde_json::from_str::<Value>(document::without_bom(&text))
                .map_err(|e| format!("the answer is not JSON ({e})"))
                .map_err(|e| format!("GET {url}: {e}"))
        })
    };
    let mut full: HashMap<String, Result<Value, String>> =
        wanted.iter().cloned().zip(in_parallel(&wanted, detail)).collect();
    harvest.details += full.values().filter(|r| r.is_ok()).count();
    for item in items {
        let record = match id_of(&item)
            .filter(|_| is_list_only(&item))
            .and_then(|id| full.remove(&id).map(|r| (id, r)))
        {
            Some((_, Ok(record))) if record.is_object() => Record::Read(record),
            Some((id, Ok(_))) => Record::Failed { id, why: "its record is not a JSON object".into() },
            Some((id, Err(why))) => Record::Failed { id, why },
            None => Record::Read(item),
        };
        keeper.take(record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_page_is_told_from_other_answers() {
        let v1 = json!({ "content": [ { "id": "a" } ], "totalPages": 2, "number": 0, "first": true, "last": false });
        let page = page_of(&v1.to_string()).unwrap();
        assert_eq!((page.paging.number, page.paging.total_pages, page.items.len()), (Some(0), Some(2), 1));
        let v3 = json!({ "contents": [], "total_pages": 0, "page_number": 1, "first_page": true, "last_page": true, "empty": true });
        assert!(page_of(&v3.to_string()).is_ok_and(|p| p.paging.last == Some(true)));
        assert!(page_of(r#"{"version": "HSDS-UK-3.0"}"#).is_err());
        assert!(page_of("[]").is_err(), "a bare list has no paging");
        assert!(page_of("<html>").unwrap_err().contains("not JSON"));
    }

    #[test]
    fn only_records_without_nested_arrays_need_their_detail() {
        assert!(is_list_only(&json!({ "id": "a", "name": "Walk", "status": "active" })));
        assert!(!is_list_only(&json!({ "id": "a", "service_taxonomys": [] })));
        assert!(!is_list_only(&json!({ "id": 4, "locations": [] })), "an Outpost record is whole");
        assert_eq!(segment("esd:1 a/b"), "esd:1%20a%2Fb");
    }
}
