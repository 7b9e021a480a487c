//! The referrals opened, newest first, each once, and the CSV export.

use leptos::prelude::*;

use crate::core::referral::ReferralDocument;
use crate::core::sealing::csv_export;
use crate::web::pages::inbox::referral::{contact_summary, for_whom, on_this_page, when};
use crate::web::platform::dom::today;
use crate::web::platform::files::save_file;
use crate::web::state::inbox::InboxState;

#[component]
pub fn ReferralList(inbox: InboxState) -> impl IntoView {
    let count = move || inbox.referrals.with(Vec::len);
    let export = move |_| {
        let (y, m, d) = today();
        let csv = inbox.referrals.with_untracked(|all| csv_export(all));
        save_file(&format!("waymark-referrals-{y:04}-{m:02}-{d:02}.csv"), "text/csv;charset=utf-8", &csv);
    };
    view! {
        <h2 class="wm-heading-m" id="inbox-referrals-title">
            {move || match count() {
                0 => "No referrals open yet".to_string(),
                1 => "1 referral".to_string(),
                n => format!("{n} referrals"),
            }}
        </h2>
        <Show when=move || { count() > 0 }>
            <ul class="wm-card-list" aria-labelledby="inbox-referrals-title">
                <For
                    each=move || inbox.referrals.get()
                    key=|r| r.referral_id.clone()
                    children=|r| view! { <ReferralRow referral=r/> }
                />
            </ul>
            <button type="button" class="wm-button wm-button--secondary" on:click=export>"Export CSV"</button>
            <p class="wm-hint">"A spreadsheet of every referral open here. Keep it as safe as the referrals themselves."</p>
        </Show>
    }
}

#[component]
fn ReferralRow(referral: ReferralDocument) -> impl IntoView {
    let groups: Vec<String> = referral.support_requested.services.iter().map(|s| s.name.clone()).collect();
    let groups = if groups.is_empty() { "None chosen".to_string() } else { groups.join("; ") };
    view! {
        <li class="wm-card">
            <h3 class="wm-card__heading">
                <a href=on_this_page(&referral.reference)>{referral.reference.clone()}</a>
            </h3>
            <dl class="wm-summary-list">
                <div class="wm-summary-list__row">
                    <dt class="wm-summary-list__key">"Sent"</dt>
                    <dd class="wm-summary-list__value">{when(&referral.created)}</dd>
                </div>
                <div class="wm-summary-list__row">
                    <dt class="wm-summary-list__key">"For"</dt>
                    <dd class="wm-summary-list__value">{for_whom(&referral)}</dd>
                </div>
                <div class="wm-summary-list__row">
                    <dt class="wm-summary-list__key">"Groups asked for"</dt>
                    <dd class="wm-summary-list__value">{groups}</dd>
                </div>
                <div class="wm-summary-list__row">
                    <dt class="wm-summary-list__key">"Contact"</dt>
                    <dd class="wm-summary-list__value">{contact_summary(&referral)}</dd>
                </div>
            </dl>
        </li>
    }
}
