use crate::core::route::Route;
use crate::web::router::href;
use leptos::prelude::*;

use crate::web::components::QuickExit;
use crate::web::i18n::t;

/// The skip link, service name, "Need help now?" link and quick exit, on every page.
#[component]
pub fn Header() -> impl IntoView {
    let skip_to_main = |ev: leptos::ev::MouseEvent| {
        // The router would treat "#main-content" as a navigation; move focus ourselves.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main-content") {
            let main: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(main);
            let _ = main.focus();
        }
    };
    view! {
        <a class="wm-skip-link" href="#main-content" on:click=skip_to_main>{t("shell.skip_link")}</a>
        <header class="wm-header">
            <div class="wm-width-container wm-header__inner">
                <a href=href(&Route::Start) class="wm-header__service">{t("shell.service_name")}</a>
                <nav class="wm-header__actions" aria-label=t("shell.urgent_nav_label")>
                    <a href=href(&Route::Help) class="wm-header__help">{t("shell.need_help_now")}</a>
                    <QuickExit/>
                </nav>
            </div>
        </header>
    }
}
