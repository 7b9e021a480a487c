use std::sync::Arc;

use leptos::prelude::*;

use crate::web::browser::focus_by_id;

/// Draws a region's markup; re-run when a signal it reads changes.
pub type Render = Arc<dyn Fn() -> String + Send + Sync>;
/// Handles a click, change, input or submit anywhere inside a region.
pub type OnEvent = Arc<dyn Fn(&web_sys::Event) + Send + Sync>;

/// A part of a page drawn from `core::markup`, with one delegated handler
/// for the clicks, changes and submits inside it (they bubble up to here).
///
/// Every region shares this one concrete view type, so a new page adds its
/// markup and handler but no new Leptos view code to the download.
pub fn region(render: Render, role: Option<&'static str>, on_event: Option<OnEvent>) -> AnyView {
    let handle = move |ev: &web_sys::Event| {
        // In-page links (an error summary's) move focus without a hash
        // change, which the router would take for a navigation.
        if let Some(link) = event_target(ev, "a[href^='#']") {
            ev.prevent_default();
            focus_by_id(link.get_attribute("href").unwrap_or_default().trim_start_matches('#'));
        } else if let Some(on_event) = &on_event {
            on_event(ev);
        }
    };
    let (click, change, submit, input) = (handle.clone(), handle.clone(), handle.clone(), handle);
    view! {
        <div
            role=role
            inner_html=move || render()
            on:click=move |ev| click(&ev)
            on:change=move |ev| change(&ev)
            on:submit=move |ev| submit(&ev)
            on:input=move |ev| input(&ev)
        ></div>
    }
    .into_any()
}

/// The element a click landed on, or the nearest around it matching `selector`.
pub fn event_target(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(ev.target()?).ok()?;
    target.closest(selector).ok()?
}
