use std::sync::Arc;

use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::components::Screen;
use crate::web::config::Setup;
use crate::web::i18n::{t, tf};
use crate::web::router::href;

/// What the service is, that it is not for emergencies, and how long a reply takes.
pub fn start_page(setup: &Arc<Setup>) -> Screen {
    {
        {
            let org = setup.config.organisation.name.as_str();
            let days = setup.config.service.reply_within_working_days.to_string();
            let mut html = Html::new();
            html.element("p", "wm-body-l", &t("start.lede")).element("p", "wm-body", &t("start.you_can"));
            html.open("ul", &[("class", Some("wm-list wm-list--bullet"))]);
            for step in [
                t("start.step_answer"),
                t("start.step_find"),
                tf("start.step_refer", &[("organisation", org)]),
            ] {
                html.open("li", &[]).text(&step).close("li");
            }
            html.close("ul");
            html.element("p", "wm-body", &tf("start.reply_time", &[("organisation", org), ("days", &days)]));
            html.element("p", "wm-body", &t("start.private"));
            html.open("div", &[("class", Some("wm-warning-callout"))]);
            html.open("h2", &[("class", Some("wm-warning-callout__label"))]);
            html.element("span", "wm-visually-hidden", &t("start.important"))
                .text(&t("start.not_emergency_title"));
            html.close("h2")
                .open("p", &[("class", Some("wm-body"))])
                .text(&t("start.not_emergency"))
                .text(" ");
            html.open("a", &[("href", Some(&href(&Route::Help)))]).text(&t("start.get_help_now")).close("a");
            html.close("p").close("div");
            html.open(
                "a",
                &[
                    ("href", Some(&href(&Route::Check))),
                    ("class", Some("wm-button wm-button--start")),
                    ("role", Some("button")),
                ],
            );
            html.text(&t("start.button")).close("a");
            Screen::new(t("start.title")).markup(html.finish())
        }
    }
}
