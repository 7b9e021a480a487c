use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::web::components::{Footer, Header};
use crate::web::config::{load_config, ConfigResource};
use crate::web::pages::*;

/// The shell around every route: header with urgent help and quick exit,
/// the page, and the footer.
#[component]
pub fn App() -> impl IntoView {
    provide_context(ConfigResource(LocalResource::new(load_config)));
    view! {
        <Router>
            <Header/>
            <div class="wm-width-container">
                <main class="wm-main" id="main-content" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=StartPage/>
                        <Route path=path!("/check") view=CheckPage/>
                        <Route path=path!("/results") view=ResultsPage/>
                        <Route path=path!("/group/:id") view=GroupPage/>
                        <Route path=path!("/refer") view=ReferPage/>
                        <Route path=path!("/confirmation") view=ConfirmationPage/>
                        <Route path=path!("/help") view=HelpPage/>
                        <Route path=path!("/privacy") view=PrivacyPage/>
                        <Route path=path!("/accessibility") view=AccessibilityPage/>
                        <Route path=path!("/credits") view=CreditsPage/>
                    </Routes>
                </main>
            </div>
            <Footer/>
        </Router>
    }
}
