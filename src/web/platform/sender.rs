//! The only way out for personal data: posting a referral to the configured
//! endpoint, with a time limit on each attempt and the waits between them
//! that `core::referral` decides.

use std::time::Duration;

use gloo_net::http::Request;
use gloo_timers::future::sleep;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::core::referral::{outcome, retry_delay, Outcome, Outgoing};

/// One attempt: the HTTP status (`None` for no answer in time) and any
/// `Retry-After` seconds.
pub async fn attempt(out: &Outgoing, timeout_seconds: u32) -> (Option<u16>, Option<u32>) {
    let Ok(controller) = web_sys::AbortController::new() else { return (None, None) };
    let request = Request::post(&out.endpoint).abort_signal(Some(&controller.signal()));
    let request = if out.format == "form" {
        // A plain form post needs no CORS preflight, which form services rarely answer;
        // the id travels in the body as `referral_id`.
        request.header("Content-Type", "application/x-www-form-urlencoded")
    } else {
        request.header("Content-Type", "application/json").header("Idempotency-Key", &out.id)
    };
    let Ok(request) = request.body(JsValue::from_str(&out.body)) else { return (None, None) };
    let limit = Duration::from_secs(timeout_seconds.into());
    let timer = set_timeout_with_handle(move || controller.abort(), limit).ok();
    let response = request.send().await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let Ok(response) = response else { return (None, None) };
    let retry_after = response.headers().get("Retry-After").and_then(|v| v.trim().parse().ok());
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
                Some(seconds) => sleep(Duration::from_secs(seconds.into())).await,
                None => return Outcome::TryAgain,
            },
            done => return done,
        }
    }
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

/// The site the widget is embedded in, recorded with the referral: the
/// `?embed=` origin, but only when this page really is in a frame of it
/// (the address alone could be copied into any link).
pub fn embedding_host() -> Option<String> {
    let host = crate::web::platform::dom::page_options().embed_host()?.to_string();
    let window = window();
    let parent = window.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &window) {
        return None;
    }
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    if let Some(ancestors) = ancestors.filter(|a| !a.is_undefined()) {
        let parent_origin = js_sys::Reflect::get(&ancestors, &0.into()).ok()?.as_string();
        if parent_origin.as_deref() != Some(host.as_str()) {
            return None;
        }
    }
    Some(host)
}
