//! The browser's own CLDR plural rules (`Intl.PluralRules`), which every
//! engine the widget supports has: the wasm need not carry a copy.

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// The CLDR cardinal plural category of `count` (digits, decimals allowed:
/// `"1.0"` keeps its visible decimal, which some languages' rules read) in
/// `language`; `other` where the browser cannot tell.
pub fn plural_category(language: &str, count: &str) -> &'static str {
    // serde_json's number reader, already in the download, not `str::parse`
    // (which would add 15 KB): counts are digits, as JSON writes them.
    let Ok(number) = serde_json::from_str::<f64>(count.trim()) else { return "other" };
    let decimals = count.trim().split_once('.').map_or(0, |(_, fraction)| fraction.len().min(20));
    let options = Object::new();
    let _ = Reflect::set(&options, &"minimumFractionDigits".into(), &JsValue::from(decimals as u32));
    let locales = Array::of1(&JsValue::from_str(language));
    let rules = Intl::PluralRules::new(&locales, &options);
    match rules.select(number).as_string().as_deref() {
        Some("zero") => "zero",
        Some("one") => "one",
        Some("two") => "two",
        Some("few") => "few",
        Some("many") => "many",
        _ => "other",
    }
}
