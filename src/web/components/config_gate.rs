use std::sync::Arc;

use crate::core::route::Route;
use crate::web::router::Link;
use leptos::prelude::*;

use crate::core::config::Config;
use crate::web::components::Page;
use crate::web::config::{ConfigResource, LoadProblem};
use crate::web::i18n::{t, tf};

/// A page body that needs the config.
pub struct RenderWithConfig(Arc<dyn Fn(Arc<Config>) -> AnyView + Send + Sync>);

impl<F, V> From<F> for RenderWithConfig
where
    F: Fn(Arc<Config>) -> V + Send + Sync + 'static,
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
    let config = expect_context::<ConfigResource>().0;
    view! {
        <Suspense fallback=|| view! { <p class="wm-body" role="status">{t("shell.loading")}</p> }>
            {move || config.get().map(|loaded| match loaded {
                Ok(config) => (render.0)(config),
                Err(problem) => view! { <LoadProblemPage problem/> }.into_any(),
            })}
        </Suspense>
    }
}

/// Names the file, the field and what is wrong, for whoever set the widget up,
/// while still pointing the person at urgent help.
#[component]
fn LoadProblemPage(problem: LoadProblem) -> impl IntoView {
    let LoadProblem { file, error } = problem;
    let field = (!error.field.is_empty()).then(|| {
        view! {
            <p class="wm-body">
                {t("problem.field")} " " <code class="wm-code">{error.field.clone()}</code>
            </p>
        }
    });
    view! {
        <Page title=t("problem.title")>
            <div class="wm-error-summary" role="alert" tabindex="-1">
                <h2 class="wm-error-summary__title">{t("problem.summary")}</h2>
                <p class="wm-body">
                    {t("problem.file")} " " <code class="wm-code">{file}</code>
                </p>
                {field}
                <p class="wm-body">{tf("problem.what", &[("problem", &error.problem)])}</p>
            </div>
            <p class="wm-body">{t("problem.for_visitors")}</p>
            <p class="wm-body"><Link to=Route::Help>{t("shell.need_help_now")}</Link></p>
        </Page>
    }
}
