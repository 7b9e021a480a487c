//! What a person reads about a group, in plain words: the facts on its card
//! in the list of results, and the rows of its own page (when, where, cost,
//! how to get in touch...). These decide what is shown and how it is worded;
//! the web layer's components only lay it out, inserting every piece as text.
//! Links are made only through `core::links`, so a value that would do more
//! than link is shown as text.

use crate::core::directions::{destination, directions_href, Platform};
use crate::core::directory::{Attendance, Service};
use crate::core::geo::LatLon;
use crate::core::i18n::Translator;
use crate::core::links::{mailto_href, tel_href, web_href};
use crate::core::questions::QuestionSet;
use crate::core::ranking::{Filters, Ranked, TimeOfDay};
use crate::core::route::Route;
use crate::core::schedule::in_words;
use crate::core::tiles::page_id;

/// One line of a row on a group's page: text, or a link with its words.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    Text(String),
    Link { href: String, text: String },
}

impl Line {
    /// The words a person reads on this line.
    pub fn text(&self) -> &str {
        match self {
            Line::Text(text) | Line::Link { text, .. } => text,
        }
    }
}

/// One row of a group's summary list: what it is about, and its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub key: String,
    pub lines: Vec<Line>,
}

/// A peer mentor's card: first name, what they have said about themselves
/// as `(label, words)`, and the words of the button to ask for them.
#[derive(Clone, Debug, PartialEq)]
pub struct MentorCard {
    pub id: String,
    pub name: String,
    pub facts: Vec<(String, String)>,
    pub ask: String,
}

/// Everything a person needs to judge a group before going.
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    /// The description's paragraphs (blank lines part them), none when it has none.
    pub description: Vec<String>,
    /// Only the rows with something to say, in the order they are shown.
    pub rows: Vec<Row>,
    pub mentors: Vec<MentorCard>,
}

impl Details {
    /// The row about `key` (its words, e.g. "When"), if it is shown.
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// Every link on the page, as `(href, words)`.
    pub fn links(&self) -> impl Iterator<Item = (&str, &str)> {
        self.rows.iter().flat_map(|r| &r.lines).filter_map(|line| match line {
            Line::Link { href, text } => Some((href.as_str(), text.as_str())),
            Line::Text(_) => None,
        })
    }
}

fn attendance(service: &Service, tr: &Translator) -> Option<String> {
    service.attendance.map(|a| {
        tr.text(match a {
            Attendance::InPerson => "service.in_person",
            Attendance::Online => "service.online",
            Attendance::Phone => "service.phone",
        })
    })
}

/// Text lines, leaving out the empty ones.
fn texts(values: impl IntoIterator<Item = String>) -> Vec<Line> {
    values.into_iter().filter(|v| !v.is_empty()).map(Line::Text).collect()
}

fn link_or_text(href: Option<String>, text: &str) -> Line {
    match href {
        Some(href) => Line::Link { href, text: text.to_string() },
        None => Line::Text(text.to_string()),
    }
}

/// Who a group is for, then its ages ("Ages 18 and over", "Ages 16 to 25");
/// a maximum age alone says nothing a person could act on, so it is left out.
fn ages(service: &Service, tr: &Translator) -> String {
    let (min, max) = (service.min_age.map(|a| a.to_string()), service.max_age.map(|a| a.to_string()));
    match (&min, &max) {
        (Some(min), None) => tr.format("service.age_from", &[("min", min)]),
        (Some(min), Some(max)) => tr.format("service.age_range", &[("min", min), ("max", max)]),
        _ => String::new(),
    }
}

/// How each published cost reads: a zero amount is "Free", the publisher's
/// own description comes before the amount, then the amount in pounds, then
/// the option's name.
pub fn costs(service: &Service, tr: &Translator) -> Vec<String> {
    service
        .costs
        .iter()
        .map(|c| match (c.amount, &c.description) {
            (Some(0.0), _) => tr.text("service.free"),
            (_, Some(d)) => d.clone(),
            (Some(a), None) => pounds(a, tr),
            (None, None) => c.option.clone().unwrap_or_default(),
        })
        .collect()
}

/// How to take part, then each place with its address, then directions to
/// the group in the maps app of the person's `platform`.
fn places(service: &Service, tr: &Translator, platform: Platform) -> Vec<Line> {
    let mut lines: Vec<Line> = attendance(service, tr).into_iter().map(Line::Text).collect();
    for location in service.locations.iter().filter(|l| !l.address.is_empty() || l.at.is_some()) {
        lines.extend(
            location.name.iter().chain(&location.address).chain(&location.postcode).cloned().map(Line::Text),
        );
    }
    if let Some(to) = destination(service) {
        let text = tr.format("service.get_directions", &[("group", &service.name)]);
        lines.push(Line::Link { href: directions_href(&to, platform), text });
    }
    lines
}

