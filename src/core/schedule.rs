//! When a group meets, in plain words and as "open now", in UK local time
//! (GMT, or BST from the last Sunday in March to the last Sunday in October).

use crate::core::directory::Schedule;
use crate::core::i18n::Translator;

/// A day and time in UK local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u32,
    /// Minutes since local midnight.
    pub minute_of_day: u32,
}

/// RFC 5545 day codes, Monday first (index = `LocalTime::weekday`).
pub(crate) const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
/// Total: any year, month and day give some number of days (in i64, where
/// no `u32` month or day and no `i32` year can overflow).
///
/// ```
/// use waymark::core::schedule::days_from_civil;
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2026, 12, 7), 20_794);
/// ```
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Seconds since the epoch of 01:00 UTC on the last Sunday of `month`.
fn last_sunday_1am_utc(year: i32, month: u32) -> i64 {
    let last_day = days_from_civil(year, month + 1, 1) - 1;
    let weekday = (last_day + 3).rem_euclid(7); // 0 = Monday
    (last_day - (weekday - 6).rem_euclid(7)) * 86_400 + 3_600
}

/// An instant as an ISO 8601 UTC timestamp, `2026-11-23T08:45:00Z`.
///
/// ```
/// use waymark::core::schedule::utc_timestamp;
/// assert_eq!(utc_timestamp(1_796_126_400), "2026-12-01T12:00:00Z");
/// ```
pub fn utc_timestamp(unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    let second = unix_seconds.rem_euclid(86_400);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", second / 3600, second / 60 % 60, second % 60)
}

impl LocalTime {
    /// UK local time at `unix_seconds` (UTC).
    ///
    /// ```
    /// use waymark::core::schedule::LocalTime;
    /// // 2026-07-01 12:00 UTC is 13:00 BST; 2026-12-01 12:00 UTC is 12:00 GMT.
    /// assert_eq!(LocalTime::uk(1_782_907_200).minute_of_day, 13 * 60);
    /// assert_eq!(LocalTime::uk(1_796_126_400).minute_of_day, 12 * 60);
    /// ```
    pub fn uk(unix_seconds: i64) -> LocalTime {
        let (year, _, _) = civil_from_days(unix_seconds.div_euclid(86_400));
        let summer = (last_sunday_1am_utc(year, 3)..last_sunday_1am_utc(year, 10)).contains(&unix_seconds);
        // Saturating: a clock at the end of time must not overflow.
        let local = unix_seconds.saturating_add(if summer { 3_600 } else { 0 });
        let days = local.div_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        LocalTime {
            year,
            month,
            day,
            weekday: (days + 3).rem_euclid(7) as u32,
            minute_of_day: (local.rem_euclid(86_400) / 60) as u32,
        }
    }

    /// The same time of day, a day earlier (for sessions that run past midnight).
    fn day_before(self) -> LocalTime {
        let days = days_from_civil(self.year, self.month, self.day) - 1;
        let (year, month, day) = civil_from_days(days);
        LocalTime {
            year,
            month,
            day,
            weekday: (self.weekday % 7 + 6) % 7,
            minute_of_day: self.minute_of_day.saturating_add(24 * 60),
        }
    }
}

/// ASCII digits only, as a number: "１０" (full-width) and "+1" are not
/// numbers in a schedule.
fn ascii_number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// "10:00", "10:00:00" or "10:00:00+01:00" → minutes after midnight.
/// Anything else, full-width digits included, is unreadable (`None`).
///
/// ```
/// use waymark::core::schedule::minutes;
/// assert_eq!(minutes("10:30:00+01:00"), Some(630));
/// assert_eq!(minutes("１０:００"), None);
/// assert_eq!(minutes("10:0€"), None);
/// ```
pub fn minutes(time: &str) -> Option<u32> {
    let mut parts = time.trim().split(':');
    let hours = ascii_number(parts.next()?).filter(|h| *h < 24)?;
    // `get` rather than slicing: two bytes may end inside a character.
    let mins = ascii_number(parts.next()?.get(..2)?).filter(|m| *m < 60)?;
    Some(hours * 60 + mins)
}

/// Which week of the month a byday entry means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Week {
    Every,
    /// The first (1) to fifth (5) of the month.
    Nth(u32),
    Last,
}

/// A byday entry read: `TU`, or for monthly schedules `1TU` (first
/// Tuesday) or `-1FR` (last Friday), as (weekday, 0 = Monday; week).
/// `None` when it cannot be read, whatever characters it holds.
fn day_code(code: &str) -> Option<(usize, Week)> {
    let code = code.trim();
    let split = code.len().checked_sub(2)?;
    // Not `split_at`: the last two bytes of "€" or "ＴＵ" are inside a character.
    let (ordinal, day) = (code.get(..split)?, code.get(split..)?);
    let weekday = DAY_CODES.iter().position(|d| *d == day)?;
    let week = match ordinal {
        "" => Week::Every,
        "-1" => Week::Last,
        n => Week::Nth(ascii_number(n).filter(|n| (1..=5).contains(n))?),
    };
    Some((weekday, week))
}

/// The weekday (0 = Monday) a byday entry falls on, if it can be read.
pub(crate) fn weekday_of(code: &str) -> Option<usize> {
    day_code(code).map(|(weekday, _)| weekday)
}

