//! Ranking directory services for a person: fit to their needs combined with
//! straight-line distance, after the filters they chose. Online and phone
//! services rank as if on the doorstep, and are labelled as such.

use crate::core::directory::{Attendance, Location, Service};
use crate::core::distance::Distance;
use crate::core::geo::LatLon;
use crate::core::matching::fit;
use crate::core::questions::NeedsProfile;
use crate::core::schedule::{is_open, minutes, LocalTime, DAY_CODES};

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
    miles: f64,
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
    let remote = matches!(service.attendance, Some(Attendance::Online | Attendance::Phone));
    let meets_on = |day: u32| {
        service.schedules.iter().any(|s| {
            s.byday
                .as_deref()
                .is_some_and(|b| b.split(',').any(|c| c.trim().ends_with(DAY_CODES[day as usize % 7])))
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

/// The services that fit and pass the filters, best first. With no `origin`
/// (no postcode yet) only fit counts.
pub fn rank<'a>(
    services: &'a [Service],
    profile: &NeedsProfile,
    origin: Option<LatLon>,
    filters: &Filters,
) -> Vec<Ranked<'a>> {
    let mut ranked: Vec<(f64, Ranked<'a>)> = services
        .iter()
        .filter(|s| passes(s, filters))
        .filter_map(|service| {
            let fit = fit(service, profile);
            if fit <= 0.0 && !profile.needs.is_empty() {
                return None;
            }
            let remote = matches!(service.attendance, Some(Attendance::Online | Attendance::Phone));
            let nearest = origin.filter(|_| !remote).and_then(|o| {
                service.locations.iter().filter_map(|l| l.at).map(|at| o.miles_to(at)).reduce(f64::min)
            });
            let miles = nearest.unwrap_or(if remote || origin.is_none() { 0.0 } else { f64::INFINITY });
            let score = f64::from(fit.max(0.01)) / (1.0 + miles / HALF_FIT_MILES);
            Some((score, Ranked { service, fit, distance: nearest.map(Distance::from_miles), miles }))
        })
        .collect();
    // Insertion keeps directory order among equals and needs no sort code in the download.
    let mut out: Vec<Ranked<'a>> = Vec::with_capacity(ranked.len());
    let mut scores: Vec<f64> = Vec::with_capacity(ranked.len());
    for (score, item) in ranked.drain(..) {
        let at = scores
            .iter()
            .zip(&out)
            .position(|(s, o)| *s < score || (*s == score && o.miles > item.miles))
            .unwrap_or(out.len());
        scores.insert(at, score);
        out.insert(at, item);
    }
    out
}
