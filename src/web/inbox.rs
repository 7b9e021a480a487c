//! The inbox's app: its page in the site's frame, once the config says this
//! is not a kiosk (a shared screen never shows it).

use leptos::prelude::*;

use crate::core::config::Config;
use crate::web::pages::inbox::InboxPage;
use crate::web::platform::dom::page_options;
use crate::web::platform::fetch::fetch_text;
use crate::web::platform::offline::keep_this_page_offline;
use crate::web::state::setup::config_url;

/// Whether this screen is a kiosk: by its address, or by its config.
async fn on_kiosk() -> bool {
    if page_options().kiosk {
        return true;
    }
    let text = fetch_text(&config_url()).await.unwrap_or_default();
    Config::parse(&text).is_ok_and(|config| config.kiosk.enabled)
}

#[component]
pub fn InboxApp() -> impl IntoView {
    let kiosk = LocalResource::new(on_kiosk);
    view! {
        <a class="wm-skip-link" href="#main-content">"Skip to main content"</a>
        <header class="wm-header" aria-labelledby="wm-service-name">
            <div class="wm-width-container wm-header__inner">
                <span class="wm-header__service" id="wm-service-name">"Waymark referral inbox"</span>
            </div>
        </header>
        <div class="wm-width-container">
            <main class="wm-main" id="main-content" aria-labelledby="wm-service-name">
                <Suspense fallback=|| view! { <p class="wm-body" role="status">"Loading…"</p> }>
                    {move || kiosk.get().map(|kiosk| match kiosk {
                        true => view! {
                            <h1 class="wm-heading-l">"The inbox is not available here"</h1>
                            <p class="wm-body">"This screen is a kiosk, shared by the public. Open the inbox on a staff computer."</p>
                        }.into_any(),
                        false => {
                            keep_this_page_offline();
                            view! { <InboxPage/> }.into_any()
                        }
                    })}
                </Suspense>
            </main>
        </div>
    }
}
