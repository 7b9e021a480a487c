//! `/credits`: where the postcodes, questions and directory come from, and their licences.

use leptos::prelude::*;

use crate::web::components::{Prose, Sections};
use crate::web::state::words::t;

/// The credits the licences ask for.
#[component]
pub fn CreditsPage() -> impl IntoView {
    const PARTS: Sections = &[
        ("credits.postcodes_heading", &["credits.os", "credits.royal_mail", "credits.ons", "credits.ogl"]),
        ("credits.questions_heading", &["credits.ons4", "credits.loneliness"]),
        (
            "credits.directory_heading",
            &["credits.oruk", "credits.esd", "credits.openactive", "credits.sample"],
        ),
        ("credits.map_heading", &["credits.map", "credits.map_software"]),
        ("credits.software_heading", &["credits.software"]),
    ];
    view! { <Prose title=t("credits.title") parts=PARTS setup=None/> }
}
