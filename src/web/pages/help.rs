use crate::core::markup::Html;
use crate::web::components::Screen;
use crate::web::i18n::t;

/// Urgent help. Needs no config, directory or network once the widget has
/// loaded, so it works even when everything else has failed.
pub fn help_page() -> Screen {
    let mut html = Html::new();
    html.push(r#"<p class="wm-body-l">{}</p>"#, &[&t("help.lede")]);
    urgent_contacts(&mut html);
    html.push(r#"<p class="wm-body">{}</p>"#, &[&t("help.not_urgent")]);
    html.push(
        r#"<h2 class="wm-heading-m">{}</h2><p class="wm-body">{}</p><p class="wm-body">{}</p>"#,
        &[&t("history.heading"), &t("history.exit"), &t("history.private")],
    );
    Screen::new(t("help.title")).markup(html.finish())
}

/// A kiosk whose protection could not start: it must not serve anyone, but
/// still points them at urgent help and at the person at reception.
pub fn out_of_order_page() -> Screen {
    let mut html = Html::new();
    html.push(
        r#"<p class="wm-body-l">{}</p><p class="wm-body"><button type="button" class="wm-button" data-action="retry">{}</button></p><h2 class="wm-heading-m">{}</h2>"#,
        &[&t("kiosk.out_of_order_body"), &t("kiosk.out_of_order_retry"), &t("help.title")],
    );
    urgent_contacts(&mut html);
    let on_event = std::sync::Arc::new(|ev: &web_sys::Event| {
        if ev.type_() == "click" && crate::web::components::event_target(ev, "[data-action=retry]").is_some()
        {
            let _ = leptos::prelude::window().location().reload();
        }
    });
    let html = html.finish();
    Screen::new(t("kiosk.out_of_order_title")).region(
        std::sync::Arc::new(move || html.clone()),
        None,
        Some(on_event),
    )
}

/// The urgent-help services, each with its number as a link.
fn urgent_contacts(html: &mut Html) {
    let contacts = [
        ("help.emergency_title", "help.emergency_body", "tel:999", "help.emergency_action"),
        ("help.mental_health_title", "help.mental_health_body", "tel:111", "help.mental_health_action"),
        ("help.talk_title", "help.talk_body", "tel:116123", "help.talk_action"),
        ("help.text_title", "help.text_body", "sms:85258?body=SHOUT", "help.text_action"),
        ("help.young_title", "help.young_body", "tel:08001111", "help.young_action"),
    ];
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
}