/// Whether the day `at` matches a byday entry.
fn day_matches(code: &str, at: LocalTime) -> bool {
    let Some((weekday, week)) = day_code(code) else { return false };
    if weekday != at.weekday as usize {
        return false;
    }
    match week {
        Week::Every => true,
        Week::Last => {
            let next_week = days_from_civil(at.year, at.month, at.day) + 7;
            civil_from_days(next_week).1 != at.month
        }
        // `checked_sub`: day 0 is no day of the month.
        Week::Nth(n) => at.day.checked_sub(1).is_some_and(|d| d / 7 + 1 == n),
    }
}

/// Whether the schedule is running at `at`. A session whose closing time is
/// earlier than its opening time runs past midnight into the next day.
///
/// ```
/// use waymark::core::directory::Schedule;
/// use waymark::core::schedule::{is_open, LocalTime};
/// let s = Schedule { byday: Some("TU".into()), opens_at: Some("10:00".into()), closes_at: Some("12:00".into()), ..Default::default() };
/// let tuesday_11am = LocalTime { year: 2026, month: 11, day: 24, weekday: 1, minute_of_day: 11 * 60 };
/// assert!(is_open(&s, tuesday_11am));
/// ```
pub fn is_open(schedule: &Schedule, at: LocalTime) -> bool {
    let (Some(byday), Some(opens), Some(closes)) = (
        schedule.byday.as_deref(),
        schedule.opens_at.as_deref().and_then(minutes),
        schedule.closes_at.as_deref().and_then(minutes),
    ) else {
        return false;
    };
    let closes = if closes <= opens { closes + 24 * 60 } else { closes };
    [at, at.day_before()].into_iter().any(|day| {
        (opens..closes).contains(&day.minute_of_day) && byday.split(',').any(|code| day_matches(code, day))
    })
}

/// A time of day as the language writes it: "10am", "12 noon", "2:30pm",
/// "midnight" in English; "10:00", "14:30" in Polish (`time.*` messages,
/// with `{h12}`, `{h24}` and `{mm}`).
///
/// ```
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// use waymark::core::schedule::clock;
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// assert_eq!(clock(10 * 60, &tr), "10am");
/// assert_eq!(clock(14 * 60 + 30, &tr), "2:30pm");
/// let polish = Catalogue::parse(r#"{ "time.minutes_pm": "{h24}:{mm}" }"#).unwrap();
/// let tr = Translator::new(Some(polish), Catalogue::parse(ENGLISH).unwrap());
/// assert_eq!(clock(14 * 60 + 30, &tr), "14:30");
/// ```
pub fn clock(minutes_after_midnight: u32, tr: &Translator) -> String {
    let (h, m) = (minutes_after_midnight / 60 % 24, minutes_after_midnight % 60);
    let key = match (h, m) {
        (0, 0) => "time.midnight",
        (12, 0) => "time.noon",
        (0..=11, 0) => "time.hour_am",
        (_, 0) => "time.hour_pm",
        (0..=11, _) => "time.minutes_am",
        _ => "time.minutes_pm",
    };
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    tr.format(key, &[("h12", &h12.to_string()), ("h24", &h.to_string()), ("mm", &format!("{m:02}"))])
}

/// A schedule in plain words: "Tuesdays and Fridays, 10am to 12 noon";
/// "The first Tuesday of each month, 2pm to 4pm", in the person's language
/// (`filters.day_*`, `day.*`, `schedule.*`, `time.*`). Falls back to the
/// publisher's own description when the rule cannot be read.
///
/// ```
/// use waymark::core::directory::Schedule;
/// use waymark::core::i18n::{Catalogue, Translator, ENGLISH};
/// use waymark::core::schedule::in_words;
/// let tr = Translator::new(None, Catalogue::parse(ENGLISH).unwrap());
/// let s = Schedule { byday: Some("TU,FR".into()), opens_at: Some("10:00".into()), closes_at: Some("12:00".into()), ..Default::default() };
/// assert_eq!(in_words(&s, &tr), "Tuesdays and Fridays, 10am to 12 noon");
/// ```
pub fn in_words(schedule: &Schedule, tr: &Translator) -> String {
    let fallback = || schedule.description.clone().unwrap_or_default();
    let Some(byday) = schedule.byday.as_deref() else { return fallback() };
    let mut days = Vec::new();
    for code in byday.split(',') {
        let Some((index, week)) = day_code(code) else { return fallback() };
        if index > 6 {
            return fallback();
        }
        let name = tr.text(&format!("day.{index}"));
        days.push(match week {
            Week::Every => tr.text(&format!("filters.day_{index}")),
            Week::Last => tr.format("schedule.last", &[("day", &name)]),
            Week::Nth(n @ 1..=5) => tr.format(&format!("schedule.nth_{n}"), &[("day", &name)]),
            Week::Nth(_) => return fallback(),
        });
    }
    let mut text = match days.len() {
        0 => return fallback(),
        1 => days.remove(0),
        n => tr.format("schedule.and", &[("list", &days[..n - 1].join(", ")), ("last", &days[n - 1])]),
    };
    // ASCII only: full Unicode case tables would add kilobytes to the download.
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    match (schedule.opens_at.as_deref().and_then(minutes), schedule.closes_at.as_deref().and_then(minutes)) {
        (Some(open), Some(close)) => tr.format(
            "schedule.times",
            &[("days", &text), ("from", &clock(open, tr)), ("to", &clock(close, tr))],
        ),
        _ => text,
    }
}
