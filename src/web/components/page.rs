use leptos::prelude::*;

use crate::web::platform::dom::{focus_by_id, set_title};
use crate::web::router::use_router;
use crate::web::state::words::use_words;

/// A page of the widget: its caption, main heading (also the tab title) and
/// content. After an in-app navigation focus moves to the heading, so screen
/// reader and keyboard users start at the top of the new page; the first
/// page of a visit keeps focus where the browser put it.
///
/// ```ignore
/// view! { <Page title=t("help.title")><p class="wm-body">{t("help.lede")}</p></Page> }
/// ```
#[component]
pub fn Page(
    /// The page's heading and tab title; a signal, so an error can prefix it.
    #[prop(into)]
    title: Signal<String>,
    /// Shown small above the heading, e.g. the organisation; takes a
    /// `String` or an `Option<String>`.
    #[prop(optional_no_strip, into)]
    caption: Option<String>,
    /// False when the content holds the `h1` (a question's label is the page's heading).
    #[prop(default = true)]
    heading: bool,
    children: Children,
) -> impl IntoView {
    let words = use_words();
    // The tab title follows the heading (an error prefixes both).
    Effect::new(move || set_title(&title.get(), &words.t("shell.service_name")));
    let h1 = NodeRef::<leptos::html::H1>::new();
    if use_router().has_navigated() {
        if heading {
            // A frame later: by then the new page is in the document.
            h1.on_load(|h1| {
                request_animation_frame(move || {
                    let _ = h1.focus();
                })
            });
        } else {
            // The content holds the heading (a question's label): found once it is drawn.
            request_animation_frame(|| {
                if let Ok(Some(h1)) = document().query_selector("#main-content h1") {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(h1).focus();
                }
            });
        }
    }
    view! {
        {caption.map(|c| view! { <span class="wm-caption">{c}</span> })}
        <Show when=move || heading>
            <h1 class="wm-heading-l" tabindex="-1" node_ref=h1>{title}</h1>
        </Show>
        {children()}
    }
}

/// Moves focus to the error summary once it is drawn, so it is read out first.
pub fn focus_error_summary() {
    request_animation_frame(|| focus_by_id("error-summary"));
}

/// The error summary for the top of a page (GOV.UK pattern): a title, then
/// each problem linking to its field, by id. Focus it with
/// [`focus_error_summary`] after a failed submit, so it is read out first.
#[component]
pub fn ErrorSummary(
    /// "There is a problem".
    title: String,
    /// `(message, field id)` for each problem.
    problems: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <div class="wm-error-summary" id="error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="wm-error-summary__title">{title}</h2>
                <ul class="wm-list wm-error-summary__list">
                    {problems
                        .into_iter()
                        .map(|(message, field)| view! { <li><a href=format!("#{field}")>{message}</a></li> })
                        .collect_view()}
                </ul>
            </div>
        </div>
    }
}
