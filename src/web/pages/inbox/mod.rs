//! The referral inbox at `/inbox`, for the charity's staff: open the
//! private key, open what the endpoint received, read each referral and
//! export them. It is its own bundle (`src/bin/inbox.rs`), never linked
//! from the public pages, and its words are English only.

mod given;
mod keys;
mod list;
mod referral;

use leptos::prelude::*;

use crate::web::state::inbox::InboxState;

use given::GivenSection;
use keys::KeySection;
use list::ReferralList;
use referral::ReferralPage;

/// The reference a `#WM-…` address names.
fn chosen_reference() -> Option<String> {
    let hash = window().location().hash().ok()?;
    Some(hash.trim_start_matches('#').to_string()).filter(|h| h.starts_with("WM-"))
}

/// The inbox: its list, or one referral's page when the address names it.
#[component]
pub fn InboxPage() -> impl IntoView {
    let inbox = InboxState::new();
    let chosen = RwSignal::new(chosen_reference());
    let _listening = window_event_listener(leptos::ev::hashchange, move |_| chosen.set(chosen_reference()));
    let shown = move || {
        let reference = chosen.get()?;
        inbox.referrals.with(|all| all.iter().find(|r| r.reference == reference).cloned())
    };
    view! {
        {move || match shown() {
            Some(referral) => view! { <ReferralPage referral/> }.into_any(),
            None => view! {
                <h1 class="wm-heading-l" id="inbox-title" tabindex="-1">"Referral inbox"</h1>
                <p class="wm-body">
                    "Referrals are opened here, in this browser, with your private key. Nothing you open is "
                    "sent anywhere or kept: leaving the page or pressing “Lock” forgets the key and every referral."
                </p>
                <KeySection inbox/>
                <GivenSection inbox/>
                <ReferralList inbox/>
            }
            .into_any(),
        }}
    }
}