/// Links only from values that are plainly a number, an address or a web
/// address (see `core::links`); other numbers and addresses are shown as
/// text, and a "website" that is not a web address is left out.
fn contact(service: &Service) -> Vec<Line> {
    let mut lines: Vec<Line> = service.phones.iter().map(|p| link_or_text(tel_href(p), p)).collect();
    if let Some(email) = &service.email {
        lines.push(link_or_text(mailto_href(email), email));
    }
    if let Some(url) = service.url.as_deref().and_then(web_href) {
        lines.push(Line::Link { href: url.to_string(), text: url.to_string() });
    }
    lines
}

fn mentors(service: &Service, tr: &Translator) -> Vec<MentorCard> {
    service
        .mentors
        .iter()
        .map(|mentor| MentorCard {
            id: mentor.id.clone(),
            name: mentor.first_name.clone(),
            facts: [
                ("service.mentor_experience", mentor.lived_experience.clone().unwrap_or_default()),
                ("service.mentor_interests", mentor.interests.join(", ")),
                ("service.mentor_languages", mentor.languages.join(", ")),
                ("service.mentor_availability", mentor.availability.clone().unwrap_or_default()),
            ]
            .into_iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(label, value)| (tr.text(label), value))
            .collect(),
            ask: tr.format("service.ask_named_mentor", &[("name", &mentor.first_name)]),
        })
        .collect()
}

/// What happens, who it is for, when, where (with directions on
/// OpenStreetMap), cost, access, languages, contact, and when the listing was
/// last checked; and a scheme's peer mentors.
pub fn details(service: &Service, tr: &Translator) -> Details {
    details_for(service, tr, Platform::Other)
}

/// [`details`], with directions in the maps app of `platform`.
pub fn details_for(service: &Service, tr: &Translator, platform: Platform) -> Details {
    let rows = [
        ("service.what_happens", texts(service.first_session.clone())),
        ("service.who_for", texts([service.who_for.clone().unwrap_or_default(), ages(service, tr)])),
        ("service.when", texts(service.schedules.iter().map(|s| in_words(s, tr)))),
        ("service.where", places(service, tr, platform)),
        ("service.cost", texts(costs(service, tr))),
        ("service.access", texts(service.locations.iter().flat_map(|l| l.accessibility.iter().cloned()))),
        ("service.languages", texts([service.languages.join(", ")])),
        ("service.contact", contact(service)),
        ("service.last_checked", texts(service.last_checked.as_deref().map(|d| date_in_words(d, tr)))),
    ];
    Details {
        description: paragraphs(service.description.as_deref().unwrap_or_default()),
        rows: rows
            .into_iter()
            .filter(|(_, lines)| !lines.is_empty())
            .map(|(key, lines)| Row { key: tr.text(key), lines })
            .collect(),
        mentors: mentors(service, tr),
    }
}

/// A result in the list: the group's name linking to its page, the facts
/// about it, and how far it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The directory id: the same group is the same card, however it ranks.
    pub id: String,
    /// 0, or for a later service with an id already listed (a directory
    /// can repeat one), how many came before it: with `id`, a unique key.
    pub repeat: usize,
    /// Its page; with a tiled directory, carrying its tile (see `tiles::page_id`).
    pub page: Route,
    pub name: String,
    /// Organisation · town · how to take part · Free.
    pub facts: String,
    /// When the person has said where they are (see [`how_far`]).
    pub distance: Option<String>,
    /// Its first place with coordinates, for the map.
    pub at: Option<LatLon>,
}

/// The cards for ranked services, in their order.
pub fn cards(items: &[Ranked], tr: &Translator, tiled: bool) -> Vec<Card> {
    let mut cards: Vec<Card> = Vec::with_capacity(items.len());
    for item in items {
        let mut card = card(item, tr, tiled);
        card.repeat = cards.iter().filter(|c| c.id == card.id).count();
        cards.push(card);
    }
    cards
}

/// The card for a ranked service.
pub fn card(item: &Ranked, tr: &Translator, tiled: bool) -> Card {
    let service = item.service;
    let facts: Vec<String> =
        [service.organisation.clone(), service.town().map(str::to_string), attendance(service, tr)]
            .into_iter()
            .flatten()
            .chain(service.is_free().then(|| tr.text("service.free")))
            .collect();
    Card {
        id: service.id.clone(),
        repeat: 0,
        page: Route::Group(page_id(service, tiled)),
        name: service.name.clone(),
        facts: facts.join(" · "),
        distance: how_far(item, tr),
        at: service.locations.iter().find_map(|l| l.at),
    }
}

