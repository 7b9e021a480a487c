//! Sending a referral to the configured endpoint, exactly once as far as the
//! receiver can tell: the same id (and `Idempotency-Key`) on every attempt,
//! a time limit on each, retries for network and server errors (the rules are
//! in `core::referral`), and an outbox on the person's own device for what
//! cannot be sent now (never on a kiosk).

use js_sys::Promise;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use waymark::core::referral::{outbox_expired, outcome, retry_delay, Outcome};

/// A referral ready to go, and as kept in the outbox (a JSON list of these
/// in local storage; a field missing from an older release's entry is empty).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outgoing {
    pub id: String,
    pub reference: String,
    pub endpoint: String,
    /// `json` or `form`.
    pub format: String,
    pub body: String,
    /// When it went into the outbox (seconds since the epoch); 0 until then.
    pub kept_unix: i64,
}

const OUTBOX: &str = "waymark:outbox";

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

async fn sleep(seconds: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, seconds as i32 * 1000);
    });
    let _ = JsFuture::from(promise).await;
}

/// One attempt: the HTTP status (`None` for no answer in time) and any
/// `Retry-After` seconds.
async fn attempt(out: &Outgoing, timeout_seconds: u32) -> (Option<u16>, Option<u32>) {
    let Ok(controller) = web_sys::AbortController::new() else { return (None, None) };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&out.body));
    init.set_signal(Some(&controller.signal()));
    let Ok(headers) = web_sys::Headers::new() else { return (None, None) };
    if out.format == "form" {
        // A plain form post needs no CORS preflight, which form services rarely answer;
        // the id travels in the body as `referral_id`.
        let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
    } else {
        let _ = headers.set("Content-Type", "application/json");
        let _ = headers.set("Idempotency-Key", &out.id);
    }
    init.set_headers(&headers);
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            timeout_seconds as i32 * 1000,
        )
        .unwrap_or(0);
    let result = JsFuture::from(window().fetch_with_str_and_init(&out.endpoint, &init)).await;
    window().clear_timeout_with_handle(timer);
    let Ok(response) = result.and_then(|r| r.dyn_into::<web_sys::Response>()) else { return (None, None) };
    let retry_after =
        response.headers().get("Retry-After").ok().flatten().and_then(|v| v.trim().parse().ok());
    (Some(response.status()), retry_after)
}

/// Tries to deliver `out` while the person waits: `Sent`, `Refused`, or
/// `TryAgain` once the waiting attempts are used up.
pub async fn deliver(out: &Outgoing, timeout_seconds: u32) -> Outcome {
    let mut tries = 0;
    loop {
        tries += 1;
        let (status, retry_after) = attempt(out, timeout_seconds).await;
        match outcome(status) {
            Outcome::TryAgain => match retry_delay(tries, retry_after) {
                Some(seconds) => sleep(seconds).await,
                None => return Outcome::TryAgain,
            },
            done => return done,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Referrals waiting to be sent from this device. Those kept longer than
/// `OUTBOX_KEEP_DAYS` are deleted here, so a lost phone does not hold a
/// person's details for ever while the receiver keeps failing.
pub fn outbox() -> Vec<Outgoing> {
    let Some(text) = storage().and_then(|s| s.get_item(OUTBOX).ok().flatten()) else { return Vec::new() };
    let Ok(items) = serde_json::from_str::<Vec<Outgoing>>(&text) else { return Vec::new() };
    let now = now_unix();
    // Kept by an earlier release, which wrote no time: its week starts now.
    let untimed = items.iter().any(|o| o.kept_unix == 0);
    let kept: Vec<Outgoing> = items
        .into_iter()
        .map(|o| Outgoing { kept_unix: if o.kept_unix == 0 { now } else { o.kept_unix }, ..o })
        .filter(|o| !o.id.is_empty() && !o.endpoint.is_empty())
        .collect();
    let (expired, waiting): (Vec<_>, Vec<_>) =
        kept.into_iter().partition(|o| outbox_expired(o.kept_unix, now));
    if !expired.is_empty() || untimed {
        for gone in &expired {
            web_sys::console::warn_1(
                &format!("referral {} was waiting too long and is deleted", gone.reference).into(),
            );
        }
        save_outbox(&waiting);
    }
    waiting
}

fn save_outbox(items: &[Outgoing]) {
    let Some(storage) = storage() else { return };
    if items.is_empty() {
        let _ = storage.remove_item(OUTBOX);
        return;
    }
    if let Ok(json) = serde_json::to_string(items) {
        let _ = storage.set_item(OUTBOX, &json);
    }
}

/// Keeps `out` to send later (once: the same id is never queued twice).
pub fn keep(out: &Outgoing) {
    let mut items = outbox();
    if !items.iter().any(|o| o.id == out.id) {
        items.push(Outgoing { kept_unix: now_unix(), ..out.clone() });
    }
    save_outbox(&items);
}

/// Tries everything in the outbox once each (no waiting between), keeping
/// what still cannot be sent. Refused referrals are dropped: resending would
/// not help, and the person was told when it happened.
pub async fn resend_outbox(timeout_seconds: u32) -> Vec<(Outgoing, Outcome)> {
    let mut results = Vec::new();
    for out in outbox() {
        let (status, _) = attempt(&out, timeout_seconds).await;
        let result = outcome(status);
        let still: Vec<Outgoing> =
            outbox().into_iter().filter(|o| o.id != out.id || result == Outcome::TryAgain).collect();
        save_outbox(&still);
        results.push((out, result));
    }
    results
}

/// 16 random bytes from the browser's cryptographic generator, or `None`
/// where it has none: ids must never repeat, or the receiver would drop a
/// second person's referral as a repeat of the first.
pub fn random_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    let crypto = window().crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}
