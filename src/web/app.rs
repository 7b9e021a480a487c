use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::{leave_on_escape, listen_for_region_events, show, Footer, Header, Screen};
use crate::web::config::Setup;
use crate::web::i18n::provide_words;
use crate::web::kiosk::KioskGuard;
use crate::web::pages::*;
use crate::web::referral::resend_when_set_up;
use crate::web::router::provide_router;
use crate::web::state::provide_app_state;
use crate::web::text_size::restore_text_size;

/// The page for `route`, once the set-up has loaded.
fn screen(route: Route, setup: &Arc<Setup>) -> AnyView {
    let old = |screen: Screen| show(screen);
    match route {
        Route::Start => view! { <StartPage setup=setup.clone()/> }.into_any(),
        Route::Check => old(check_page(setup)),
        Route::Question(id) => question_page(setup, &id),
        Route::CheckAnswers => old(check_answers_page(setup)),
        Route::Results => old(results_page(setup)),
        Route::Group(id) => group_page(setup, &id),
        Route::Shortlist => old(shortlist_page(setup)),
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
    listen_for_region_events();
    restore_text_size();
    resend_when_set_up(setup, app.referral);
    // The page's own "Loading" message stays until the words and set-up have
    // arrived; nothing is drawn half-translated.
    move || {
        let loaded = setup.0.get()?;
        // A kiosk shows nothing to type into until kiosk mode protects it.
        if kiosk.get() == KioskGuard::Starting {
            return None;
        }
        if let Some(loading) = document().get_element_by_id("waymark-loading") {
            keep_focus_through_takeover(&loading);
            loading.remove();
        }
        let page = move || {
            let route = router.route();
            // Urgent help needs nothing from the set-up, so it shows even when that is broken.
            match (&loaded, route) {
                (_, Route::Help) => view! { <HelpPage/> }.into_any(),
                _ if kiosk.get() == KioskGuard::OutOfOrder => view! { <OutOfOrderPage/> }.into_any(),
                (Ok(setup), route) => screen(route, setup),
                (Err(problem), _) => view! { <LoadProblemPage problem=problem.clone()/> }.into_any(),
            }
        };
        Some(view! {
            <Header/>
            <div class="wm-width-container">
                <main class="wm-main" id="main-content" tabindex="-1" aria-labelledby="wm-service-name">{page}</main>
            </div>
            <Footer/>
        })
    }
}

/// The start page is written into `index.html` so it paints before the wasm
/// arrives (xtask prerender). When the app replaces it, a person who had
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
