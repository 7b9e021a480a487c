use crate::core::directory::{Attendance, Service};
use crate::core::markup::Html;
use crate::core::route::Route;

/// Interface words the service markup needs, in the person's language.
pub struct ServiceWords {
    pub in_person: String,
    pub online: String,
    pub phone: String,
    pub free: String,
    pub what_happens: String,
    pub who_for: String,
    pub when: String,
    pub where_: String,
    pub cost: String,
    pub access: String,
    pub languages: String,
    pub contact: String,
    pub last_checked: String,
    pub mentors: String,
    pub mentor_experience: String,
    pub mentor_interests: String,
    pub mentor_languages: String,
    pub mentor_availability: String,
}

fn attendance(service: &Service, words: &ServiceWords) -> Option<String> {
    service.attendance.map(|a| match a {
        Attendance::InPerson => words.in_person.clone(),
        Attendance::Online => words.online.clone(),
        Attendance::Phone => words.phone.clone(),
    })
}

/// A list of services as cards linking to their pages.
///
/// ```
/// use waymark::core::directory::Directory;
/// use waymark::core::markup::{services_list, ServiceWords};
/// let dir = Directory::parse(r#"[ { "id": "walk-1", "name": "Park <walk>" } ]"#).unwrap();
/// let words = ServiceWords { in_person: "In person".into(), ..ServiceWords::empty() };
/// let html = services_list(&dir.services.iter().collect::<Vec<_>>(), &words, "/");
/// assert!(html.contains(r#"<a href="/group/walk-1">Park &lt;walk&gt;</a>"#));
/// ```
pub fn services_list(services: &[&Service], words: &ServiceWords, base: &str) -> String {
    let mut html = Html::new();
    html.open("ul", &[("class", Some("wm-card-list"))]);
    for service in services {
        let href = Route::Group(service.id.clone()).path(base);
        html.open("li", &[("class", Some("wm-card"))]).open("h3", &[("class", Some("wm-card__heading"))]);
        html.open("a", &[("href", Some(&href))]).text(&service.name).close("a").close("h3");
        let facts: Vec<String> =
            [service.organisation.clone(), service.town().map(str::to_string), attendance(service, words)]
                .into_iter()
                .flatten()
                .chain(service.is_free().then(|| words.free.clone()))
                .collect();
        html.element("p", "wm-body wm-card__facts", &facts.join(" · ")).close("li");
    }
    html.close("ul");
    html.finish()
}

/// Everything a person needs to judge a group before going: what happens,
/// who it is for, when, where, cost, access, languages, contact, and when
/// the listing was last checked; and a scheme's peer mentors.
pub fn service_details(service: &Service, words: &ServiceWords) -> String {
    let mut html = Html::new();
    if let Some(description) = &service.description {
        html.element("p", "wm-body-l", description);
    }
    html.open("dl", &[("class", Some("wm-summary-list"))]);
    let mut row = |key: &str, values: Vec<String>| {
        if values.is_empty() {
            return;
        }
        html.open("div", &[("class", Some("wm-summary-list__row"))]).element(
            "dt",
            "wm-summary-list__key",
            key,
        );
        html.open("dd", &[("class", Some("wm-summary-list__value"))]);
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                html.open("br", &[]);
            }
            html.text(value);
        }
        html.close("dd").close("div");
    };
    row(&words.what_happens, service.first_session.iter().cloned().collect());
    row(&words.who_for, service.who_for.iter().cloned().collect());
    row(
        &words.when,
        service
            .schedules
            .iter()
            .map(|s| {
                let times = match (&s.opens_at, &s.closes_at) {
                    (Some(open), Some(close)) => format!(", {open} to {close}"),
                    _ => String::new(),
                };
                format!("{}{times}", s.description.clone().or_else(|| s.byday.clone()).unwrap_or_default())
            })
            .collect(),
    );
    let mut place: Vec<String> = attendance(service, words).into_iter().collect();
    for location in &service.locations {
        place.extend(location.address.iter().cloned());
        place.extend(location.postcode.iter().cloned());
    }
    row(&words.where_, place);
    row(
        &words.cost,
        service
            .costs
            .iter()
            .map(|c| match (c.amount, &c.description) {
                (Some(0.0), _) => words.free.clone(),
                (_, Some(d)) => d.clone(),
                (Some(a), None) => pounds(a),
                (None, None) => c.option.clone().unwrap_or_default(),
            })
            .collect(),
    );
    row(&words.access, service.locations.iter().flat_map(|l| l.accessibility.iter().cloned()).collect());
    row(&words.languages, vec![service.languages.join(", ")].into_iter().filter(|l| !l.is_empty()).collect());
    let contact: Vec<String> =
        service.phones.iter().chain(service.email.iter()).chain(service.url.iter()).cloned().collect();
    row(&words.contact, contact);
    row(&words.last_checked, service.last_checked.iter().cloned().collect());
    html.close("dl");
    if !service.mentors.is_empty() {
        html.element("h2", "wm-heading-m", &words.mentors).open("ul", &[("class", Some("wm-card-list"))]);
        for mentor in &service.mentors {
            html.open("li", &[("class", Some("wm-card"))]).element(
                "h3",
                "wm-card__heading",
                &mentor.first_name,
            );
            for (label, value) in [
                (&words.mentor_experience, mentor.lived_experience.clone()),
                (&words.mentor_interests, Some(mentor.interests.join(", ")).filter(|s| !s.is_empty())),
                (&words.mentor_languages, Some(mentor.languages.join(", ")).filter(|s| !s.is_empty())),
                (&words.mentor_availability, mentor.availability.clone()),
            ] {
                if let Some(value) = value {
                    html.open("p", &[("class", Some("wm-body"))])
                        .element("strong", "", label)
                        .text(" ")
                        .text(&value);
                    html.close("p");
                }
            }
            html.close("li");
        }
        html.close("ul");
    }
    html.finish()
}

impl ServiceWords {
    /// All words blank, for tests that set only what they check.
    pub fn empty() -> Self {
        let e = String::new;
        ServiceWords {
            in_person: e(),
            online: e(),
            phone: e(),
            free: e(),
            what_happens: e(),
            who_for: e(),
            when: e(),
            where_: e(),
            cost: e(),
            access: e(),
            languages: e(),
            contact: e(),
            last_checked: e(),
            mentors: e(),
            mentor_experience: e(),
            mentor_interests: e(),
            mentor_languages: e(),
            mentor_availability: e(),
        }
    }
}

/// `£2.50` from 2.5, without float formatting (which is large in wasm).
///
/// ```
/// use waymark::core::markup::pounds;
/// assert_eq!(pounds(2.5), "£2.50");
/// assert_eq!(pounds(5.0), "£5.00");
/// ```
pub fn pounds(amount: f64) -> String {
    let pence = (amount * 100.0).round() as i64;
    format!("£{}.{:02}", pence / 100, pence % 100)
}
