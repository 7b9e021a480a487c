use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::quick_exit::quick_exit;
use crate::web::components::{DraftNotice, LanguageControl};
use crate::web::router::A;
use crate::web::state::use_app;
use crate::web::state::words::t;

/// The skip link, service name, "Need help now?" link and quick exit, on
/// every page. The service name also names the page's landmarks, so they
/// stay apart from a host site's.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    view! {
        <a class="wm-skip-link" href="#main-content">{t("shell.skip_link")}</a>
        <LanguageControl/>
        <header class="wm-header" aria-labelledby="wm-service-name">
            <div class="wm-width-container wm-header__inner">
                <a href=crate::web::router::href(&Route::Start) class="wm-header__service" id="wm-service-name">
                    {t("shell.service_name")}
                </a>
                <nav class="wm-header__actions" aria-label=t("shell.urgent_nav_label")>
                    <A to=Route::Help class="wm-header__help">{t("shell.need_help_now")}</A>
                    <button
                        type="button"
                        class="wm-button wm-button--warning wm-quick-exit"
                        data-action="exit"
                        on:click=move |_| quick_exit(app)
                    >
                        {t("shell.quick_exit")}
                        <span class="wm-visually-hidden">{t("shell.quick_exit_hint")}</span>
                    </button>
                </nav>
            </div>
            // Inside the banner: it is about the whole site, and every part of a page sits in a landmark.
            <DraftNotice/>
        </header>
    }
}