/// "1.2 miles away · about a 25 minute walk", or for online and phone
/// services "No need to travel"; `None` when the person has not said where
/// they are, or the place has no position.
pub fn how_far(item: &Ranked, tr: &Translator) -> Option<String> {
    if item.is_remote() {
        return Some(tr.text("service.no_travel"));
    }
    let distance = item.distance?;
    let miles = distance.miles_text();
    // The plural form is chosen from the number as digits; it is shown with the language's decimal mark.
    let shown = miles.replace('.', &tr.text("number.decimal"));
    let mut text = if miles == "1" {
        tr.text("service.one_mile")
    } else {
        tr.plural("service.miles", &miles, &[("miles", &shown)])
    };
    text.push_str(" · ");
    text.push_str(&match distance.walk_minutes {
        Some(walk) => tr.plural("service.walk", &walk.to_string(), &[("minutes", &walk.to_string())]),
        None => {
            let minutes = distance.drive_minutes.to_string();
            tr.plural("service.drive", &minutes, &[("minutes", &minutes)])
        }
    });
    Some(text)
}

/// How many groups match, read out after each search or change of filter;
/// when there are more than are `shown`, it says so.
///
/// ```
/// use waymark::core::describe::result_count;
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// assert_eq!(result_count(0, 50, true, &tr), "Nothing matches all of your choices. Try removing a filter.");
/// assert_eq!(result_count(0, 50, false, &tr), "No groups or services match what you told us.");
/// assert_eq!(result_count(1, 50, false, &tr), "1 group or service matches");
/// assert_eq!(result_count(12, 50, true, &tr), "12 groups and services match");
/// assert_eq!(result_count(60, 50, false, &tr), "60 groups and services match. The best 50 are listed.");
/// ```
pub fn result_count(total: usize, shown: usize, filters_on: bool, tr: &Translator) -> String {
    let count = match total {
        // Only a filter the person chose can be removed.
        0 if filters_on => tr.text("nearby.none"),
        0 => tr.text("nearby.none_fit"),
        n => tr.plural("nearby.count", &n.to_string(), &[("count", &n.to_string())]),
    };
    if total > shown {
        tr.format("nearby.count_shown", &[("count", &count), ("shown", &shown.to_string())])
    } else {
        count
    }
}

/// The words of a need on the results page: its label in the question set,
/// else its id as the set gave it.
pub fn need_label<'a>(set: &'a QuestionSet, need: &'a str) -> &'a str {
    set.need(need).map(|n| n.label.as_str()).unwrap_or(need)
}

/// A choice in one of the filters' drop-down lists: its value and words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Choice {
    pub value: String,
    pub text: String,
}

fn choice(value: &str, text: String) -> Choice {
    Choice { value: value.to_string(), text }
}

/// Any day, then Mondays to Sundays (values `0` to `6`, as `Filters::days`).
pub fn day_choices(tr: &Translator) -> Vec<Choice> {
    std::iter::once(choice("", tr.text("filters.any_day")))
        .chain((0..7).map(|d| choice(&d.to_string(), tr.text(&format!("filters.day_{d}")))))
        .collect()
}

/// Any time, then mornings, afternoons and evenings.
pub fn time_choices(tr: &Translator) -> Vec<Choice> {
    [
        choice("", tr.text("filters.any_time")),
        choice("morning", tr.text("filters.morning")),
        choice("afternoon", tr.text("filters.afternoon")),
        choice("evening", tr.text("filters.evening")),
    ]
    .into()
}

/// Any language, then each language the services are offered in, as named
/// (a blank one is no choice: it would be a second "any").
pub fn language_choices(languages: &[String], tr: &Translator) -> Vec<Choice> {
    std::iter::once(choice("", tr.text("filters.any_language")))
        .chain(languages.iter().filter(|l| !l.trim().is_empty()).map(|l| choice(l, l.clone())))
        .collect()
}

