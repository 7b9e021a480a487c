use leptos::prelude::*;

use crate::web::browser::focus_by_id;
use crate::web::i18n::t;

/// The error summary at the top of a page after a failed submit (GOV.UK
/// pattern): its link moves focus to the field with id `field`.
pub fn error_summary(message: String, field: String) -> impl IntoView {
    let href = format!("#{field}");
    // Focus the field without a hash change, which would count as a navigation.
    let focus_field = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_by_id(&field);
    };
    view! {
        <div class="wm-error-summary" id="error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="wm-error-summary__title">{t("check.error_summary")}</h2>
                <ul class="wm-list wm-error-summary__list">
                    <li><a href=href on:click=focus_field>{message}</a></li>
                </ul>
            </div>
        </div>
    }
}

/// Moves focus to the error summary once it is drawn, so it is read out first.
pub fn focus_error_summary() {
    request_animation_frame(|| focus_by_id("error-summary"));
}
