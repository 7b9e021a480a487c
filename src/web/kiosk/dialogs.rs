use leptos::html::Dialog;
use leptos::prelude::*;

use crate::web::components::QrImage;
use crate::web::state::words::{t, tf, use_words};

/// Which kiosk dialog is over the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// "Touch to start", whenever the page loads.
    Start,
    /// "Are you still there?", with a countdown.
    StillThere,
    /// A link that would leave the widget, as a QR code and written out.
    Link { href: String, written: String },
}

/// A kiosk dialog, modal over the page (which the browser makes inert while
/// it is open). Focus goes to its `autofocus` button and, when it closes,
/// back where it was (or to the page's main content).
#[component]
pub fn KioskDialog(
    shown: Shown,
    /// The countdown, for "Are you still there?".
    seconds_left: RwSignal<u32>,
    /// Called with `true` for "Clear and start again", else `false` (stay, start, close).
    answer: Callback<bool>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let return_focus = StoredValue::new_local(document().active_element());
    dialog.on_load(|dialog| {
        let _ = dialog.show_modal();
    });
    on_cleanup(move || {
        let back = return_focus.try_get_value().flatten();
        request_animation_frame(move || {
            let back = back.filter(|e| e.is_connected() && e.tag_name() != "BODY");
            let target = back.or_else(|| document().get_element_by_id("main-content"));
            if let Some(target) = target {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(target).focus();
            }
        });
    });
    let role = if shown == Shown::StillThere { "alertdialog" } else { "dialog" };
    let content = match shown {
        Shown::Start => view! {
            <h2 class="wm-heading-l" id="wm-kiosk-title">{t("kiosk.start_title")}</h2>
            <p class="wm-body-l" id="wm-kiosk-body">{t("kiosk.start_body")}</p>
            <button type="button" class="wm-button wm-button--start" data-kiosk="start" autofocus
                on:click=move |_| answer.run(false)>
                {t("kiosk.start_button")}
            </button>
        }
        .into_any(),
        Shown::StillThere => {
            // The words around the number follow its plural form as it counts down.
            let words = use_words();
            let body = move || {
                let seconds = seconds_left.get().to_string();
                let body = words.plural("kiosk.idle_body", &seconds, &[]);
                let (before, after) = body.split_once("{seconds}").unwrap_or((&body, ""));
                (before.to_string(), after.to_string())
            };
            let before = move || body().0;
            let after = move || body().1;
            view! {
                <h2 class="wm-heading-l" id="wm-kiosk-title">{t("kiosk.idle_title")}</h2>
                <p class="wm-body-l" id="wm-kiosk-body">
                    {before}<span role="timer">{move || seconds_left.get()}</span>{after}
                </p>
                <div class="wm-button-group">
                    <button type="button" class="wm-button" data-kiosk="stay" autofocus
                        on:click=move |_| answer.run(false)>
                        {t("kiosk.idle_stay")}
                    </button>
                    <button type="button" class="wm-button wm-button--secondary" data-kiosk="reset"
                        on:click=move |_| answer.run(true)>
                        {t("kiosk.idle_reset")}
                    </button>
                </div>
            }
            .into_any()
        }
        Shown::Link { href, written } => {
            let label = tf("kiosk.link_qr", &[("address", &written)]);
            view! {
                <h2 class="wm-heading-l" id="wm-kiosk-title">{t("kiosk.link_title")}</h2>
                <p class="wm-body" id="wm-kiosk-body">{t("kiosk.link_body")}</p>
                <p class="wm-kiosk-dialog__address">{written}</p>
                <QrImage text=href label/>
                <button type="button" class="wm-button" data-kiosk="close" autofocus
                    on:click=move |_| answer.run(false)>
                    {t("kiosk.link_close")}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="wm-kiosk-dialog"
            role=role
            aria-labelledby="wm-kiosk-title"
            aria-describedby="wm-kiosk-body"
        >
            {content}
        </dialog>
    }
}
