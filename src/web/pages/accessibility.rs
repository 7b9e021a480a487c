//! `/accessibility`: the accessibility statement.

use std::sync::Arc;

use leptos::prelude::*;

use crate::web::components::{Prose, Sections};
use crate::web::state::setup::Setup;
use crate::web::state::words::t;

/// The accessibility statement.
#[component]
pub fn AccessibilityPage(setup: Arc<Setup>) -> impl IntoView {
    const PARTS: Sections = &[
        ("accessibility.using_heading", &["accessibility.using", "accessibility.using_more"]),
        ("accessibility.status_heading", &["accessibility.status", "accessibility.known_issues"]),
        ("accessibility.report_heading", &["accessibility.report", "accessibility.enforcement"]),
        ("accessibility.testing_heading", &["accessibility.testing"]),
    ];
    view! { <Prose title=t("accessibility.title") parts=PARTS setup=Some(setup)/> }
}
