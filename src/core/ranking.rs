//! Ranking directory services for a person: fit to their needs combined with
//! straight-line distance, after the filters they chose. Online and phone
//! services rank as if on the doorstep, and are labelled as such.

use crate::core::directory::{Attendance, Location, Service};
use crate::core::distance::Distance;
use crate::core::geo::LatLon;
use crate::core::matching::fit;
use crate::core::questions::NeedsProfile;
use crate::core::schedule::{is_open, minutes, weekday_of, LocalTime};

/// Miles at which a group's fit counts half: near beats far, but a group
/// that fits much better is still worth a longer trip.
const HALF_FIT_MILES: f64 = 5.0;

/// Part of the day a session starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeOfDay {
    /// Before 12 noon.
    Morning,
    /// 12 noon to 5pm.
    Afternoon,
    /// 5pm or later.
    Evening,
}

/// What the person narrowed the list to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub free_only: bool,
    /// Weekdays (0 = Monday) the person can make; empty means any.
    pub days: Vec<u32>,
    pub time_of_day: Option<TimeOfDay>,
    /// Only services running at this local time.
    pub open_at: Option<LocalTime>,
    pub step_free: bool,
    /// Only services by phone or online.
    pub remote_only: bool,
    /// Only services offered in this language (case-insensitive).
    pub language: Option<String>,
}

/// A service with how well it fits and how far it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked<'a> {
    pub service: &'a Service,
    pub fit: f32,
    /// `None` for online and phone services, and venues with no position.
    pub distance: Option<Distance>,
    /// For ordering: 0 for remote services, infinite for venues with no position.
    pub miles: f64,
}

impl Ranked<'_> {
    /// Online or by phone: no need to travel.
    pub fn is_remote(&self) -> bool {
        is_remote(self.service)
    }
}

fn is_remote(service: &Service) -> bool {
    matches!(service.attendance, Some(Attendance::Online | Attendance::Phone))
}

impl Filters {
    /// How many filters are on, for the "Filter" control: each of free,
    /// open now, step-free, online, day, time and language counts once.
    ///
    /// ```
    /// use waymark::core::ranking::{Filters, TimeOfDay};
    /// assert_eq!(Filters::default().count_on(), 0);
    /// let f = Filters { free_only: true, days: vec![0, 2], time_of_day: Some(TimeOfDay::Morning), ..Filters::default() };
    /// assert_eq!(f.count_on(), 3);
    /// ```
    pub fn count_on(&self) -> usize {
        [
            self.free_only,
            !self.days.is_empty(),
            self.time_of_day.is_some(),
            self.open_at.is_some(),
            self.step_free,
            self.remote_only,
            self.language.is_some(),
        ]
        .into_iter()
        .filter(|on| *on)
        .count()
    }

    /// The filters from the filter form's fields (`free`, `day`, `time`,
    /// `open_now`, `step_free`, `remote`, `language`); "open now" means at `now`.
    ///
    /// ```
    /// use waymark::core::ranking::{Filters, TimeOfDay};
    /// use waymark::core::schedule::LocalTime;
    /// let now = LocalTime::uk(1_782_907_200);
    /// let pairs = [("free", "yes"), ("day", "1"), ("time", "evening"), ("language", "")];
    /// let f = Filters::from_form(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())), now);
    /// assert!(f.free_only && f.days == vec![1] && f.time_of_day == Some(TimeOfDay::Evening));
    /// assert_eq!(f.language, None);
    /// ```
    pub fn from_form(fields: impl IntoIterator<Item = (String, String)>, now: LocalTime) -> Filters {
        let mut filters = Filters::default();
        for (name, value) in fields {
            match (name.as_str(), value.as_str()) {
                ("free", "yes") => filters.free_only = true,
                ("open_now", "yes") => filters.open_at = Some(now),
                ("step_free", "yes") => filters.step_free = true,
                ("remote", "yes") => filters.remote_only = true,
                ("day", day) => filters.days.extend(day.parse::<u32>().ok().filter(|d| *d < 7)),
                ("time", "morning") => filters.time_of_day = Some(TimeOfDay::Morning),
                ("time", "afternoon") => filters.time_of_day = Some(TimeOfDay::Afternoon),
                ("time", "evening") => filters.time_of_day = Some(TimeOfDay::Evening),
                ("language", language) if !language.trim().is_empty() => {
                    filters.language = Some(language.trim().to_string())
                }
                _ => {}
            }
        }
        filters
    }
}

