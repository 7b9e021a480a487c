use crate::core::route::Route;
use crate::web::router::Link;
use leptos::prelude::*;

use crate::web::i18n::t;

/// Links to the privacy notice, accessibility statement and credits.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="wm-footer">
            <div class="wm-width-container">
                <h2 class="wm-visually-hidden">{t("footer.heading")}</h2>
                <ul class="wm-footer__links">
                    <li><Link to=Route::Privacy>{t("privacy.title")}</Link></li>
                    <li><Link to=Route::Accessibility>{t("accessibility.title")}</Link></li>
                    <li><Link to=Route::Credits>{t("credits.title")}</Link></li>
                    <li><Link to=Route::Help>{t("shell.need_help_now")}</Link></li>
                </ul>
                <p class="wm-footer__note">{t("footer.not_emergency")}</p>
            </div>
        </footer>
    }
}
