use leptos::prelude::*;
use leptos_router::components::A;

use crate::web::components::{ConfigGate, Page};
use crate::web::i18n::{t, tf};

/// What the service is, that it is not for emergencies, and how long a reply takes.
#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <ConfigGate render=|config| {
            let org = config.organisation.name.clone();
            let days = config.service.reply_within_working_days.to_string();
            view! {
                <Page title=t("start.title")>
                    <p class="wm-body-l">{t("start.lede")}</p>
                    <p class="wm-body">{t("start.you_can")}</p>
                    <ul class="wm-list wm-list--bullet">
                        <li>{t("start.step_answer")}</li>
                        <li>{t("start.step_find")}</li>
                        <li>{tf("start.step_refer", &[("organisation", &org)])}</li>
                    </ul>
                    <p class="wm-body">{tf("start.reply_time", &[("organisation", &org), ("days", &days)])}</p>
                    <p class="wm-body">{t("start.private")}</p>
                    <div class="wm-warning-callout">
                        <h2 class="wm-warning-callout__label">
                            <span role="text"><span class="wm-visually-hidden">"Important: "</span>{t("start.not_emergency_title")}</span>
                        </h2>
                        <p class="wm-body">{t("start.not_emergency")} " " <A href="/help">{t("start.get_help_now")}</A></p>
                    </div>
                    <A href="/check" attr:class="wm-button wm-button--start" attr:role="button" attr:draggable="false">
                        {t("start.button")}
                    </A>
                </Page>
            }
        }/>
    }
}
