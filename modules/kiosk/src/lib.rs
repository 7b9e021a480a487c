//! Kiosk mode, for a shared touch screen such as a GP waiting room's; a
//! module of its own, fetched by the widget only on a kiosk. It adds:
//!
//! - a start screen that invites a touch, shown whenever the page loads;
//! - after `kiosk.idle_seconds` untouched, "Are you still there?" with a
//!   countdown of `kiosk.warning_seconds`, then a reset: everything the
//!   widget stored is removed and the start page is loaded afresh in place
//!   of this one, so nothing in memory survives and Back shows nothing;
//! - links that would leave the widget (phone numbers, websites, directions)
//!   shown as a QR code to scan and written out, instead of opened;
//! - no autofill: typed values are not offered to the next person.
//!
//! The rules (when to warn, which links leave) are in `waymark::core::kiosk`.

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use waymark::core::i18n::{Catalogue, Translator};
    use waymark::core::kiosk::{idle_phase, leaves_widget, IdlePhase};
    use waymark::core::markup::{escape, Html};
    use waymark::core::module_context::{read_context, KioskContext};
    use waymark::core::qr::qr_svg;
    use waymark::web::for_modules::{reset_kiosk, translator};

    #[wasm_bindgen(inline_js = "export function forget_offline_copies() { \
        const dropCaches = () => self.caches \
            ? caches.keys().then((all) => Promise.all(all.map((k) => caches.delete(k)))) : null; \
        const unregister = () => navigator.serviceWorker \
            ? navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister()))) \
            : null; \
        Promise.all([dropCaches(), unregister()]).then(dropCaches).catch(() => {}); }")]
    extern "C" {
        /// A kiosk keeps no offline copy: any service worker or cache from
        /// an earlier, non-kiosk use of this browser goes. The caches are
        /// dropped again once the workers are unregistered, as a worker
        /// still installing could have written its cache back.
        fn forget_offline_copies();
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Shown {
        Start,
        StillThere,
        Link,
    }

    struct Kiosk {
        tr: Translator,
        idle_seconds: u32,
        warning_seconds: u32,
        last_touch: f64,
        dialog: Option<(Shown, web_sys::HtmlDialogElement)>,
        /// Where focus was before the dialog, to put it back after.
        return_focus: Option<web_sys::Element>,
    }

    thread_local! {
        static KIOSK: RefCell<Option<Kiosk>> = const { RefCell::new(None) };
    }

    fn window() -> web_sys::Window {
        web_sys::window().expect("a browser window")
    }

    fn document() -> web_sys::Document {
        window().document().expect("a document")
    }

    fn with_kiosk<R>(f: impl FnOnce(&mut Kiosk) -> R) -> Option<R> {
        KIOSK.with(|k| k.borrow_mut().as_mut().map(f))
    }

    /// Starts kiosk mode, from the widget's `context`:
    /// `{ "idle": seconds, "warning": seconds, "language": tag }`.
    #[wasm_bindgen]
    pub fn open(_root: web_sys::Element, context: String) {
        wasm_bindgen_futures::spawn_local(async move {
            let Some(context) = read_context::<KioskContext>(&context) else { return };
            let seconds = |s: i64| s.clamp(10, i64::from(u32::MAX)) as u32;
            let language = Some(context.language).filter(|l| !l.is_empty()).unwrap_or_else(|| "en".into());
            forget_offline_copies();
            let kiosk = Kiosk {
                tr: Translator::new(None, Catalogue::default()),
                idle_seconds: seconds(context.idle),
                warning_seconds: seconds(context.warning),
                last_touch: js_sys::Date::now(),
                dialog: None,
                return_focus: None,
            };
            KIOSK.with(|k| *k.borrow_mut() = Some(kiosk));
            // Watching for idleness and for links out starts at once, not
            // after the words arrive: the protection must not wait on the network.
            listen();
            let tr = translator(&language).await;
            with_kiosk(|k| k.tr = tr);
            if shown().is_none() {
                show_start();
            }
        });
    }

    fn listen() {
        let window = window();
        let on = |names: &[&str], handler: fn(web_sys::Event)| {
            let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
            for name in names {
                // Capturing, so this runs before the widget's own handlers.
                let _ = window.add_event_listener_with_callback_and_bool(
                    name,
                    handler.as_ref().unchecked_ref(),
                    true,
                );
            }
            handler.forget();
        };
        on(&["pointerdown", "keydown", "input", "scroll", "wheel"], note_activity);
        on(&["keydown"], on_escape);
        on(&["click"], on_click);
        on(&["focusin"], no_autofill);
        let tick = Closure::<dyn Fn()>::new(tick);
        let _ = window
            .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000);
        tick.forget();
    }

    fn shown() -> Option<Shown> {
        with_kiosk(|k| k.dialog.as_ref().map(|(shown, _)| *shown)).flatten()
    }

    /// Any touch, key or scroll means someone is there; but while asked
    /// "Are you still there?" only an answer counts.
    fn note_activity(_: web_sys::Event) {
        if shown() != Some(Shown::StillThere) {
            with_kiosk(|k| k.last_touch = js_sys::Date::now());
        }
    }

    fn tick() {
        let Some((phase, shown)) = with_kiosk(|k| {
            if matches!(k.dialog, Some((Shown::Start, _))) {
                // Nobody has started: nothing to wipe.
                k.last_touch = js_sys::Date::now();
            }
            let idle_for = ((js_sys::Date::now() - k.last_touch) / 1000.0).max(0.0) as u32;
            (idle_phase(idle_for, k.idle_seconds, k.warning_seconds), k.dialog.as_ref().map(|d| d.0))
        }) else {
            return;
        };
        match phase {
            IdlePhase::InUse => {}
            IdlePhase::Warning { seconds_left } => {
                if shown != Some(Shown::StillThere) {
                    show_still_there(seconds_left);
                } else if let Ok(Some(timer)) = document().query_selector("[data-kiosk-timer]") {
                    timer.set_text_content(Some(&seconds_left.to_string()));
                }
            }
            IdlePhase::Reset => reset(),
        }
    }

    fn text(key: &str) -> String {
        with_kiosk(|k| k.tr.text(key)).unwrap_or_default()
    }

    /// Shows `markup` as a modal dialog over the page (which the browser makes inert).
    fn show(kind: Shown, role: &str, markup: &str) {
        let focused = document().active_element();
        let replaced = with_kiosk(|k| k.dialog.take()).flatten();
        match replaced {
            Some((_, dialog)) => {
                dialog.close();
                dialog.remove();
            }
            None => {
                with_kiosk(|k| k.return_focus = focused);
            }
        }
        let Ok(element) = document().create_element("dialog") else { return };
        let dialog: web_sys::HtmlDialogElement = element.unchecked_into();
        dialog.set_class_name("wm-kiosk-dialog");
        let _ = dialog.set_attribute("role", role);
        let _ = dialog.set_attribute("aria-labelledby", "wm-kiosk-title");
        let _ = dialog.set_attribute("aria-describedby", "wm-kiosk-body");
        dialog.set_inner_html(markup);
        if let Some(body) = document().body() {
            let _ = body.append_child(&dialog);
        }
        let _ = dialog.show_modal();
        with_kiosk(|k| k.dialog = Some((kind, dialog)));
    }

    /// Closes the dialog shown and puts focus back where it was (or on the
    /// page's main content, where a screen reader would start).
    fn close_dialog() {
        if let Some(Some((_, dialog))) = with_kiosk(|k| k.dialog.take()) {
            dialog.close();
            dialog.remove();
        }
        let back = with_kiosk(|k| k.return_focus.take()).flatten();
        let back = back.filter(|e| e.is_connected() && e.tag_name() != "BODY");
        let target = back.or_else(|| document().query_selector("#main-content").ok().flatten());
        if let Some(target) = target {
            let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }

    fn show_start() {
        let mut html = Html::new();
        html.push(
            concat!(
                r#"<h2 class="wm-heading-l" id="wm-kiosk-title">{}</h2><p class="wm-body-l" id="wm-kiosk-body">{}</p>"#,
                r#"<button type="button" class="wm-button wm-button--start" data-kiosk="start" autofocus>{}</button>"#,
            ),
            &[&text("kiosk.start_title"), &text("kiosk.start_body"), &text("kiosk.start_button")],
        );
        show(Shown::Start, "dialog", &html.finish());
    }

    fn show_still_there(seconds_left: u32) {
        let timer = format!(r#"<span role="timer" data-kiosk-timer>{seconds_left}</span>"#);
        let body = escape(&text("kiosk.idle_body")).replace("{seconds}", &timer);
        let mut html = Html::new();
        html.push(r#"<h2 class="wm-heading-l" id="wm-kiosk-title">{}</h2>"#, &[&text("kiosk.idle_title")]);
        html.raw(&format!(r#"<p class="wm-body-l" id="wm-kiosk-body">{body}</p>"#));
        html.push(
            concat!(
                r#"<div class="wm-button-group"><button type="button" class="wm-button" data-kiosk="stay" autofocus>{}</button>"#,
                r#"<button type="button" class="wm-button wm-button--secondary" data-kiosk="reset">{}</button></div>"#,
            ),
            &[&text("kiosk.idle_stay"), &text("kiosk.idle_reset")],
        );
        show(Shown::StillThere, "alertdialog", &html.finish());
    }

    fn show_link(href: &str, written: &str) {
        let label = with_kiosk(|k| k.tr.format("kiosk.link_qr", &[("address", written)])).unwrap_or_default();
        let mut html = Html::new();
        html.push(
            concat!(
                r#"<h2 class="wm-heading-l" id="wm-kiosk-title">{}</h2><p class="wm-body" id="wm-kiosk-body">{}</p>"#,
                r#"<p class="wm-kiosk-dialog__address">{}</p>"#,
            ),
            &[&text("kiosk.link_title"), &text("kiosk.link_body"), written],
        );
        if let Some(svg) = qr_svg(href, &label) {
            html.raw(&format!(r#"<div class="wm-qr">{svg}</div>"#));
        }
        html.push(
            r#"<button type="button" class="wm-button" data-kiosk="close" autofocus>{}</button>"#,
            &[&text("kiosk.link_close")],
        );
        show(Shown::Link, "dialog", &html.finish());
    }

    fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
        let element: web_sys::Element = ev.target()?.dyn_into().ok()?;
        element.closest(selector).ok()?
    }

    fn answer(action: &str) {
        match action {
            "reset" => reset(),
            _ => {
                close_dialog();
                with_kiosk(|k| k.last_touch = js_sys::Date::now());
            }
        }
    }

    fn on_click(ev: web_sys::Event) {
        if let Some(button) = closest(&ev, "[data-kiosk]") {
            answer(&button.get_attribute("data-kiosk").unwrap_or_default());
            return;
        }
        // The start screen: a touch anywhere starts.
        if shown() == Some(Shown::Start) {
            return answer("start");
        }
        let Some(link) = closest(&ev, "a[href]") else { return };
        let (Some(href), Ok(Some(base))) = (link.get_attribute("href"), document().base_uri()) else {
            return;
        };
        let Ok(url) = web_sys::Url::new_with_base(&href, &base) else { return };
        // The widget's folder: the base address without any file name.
        let folder = base.rsplit_once('/').map_or(base.as_str(), |(folder, _)| folder);
        if let Some(written) = leaves_widget(&url.href(), &format!("{folder}/")) {
            ev.prevent_default();
            ev.stop_propagation();
            show_link(&url.href(), &written);
        }
    }

    /// Esc answers a dialog the gentle way (start, stay, close) and does not
    /// reach the widget's quick exit, which on a kiosk would reset the screen.
    fn on_escape(ev: web_sys::Event) {
        let escape = ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
        if escape && shown().is_some() {
            ev.prevent_default();
            ev.stop_propagation();
            answer("close");
        }
    }

    fn no_autofill(ev: web_sys::Event) {
        if let Some(field) = closest(&ev, "input, textarea, select") {
            let _ = field.set_attribute("autocomplete", "off");
        }
    }

    /// Removes everything of this person and loads the start page in place of this one.
    fn reset() {
        forget_offline_copies();
        reset_kiosk();
    }
}
