use leptos::prelude::*;
use leptos_router::components::A;

use crate::web::i18n::t;

/// Links to the privacy notice, accessibility statement and credits.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="wm-footer">
            <div class="wm-width-container">
                <h2 class="wm-visually-hidden">{t("footer.heading")}</h2>
                <ul class="wm-footer__links">
                    <li><A href="/privacy">{t("privacy.title")}</A></li>
                    <li><A href="/accessibility">{t("accessibility.title")}</A></li>
                    <li><A href="/credits">{t("credits.title")}</A></li>
                    <li><A href="/help">{t("shell.need_help_now")}</A></li>
                </ul>
                <p class="wm-footer__note">{t("footer.not_emergency")}</p>
            </div>
        </footer>
    }
}
