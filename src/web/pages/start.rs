use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::Page;
use crate::web::router::A;
use crate::web::state::setup::Setup;
use crate::web::state::words::{t, tf, use_words};

/// What the service is, that it is not for emergencies, and how long a reply takes.
#[component]
pub fn StartPage(setup: Arc<Setup>) -> impl IntoView {
    let org = setup.config.organisation.name.as_str();
    let days = setup.config.service.reply_within_working_days.to_string();
    let step_refer = tf("start.step_refer", &[("organisation", org)]);
    let reply_time = use_words().plural("start.reply_time", &days, &[("organisation", org), ("days", &days)]);
    view! {
        <Page title=t("start.title")>
            <p class="wm-body-l">{t("start.lede")}</p>
            <p class="wm-body">{t("start.you_can")}</p>
            <ul class="wm-list wm-list--bullet">
                <li>{t("start.step_answer")}</li>
                <li>{t("start.step_find")}</li>
                <li>{step_refer}</li>
            </ul>
            <p class="wm-body">{reply_time}</p>
            <p class="wm-body">{t("start.private")}</p>
            <div class="wm-warning-callout">
                <h2 class="wm-warning-callout__label">
                    <span class="wm-visually-hidden">{t("start.important")}</span>
                    {t("start.not_emergency_title")}
                </h2>
                <p class="wm-body">{t("start.not_emergency")} " " <A to=Route::Help>{t("start.get_help_now")}</A></p>
            </div>
            <A to=Route::Question(setup.questions.questions[0].id.clone()) class="wm-button wm-button--start" role="button">{t("start.button")}</A>
        </Page>
    }
}
