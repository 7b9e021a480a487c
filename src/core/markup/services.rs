use crate::core::directory::{Attendance, Service};
use crate::core::geo::LatLon;
use crate::core::i18n::Translator;
use crate::core::links::{mailto_href, tel_href, web_href};
use crate::core::markup::Html;
use crate::core::ranking::Ranked;
use crate::core::route::Route;
use crate::core::schedule::in_words;
use crate::core::tiles::page_id;

fn attendance(service: &Service, tr: &Translator) -> Option<String> {
    service.attendance.map(|a| {
        tr.text(match a {
            Attendance::InPerson => "service.in_person",
            Attendance::Online => "service.online",
            Attendance::Phone => "service.phone",
        })
    })
}

/// "1.2 miles away · about a 25 minute walk", or for online and phone
/// services "No need to travel".
fn how_far(item: &Ranked, tr: &Translator) -> Option<String> {
    if item.is_remote() {
        return Some(tr.text("service.no_travel"));
    }
    let distance = item.distance?;
    let miles = distance.miles_text();
    let mut text = if miles == "1" {
        tr.text("service.one_mile")
    } else {
        tr.format("service.miles", &[("miles", &miles)])
    };
    text.push_str(" · ");
    text.push_str(&match distance.walk_minutes {
        Some(walk) => tr.format("service.walk", &[("minutes", &walk.to_string())]),
        None => tr.format("service.drive", &[("minutes", &distance.drive_minutes.to_string())]),
    });
    Some(text)
}

