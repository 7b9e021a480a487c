//! "What you are asking for": the groups chosen, to remove or add to.

use leptos::prelude::*;

use crate::core::referral::Chosen;
use crate::core::route::Route;
use crate::web::pages::refer::{focus_page, Errors, ReferText};
use crate::web::router::A;
use crate::web::state::use_app;

#[component]
pub fn ChoicesStep(text: ReferText, errors: Errors) -> impl IntoView {
    let r = use_app().referral;
    let services = move || r.form.with(|form| form.services.clone());
    let any = move || r.form.with(|form| !form.services.is_empty());
    let error = errors.of("services");
    view! {
        <h1 class="wm-heading-l" id="page-heading" tabindex="-1">{text.get("refer.choices_title")}</h1>
        <Show when=any fallback=move || view! { <p class="wm-body">{text.get("refer.none_chosen")}</p> }>
            <p class="wm-body">{text.get("refer.choices_lede")}</p>
            <ul class="wm-card-list">
                <For each=services key=|service| service.id.clone() let:service>
                    <ChosenCard service text/>
                </For>
            </ul>
        </Show>
        <p class="wm-body"><A to=Route::Results>{text.get("refer.add_more")}</A></p>
        {error.map(|error| view! { <p class="wm-error-message">{error}</p> })}
    }
}

/// A group asked for (with the mentor asked for in it, if any), and a button to remove it.
#[component]
fn ChosenCard(service: Chosen, text: ReferText) -> impl IntoView {
    let app = use_app();
    let r = app.referral;
    let mentor = r.form.with_untracked(|form| form.mentor.clone());
    let line = match mentor {
        Some((_, name)) if r.mentor_scheme.get_untracked().as_deref() == Some(service.id.as_str()) => {
            app.words.tf("refer.with_mentor", &[("service", &service.name), ("mentor", &name)])
        }
        _ => service.name.clone(),
    };
    let id = service.id.clone();
    let remove = move |_| {
        r.remove(&id, app.choice);
        // The button is gone: the page starts again from its heading.
        focus_page(false);
    };
    view! {
        <li class="wm-card">
            <p class="wm-body">
                <strong>{line}</strong>
                <br/>
                {service.organisation.unwrap_or_default()}
            </p>
            <button
                type="button"
                class="wm-button wm-button--secondary"
                data-remove=service.id
                on:click=remove
            >
                {text.get("refer.remove")}
                <span class="wm-visually-hidden">" " {service.name}</span>
            </button>
        </li>
    }
}
