use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::config::Config;
use crate::web::components::Page;
use crate::web::config::{ConfigResource, LoadProblem};
use crate::web::i18n::{t, tf};

/// Shows `render` once the config has loaded, or the set-up error page if it
/// could not be used. Pages that need no config (urgent help) skip this.
#[component]
pub fn ConfigGate<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Config>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let config = expect_context::<ConfigResource>().0;
    view! {
        <Suspense fallback=|| view! { <p class="wm-body" role="status">{t("shell.loading")}</p> }>
            {move || config.get().map(|loaded| match loaded {
                Ok(config) => render(config).into_any(),
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
            <p class="wm-body"><A href="/help">{t("shell.need_help_now")}</A></p>
        </Page>
    }
}
