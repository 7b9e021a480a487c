use std::cell::{Cell, RefCell};
use std::sync::Arc;

use leptos::prelude::*;

/// Draws a region's markup; re-run when a signal it reads changes.
pub type Render = Arc<dyn Fn() -> String + Send + Sync>;
/// Handles a click, change, input or submit anywhere inside a region.
pub type OnEvent = Arc<dyn Fn(&web_sys::Event) + Send + Sync>;

thread_local! {
    // Handlers of the regions on the page, by the number in their `data-region`.
    static HANDLERS: RefCell<Vec<(u32, OnEvent)>> = const { RefCell::new(Vec::new()) };
    static NEXT_REGION: Cell<u32> = const { Cell::new(0) };
}

/// A part of a page drawn from `core::markup`, with one handler for the
/// clicks, changes, inputs and submits inside it.
///
/// Every region shares this one concrete view type, and events reach their
/// region through four listeners on the window (see [`listen_for_region_events`])
/// rather than listeners per element: a new page adds its markup and
/// handler but no view or listener code to the download.
pub fn region(render: Render, role: Option<&'static str>, on_event: Option<OnEvent>) -> AnyView {
    let id = on_event.map(|handler| {
        let id = NEXT_REGION.with(|n| n.replace(n.get() + 1));
        HANDLERS.with(|h| h.borrow_mut().push((id, handler)));
        on_cleanup(move || HANDLERS.with(|h| h.borrow_mut().retain(|(i, _)| *i != id)));
        id.to_string()
    });
    view! { <div role=role data-region=id inner_html=move || render()></div> }.into_any()
}

/// The element an event happened on, or the nearest around it matching `selector`.
pub fn event_target(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(ev.target()?).ok()?;
    target.closest(selector).ok()?
}

fn dispatch(ev: web_sys::Event) {
    let Some(id) = event_target(&ev, "[data-region]").and_then(|r| r.get_attribute("data-region")) else {
        return;
    };
    let handler =
        HANDLERS.with(|h| h.borrow().iter().find(|(i, _)| i.to_string() == id).map(|(_, f)| f.clone()));
    if let Some(handler) = handler {
        handler(&ev);
    }
}

/// Sends the events inside regions to their handlers; called once by the app.
pub fn listen_for_region_events() {
    for name in ["click", "change", "input", "submit"] {
        let handle = window_event_listener_untyped(name, dispatch);
        on_cleanup(move || handle.remove());
    }
}
