//! `/privacy`: the privacy notice, with the organisation that receives a referral.

use std::sync::Arc;

use leptos::prelude::*;

use crate::web::components::{Prose, Sections};
use crate::web::state::setup::Setup;
use crate::web::state::words::t;

/// The privacy notice.
#[component]
pub fn PrivacyPage(setup: Arc<Setup>) -> impl IntoView {
    const PARTS: Sections = &[
        ("privacy.who_heading", &["privacy.who"]),
        ("privacy.device_heading", &["privacy.device", "privacy.no_cookies"]),
        ("privacy.maps_heading", &["privacy.directions", "privacy.map"]),
        ("history.heading", &["history.exit", "history.private"]),
        ("privacy.send_heading", &["privacy.send", "privacy.why", "privacy.kept"]),
        ("privacy.rights_heading", &["privacy.withdraw", "privacy.ico"]),
    ];
    view! { <Prose title=t("privacy.title") parts=PARTS setup=Some(setup)/> }
}