/// The languages services are offered in, other than English, in the order
/// they first appear: the choices for the language filter.
pub fn languages(services: &[Service]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    // A set, not a search of `found`: a directory naming a different
    // language for each of its 50,000 services must not take minutes.
    let mut seen = std::collections::HashSet::new();
    for language in services.iter().flat_map(|s| &s.languages) {
        let language = language.trim();
        if !language.eq_ignore_ascii_case("english") && seen.insert(language.to_ascii_lowercase()) {
            found.push(language.to_string());
        }
    }
    found
}

/// Whether a place can be reached without steps, from its accessibility text.
///
/// ```
/// use waymark::core::directory::Location;
/// use waymark::core::ranking::step_free;
/// let mut place = Location::default();
/// place.accessibility = vec!["Step-free access from the car park".into()];
/// assert_eq!(step_free(&place), Some(true));
/// place.accessibility = vec!["Three steps up to the entrance; no lift.".into()];
/// assert_eq!(step_free(&place), Some(false));
/// ```
pub fn step_free(location: &Location) -> Option<bool> {
    let text = location.accessibility.join(" ").to_ascii_lowercase();
    if ["step-free", "step free", "level access", "wheelchair access"].iter().any(|w| text.contains(w)) {
        Some(true)
    } else if ["steps", "stairs", "no lift"].iter().any(|w| text.contains(w)) {
        Some(false)
    } else {
        None
    }
}

fn time_of_day(start: u32) -> TimeOfDay {
    match start {
        0..720 => TimeOfDay::Morning,
        720..1020 => TimeOfDay::Afternoon,
        _ => TimeOfDay::Evening,
    }
}

/// Whether `service` passes every filter.
pub fn passes(service: &Service, filters: &Filters) -> bool {
    let remote = is_remote(service);
    let meets_on = |day: u32| {
        service.schedules.iter().any(|s| {
            s.byday.as_deref().is_some_and(|b| b.split(',').any(|c| weekday_of(c) == Some(day as usize % 7)))
        })
    };
    (!filters.free_only || service.is_free())
        && (filters.days.is_empty() || filters.days.iter().any(|d| meets_on(*d)))
        && filters.time_of_day.is_none_or(|wanted| {
            service
                .schedules
                .iter()
                .filter_map(|s| s.opens_at.as_deref().and_then(minutes))
                .any(|m| time_of_day(m) == wanted)
        })
        && filters.open_at.is_none_or(|at| service.schedules.iter().any(|s| is_open(s, at)))
        && (!filters.step_free || remote || service.locations.iter().any(|l| step_free(l) == Some(true)))
        && (!filters.remote_only || remote)
        && filters
            .language
            .as_deref()
            .is_none_or(|wanted| service.languages.iter().any(|l| l.eq_ignore_ascii_case(wanted.trim())))
}

/// How well one service fits and how far it is from `origin`.
pub fn measure<'a>(service: &'a Service, profile: &NeedsProfile, origin: Option<LatLon>) -> Ranked<'a> {
    let remote = is_remote(service);
    // A distance that is not a number (a position no place could have) is
    // no distance at all: the venue is treated as one with no position.
    let nearest = origin.filter(|_| !remote).and_then(|o| {
        service
            .locations
            .iter()
            .filter_map(|l| l.at)
            .map(|at| o.miles_to(at))
            .filter(|miles| miles.is_finite())
            .reduce(f64::min)
    });
    let miles = nearest.unwrap_or(if remote || origin.is_none() { 0.0 } else { f64::INFINITY });
    Ranked { service, fit: fit(service, profile), distance: nearest.map(Distance::from_miles), miles }
}

/// The services that fit and pass the filters, best first. With no `origin`
/// (no postcode yet) only fit counts.
pub fn rank<'a>(
    services: &'a [Service],
    profile: &NeedsProfile,
    origin: Option<LatLon>,
    filters: &Filters,
) -> Vec<Ranked<'a>> {
    rank_top(services, profile, origin, filters, usize::MAX).top
}

