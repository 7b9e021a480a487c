//! The browser's own idea of where the person is; it never leaves the device.

use leptos::prelude::window;
use wasm_bindgen::prelude::*;

use crate::core::geo::LatLon;

/// Asks the browser where the person is; `done` gets `None` if they refuse
/// or it cannot tell. Low accuracy is enough and spares the battery.
pub fn locate_device(done: impl Fn(Option<LatLon>) + 'static) {
    let Ok(geolocation) = window().navigator().geolocation() else {
        done(None);
        return;
    };
    let done = std::rc::Rc::new(done);
    let on_error = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| done(None))
    };
    let on_success = Closure::once_into_js(move |position: web_sys::Position| {
        let coords = position.coords();
        done(Some(LatLon::new(coords.latitude(), coords.longitude())).filter(|at| at.is_in_uk_bounds()))
    });
    let options = web_sys::PositionOptions::new();
    options.set_timeout(10_000);
    options.set_maximum_age(600_000);
    let _ = geolocation.get_current_position_with_error_callback_and_options(
        on_success.unchecked_ref(),
        Some(on_error.unchecked_ref()),
        &options,
    );
}
