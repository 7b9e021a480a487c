//! The language control on every page: each language the deployment offers,
//! in its own name and script, as a real link (`?lang=`), with `lang` set on
//! each name so screen readers say it rightly. A draft translation says so.

use leptos::prelude::*;

use crate::core::i18n::{language, Language};
use crate::core::route::Route;
use crate::web::platform::dom::is_wide_screen;
use crate::web::router::use_router;
use crate::web::state::use_app;
use crate::web::state::words::{t, use_words};

#[component]
pub fn LanguageControl() -> impl IntoView {
    let app = use_app();
    let router = use_router();
    let Some(setup) = app.setup.loaded() else { return ().into_any() };
    let offered: Vec<&'static Language> = setup.config.languages.iter().filter_map(|c| language(c)).collect();
    if offered.len() < 2 {
        return ().into_any();
    }
    let chosen = setup.language.clone();
    let item = move |l: &'static Language| {
        if l.code == chosen {
            return view! {
                <li class="wm-language__item">
                    <span class="wm-language__current" lang=l.code aria-current="true">{l.name}</span>
                </li>
            }
            .into_any();
        }
        // Read again on each page, so the link keeps the page the person is on.
        let href = move || {
            let _on_this_page = router.route();
            address_in(l.code)
        };
        view! {
            <li class="wm-language__item">
                <a class="wm-language__link" href=href lang=l.code hreflang=l.code>{l.name}</a>
            </li>
        }
        .into_any()
    };
    let current = language(&setup.language).map_or("", |l| l.name);
    let list = || {
        view! { <ul class="wm-width-container wm-language__list">{offered.iter().copied().map(item).collect_view()}</ul> }
    };
    // On a phone the eight names would fill half the screen: they fold
    // behind the current language's name, one tap away.
    let control = if is_wide_screen() {
        list().into_any()
    } else {
        view! {
            <details class="wm-language__details">
                <summary class="wm-width-container wm-language__summary">
                    <span lang=setup.language.clone()>{current}</span>
                    ": "
                    {t("language.label")}
                </summary>
                {list()}
            </details>
        }
        .into_any()
    };
    // A language link reloads the page, and a referral under way lives only
    // in memory (as does everything on a kiosk): there it waits for the start.
    let kiosk = setup.config.kiosk.enabled;
    let hidden = move || {
        let route = router.route();
        route == Route::Refer || (kiosk && route != Route::Start)
    };
    view! { <nav class="wm-language" aria-label=t("language.label") hidden=hidden>{control}</nav> }.into_any()
}

/// This page's address with `?lang=` set to `code`, keeping its other
/// parameters (`?config=`, `?mode=kiosk`).
fn address_in(code: &str) -> String {
    let location = window().location();
    let Ok(url) = web_sys::Url::new(&location.href().unwrap_or_default()) else {
        return format!("?lang={code}");
    };
    url.search_params().set("lang", code);
    format!("{}{}", url.pathname(), url.search())
}

/// "This translation is a draft", in the language itself, while no native
/// speaker has reviewed it: a draft is never presented as reviewed.
#[component]
pub fn DraftNotice() -> impl IntoView {
    let words = use_words();
    let draft = words.meta().is_some_and(|meta| !meta.reviewed);
    draft.then(|| {
        view! {
            <div class="wm-draft-notice">
                <p class="wm-width-container wm-body">{t("language.draft_notice")}</p>
            </div>
        }
    })
}