/// The values the filters' drop-down lists show as chosen for `filters`:
/// `(day, time, language)`, each `""` for "any". The inverse of
/// `Filters::from_form`, so the form shows what the list was narrowed to.
///
/// ```
/// use waymark::core::describe::chosen;
/// use waymark::core::ranking::{Filters, TimeOfDay};
/// assert_eq!(chosen(&Filters::default()), (String::new(), "", String::new()));
/// let f = Filters { days: vec![3], time_of_day: Some(TimeOfDay::Evening), language: Some("Polish".into()), ..Filters::default() };
/// assert_eq!(chosen(&f), ("3".to_string(), "evening", "Polish".to_string()));
/// ```
pub fn chosen(filters: &Filters) -> (String, &'static str, String) {
    let day = filters.days.first().map(u32::to_string).unwrap_or_default();
    let time = match filters.time_of_day {
        Some(TimeOfDay::Morning) => "morning",
        Some(TimeOfDay::Afternoon) => "afternoon",
        Some(TimeOfDay::Evening) => "evening",
        None => "",
    };
    (day, time, filters.language.clone().unwrap_or_default())
}

/// A description's paragraphs, which blank lines part; a single line break
/// stays inside its paragraph.
///
/// ```
/// use waymark::core::describe::paragraphs;
/// assert_eq!(paragraphs("Walk and talk\n\n Gentle walks.\nMeet here.\n\n"), ["Walk and talk", "Gentle walks.\nMeet here."]);
/// ```
pub fn paragraphs(text: &str) -> Vec<String> {
    // Line by line on a char, not `split("\n\n")`: a string pattern's
    // searcher costs the download far more than this loop.
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.split('\n').map(str::trim) {
        match (line.is_empty(), open, out.last_mut()) {
            (true, ..) => open = false,
            (false, true, Some(paragraph)) => {
                paragraph.push('\n');
                paragraph.push_str(line);
            }
            _ => {
                out.push(line.to_string());
                open = true;
            }
        }
    }
    out
}

/// "2026-09-14" (or a longer timestamp) → "14 September 2026" as the
/// language writes dates (`date.format`, `date.month_*`); anything else is
/// shown as published.
///
/// ```
/// use waymark::core::describe::date_in_words;
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// assert_eq!(date_in_words("2026-09-04T10:00:00Z", &tr), "4 September 2026");
/// assert_eq!(date_in_words("last spring", &tr), "last spring");
/// ```
pub fn date_in_words(date: &str, tr: &Translator) -> String {
    // ASCII digits only ("+202" and full-width digits are not a year), and
    // `get`, which gives `None` rather than slicing inside a character.
    let number = |range: std::ops::Range<usize>| {
        date.get(range)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<usize>().ok())
    };
    match (number(0..4), date.get(4..5), number(5..7), number(8..10)) {
        (Some(year), Some("-"), Some(month @ 1..=12), Some(day @ 1..=31)) => {
            let month = tr.text(&format!("date.month_{month}"));
            tr.format(
                "date.format",
                &[("day", &day.to_string()), ("month", &month), ("year", &year.to_string())],
            )
        }
        _ => date.to_string(),
    }
}

/// The largest amount [`pounds`] writes: beyond it no amount is a price.
const MOST_POUNDS: f64 = 1e12;

/// `£2.50` from 2.5 as the language writes it (`money.pounds`,
/// `number.decimal`: "2,50 £" in Polish), without float formatting (which
/// is large in wasm).
/// Total: a negative amount has its sign in front (`-£2.50`, never
/// `£-2.-50`), and one that is not a number, or beyond a trillion pounds,
/// gives an empty string, so nothing misleading is shown. (The directory
/// reader already drops any amount that is not a price.)
///
/// ```
/// use waymark::core::describe::pounds;
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// assert_eq!(pounds(2.5, &tr), "£2.50");
/// assert_eq!(pounds(5.0, &tr), "£5.00");
/// assert_eq!(pounds(-2.5, &tr), "-£2.50");
/// assert_eq!(pounds(f64::NAN, &tr), "");
/// assert_eq!(pounds(1e300, &tr), "");
/// let polish = Catalogue::parse(r#"{ "money.pounds": "{amount} £", "number.decimal": "," }"#).unwrap();
/// assert_eq!(pounds(2.5, &Translator::new(Some(polish), Catalogue::default())), "2,50 £");
/// ```
pub fn pounds(amount: f64, tr: &Translator) -> String {
    if !(-MOST_POUNDS..=MOST_POUNDS).contains(&amount) {
        return String::new();
    }
    // Within a trillion pounds, pence fit a u64 exactly.
    let pence = (amount.abs() * 100.0).round() as u64;
    let sign = if amount < 0.0 && pence > 0 { "-" } else { "" };
    let amount = format!("{}{}{:02}", pence / 100, tr.text("number.decimal"), pence % 100);
    format!("{sign}{}", tr.format("money.pounds", &[("amount", &amount)]))
}
