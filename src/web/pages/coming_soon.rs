use crate::core::route::Route;
use crate::web::router::Link;
use leptos::prelude::*;

use crate::web::components::{ConfigGate, Page};
use crate::web::i18n::t;

/// A step of the journey that a later release fills in. It still needs a
/// working config, so a broken set-up is reported on every route.
#[component]
fn ComingSoon(title_key: &'static str) -> impl IntoView {
    view! {
        <ConfigGate render=move |_| view! {
            <Page title=t(title_key)>
                <p class="wm-body">{t("coming_soon.body")}</p>
                <p class="wm-body"><Link to=Route::Start>{t("coming_soon.back_to_start")}</Link></p>
            </Page>
        }/>
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    view! { <ComingSoon title_key="check.title"/> }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    view! { <ComingSoon title_key="results.title"/> }
}

#[component]
pub fn GroupPage(#[allow(unused)] id: String) -> impl IntoView {
    view! { <ComingSoon title_key="group.title"/> }
}

#[component]
pub fn ReferPage() -> impl IntoView {
    view! { <ComingSoon title_key="refer.title"/> }
}

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    view! { <ComingSoon title_key="confirmation.title"/> }
}
