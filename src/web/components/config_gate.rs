use std::sync::Arc;

use crate::core::route::Route;
use crate::web::router::href;
use leptos::prelude::*;

use crate::core::markup::Html;

use crate::web::components::Page;
use crate::web::config::{LoadProblem, Setup, SetupResource};
use crate::web::i18n::{t, tf};

/// A page body that needs the config.
pub struct RenderWithConfig(Arc<dyn Fn(Arc<Setup>) -> AnyView + Send + Sync>);

impl<F, V> From<F> for RenderWithConfig
where
    F: Fn(Arc<Setup>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    fn from(render: F) -> Self {
        RenderWithConfig(Arc::new(move |config| render(config).into_any()))
    }
}

/// Shows `render` once the config has loaded, or the set-up error page if it
/// could not be used. Pages that need no config (urgent help) skip this.
/// (Not generic over `render`, so the loading and error views are compiled once.)
#[component]
pub fn ConfigGate(#[prop(into)] render: RenderWithConfig) -> impl IntoView {
    let config = expect_context::<SetupResource>().0;
    view! {
        {move || match config.get() {
            None => view! { <p class="wm-body" role="status">{t("shell.loading")}</p> }.into_any(),
            Some(Ok(config)) => (render.0)(config),
            Some(Err(problem)) => load_problem_view(problem),
        }}
    }
}

/// The set-up error page: names the file, the field and what is wrong, for
/// whoever set the widget up, while still pointing the person at urgent help.
fn load_problem_view(problem: LoadProblem) -> AnyView {
    let LoadProblem { file, error } = problem;
    let mut html = Html::new();
    html.open("div", &[("class", Some("wm-error-summary")), ("role", Some("alert"))]);
    html.element("h2", "wm-error-summary__title", &t("problem.summary"));
    let mut named = |label: &str, value: &str| {
        html.open("p", &[("class", Some("wm-body"))])
            .text(label)
            .text(" ")
            .element("code", "wm-code", value)
            .close("p");
    };
    named(&t("problem.file"), &file);
    if !error.field.is_empty() {
        named(&t("problem.field"), &error.field);
    }
    html.element("p", "wm-body", &tf("problem.what", &[("problem", &error.problem)])).close("div");
    html.element("p", "wm-body", &t("problem.for_visitors")).open("p", &[("class", Some("wm-body"))]);
    html.open("a", &[("href", Some(&href(&Route::Help)))])
        .text(&t("shell.need_help_now"))
        .close("a")
        .close("p");
    view! { <Page title=t("problem.title")><div inner_html=html.finish()></div></Page> }.into_any()
}
