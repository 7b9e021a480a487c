// The referral inbox, built as its own bundle (src/bin/inbox.html) so that
// none of its code is in what the public pages load.
fn main() {
    #[cfg(target_arch = "wasm32")]
    waymark::web::mount_inbox();
}
