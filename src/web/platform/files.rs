//! Files the person chooses and files saved to their device, for the
//! inbox: nothing here touches the network.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The files chosen in a file input, by name and text (read as UTF-8).
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Vec<(String, Result<String, String>)> {
    let mut read = Vec::new();
    let Some(list) = input.files() else { return read };
    let files: Vec<gloo_file::File> = gloo_file::FileList::from(list).iter().cloned().collect();
    for file in files {
        let text = gloo_file::futures::read_as_text(&file).await.map_err(|e| e.to_string());
        read.push((file.name(), text));
    }
    // Choosing the same file again is a new choice.
    input.set_value("");
    read
}

/// Offers `content` as a download named `name`, the way a link with
/// `download` does; the address is let go of a minute later.
pub fn save_file(name: &str, mime: &str, content: &str) {
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(content, Some(mime)));
    let Ok(link) = document().create_element("a") else { return };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    set_timeout(move || drop(url), std::time::Duration::from_secs(60));
}
