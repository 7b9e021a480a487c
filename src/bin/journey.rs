// The journey bundle's entry: the same app as `src/main.rs`, built with the
// `journey` feature, so it has every page. The first bundle hands over to it.
fn main() {
    #[cfg(target_arch = "wasm32")]
    waymark::web::mount();
}
