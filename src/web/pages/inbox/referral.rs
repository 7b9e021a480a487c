//! One referral's page: every field of the document as GOV.UK summary
//! lists, readable on screen and on paper.

use leptos::prelude::*;

use crate::core::referral::ReferralDocument;

/// This page's address with `fragment`: a bare `#…` link would resolve
/// against the page's `<base>` (the site's root) and leave the inbox.
pub fn on_this_page(fragment: &str) -> String {
    let here = window().location().href().unwrap_or_default();
    let page = here.split('#').next().unwrap_or_default();
    format!("{page}#{fragment}")
}

/// `2026-12-07T10:05:00Z` as "7 December 2026 at 10:05 UTC".
pub fn when(timestamp: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let number = |range: std::ops::Range<usize>| timestamp.get(range).and_then(|s| s.parse::<usize>().ok());
    match (number(0..4), number(5..7), number(8..10), timestamp.get(11..16)) {
        (Some(y), Some(m @ 1..=12), Some(d), Some(time)) => {
            format!("{d} {} {y} at {time} UTC", MONTHS[m - 1])
        }
        _ => timestamp.to_string(),
    }
}

/// The person's name, and whom the referral is for.
pub fn for_whom(r: &ReferralDocument) -> String {
    match (r.person.referral_for.as_str(), r.person.person_agreed) {
        ("someone-else", Some(true)) => format!("{} (for someone else, who agreed)", r.person.name),
        ("someone-else", _) => format!("{} (for someone else)", r.person.name),
        _ => r.person.name.clone(),
    }
}

fn method(id: &str) -> &str {
    match id {
        "email" => "Email",
        "phone" => "Phone call",
        "text" => "Text message",
        other => other,
    }
}

fn best_time(id: &str) -> &str {
    match id {
        "morning" => "Mornings",
        "afternoon" => "Afternoons",
        "evening" => "Evenings",
        "any" => "Any time",
        other => other,
    }
}

/// How and when to get in touch, in a line.
pub fn contact_summary(r: &ReferralDocument) -> String {
    let methods: Vec<&str> = r.contact.methods.iter().map(|m| method(m)).collect();
    let time = r.contact.best_time.as_deref().map(best_time).unwrap_or("no time given");
    format!("{}, {}", methods.join(", "), time.to_lowercase())
}

fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
        None => "Not answered".into(),
    }
}

fn given(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "Not given".into())
}

/// A summary list of (key, value) rows under a heading.
#[component]
fn Rows(
    heading: &'static str,
    rows: Vec<(&'static str, String)>,
    #[prop(optional)] lang: Option<String>,
) -> impl IntoView {
    view! {
        <h2 class="wm-heading-m">{heading}</h2>
        <dl class="wm-summary-list">
            {rows
                .into_iter()
                .map(|(key, value)| view! {
                    <div class="wm-summary-list__row">
                        <dt class="wm-summary-list__key">{key}</dt>
                        <dd class="wm-summary-list__value" lang=lang.clone()>{value}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}

#[component]
pub fn ReferralPage(referral: ReferralDocument) -> impl IntoView {
    let r = referral;
    // The person's own words are in the language they used the widget in.
    let lang = r.person.language.clone();
    let language = crate::core::i18n::language(&r.person.language)
        .map_or(r.person.language.clone(), |l| l.english_name.to_string());
    let channel = match (r.source.channel.as_str(), &r.source.host) {
        ("embed", Some(host)) => format!("Embedded on {host}"),
        ("embed", None) => "Embedded on another site".into(),
        ("kiosk", _) => "A kiosk (shared screen)".into(),
        _ => "The widget’s own web page".into(),
    };
    let needs: Vec<(&'static str, String)> = r
        .needs
        .iter()
        .map(|n| {
            (
                "Need",
                if n.reasons.is_empty() {
                    n.label.clone()
                } else {
                    format!("{}: {}", n.label, n.reasons.join("; "))
                },
            )
        })
        .collect();
    let mut groups: Vec<(&'static str, String)> = r
        .support_requested
        .services
        .iter()
        .map(|s| {
            (
                "Group",
                match &s.organisation {
                    Some(org) => format!("{}, run by {org} (id {})", s.name, s.id),
                    None => format!("{} (id {})", s.name, s.id),
                },
            )
        })
        .collect();
    if groups.is_empty() {
        groups.push(("Group", "None chosen".into()));
    }
    if let Some(mentor) = &r.support_requested.preferred_mentor {
        groups.push(("Preferred peer mentor", format!("{} (id {})", mentor.first_name, mentor.id)));
    }
    let person = vec![
        ("Name", r.person.name.clone()),
        ("Referral for", for_whom(&r)),
        (
            "They agreed",
            if r.person.referral_for == "someone-else" {
                yes_no(r.person.person_agreed)
            } else {
                "Not asked (for themselves)".into()
            },
        ),
        ("Postcode", given(&r.person.postcode)),
        ("Date of birth", given(&r.person.date_of_birth)),
        ("GP surgery", given(&r.person.gp_surgery)),
        ("Language used", language),
    ];
    let contact = vec![
        ("Ways to get in touch", r.contact.methods.iter().map(|m| method(m)).collect::<Vec<_>>().join(", ")),
        ("Email", given(&r.contact.email)),
        ("Phone", given(&r.contact.phone)),
        (
            "Best time",
            r.contact.best_time.as_deref().map_or("Not given".into(), |t| best_time(t).to_string()),
        ),
        ("May leave a message", yes_no(r.contact.may_leave_message)),
    ];
    let interpreter = vec![
        ("Would like an interpreter", yes_no(r.interpreter.wanted)),
        ("Interpreter’s language", given(&r.interpreter.language)),
    ];
    let mut about = needs;
    about.push(("What matters to them", given(&r.what_matters)));
    about.push(("First visit", given(&r.first_visit)));
    let consent = vec![
        ("Consent given", yes_no(Some(r.consent.given))),
        ("What they agreed to", r.consent.statement.clone()),
        ("When", when(&r.consent.time)),
    ];
    let source = vec![
        ("Reference", r.reference.clone()),
        ("Sent", when(&r.created)),
        ("Made on", channel),
        ("Sent to", r.recipient.clone()),
        ("Referral id", r.referral_id.clone()),
        ("Schema version", r.schema_version.to_string()),
    ];
    // Focus the heading, so a screen reader starts at the referral.
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            let _ = h1.focus();
        }
    });
    view! {
        <a class="wm-back-link wm-no-print" href=on_this_page("inbox-title")>"Back to all referrals"</a>
        <span class="wm-caption">"Referral"</span>
        <h1 class="wm-heading-l" tabindex="-1" node_ref=heading>{r.reference.clone()} " — " {r.person.name.clone()}</h1>
        <Rows heading="The person" rows=person/>
        <Rows heading="How to get in touch" rows=contact/>
        <Rows heading="What would help" rows=about lang/>
        <Rows heading="Asked to join" rows=groups/>
        <Rows heading="Interpreter" rows=interpreter/>
        <Rows heading="Consent" rows=consent/>
        <Rows heading="Where it came from" rows=source/>
        <button type="button" class="wm-button wm-button--secondary wm-no-print" on:click=move |_| { let _ = window().print(); }>
            "Print"
        </button>
    }
}
