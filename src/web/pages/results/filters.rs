//! The filter controls. The list is ranked again on every change, so there
//! is no button to find; the controls are drawn once, showing the filters
//! chosen earlier in the visit, so a change never moves focus.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::describe::{chosen, day_choices, language_choices, time_choices, Choice};
use crate::core::ranking::{languages, Filters};
use crate::core::schedule::LocalTime;
use crate::web::platform::dom::{event_form, form_values, is_wide_screen, unix_seconds};
use crate::web::state::setup::Setup;
use crate::web::state::use_app;
use crate::web::state::words::{t, use_words};

const FILTER_FIELDS: [&str; 7] = ["free", "open_now", "step_free", "remote", "day", "time", "language"];

/// The filters sit behind a "Filter" control that says how many are on
/// (GOV.UK's filter pattern): folded on a phone, so the groups come first,
/// and open on a wider screen or when a filter is already on.
#[component]
pub fn FiltersForm(setup: Arc<Setup>, filters_on: Memo<usize>) -> impl IntoView {
    let nearby = use_app().nearby;
    let words = use_words();
    // Grows as a tiled directory's tiles arrive.
    let languages = Memo::new(move |_| nearby.with_services(&setup, languages));
    let filters = nearby.filters.get_untracked();
    let (day, time, language) = chosen(&filters);
    let on_change = move |ev: web_sys::Event| {
        let Some(form) = event_form(&ev) else { return };
        let fields = FILTER_FIELDS
            .iter()
            .flat_map(|name| form_values(&form, name).into_iter().map(|v| (name.to_string(), v)));
        nearby.filters.set(Filters::from_form(fields, LocalTime::uk(unix_seconds())));
    };
    let days = words.with(day_choices);
    let times = words.with(time_choices);
    let language_choices =
        Signal::derive(move || languages.with(|l| words.with(|tr| language_choices(l, tr))));
    let open = is_wide_screen() || filters.count_on() > 0;
    let toggle = move || match filters_on.get() {
        0 => words.t("filters.toggle"),
        n => words.tf("filters.toggle_on", &[("count", &n.to_string())]),
    };
    view! {
        <details class="wm-details wm-filter-panel" open=open>
        <summary>{toggle}</summary>
        <form class="wm-filters" novalidate on:change=on_change on:submit=|ev| ev.prevent_default()>
            <fieldset class="wm-fieldset">
                <legend class="wm-fieldset__legend wm-heading-s">{t("filters.legend")}</legend>
                <div class="wm-choices">
                    <Checkbox name="free" label=t("filters.free") checked=filters.free_only/>
                    <Checkbox name="open_now" label=t("filters.open_now") checked=filters.open_at.is_some()/>
                    <Checkbox name="step_free" label=t("filters.step_free") checked=filters.step_free/>
                    <Checkbox name="remote" label=t("filters.remote") checked=filters.remote_only/>
                </div>
                <Select name="day" label=t("filters.day") choices=days chosen=day/>
                <Select name="time" label=t("filters.time") choices=times chosen=time.to_string()/>
                <Show when=move || languages.with(|l| !l.is_empty())>
                    <Select
                        name="language"
                        label=t("filters.language")
                        choices=language_choices
                        chosen=language.clone()
                    />
                </Show>
            </fieldset>
        </form>
        </details>
    }
}

/// A ticked-or-not filter, `name=yes` when ticked (GOV.UK checkbox).
#[component]
fn Checkbox(name: &'static str, label: String, checked: bool) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="wm-choice">
            <input class="wm-choice__input" id=id.clone() name=name type="checkbox" value="yes" checked=checked/>
            <label class="wm-label wm-choice__label" for=id>{label}</label>
        </div>
    }
}

/// A drop-down list of `choices`, with the one valued `chosen` selected.
#[component]
fn Select(
    name: &'static str,
    label: String,
    #[prop(into)] choices: Signal<Vec<Choice>>,
    chosen: String,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let option = move |choice: Choice| {
        let selected = choice.value == chosen;
        view! { <option value=choice.value selected=selected>{choice.text}</option> }
    };
    view! {
        <div class="wm-form-group">
            <label class="wm-label" for=id.clone()>{label}</label>
            <select class="wm-select" id=id name=name>
                <For each=move || choices.get() key=|choice| choice.value.clone() children=option/>
            </select>
        </div>
    }
}
