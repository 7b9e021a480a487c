//! Opening the private key, locking, and making a new key pair.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::platform::files::{read_chosen, save_file};
use crate::web::state::inbox::InboxState;

#[component]
pub fn KeySection(inbox: InboxState) -> impl IntoView {
    let open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            for (name, text) in read_chosen(&input).await {
                match text {
                    Ok(text) => inbox.open_key_file(name, text).await,
                    Err(e) => inbox.key_problem.set(Some(format!("{name}: could not be read ({e})"))),
                }
            }
        });
    };
    let kids = move || inbox.keys.with(|keys| keys.iter().map(|k| k.kid.clone()).collect::<Vec<_>>());
    view! {
        <h2 class="wm-heading-m">"1. Open your key"</h2>
        <div class="wm-form-group" class:wm-form-group--error=move || inbox.key_problem.with(Option::is_some)>
            <label class="wm-label" for="inbox-key">"Private key file"</label>
            <div class="wm-hint" id="inbox-key-hint">
                "The file ending .private.jwk.json that was saved when the key was made. "
                "It stays in this browser: it is never uploaded or stored."
            </div>
            {move || inbox.key_problem.get().map(|problem| view! {
                <p class="wm-error-message" id="inbox-key-error">
                    <span class="wm-visually-hidden">"Error: "</span>{problem}
                </p>
            })}
            <input
                class="wm-input"
                type="file"
                id="inbox-key"
                multiple
                accept=".json,.jwk,application/json"
                aria-describedby=move || {
                    if inbox.key_problem.with(Option::is_some) { "inbox-key-hint inbox-key-error" } else { "inbox-key-hint" }
                }
                on:change=open
            />
        </div>
        <Show when=move || !kids().is_empty()>
            <div class="wm-inset" role="status">
                <p class="wm-body">"Open keys: " {move || kids().join(", ")}</p>
            </div>
            <button type="button" class="wm-button wm-button--secondary" on:click=move |_| inbox.lock()>
                "Lock"
            </button>
            <p class="wm-hint">"Lock forgets the keys and closes every referral opened here."</p>
        </Show>
        <NewKeyPairDetails inbox/>
    }
}

/// Making a key pair with one button: the private key saved as a file,
/// the public key shown for `config.json`.
#[component]
fn NewKeyPairDetails(inbox: InboxState) -> impl IntoView {
    view! {
        <details class="wm-details">
            <summary>"Make a new key pair"</summary>
            <div>
                <p class="wm-body">
                    "Make one key pair for your service. Put its public key in the widget’s config.json; "
                    "keep the private key file safe. "
                    <strong>"If the private key file is lost, every referral sealed to it is lost too: nobody can open them."</strong>
                </p>
                <p class="wm-body">
                    "Keep a second copy away from this computer, such as on an encrypted USB stick in a locked "
                    "drawer, or in your organisation’s password manager. Never email it, and never put it on the "
                    "web host or in config.json."
                </p>
                <button type="button" class="wm-button" on:click=move |_| spawn_local(inbox.make_key_pair())>
                    "Make a key pair"
                </button>
                {move || inbox.new_pair.get().map(|pair| {
                    let file = format!("{}.private.jwk.json", pair.kid);
                    let private = pair.private_jwk.clone();
                    let snippet = format!("\"public_key\": {}", pair.public_jwk);
                    view! {
                        <div class="wm-panel" role="status">
                            <p class="wm-body">"Key " <strong>{pair.kid.clone()}</strong> " is made, and open in this inbox."</p>
                        </div>
                        <button
                            type="button"
                            class="wm-button"
                            on:click=move |_| save_file(&file, "application/jwk+json", &private)
                        >
                            "Save the private key file"
                        </button>
                        <div class="wm-form-group">
                            <label class="wm-label" for="inbox-public-key">"Public key, for config.json"</label>
                            <div class="wm-hint" id="inbox-public-key-hint">
                                "Put this inside \"referral\" in config.json. It can only seal referrals, not open them."
                            </div>
                            <textarea
                                class="wm-textarea wm-code"
                                id="inbox-public-key"
                                rows="9"
                                readonly
                                aria-describedby="inbox-public-key-hint"
                                prop:value=snippet
                            ></textarea>
                        </div>
                    }
                })}
            </div>
        </details>
    }
}
