use std::sync::Arc;

use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::components::{
    event_target, footer, header, leave_on_escape, listen_for_region_events, quick_exit, region, show, Screen,
};
use crate::web::config::Setup;
use crate::web::kiosk::KioskGuard;
use crate::web::pages::*;
use crate::web::router::provide_router;
use crate::web::state::init_state;
use crate::web::text_size::{choose_text_size, restore_text_size};

/// The page for `route`, once the set-up has loaded.
fn screen(route: Route, setup: &Arc<Setup>) -> Screen {
    match route {
        Route::Start => start_page(setup),
        Route::Check => check_page(setup),
        Route::Question(id) => question_page(setup, &id),
        Route::CheckAnswers => check_answers_page(setup),
        Route::Results => results_page(setup),
        Route::Group(id) => group_page(setup, &id),
        Route::Shortlist => shortlist_page(setup),
        Route::Refer => refer_page(setup),
        Route::Help => help_page(),
        Route::Privacy => privacy_page(setup),
        Route::Accessibility => accessibility_page(setup),
        Route::Credits => credits_page(),
        Route::NotFound => not_found_page(),
    }
}

/// The shell around every page: header with urgent help and quick exit,
/// the current page, and the footer.
#[component]
pub fn App() -> impl IntoView {
    let state = init_state();
    let (setup, kiosk) = (state.setup, state.kiosk);
    leave_on_escape(setup);
    listen_for_region_events();
    let route = provide_router().0;
    restore_text_size();
    let on_header = Arc::new(move |ev: &web_sys::Event| {
        if event_target(ev, "[data-action=exit]").is_some() {
            quick_exit(setup);
        }
    });
    let on_footer = Arc::new(move |ev: &web_sys::Event| {
        if let Some(size) =
            event_target(ev, "button[data-text-size]").and_then(|b| b.get_attribute("data-text-size"))
        {
            choose_text_size(&size);
        }
    });
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
            let route = route.get();
            // Urgent help needs nothing from the set-up, so it shows even when that is broken.
            show(match (&loaded, route) {
                (_, Route::Help) => help_page(),
                _ if kiosk.get() == KioskGuard::OutOfOrder => out_of_order_page(),
                (Ok(setup), route) => screen(route, setup),
                (Err(problem), _) => load_problem_page(problem.clone()),
            })
        };
        Some(view! {
            {region(Arc::new(header), None, Some(on_header.clone()))}
            <div class="wm-width-container">
                <main class="wm-main" id="main-content" tabindex="-1" aria-labelledby="wm-service-name">{page}</main>
            </div>
            {region(Arc::new(footer), None, Some(on_footer.clone()))}
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
