//! The map's code, loaded only when the person asks for a map, and which
//! maps app a directions link should open. The map itself is drawn by
//! `map.js` beside this file (Leaflet and protomaps-leaflet, bundled by the
//! build into a content-hashed file the start page names but never fetches).

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core::directions::Platform;
use crate::core::geo::LatLon;

/// Whose maps app a directions link opens on this device.
pub fn platform() -> Platform {
    let navigator = window().navigator();
    let touch = Reflect::get(&navigator, &"maxTouchPoints".into()).ok().and_then(|n| n.as_f64());
    Platform::from_browser(&navigator.user_agent().unwrap_or_default(), touch.unwrap_or(0.0) as u32)
}

/// What the map shows, and what its markers and keys do.
pub struct MapRequest {
    pub basemap: String,
    pub attribution: String,
    /// A cluster's name, with `{count}` and `{names}`.
    pub cluster: String,
    /// Where the person searched from, named.
    pub search: Option<(LatLon, String)>,
    /// Each group's name and place; a marker's index is what `open` is given.
    pub groups: Vec<(String, LatLon)>,
    pub open: Box<dyn Fn(usize)>,
    /// Where Escape in the map returns focus.
    pub button: web_sys::HtmlElement,
}

/// Loads the map's code (once a visit) and draws the map in `element`, in
/// place of any map drawn there before. Fails, with the map left undrawn, if
/// the code or the basemap cannot be had or the basemap is not a PMTiles file.
pub async fn draw_map(element: &web_sys::HtmlElement, request: MapRequest) -> Result<(), JsValue> {
    let maps = load_code().await?;
    let point = |at: LatLon, name: &str| {
        let point = Object::new();
        for (key, value) in [("lat", at.lat.into()), ("lon", at.lon.into()), ("name", name.into())] {
            let _ = Reflect::set(&point, &JsValue::from_str(key), &value);
        }
        point
    };
    let groups: Array = request
        .groups
        .iter()
        .enumerate()
        .map(|(i, (name, at))| {
            let group = point(*at, name);
            let _ = Reflect::set(&group, &"id".into(), &(i as u32).into());
            group
        })
        .collect();
    let options = Object::new();
    let open = request.open;
    let fields: [(&str, JsValue); 7] = [
        ("basemap", request.basemap.as_str().into()),
        ("attribution", request.attribution.as_str().into()),
        ("cluster", request.cluster.as_str().into()),
        ("search", request.search.map_or(JsValue::NULL, |(at, name)| point(at, &name).into())),
        ("groups", groups.into()),
        ("open", Closure::<dyn Fn(u32)>::new(move |i: u32| open(i as usize)).into_js_value()),
        ("button", request.button.into()),
    ];
    for (key, value) in fields {
        Reflect::set(&options, &JsValue::from_str(key), &value)?;
    }
    let drawn = call(&maps, "open", &Array::of2(element, &options))?;
    JsFuture::from(Promise::from(drawn)).await.map(drop)
}

/// Takes away the map drawn in `element`, if there is one.
pub fn remove_map(element: &web_sys::HtmlElement) {
    if let Some(maps) = loaded_code() {
        let _ = call(&maps, "remove", &Array::of1(element));
    }
}

fn loaded_code() -> Option<JsValue> {
    Reflect::get(&window(), &"waymarkMap".into()).ok().filter(JsValue::is_object)
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    Reflect::get(target, &method.into())?.dyn_into::<Function>()?.apply(target, args)
}

/// The map's code, as `map.js` leaves it on the window once its script has run.
async fn load_code() -> Result<JsValue, JsValue> {
    if let Some(maps) = loaded_code() {
        return Ok(maps);
    }
    // The build names the code on the boot script (tests/support/map-bundle.mjs).
    let src = document()
        .query_selector("script[data-waymark-map]")?
        .and_then(|boot| boot.get_attribute("data-waymark-map"))
        .ok_or("this build has no map code")?;
    let script: web_sys::HtmlElement = document().create_element("script")?.unchecked_into();
    script.set_attribute("type", "module")?;
    script.set_attribute("src", &src)?;
    let ran = Promise::new(&mut |done, failed| {
        script.set_onload(Some(&done));
        script.set_onerror(Some(&failed));
    });
    document().head().ok_or("no head")?.append_child(&script)?;
    JsFuture::from(ran).await?;
    loaded_code().ok_or_else(|| "the map code did not start".into())
}
