//! The browser half of `cargo xtask bench`: ranking time per query in
//! WebAssembly, as the widget runs it. xtask builds this, serves it beside
//! synthetic directories and reads the table it writes into the page.
//! A native build has nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(browser::run());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use waymark::core::directory::Directory;
    use waymark::core::geo::LatLon;
    use waymark::core::questions::{Answer, Answers, QuestionSet};
    use waymark::core::ranking::{rank_top, Filters};
    use waymark::core::tiles::held_near;

    const SHOWN: usize = 50;

    async fn fetch(url: &str) -> String {
        let window = web_sys::window().unwrap();
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str(url)).await.unwrap().unchecked_into();
        JsFuture::from(response.text().unwrap()).await.unwrap().as_string().unwrap()
    }

    /// Milliseconds per call of `f`, over at least half a second of calls.
    fn per_call(mut f: impl FnMut() -> usize) -> f64 {
        let start = js_sys::Date::now();
        let mut calls = 0u32;
        let mut sink = 0;
        while calls < 3 || js_sys::Date::now() - start < 500.0 {
            sink += f();
            calls += 1;
        }
        std::hint::black_box(sink);
        (js_sys::Date::now() - start) / f64::from(calls)
    }

    fn show(text: &str, done: bool) {
        let body = web_sys::window().unwrap().document().unwrap().body().unwrap();
        body.set_text_content(Some(text));
        if done {
            body.set_attribute("data-done", "").unwrap();
        }
    }

    pub async fn run() {
        let set = QuestionSet::parse(&fetch("questions.json").await).unwrap();
        let mut answers = Answers::default();
        answers.set("topics", Some(Answer::Choices(vec!["loneliness".into(), "getting-active".into()])));
        let profile = set.profile(&answers);
        let taunton = LatLon::new(51.0158, -3.0783);
        let filtered = Filters { free_only: true, days: vec![1], ..Filters::default() };
        let mut table = String::new();
        for count in [1_000, 10_000, 100_000] {
            show(&format!("{table}running {count}…"), false);
            let text = fetch(&format!("synthetic-{count}.json")).await;
            let started = js_sys::Date::now();
            let directory = Directory::parse(&text).unwrap();
            let parse = js_sys::Date::now() - started;
            let local = held_near(&directory.services, taunton);
            let all = &directory.services;
            let whole = per_call(|| rank_top(all, &profile, Some(taunton), &Filters::default(), SHOWN).total);
            let whole_filtered = per_call(|| rank_top(all, &profile, Some(taunton), &filtered, SHOWN).total);
            let tiled =
                per_call(|| rank_top(&local, &profile, Some(taunton), &Filters::default(), SHOWN).total);
            let tiled_filtered =
                per_call(|| rank_top(&local, &profile, Some(taunton), &filtered, SHOWN).total);
            table.push_str(&format!(
                "| {count} | {parse:.0} ms | {whole:.2} ms | {whole_filtered:.2} ms | {tiled:.3} ms ({}) | {tiled_filtered:.3} ms |\n",
                local.len()
            ));
        }
        show(&table, true);
    }
}
