//! "Check your answers before sending" (GOV.UK check answers pattern): a
//! summary list, each row with a link back to the page that changes it.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::core::referral::{summary_rows, ReferralForm};
use crate::core::route::Route;
use crate::web::pages::refer::{focus_page, ReferText};
use crate::web::router::href;
use crate::web::state::use_app;

#[component]
pub fn CheckStep(form: ReferralForm, text: ReferText) -> impl IntoView {
    let r = use_app().referral;
    let rows = summary_rows(&form, &|key| text.get(key))
        .into_iter()
        .map(|row| {
            let label = text.get(row.label);
            let step = row.step;
            let change = move |ev: MouseEvent| {
                ev.prevent_default();
                r.go_to(step);
                focus_page(false);
            };
            view! {
                <div class="wm-summary-list__row">
                    <dt class="wm-summary-list__key">{label.clone()}</dt>
                    <dd class="wm-summary-list__value">{row.value}</dd>
                    <dd class="wm-summary-list__actions">
                        <a href=href(&Route::Refer) data-change=step.id() on:click=change>
                            {text.get("refer.change")}
                            <span class="wm-visually-hidden">" " {label}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h1 class="wm-heading-l" tabindex="-1">{text.get("refer.check_title")}</h1>
        <dl class="wm-summary-list">{rows}</dl>
    }
}
