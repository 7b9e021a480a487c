use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::platform::text_size::{choose_text_size, text_size, TEXT_SIZES};
use crate::web::router::A;
use crate::web::state::use_app;
use crate::web::state::words::t;

/// Links to the privacy notice, accessibility statement and credits, and
/// the text size control (toggle buttons, GOV.UK style).
#[component]
pub fn Footer() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(text_size());
    let links = [
        (Route::Privacy, "privacy.title"),
        (Route::Accessibility, "accessibility.title"),
        (Route::Credits, "credits.title"),
        (Route::Help, "shell.need_help_now"),
    ];
    view! {
        <footer class="wm-footer" aria-labelledby="wm-service-name">
            <div class="wm-width-container">
                <h2 class="wm-visually-hidden">{t("footer.heading")}</h2>
                <ul class="wm-footer__links">
                    {links.into_iter().map(|(to, key)| view! { <li><A to=to>{t(key)}</A></li> }).collect_view()}
                </ul>
                <div class="wm-text-size" role="group" aria-labelledby="wm-text-size">
                    <span id="wm-text-size">{t("footer.text_size")}</span>
                    {TEXT_SIZES
                        .into_iter()
                        .map(|size| {
                            let pressed = move || if chosen.get() == size { "true" } else { "false" };
                            let choose = move |_| {
                                choose_text_size(size, app.setup.may_store());
                                chosen.set(size.to_string());
                            };
                            view! {
                                <button
                                    type="button"
                                    class="wm-text-size__option"
                                    data-text-size=size
                                    aria-pressed=pressed
                                    on:click=choose
                                >
                                    {t(&format!("footer.text_{size}"))}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <p class="wm-footer__note">{t("footer.not_emergency")}</p>
            </div>
        </footer>
    }
}
