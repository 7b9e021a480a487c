//! Any address the widget has no page for.

use leptos::prelude::*;

use crate::web::components::ShortPage;

/// "Page not found", with a link back to the start.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ShortPage title_key="not_found.title" body_key="not_found.body"/> }
}
