use std::sync::Arc;

use leptos::prelude::*;

use crate::core::config::Config;
use crate::core::route::Route;
use crate::web::router::Link;

use crate::web::components::{ConfigGate, Page};
use crate::web::i18n::{t, tf};

/// What the service is, that it is not for emergencies, and how long a reply takes.
#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <ConfigGate render={|config: Arc<Config>| {
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
                        <p class="wm-body">{t("start.not_emergency")} " " <Link to=Route::Help>{t("start.get_help_now")}</Link></p>
                    </div>
                    <Link to=Route::Check class="wm-button wm-button--start" role="button">
                        {t("start.button")}
                    </Link>
                </Page>
            }
        }}/>
    }
}