/// The best `limit` of the services that fit and pass the filters, and how
/// many there were in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking<'a> {
    pub total: usize,
    pub top: Vec<Ranked<'a>>,
}

/// Like [`rank`], keeping only the best `limit`: a person reads the first
/// few dozen, and keeping a short list is linear in the directory's size
/// (a whole sort would be slower, and its code larger in the download).
///
/// ```
/// use waymark::core::directory::Directory;
/// use waymark::core::ranking::{rank_top, Filters};
/// let dir = Directory::parse(include_str!("../../public/data/somerset-sample.json")).unwrap();
/// let ranking = rank_top(&dir.services, &Default::default(), None, &Filters::default(), 5);
/// assert_eq!((ranking.total, ranking.top.len()), (dir.services.len(), 5));
/// ```
pub fn rank_top<'a>(
    services: &'a [Service],
    profile: &NeedsProfile,
    origin: Option<LatLon>,
    filters: &Filters,
    limit: usize,
) -> Ranking<'a> {
    let mut total = 0;
    // Best first; equal scores keep the nearer first, then directory order.
    let mut top: Vec<(f64, Ranked<'a>)> = Vec::new();
    for service in services.iter().filter(|s| passes(s, filters)) {
        let item = measure(service, profile, origin);
        if item.fit <= 0.0 && !profile.needs.is_empty() {
            continue;
        }
        total += 1;
        let score = f64::from(item.fit.max(0.01)) / (1.0 + item.miles / HALF_FIT_MILES);
        // A fit or distance beyond reason (infinite weights, say) ranks last, not anywhere.
        let score = if score.is_nan() { 0.0 } else { score };
        let beats = |(s, o): &(f64, Ranked)| *s < score || (*s == score && o.miles > item.miles);
        let at = top.iter().position(beats).unwrap_or(top.len());
        if at < limit {
            top.insert(at, (score, item));
            top.truncate(limit);
        }
    }
    Ranking { total, top: top.into_iter().map(|(_, item)| item).collect() }
}

/// The nearest services that pass the filters but fit none of the needs,
/// nearest first (directory order without an `origin`), places only (not
/// online or phone services, nor venues with no position): listed after a
/// short list, or instead of an empty one, as "Other groups near you", so
/// a feed whose terms the question set does not know yet still shows
/// what is close. None when there are no needs, since then everything fits.
///
/// ```
/// use waymark::core::directory::Directory;
/// use waymark::core::geo::LatLon;
/// use waymark::core::questions::{Answer, Answers, QuestionSet};
/// use waymark::core::ranking::{nearest_others, Filters};
/// let set = QuestionSet::parse(include_str!("../../public/questions/default.json")).unwrap();
/// let dir = Directory::parse(include_str!("../../public/data/somerset-sample.json")).unwrap();
/// let mut answers = Answers::default();
/// answers.set("topics", Some(Answer::Choices(vec!["money-housing".into()])));
/// let taunton = Some(LatLon::new(51.015, -3.1));
/// let others = nearest_others(&dir.services, &set.profile(&answers), taunton, &Filters::default(), 5);
/// assert_eq!(others.len(), 5);
/// assert!(others.iter().all(|o| o.fit == 0.0));
/// assert!(others.windows(2).all(|w| w[0].miles <= w[1].miles));
/// ```
pub fn nearest_others<'a>(
    services: &'a [Service],
    profile: &NeedsProfile,
    origin: Option<LatLon>,
    filters: &Filters,
    limit: usize,
) -> Vec<Ranked<'a>> {
    if profile.needs.is_empty() {
        return Vec::new();
    }
    let mut nearest: Vec<Ranked<'a>> = Vec::new();
    for service in services.iter().filter(|s| passes(s, filters)) {
        let item = measure(service, profile, origin);
        // Near means a place: not a phone line or website, nor a venue with no position.
        if item.fit > 0.0 || item.is_remote() || !item.miles.is_finite() {
            continue;
        }
        let at = nearest.iter().position(|o| o.miles > item.miles).unwrap_or(nearest.len());
        if at < limit {
            nearest.insert(at, item);
            nearest.truncate(limit);
        }
    }
    nearest
}
