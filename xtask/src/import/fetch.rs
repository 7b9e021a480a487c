//! HTTP for the import: one blocking client with a time limit on every
//! request, retries with backoff for what a busy or throttled server says
//! (network errors, 5xx, 429), and a small pool so at most
//! [`IN_FLIGHT`] requests reach the publisher at once ("may be throttled",
//! says the ORUK compliance page; we should not be the reason).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Requests in flight at most.
pub const IN_FLIGHT: usize = 4;
/// Tries per request, the first included.
const ATTEMPTS: u32 = 5;
/// The wait before the first retry; doubled before each next (0.5, 1, 2, 4 s).
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
/// The longest `Retry-After` we wait: a server asking for an hour is not
/// going to be kinder in a minute, but we should not hang a deploy on it.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// The whole of one request, connect to last byte.
const TIMEOUT: Duration = Duration::from_secs(30);
/// Shortens [`TIMEOUT`] (whole seconds), e.g. for tests of a stalled server.
const TIMEOUT_VAR: &str = "WAYMARK_IMPORT_TIMEOUT_SECS";
/// A page or record larger than this is not a directory page.
const MAX_BODY: u64 = 200 * 1024 * 1024;

pub struct Client {
    agent: ureq::Agent,
    /// Counted for the report.
    pub requests: AtomicUsize,
    pub retries: AtomicUsize,
}

/// Why a GET gave no answer to read.
#[derive(Debug)]
pub enum FetchError {
    /// The server answered with this status (after any retries).
    Status(u16),
    /// No answer, or one we could not read (after any retries).
    Network(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            FetchError::Status(code) => write!(f, "the server answered HTTP {code}"),
            FetchError::Network(e) => write!(f, "no answer ({e})"),
        }
    }
}

/// What one try came to.
enum Try {
    Done(Result<String, FetchError>),
    /// Worth another try, after at least this long (from `Retry-After`).
    Again(FetchError, Option<Duration>),
}

impl Client {
    pub fn new() -> Client {
        let timeout = std::env::var(TIMEOUT_VAR)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .map(Duration::from_secs)
            .unwrap_or(TIMEOUT);
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            // Statuses are ours to judge: 5xx and 429 are retried, other 4xx not.
            .http_status_as_error(false)
            .user_agent("waymark-import (cargo xtask import)")
            .build()
            .new_agent();
        Client { agent, requests: AtomicUsize::new(0), retries: AtomicUsize::new(0) }
    }

    /// GET `url` as text, retrying what may pass.
    pub fn text(&self, url: &str) -> Result<String, FetchError> {
        let mut backoff = FIRST_BACKOFF;
        for attempt in 1..=ATTEMPTS {
            match self.once(url) {
                Try::Done(result) => return result,
                Try::Again(e, _) if attempt == ATTEMPTS => return Err(e),
                Try::Again(_, retry_after) => {
                    self.retries.fetch_add(1, Ordering::Relaxed);
                    std::thread::sleep(retry_after.unwrap_or(backoff));
                    backoff *= 2;
                }
            }
        }
        unreachable!("the last attempt returns")
    }

    fn once(&self, url: &str) -> Try {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let mut response = match self.agent.get(url).header("Accept", "application/json").call() {
            Ok(response) => response,
            Err(e) => return Try::Again(FetchError::Network(e.to_string()), None),
        };
        let status = response.status().as_u16();
        if status == 429 || status >= 500 {
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|s| s.trim().parse::<u64>().ok())
                .map(|secs| Duration::from_secs(secs).min(MAX_RETRY_AFTER));
            return Try::Again(FetchError::Status(status), retry_after);
        }
        if !(200..300).contains(&status) {
            return Try::Done(Err(FetchError::Status(status)));
        }
        match response.body_mut().with_config().limit(MAX_BODY).read_to_string() {
            Ok(text) => Try::Done(Ok(text)),
            // A body cut off mid-way is as good as no answer: try again.
            Err(e) => Try::Again(FetchError::Network(e.to_string()), None),
        }
    }
}

/// `work` on every item with at most [`IN_FLIGHT`] at once, results in the
/// items' order. A shared queue, so a slow request holds up only its thread.
pub fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..IN_FLIGHT.min(items.len()) {
            scope.spawn(|| loop {
                let i = {
                    let mut next = next.lock().unwrap();
                    *next += 1;
                    *next - 1
                };
                let Some(item) = items.get(i) else { break };
                let result = work(item);
                results.lock().unwrap()[i] = Some(result);
            });
        }
    });
    results.into_inner().unwrap().into_iter().map(|r| r.expect("every item is worked")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_keeps_order_and_never_runs_more_than_four() {
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let items: Vec<usize> = (0..20).collect();
        let out = in_parallel(&items, |i| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(5));
            running.fetch_sub(1, Ordering::SeqCst);
            i * 2
        });
        assert_eq!(out, (0..20).map(|i| i * 2).collect::<Vec<_>>());
        assert!(most.load(Ordering::SeqCst) <= IN_FLIGHT);
    }
}
