use std::sync::Arc;

use leptos::prelude::*;

use crate::core::markup::{service_details, ServiceWords};
use crate::web::components::{ConfigGate, Page};
use crate::web::config::Setup;
use crate::web::i18n::t;

/// The interface words for service lists and pages.
pub fn service_words() -> ServiceWords {
    ServiceWords {
        in_person: t("service.in_person"),
        online: t("service.online"),
        phone: t("service.phone"),
        free: t("service.free"),
        what_happens: t("service.what_happens"),
        who_for: t("service.who_for"),
        when: t("service.when"),
        where_: t("service.where"),
        cost: t("service.cost"),
        access: t("service.access"),
        languages: t("service.languages"),
        contact: t("service.contact"),
        last_checked: t("service.last_checked"),
        mentors: t("service.mentors"),
        mentor_experience: t("service.mentor_experience"),
        mentor_interests: t("service.mentor_interests"),
        mentor_languages: t("service.mentor_languages"),
        mentor_availability: t("service.mentor_availability"),
    }
}

/// A group or peer-mentor scheme: enough to judge it before going along.
#[component]
pub fn GroupPage(id: String) -> impl IntoView {
    view! {
        <ConfigGate render={move |setup: Arc<Setup>| match setup.directory.find(&id) {
            Some(service) => {
                let details = service_details(service, &service_words());
                let caption = service.organisation.clone().unwrap_or_default();
                view! {
                    <Page title=service.name.clone() caption=caption>
                        <div inner_html=details></div>
                        <p class="wm-body">{t("service.ask_soon")}</p>
                    </Page>
                }
                .into_any()
            }
            None => crate::web::pages::about_short_page("not_found.title", "group.not_found"),
        }}/>
    }
}
