use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::{leave_on_escape, Footer, Header};
use crate::web::kiosk::KioskMode;
use crate::web::pages::*;
use crate::web::platform::text_size::restore_text_size;
use crate::web::router::provide_router;
use crate::web::state::kiosk::KioskGuard;
use crate::web::state::provide_app_state;
use crate::web::state::referral::resend_when_set_up;
use crate::web::state::setup::{LoadProblem, Setup};
use crate::web::state::words::provide_words;

/// The route table: the page for `route`, once the set-up (and for pages
/// that show services, the directory: `Route::needs_directory`) has loaded.
fn screen(route: Route, setup: &Arc<Setup>) -> AnyView {
    match route {
        Route::Start => view! { <StartPage setup=setup.clone()/> }.into_any(),
        // The check starts at its first question, with no forwarding page between.
        Route::Check => {
            let first = setup.questions.questions[0].id.clone();
            view! { <QuestionPage setup=setup.clone() id=first/> }.into_any()
        }
        Route::Question(id) => view! { <QuestionPage setup=setup.clone() id=id/> }.into_any(),
        Route::CheckAnswers => view! { <CheckAnswersPage setup=setup.clone()/> }.into_any(),
        Route::Results => view! { <ResultsPage setup=setup.clone()/> }.into_any(),
        Route::Group(id) => view! { <GroupPage setup=setup.clone() page_id=id/> }.into_any(),
        Route::Shortlist => view! { <ShortlistPage setup=setup.clone()/> }.into_any(),
        Route::Refer => view! { <ReferPage setup=setup.clone()/> }.into_any(),
        Route::Help => view! { <HelpPage/> }.into_any(),
        Route::Privacy => view! { <PrivacyPage setup=setup.clone()/> }.into_any(),
        Route::Accessibility => view! { <AccessibilityPage setup=setup.clone()/> }.into_any(),
        Route::Credits => view! { <CreditsPage/> }.into_any(),
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}

/// The shell around every page: header with urgent help and quick exit,
/// the current page, and the footer.
#[component]
pub fn App() -> impl IntoView {
    let words = provide_words();
    let app = provide_app_state(words);
    let (setup, kiosk) = (app.setup, app.kiosk);
    let router = provide_router(setup);
    leave_on_escape(app);
    restore_text_size();
    resend_when_set_up(setup, app.referral);
    // The page's prerendered content (or its "Loading" message) stays until
    // the words and set-up have arrived; nothing is drawn half-translated.
    let shell = move || {
        let loaded = setup.0.get()?;
        // The first page, if it shows services, waits for the directory too
        // (fetched beside the code: its page preloads it), so it takes over
        // from its prerendered copy once, complete, and nothing moves.
        if let (Ok(setup), false) = (&loaded, router.has_navigated()) {
            if router.route_untracked().needs_directory() {
                // A directory that failed is the page's to show, below.
                let _ = app.nearby.directory(setup, app.words).get()?;
            }
        }
        if let Some(prerendered) = document().get_element_by_id("waymark-loading") {
            keep_focus_through_takeover(&prerendered);
            prerendered.remove();
        }
        // Kiosk mode runs beside every page from the first one drawn.
        let kiosk_mode = loaded.as_ref().ok().filter(|s| s.config.kiosk.enabled).map(|s| {
            let kiosk = &s.config.kiosk;
            let seconds = |s: u32| s.max(10);
            view! {
                <KioskMode
                    idle_seconds=seconds(kiosk.idle_seconds)
                    warning_seconds=seconds(kiosk.warning_seconds)
                />
            }
        });
        let page_for = move |route: Route| -> Result<AnyView, LoadProblem> {
            // Urgent help needs nothing from the set-up, so it shows even when that is broken.
            Ok(match (&loaded, route) {
                (_, Route::Help) => view! { <HelpPage/> }.into_any(),
                _ if kiosk.get() == KioskGuard::OutOfOrder => view! { <OutOfOrderPage/> }.into_any(),
                (Ok(setup), route) if route.needs_directory() => {
                    let directory = app.nearby.directory(setup, app.words);
                    let setup = setup.clone();
                    let page =
                        move || directory.get().map(|loaded| loaded.map(|()| screen(route.clone(), &setup)));
                    view! { <Suspense fallback=|| view! { <LoadingPage/> }>{page}</Suspense> }.into_any()
                }
                (Ok(setup), route) => screen(route, setup),
                (Err(problem), _) => return Err(problem.clone()),
            })
        };
        // A boundary per page: a problem shown on one page is gone on the next.
        let page = move || {
            let page = page_for(router.route());
            view! {
                <ErrorBoundary fallback=|errors| view! { <LoadProblemPage problem=first_problem(errors)/> }>
                    {page}
                </ErrorBoundary>
            }
        };
        Some(view! {
            <Header/>
            <div class="wm-width-container">
                <main class="wm-main" id="main-content" tabindex="-1" aria-labelledby="wm-service-name">
                    {page}
                </main>
            </div>
            <Footer/>
            {kiosk_mode}
        })
    };
    view! { <Suspense fallback=|| ()>{shell}</Suspense> }
}

/// The set-up problem the error boundary caught (there is only ever one kind).
fn first_problem(errors: ArcRwSignal<Errors>) -> LoadProblem {
    let first = errors.with(|errors| {
        errors.iter().find_map(|(_, error)| error.clone().into_inner().downcast_ref::<LoadProblem>().cloned())
    });
    first.unwrap_or_else(|| LoadProblem { file: String::new(), error: crate::core::FieldError::new("", "") })
}

/// Each page is written into its own HTML file at build time, so it paints
/// before the wasm arrives (xtask prerender). When the app replaces it, a person who had
/// already moved into it by keyboard keeps their place, instead of focus
/// falling to the page body.
fn keep_focus_through_takeover(prerendered: &web_sys::Element) {
    let Some(focused) = document().active_element().filter(|e| prerendered.contains(Some(e))) else {
        return;
    };
    let selector = ["id", "href", "data-action", "data-text-size"].iter().find_map(|name| {
        let value = focused.get_attribute(name)?;
        Some(match *name {
            "id" => format!("#{value}"),
            _ => format!("{}[{name}=\"{value}\"]", focused.tag_name().to_ascii_lowercase()),
        })
    });
    let Some(selector) = selector else { return };
    request_animation_frame(move || {
        if let Ok(Some(element)) = document().query_selector(&selector) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
        }
    });
}
