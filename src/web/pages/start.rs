use std::sync::Arc;

use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::components::Screen;
use crate::web::config::Setup;
use crate::web::i18n::{t, tf};
use crate::web::router::href;

/// What the service is, that it is not for emergencies, and how long a reply takes.
pub fn start_page(setup: &Arc<Setup>) -> Screen {
    let org = setup.config.organisation.name.as_str();
    let days = setup.config.service.reply_within_working_days.to_string();
    let mut html = Html::new();
    html.push(
        concat!(
            r#"<p class="wm-body-l">{}</p><p class="wm-body">{}</p><ul class="wm-list wm-list--bullet">"#,
            r#"<li>{}</li><li>{}</li><li>{}</li></ul><p class="wm-body">{}</p><p class="wm-body">{}</p>"#,
            r#"<div class="wm-warning-callout"><h2 class="wm-warning-callout__label"><span class="wm-visually-hidden">{}</span>{}</h2>"#,
            r#"<p class="wm-body">{} <a href="{}">{}</a></p></div>"#,
            r#"<a href="{}" class="wm-button wm-button--start" role="button">{}</a>"#,
        ),
        &[
            &t("start.lede"),
            &t("start.you_can"),
            &t("start.step_answer"),
            &t("start.step_find"),
            &tf("start.step_refer", &[("organisation", org)]),
            &tf("start.reply_time", &[("organisation", org), ("days", &days)]),
            &t("start.private"),
            &t("start.important"),
            &t("start.not_emergency_title"),
            &t("start.not_emergency"),
            &href(&Route::Help),
            &t("start.get_help_now"),
            &href(&Route::Check),
            &t("start.button"),
        ],
    );
    Screen::new(t("start.title")).markup(html.finish())
}