/// A list of services as cards linking to their pages, with how far each is
/// when the person has said where they are.
///
/// ```
/// use waymark::core::directory::Directory;
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// use waymark::core::markup::services_list;
/// use waymark::core::ranking::{rank, Filters};
/// let dir = Directory::parse(r#"[ { "id": "walk-1", "name": "Park <walk>" } ]"#).unwrap();
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// let ranked = rank(&dir.services, &Default::default(), None, &Filters::default());
/// let html = services_list(&ranked, &tr, "/", false);
/// assert!(html.contains(r#"<a href="/group/walk-1">Park &lt;walk&gt;</a>"#));
/// ```
/// With a `tiled` directory, links carry the group's tile (see `tiles::page_id`).
pub fn services_list(items: &[Ranked], tr: &Translator, base: &str, tiled: bool) -> String {
    let mut html = Html::new();
    html.push(r#"<ul class="wm-card-list">"#, &[]);
    for item in items {
        let service = item.service;
        let href = Route::Group(page_id(service, tiled)).path(base);
        let facts: Vec<String> =
            [service.organisation.clone(), service.town().map(str::to_string), attendance(service, tr)]
                .into_iter()
                .flatten()
                .chain(service.is_free().then(|| tr.text("service.free")))
                .collect();
        html.push(
            r#"<li class="wm-card"><h3 class="wm-card__heading"><a href="{}">{}</a></h3><p class="wm-body wm-card__facts">{}</p>"#,
            &[&href, &service.name, &facts.join(" · ")],
        );
        if let Some(far) = how_far(item, tr) {
            html.push(r#"<p class="wm-body wm-card__distance">{}</p>"#, &[&far]);
        }
        html.push("</li>", &[]);
    }
    html.push("</ul>", &[]);
    html.finish()
}

/// A coordinate to five decimal places (about a metre), without float
/// formatting, which is large in wasm. Total: `as` saturates, and the
/// magnitude is taken unsigned, so even `i64::MIN` has one.
fn coordinate(value: f64) -> String {
    let scaled = (value * 100_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    format!("{sign}{}.{:05}", magnitude / 100_000, magnitude % 100_000)
}

/// Directions from wherever the person is, on OpenStreetMap (a link they
/// choose to follow; nothing is requested from there until they do).
///
/// ```
/// use waymark::core::geo::LatLon;
/// use waymark::core::markup::directions_url;
/// assert_eq!(
///     directions_url(LatLon::new(51.0158, -3.1)),
///     "https://www.openstreetmap.org/directions?to=51.01580%2C-3.10000"
/// );
/// ```
pub fn directions_url(at: LatLon) -> String {
    format!("https://www.openstreetmap.org/directions?to={}%2C{}", coordinate(at.lat), coordinate(at.lon))
}

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

/// "2026-09-14" (or a longer timestamp) → "14 September 2026"; anything
/// else is shown as published.
///
/// ```
/// use waymark::core::markup::date_in_words;
/// assert_eq!(date_in_words("2026-09-04T10:00:00Z"), "4 September 2026");
/// assert_eq!(date_in_words("last spring"), "last spring");
/// ```
pub fn date_in_words(date: &str) -> String {
    // ASCII digits only ("+202" and full-width digits are not a year), and
    // `get`, which gives `None` rather than slicing inside a character.
    let number = |range: std::ops::Range<usize>| {
        date.get(range)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<usize>().ok())
    };
    match (number(0..4), date.get(4..5), number(5..7), number(8..10)) {
        (Some(year), Some("-"), Some(month @ 1..=12), Some(day @ 1..=31)) => {
            format!("{day} {} {year}", MONTHS[month - 1])
        }
        _ => date.to_string(),
    }
}

/// One summary-list row with one or more lines of text; empty rows are left out.
fn row(html: &mut Html, key: &str, values: &[String]) {
    if values.iter().all(String::is_empty) {
        return;
    }
    open_row(html, key);
    for (i, value) in values.iter().filter(|v| !v.is_empty()).enumerate() {
        html.push(if i > 0 { "<br>{}" } else { "{}" }, &[value]);
    }
    html.push("</dd></div>", &[]);
}

fn open_row(html: &mut Html, key: &str) {
    html.push(
        r#"<div class="wm-summary-list__row"><dt class="wm-summary-list__key">{}</dt><dd class="wm-summary-list__value">"#,
        &[key],
    );
}

fn link(html: &mut Html, href: &str, text: &str) {
    html.push(r#"<a href="{}">{}</a><br>"#, &[href, text]);
}

/// A link when there is an `href`, else the text on its own line.
fn link_or_text(html: &mut Html, href: Option<&str>, text: &str) {
    match href {
        Some(href) => link(html, href, text),
        None => {
            html.push("{}<br>", &[text]);
        }
    }
}

/// Everything a person needs to judge a group before going: what happens,
/// who it is for, when, where (with directions), cost, access, languages,
/// contact, and when the listing was last checked; and a scheme's peer
/// mentors, each with a button (`data-mentor`) to ask for them when
/// `actions` is set.
pub fn service_details(service: &Service, tr: &Translator, actions: bool) -> String {
    let mut html = Html::new();
    if let Some(description) = &service.description {
        html.push(r#"<p class="wm-body-l">{}</p>"#, &[description]);
    }
    html.push(r#"<dl class="wm-summary-list">"#, &[]);
    let (min, max) = (service.min_age.map(|a| a.to_string()), service.max_age.map(|a| a.to_string()));
    let ages = match (&min, &max) {
        (Some(min), None) => tr.format("service.age_from", &[("min", min)]),
        (Some(min), Some(max)) => tr.format("service.age_range", &[("min", min), ("max", max)]),
        _ => String::new(),
    };
    row(&mut html, &tr.text("service.what_happens"), &[service.first_session.clone().unwrap_or_default()]);
    row(&mut html, &tr.text("service.who_for"), &[service.who_for.clone().unwrap_or_default(), ages]);
    row(&mut html, &tr.text("service.when"), &service.schedules.iter().map(in_words).collect::<Vec<_>>());
    let located: Vec<_> =
        service.locations.iter().filter(|l| !l.address.is_empty() || l.at.is_some()).collect();
    if service.attendance.is_some() || !located.is_empty() {
        open_row(&mut html, &tr.text("service.where"));
        if let Some(how) = attendance(service, tr) {
            html.push("{}<br>", &[&how]);
        }
        for location in located {
            for line in location.name.iter().chain(&location.address).chain(&location.postcode) {
                html.push("{}<br>", &[line]);
            }
            if let Some(at) = location.at {
                let place = location.name.as_deref().or(location.address.first().map(String::as_str));
                let text = tr.format("service.directions", &[("place", place.unwrap_or(&service.name))]);
                link(&mut html, &directions_url(at), &text);
            }
        }
        html.push("</dd></div>", &[]);
    }
    let costs: Vec<String> = service
        .costs
        .iter()
        .map(|c| match (c.amount, &c.description) {
            (Some(0.0), _) => tr.text("service.free"),
            (_, Some(d)) => d.clone(),
            (Some(a), None) => pounds(a),
            (None, None) => c.option.clone().unwrap_or_default(),
        })
        .collect();
    row(&mut html, &tr.text("service.cost"), &costs);
    let access: Vec<String> =
        service.locations.iter().flat_map(|l| l.accessibility.iter().cloned()).collect();
    row(&mut html, &tr.text("service.access"), &access);
    row(&mut html, &tr.text("service.languages"), &[service.languages.join(", ")]);
    // Links only from values that are plainly a number, an address or a web
    // address (see `core::links`); other numbers and addresses are shown as
    // text, and a "website" that is not a web address is left out.
    let website = service.url.as_deref().and_then(web_href);
    if !service.phones.is_empty() || service.email.is_some() || website.is_some() {
        open_row(&mut html, &tr.text("service.contact"));
        for phone in &service.phones {
            link_or_text(&mut html, tel_href(phone).as_deref(), phone);
        }
        if let Some(email) = &service.email {
            link_or_text(&mut html, mailto_href(email).as_deref(), email);
        }
        if let Some(url) = website {
            link(&mut html, url, url);
        }
        html.push("</dd></div>", &[]);
    }
    let checked = service.last_checked.as_deref().map(date_in_words).unwrap_or_default();
    row(&mut html, &tr.text("service.last_checked"), &[checked]);
    html.push("</dl>", &[]);
    if !service.mentors.is_empty() {
        html.push(
            r#"<h2 class="wm-heading-m">{}</h2><p class="wm-body">{}</p><ul class="wm-card-list">"#,
            &[&tr.text("service.mentors"), &tr.text("service.mentors_intro")],
        );
        for mentor in &service.mentors {
            html.push(r#"<li class="wm-card"><h3 class="wm-card__heading">{}</h3>"#, &[&mentor.first_name]);
            for (label, value) in [
                ("service.mentor_experience", mentor.lived_experience.clone().unwrap_or_default()),
                ("service.mentor_interests", mentor.interests.join(", ")),
                ("service.mentor_languages", mentor.languages.join(", ")),
                ("service.mentor_availability", mentor.availability.clone().unwrap_or_default()),
            ] {
                if !value.is_empty() {
                    html.push(r#"<p class="wm-body"><strong>{}</strong> {}</p>"#, &[&tr.text(label), &value]);
                }
            }
            if actions {
                let ask = tr.format("service.ask_named_mentor", &[("name", &mentor.first_name)]);
                html.push(
                    r#"<button type="button" class="wm-button wm-button--secondary" data-mentor="{}">{}</button>"#,
                    &[&mentor.id, &ask],
                );
            }
            html.push("</li>", &[]);
        }
        html.push("</ul>", &[]);
    }
    html.finish()
}

/// The largest amount [`pounds`] writes: beyond it no amount is a price.
const MOST_POUNDS: f64 = 1e12;

/// `£2.50` from 2.5, without float formatting (which is large in wasm).
/// Total: a negative amount has its sign in front (`-£2.50`, never
/// `£-2.-50`), and one that is not a number, or beyond a trillion pounds,
/// gives an empty string, so nothing misleading is shown. (The directory
/// reader already drops any amount that is not a price.)
///
/// ```
/// use waymark::core::markup::pounds;
/// assert_eq!(pounds(2.5), "£2.50");
/// assert_eq!(pounds(5.0), "£5.00");
/// assert_eq!(pounds(-2.5), "-£2.50");
/// assert_eq!(pounds(f64::NAN), "");
/// assert_eq!(pounds(1e300), "");
/// ```
pub fn pounds(amount: f64) -> String {
    if !(-MOST_POUNDS..=MOST_POUNDS).contains(&amount) {
        return String::new();
    }
    // Within a trillion pounds, pence fit a u64 exactly.
    let pence = (amount.abs() * 100.0).round() as u64;
    let sign = if amount < 0.0 && pence > 0 { "-" } else { "" };
    format!("{sign}£{}.{:02}", pence / 100, pence % 100)
}
