use leptos::prelude::*;

use crate::core::route::Route;
use crate::web::answers::provide_check_state;
use crate::web::components::{Footer, Header};
use crate::web::config::{load_setup, SetupResource};
use crate::web::pages::*;
use crate::web::nearby::provide_nearby_state;
use crate::web::referral::provide_referral_choice;
use crate::web::router::provide_router;
use crate::web::shortlist::provide_shortlist;

/// The shell around every page: header with urgent help and quick exit,
/// the current page, and the footer.
#[component]
pub fn App() -> impl IntoView {
    let setup = SetupResource(LocalResource::new(load_setup));
    provide_context(setup);
    provide_check_state(setup);
    provide_shortlist(setup);
    provide_nearby_state();
    provide_referral_choice();
    let route = provide_router().0;
    let page = move || match route.get() {
        Route::Start => StartPage().into_any(),
        Route::Check => CheckPage().into_any(),
        Route::Question(id) => QuestionPage(QuestionPageProps { id }).into_any(),
        Route::CheckAnswers => CheckAnswersPage().into_any(),
        Route::Results => ResultsPage().into_any(),
        Route::Group(id) => GroupPage(GroupPageProps { id }).into_any(),
        Route::Shortlist => ShortlistPage().into_any(),
        Route::Refer => ReferPage().into_any(),
        Route::Confirmation => ConfirmationPage().into_any(),
        Route::Help => HelpPage().into_any(),
        Route::Privacy => PrivacyPage().into_any(),
        Route::Accessibility => AccessibilityPage().into_any(),
        Route::Credits => CreditsPage().into_any(),
        Route::NotFound => NotFoundPage().into_any(),
    };
    // The page's own "Loading" message stays until the words and set-up have
    // arrived; nothing is drawn half-translated.
    move || {
        let _loaded = setup.0.get()?;
        if let Some(loading) = document().get_element_by_id("waymark-loading") {
            loading.remove();
        }
        Some(view! {
            <Header/>
            <div class="wm-width-container">
                <main class="wm-main" id="main-content" tabindex="-1">{page}</main>
            </div>
            <Footer/>
        })
    }
}
