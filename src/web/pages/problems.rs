//! Screens that have no address of their own: the directory loading, a
//! kiosk out of order, and the set-up error page.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::Page;
use crate::web::pages::help::UrgentContacts;
use crate::web::router::A;
use crate::web::state::setup::LoadProblem;
use crate::web::state::words::{t, tf};

/// While the directory loads (the first time results are needed).
#[component]
pub fn LoadingPage() -> impl IntoView {
    view! {
        <Page title=t("shell.loading")>
            <p class="wm-body" role="status">{t("shell.loading")}</p>
        </Page>
    }
}

/// A kiosk whose protection could not start: it must not serve anyone, but
/// still points them at urgent help and at the person at reception.
#[component]
pub fn OutOfOrderPage() -> impl IntoView {
    let retry = |_| {
        let _ = window().location().reload();
    };
    view! {
        <Page title=t("kiosk.out_of_order_title")>
            <p class="wm-body-l">{t("kiosk.out_of_order_body")}</p>
            <p class="wm-body">
                <button type="button" class="wm-button" on:click=retry>{t("kiosk.out_of_order_retry")}</button>
            </p>
            <h2 class="wm-heading-m">{t("help.title")}</h2>
            <UrgentContacts/>
        </Page>
    }
}

/// The set-up error page: names the file, the field and what is wrong, for
/// whoever set the widget up, while still pointing the person at urgent help.
#[component]
pub fn LoadProblemPage(problem: LoadProblem) -> impl IntoView {
    let LoadProblem { file, error } = problem;
    let named = |label: String, value: String| {
        view! { <p class="wm-body">{label} " " <code class="wm-code">{value}</code></p> }
    };
    let field = (!error.field.is_empty()).then(|| named(t("problem.field"), error.field.clone()));
    view! {
        <Page title=t("problem.title")>
            <div class="wm-error-summary" role="alert">
                <h2 class="wm-error-summary__title">{t("problem.summary")}</h2>
                {named(t("problem.file"), file)}
                {field}
                <p class="wm-body">{tf("problem.what", &[("problem", &error.problem)])}</p>
            </div>
            <p class="wm-body">{t("problem.for_visitors")}</p>
            <p class="wm-body"><A to=Route::Help>{t("shell.need_help_now")}</A></p>
        </Page>
    }
}
