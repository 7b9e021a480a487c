//! The ranked list of groups and services, as cards linking to their pages.

use leptos::prelude::*;

use crate::core::describe::Card;
use crate::web::router::href;

/// The cards of what the ranking found, keyed by directory id, so a new
/// search or filter moves, adds and removes cards rather than redrawing them.
/// The list is named by the element `labelled_by` (the count, or the
/// "Other groups" heading), so the two lists are told apart.
#[component]
pub fn ResultList(cards: Memo<Vec<Card>>, labelled_by: &'static str) -> impl IntoView {
    let card = move |card: Card| view! { <ResultCard card cards/> };
    view! {
        <ul class="wm-card-list" aria-labelledby=labelled_by>
            <For each=move || cards.get() key=|card| (card.id.clone(), card.repeat) children=card/>
        </ul>
    }
}

/// A group's card. Its name, facts and page stay the same whatever the
/// search; only how far it is changes with the place searched from.
#[component]
fn ResultCard(card: Card, cards: Memo<Vec<Card>>) -> impl IntoView {
    let Card { id, repeat, page, name, facts, .. } = card;
    let distance = Memo::new(move |_| {
        cards.with(|cards| {
            cards.iter().find(|c| c.id == id && c.repeat == repeat).and_then(|c| c.distance.clone())
        })
    });
    view! {
        <li class="wm-card">
            <h3 class="wm-card__heading"><a href=href(&page)>{name}</a></h3>
            <p class="wm-body wm-card__facts">{facts}</p>
            {move || distance.get().map(|far| view! { <p class="wm-body wm-card__distance">{far}</p> })}
        </li>
    }
}
