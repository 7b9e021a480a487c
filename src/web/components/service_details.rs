use leptos::prelude::*;

use crate::core::describe::{details_for, Details, Line, MentorCard};
use crate::core::directory::Service;
use crate::web::platform::map::platform;
use crate::web::state::words::{t, use_words};

/// Everything a person needs to judge a group (worded by
/// `core::describe::details_for`): its description, a summary list of when,
/// where (with directions in this device's maps app), cost, access and
/// contact, and a scheme's peer mentors. With
/// `ask_mentor`, each mentor has a button that calls it with their id; the
/// printed shortlist has none.
#[component]
pub fn ServiceDetails(
    service: Service,
    /// Asks for a peer mentor, by id.
    #[prop(optional, into)]
    ask_mentor: Option<Callback<String>>,
) -> impl IntoView {
    let Details { description, rows, mentors } = use_words().with(|tr| details_for(&service, tr, platform()));
    let rows = rows
        .into_iter()
        .map(|row| {
            view! {
                <div class="wm-summary-list__row">
                    <dt class="wm-summary-list__key">{row.key}</dt>
                    <dd class="wm-summary-list__value">{lines(row.lines)}</dd>
                </div>
            }
        })
        .collect_view();
    let mentors = (!mentors.is_empty()).then(|| {
        view! {
            <h2 class="wm-heading-m">{t("service.mentors")}</h2>
            <p class="wm-body">{t("service.mentors_intro")}</p>
            <ul class="wm-card-list">
                {mentors.into_iter().map(|mentor| view! { <Mentor mentor ask_mentor/> }).collect_view()}
            </ul>
        }
    });
    view! {
        {description.into_iter().map(|p| view! { <p class="wm-body-l wm-body-l--lines">{p}</p> }).collect_view()}
        <dl class="wm-summary-list">{rows}</dl>
        {mentors}
    }
}

/// A row's lines, one under another; data only ever as text or a link's words.
fn lines(lines: Vec<Line>) -> impl IntoView {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let line = match line {
                Line::Text(text) => text.into_any(),
                Line::Link { href, text } => view! { <a href=href>{text}</a> }.into_any(),
            };
            view! { {(i > 0).then(|| view! { <br/> })} {line} }
        })
        .collect_view()
}

#[component]
fn Mentor(mentor: MentorCard, ask_mentor: Option<Callback<String>>) -> impl IntoView {
    let MentorCard { id, name, facts, ask } = mentor;
    let facts = facts
        .into_iter()
        .map(|(label, value)| view! { <p class="wm-body"><strong>{label}</strong> " " {value}</p> })
        .collect_view();
    let button = ask_mentor.map(|asked| {
        view! {
            <button type="button" class="wm-button wm-button--secondary" on:click=move |_| asked.run(id.clone())>
                {ask}
            </button>
        }
    });
    view! {
        <li class="wm-card">
            <h3 class="wm-card__heading">{name}</h3>
            {facts}
            {button}
        </li>
    }
}
