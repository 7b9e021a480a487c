//! The referral pages as a module of their own, fetched only when a person
//! asks to be put in touch, so the widget's first download stays small.
//!
//! The widget passes what only it knows as JSON: the config file in use,
//! the person's answers and the groups chosen. The module reads the set-up
//! itself (config and words; the browser has them cached) and draws the
//! pages into the element it is given.

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;
    use waymark::core::config::Config;
    use waymark::core::i18n::{Catalogue, Translator};
    use waymark::core::json::{parse_value, Value};
    use waymark::core::markup::Html;

    async fn fetch(url: &str) -> Option<String> {
        let window = web_sys::window()?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?).await.ok()?.as_string()
    }

    async fn translator(language: &str) -> Translator {
        let english =
            fetch("locales/en.json").await.and_then(|t| Catalogue::parse(&t).ok()).unwrap_or_default();
        let chosen = match language {
            "en" => None,
            other => fetch(&format!("locales/{other}.json")).await.and_then(|t| Catalogue::parse(&t).ok()),
        };
        Translator::new(chosen, english)
    }

    /// Draws the referral into `root`, from the widget's `context`:
    /// `{ "config": url, "answers": json, "services": [ { "id", "name",
    /// "organisation", "mentor_id", "mentor" } ] }`.
    #[wasm_bindgen]
    pub fn open(root: web_sys::Element, context: String) {
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(context) = parse_value(&context) else { return };
            let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_string();
            let config_url = text(&context, "config");
            let Some(config) = fetch(&config_url).await.and_then(|t| Config::parse(&t).ok()) else { return };
            let tr = translator(&config.language).await;
            let mut html = Html::new();
            html.push(
                r#"<p class="wm-body">{}</p><ul class="wm-list wm-list--bullet">"#,
                &[&tr.text("refer.chosen")],
            );
            for service in context.get("services").and_then(Value::as_array).into_iter().flatten() {
                let (name, mentor) = (text(service, "name"), text(service, "mentor"));
                let line = if mentor.is_empty() {
                    name
                } else {
                    tr.format("refer.with_mentor", &[("service", &name), ("mentor", &mentor)])
                };
                html.push("<li>{}</li>", &[&line]);
            }
            let organisation = &config.organisation;
            let call = tr.format(
                "refer.call",
                &[("organisation", &organisation.name), ("phone", &organisation.phone)],
            );
            html.push(
                r#"</ul><p class="wm-body">{}</p><p class="wm-body">{}</p>"#,
                &[&tr.text("coming_soon.body"), &call],
            );
            root.set_inner_html(&html.finish());
        });
    }
}
