use leptos::prelude::*;

use crate::core::i18n::LANGUAGE_LINE;
use crate::web::components::Page;
use crate::web::state::words::{t, use_words};

/// Urgent help. Needs no config, directory or network once the widget has
/// loaded, so it works even when everything else has failed.
#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <Page title=t("help.title")>
            <p class="wm-body-l">{t("help.lede")}</p>
            <UrgentContacts/>
            {use_words().optional(LANGUAGE_LINE).map(|line| view! { <p class="wm-body">{line}</p> })}
            <p class="wm-body">{t("help.not_urgent")}</p>
            <h2 class="wm-heading-m">{t("history.heading")}</h2>
            <p class="wm-body">{t("history.exit")}</p>
            <p class="wm-body">{t("history.private")}</p>
        </Page>
    }
}

/// The urgent-help services (NHS.UK care cards), each with its number as a link.
#[component]
pub fn UrgentContacts() -> impl IntoView {
    const CONTACTS: [(&str, &str, &str, &str); 5] = [
        ("help.emergency_title", "help.emergency_body", "tel:999", "help.emergency_action"),
        ("help.mental_health_title", "help.mental_health_body", "tel:111", "help.mental_health_action"),
        ("help.talk_title", "help.talk_body", "tel:116123", "help.talk_action"),
        ("help.text_title", "help.text_body", "sms:85258?body=SHOUT", "help.text_action"),
        ("help.young_title", "help.young_body", "tel:08001111", "help.young_action"),
    ];
    CONTACTS
        .into_iter()
        .map(|(title, body, link, action)| {
            view! {
                <section class="wm-care-card">
                    <h2 class="wm-care-card__heading">{t(title)}</h2>
                    <div class="wm-care-card__content">
                        <p class="wm-body">{t(body)}</p>
                        <p class="wm-body wm-care-card__action"><a href=link>{t(action)}</a></p>
                    </div>
                </section>
            }
        })
        .collect_view()
}
