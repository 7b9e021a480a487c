use crate::core::markup::Html;
use crate::web::components::Screen;
use crate::web::i18n::t;

/// Urgent help. Needs no config, directory or network once the widget has
/// loaded, so it works even when everything else has failed.
pub fn help_page() -> Screen {
    let contacts = [
        ("help.emergency_title", "help.emergency_body", "tel:999", "help.emergency_action"),
        ("help.mental_health_title", "help.mental_health_body", "tel:111", "help.mental_health_action"),
        ("help.talk_title", "help.talk_body", "tel:116123", "help.talk_action"),
        ("help.text_title", "help.text_body", "sms:85258?body=SHOUT", "help.text_action"),
        ("help.young_title", "help.young_body", "tel:08001111", "help.young_action"),
    ];
    let mut html = Html::new();
    html.push(r#"<p class="wm-body-l">{}</p>"#, &[&t("help.lede")]);
    for (title, body, link, action) in contacts {
        html.push(
            concat!(
                r#"<section class="wm-care-card"><h2 class="wm-care-card__heading">{}</h2>"#,
                r#"<div class="wm-care-card__content"><p class="wm-body">{}</p>"#,
                r#"<p class="wm-body wm-care-card__action"><a href="{}">{}</a></p></div></section>"#,
            ),
            &[&t(title), &t(body), link, &t(action)],
        );
    }
    html.push(r#"<p class="wm-body">{}</p>"#, &[&t("help.not_urgent")]);
    Screen::new(t("help.title")).markup(html.finish())
}
