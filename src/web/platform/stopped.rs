//! The last line of defence. If the widget ever panics, it cannot be trusted
//! to draw anything more, so a page written in `index.html` (the
//! `#waymark-stopped` template: urgent-help numbers, and once the config is
//! known the organisation's phone) replaces it. Nothing here reads the app's
//! state, which may be what broke: the organisation is kept in the template's
//! own attributes.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

use crate::core::config::Config;

/// From now on, a panic hides the widget and shows the stopped page.
pub fn show_stopped_page_on_panic() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Waymark stopped: {info}").into());
        show_stopped_page();
    }));
}

/// Hides the widget and shows the stopped page (once).
pub fn show_stopped_page() {
    let document = document();
    if document.get_element_by_id("waymark-stopped-title").is_some() {
        return; // shown already, by an earlier panic
    }
    if let Some(widget) = document.get_element_by_id("waymark") {
        let _ = widget.set_attribute("hidden", "");
    }
    let template = document.get_element_by_id("waymark-stopped");
    let template = template.and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok());
    if let (Some(template), Some(body)) = (template, document.body()) {
        if let Ok(page) = template.content().clone_node_with_deep(true) {
            let _ = body.append_child(&page);
            name_organisation(&document, &template);
        }
    }
    if let Some(heading) = document.get_element_by_id("waymark-stopped-title") {
        let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Keeps the organisation's name and phone on the stopped page, once the
/// config is loaded, for the panic hook to show.
pub fn name_organisation_on_stopped_page(config: &Config) {
    if let Some(stopped) = document().get_element_by_id("waymark-stopped") {
        let _ = stopped.set_attribute("data-organisation", &config.organisation.name);
        let _ = stopped.set_attribute("data-phone", &config.organisation.phone);
    }
}

/// Writes the kept name and phone into the shown stopped page's "call" line.
fn name_organisation(document: &web_sys::Document, stopped: &web_sys::HtmlTemplateElement) {
    let (Some(organisation), Some(phone)) =
        (stopped.get_attribute("data-organisation"), stopped.get_attribute("data-phone"))
    else {
        return;
    };
    let (Some(line), Some(name_slot), Some(phone_link)) = (
        document.get_element_by_id("waymark-stopped-contact"),
        document.get_element_by_id("waymark-stopped-organisation"),
        document.get_element_by_id("waymark-stopped-phone"),
    ) else {
        return;
    };
    name_slot.set_text_content(Some(&organisation));
    phone_link.set_text_content(Some(&phone));
    match crate::core::links::tel_href(&phone) {
        Some(href) => phone_link.set_attribute("href", &href).unwrap_or_default(),
        None => phone_link.remove_attribute("href").unwrap_or_default(),
    }
    let _ = line.remove_attribute("hidden");
}
