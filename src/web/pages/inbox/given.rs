//! Giving the inbox what the endpoint received: files, or pasted text; and
//! what could not be opened, each named, with the rest kept open.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::platform::files::read_chosen;
use crate::web::state::inbox::{InboxState, Problem};

#[component]
pub fn GivenSection(inbox: InboxState) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let open_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            for (name, text) in read_chosen(&input).await {
                // A file that cannot be read is a file with no referral in it, said so by name.
                inbox.give(name, text.unwrap_or_default()).await;
            }
        });
    };
    let open_pasted = move |_| {
        let text = pasted.get_untracked();
        spawn_local(async move { inbox.give("Pasted text".into(), text).await });
    };
    view! {
        <h2 class="wm-heading-m">"2. Open referrals"</h2>
        <Problems problems=Signal::derive(move || inbox.problems())/>
        <div class="wm-form-group">
            <label class="wm-label" for="inbox-referrals">"Referral files"</label>
            <div class="wm-hint" id="inbox-referrals-hint">
                "What your form service, webhook or mailbox received: saved JSON or form bodies, "
                "emails (.eml or text), or files of several. You can choose many files at once."
            </div>
            <input
                class="wm-input"
                type="file"
                id="inbox-referrals"
                multiple
                aria-describedby="inbox-referrals-hint"
                on:change=open_files
            />
        </div>
        <div class="wm-form-group">
            <label class="wm-label" for="inbox-paste">"Or paste what you received"</label>
            <textarea
                class="wm-textarea"
                id="inbox-paste"
                rows="5"
                on:input=move |ev| pasted.set(event_target_value(&ev))
                prop:value=move || pasted.get()
            ></textarea>
        </div>
        <button type="button" class="wm-button wm-button--secondary" on:click=open_pasted>
            "Open pasted text"
        </button>
    }
}

/// The problems, GOV.UK error summary style, each naming its file.
#[component]
fn Problems(problems: Signal<Vec<Problem>>) -> impl IntoView {
    view! {
        <Show when=move || !problems.with(Vec::is_empty)>
            <div class="wm-error-summary" id="inbox-problems" role="alert">
                <h3 class="wm-error-summary__title">"Some of what you opened could not be read"</h3>
                <ul class="wm-list wm-error-summary__list">
                    <For
                        each=move || problems.get()
                        key=|p| (p.source.clone(), p.message.clone())
                        children=|p| view! { <li><strong>{p.source}</strong>" "{p.message}</li> }
                    />
                </ul>
            </div>
        </Show>
    }
}
