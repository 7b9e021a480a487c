// The browser build mounts the widget; a native build has nothing to run
// (the core is exercised by `cargo test`).
fn main() {
    #[cfg(target_arch = "wasm32")]
    waymark::web::mount();
}
