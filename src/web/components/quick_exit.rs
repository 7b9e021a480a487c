use leptos::prelude::*;

use crate::web::browser::leave_for;
use crate::web::config::SetupResource;
use crate::web::i18n::t;

/// Where to go when the config could not be read; a neutral, widely used page.
const FALLBACK_EXIT: &str = "https://www.bbc.co.uk/weather";

/// "Exit this page": clears what the widget stored and leaves for a neutral
/// page, from the button or the Esc key, for someone who may be overlooked.
#[component]
pub fn QuickExit() -> impl IntoView {
    let setup = expect_context::<SetupResource>().0;
    let exit_url = move || {
        setup
            .get_untracked()
            .and_then(|s| s.ok())
            .map(|s| s.config.quick_exit_url.clone())
            .unwrap_or_else(|| FALLBACK_EXIT.to_string())
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            leave_for(&exit_url());
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button type="button" class="wm-button wm-button--warning wm-quick-exit" on:click=move |_| leave_for(&exit_url())>
            {t("shell.quick_exit")}
            <span class="wm-visually-hidden">{t("shell.quick_exit_hint")}</span>
        </button>
    }
}
