//! Feed timestamps in UK local time, so the date a listing shows as "last
//! checked" is the date it was in the UK: `2024-06-01T23:30:00Z` was the
//! small hours of 2 June in Buckinghamshire.
//!
//! The UK offset comes from [`LocalTime::uk`] (GMT, or BST from 01:00 UTC on
//! the last Sunday of March to 01:00 UTC on the last Sunday of October), the
//! rule the widget itself tells "open now" by.

use waymark::core::schedule::{days_from_civil, LocalTime};

/// An ISO 8601 / RFC 3339 timestamp as RFC 3339 in UK local time, with the
/// offset in force then: `+00:00` in GMT, `+01:00` in BST.
///
/// - With `Z` (or `UTC`/`GMT`) or an offset (`+01:00`, `+0100`, `+01`), the
///   instant is converted to UK time.
/// - Without a zone (`2024-06-01T09:30:00`, `2024-06-01 09:30`), it is read
///   as UK local time and given its offset. A local time the clocks skip
///   (01:00–01:59 on the last Sunday of March) is read as GMT, the offset in
///   force just before the gap, so 01:30 becomes `02:30:00+01:00`; one they
///   pass twice (01:00–01:59 on the last Sunday of October) is the first of
///   the two, in BST. Both as RFC 5545 reads local times.
/// - Seconds are written even when not given; a fraction of a second is
///   kept as given (`.` or ISO 8601's `,` before it).
/// - A bare date (`2024-06-01`) passes through unchanged.
/// - Anything else, an impossible date or time included, is `None`.
///
/// ```text
/// 2024-06-01T08:30:00Z  →  2024-06-01T09:30:00+01:00
/// 2024-12-01 09:30      →  2024-12-01T09:30:00+00:00
/// ```
pub fn in_uk_time(text: &str) -> Option<String> {
    let text = text.trim();
    let (date, rest) = split_date(text)?;
    let Some(rest) = rest else { return Some(text.to_string()) };
    let (hour, minute, second, fraction, zone) = time_of_day(rest)?;
    let local_or_utc = days_from_civil(date.0, date.1, date.2) * 86_400 + hour * 3_600 + minute * 60 + second;
    let instant = match zone {
        Some(offset_minutes) => local_or_utc - offset_minutes * 60,
        None => uk_instant(local_or_utc),
    };
    Some(format_uk(instant, fraction))
}

/// The civil date at the start of `text`, and what follows it (`None` when
/// nothing does).
fn split_date(text: &str) -> Option<(Date, Option<&str>)> {
    let date = text.get(..10)?;
    let bytes = date.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&date[..4])? as i32;
    let (month, day) = (digits(&date[5..7])?, digits(&date[8..10])?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(((year, month, day), None));
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    Some(((year, month, day), Some(rest)))
}

/// A civil date: year, month, day.
type Date = (i32, u32, u32);

type Clock<'a> = (i64, i64, i64, &'a str, Option<i64>);

/// `HH:MM[:SS[.fff]]` and an optional zone: the hour, minute, second, the
/// fraction's digits, and the zone's offset east of UTC in minutes.
fn time_of_day(text: &str) -> Option<Clock<'_>> {
    let hour = digits(text.get(..2)?)?;
    let text = text[2..].strip_prefix(':')?;
    let minute = digits(text.get(..2)?)?;
    let mut text = &text[2..];
    let mut second = 0;
    let mut fraction = "";
    if let Some(rest) = text.strip_prefix(':') {
        second = digits(rest.get(..2)?)?;
        text = &rest[2..];
        if let Some(rest) = text.strip_prefix(['.', ',']) {
            let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            fraction = &rest[..end];
            text = &rest[end..];
        }
    }
    // Leap seconds and 24:00 are left out: no feed has been seen to use them.
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let zone = zone(text)?;
    Some((i64::from(hour), i64::from(minute), i64::from(second), fraction, zone))
}

/// The zone after a time: `Some(None)` for none, `Some(Some(minutes))` for
/// an offset, `None` for anything that is not one. A space before it is
/// allowed (`2024-06-01 09:30:00 +0100`, as Ruby writes times).
fn zone(text: &str) -> Option<Option<i64>> {
    let text = text.strip_prefix(' ').unwrap_or(text);
    match text {
        "" => return Some(None),
        "Z" | "z" | "UTC" | "GMT" => return Some(Some(0)),
        _ => {}
    }
    let sign = match text.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let text = &text[1..];
    let (hours, minutes) = match text.len() {
        2 => (text.get(..2), Some("00")),
        4 => (text.get(..2), text.get(2..)),
        5 if text.as_bytes()[2] == b':' => (text.get(..2), text.get(3..)),
        _ => return None,
    };
    let (hours, minutes) = (digits(hours?)?, digits(minutes?)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(Some(sign * i64::from(hours * 60 + minutes)))
}

/// ASCII digits as a number; anything else (a sign, a space, `٣`) is not one.
fn digits(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The UK's offset from UTC at `instant`, in seconds (0 or 3600).
fn uk_offset(instant: i64) -> i64 {
    let local = LocalTime::uk(instant);
    let local_minutes =
        days_from_civil(local.year, local.month, local.day) * 1_440 + i64::from(local.minute_of_day);
    (local_minutes - instant.div_euclid(60)) * 60
}

/// The instant a UK wall-clock reading names, given as seconds since the
/// epoch as if the clock were UTC: the BST reading when it is one (the
/// first of two in October), else the GMT one (in March's gap, too).
fn uk_instant(wall_clock: i64) -> i64 {
    let in_summer = wall_clock - 3_600;
    if uk_offset(in_summer) == 3_600 {
        in_summer
    } else {
        wall_clock
    }
}

fn format_uk(instant: i64, fraction: &str) -> String {
    let local = LocalTime::uk(instant);
    let offset = if uk_offset(instant) == 0 { "+00:00" } else { "+01:00" };
    let (hour, minute, second) = (local.minute_of_day / 60, local.minute_of_day % 60, instant.rem_euclid(60));
    let dot = if fraction.is_empty() { "" } else { "." };
    format!(
        "{:04}-{:02}-{:02}T{hour:02}:{minute:02}:{second:02}{dot}{fraction}{offset}",
        local.year, local.month, local.day
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uk(text: &str) -> Option<String> {
        in_uk_time(text)
    }

    #[test]
    fn utc_and_offset_times_become_uk_local_time() {
        assert_eq!(uk("2024-06-01T08:30:00Z").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-01-13T12:48:54.730Z").as_deref(), Some("2024-01-13T12:48:54.730+00:00"));
        // Late evening UTC in summer is already the next day in the UK: the
        // date a listing shows as last checked.
        assert_eq!(uk("2024-06-01T23:30:00Z").as_deref(), Some("2024-06-02T00:30:00+01:00"));
        assert_eq!(uk("2024-06-01T09:30:00+01:00").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-06-01T10:30:00+02:00").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-12-31T20:00:00-05:00").as_deref(), Some("2025-01-01T01:00:00+00:00"));
        assert_eq!(uk("2024-06-01T05:15:00+0530").as_deref(), Some("2024-06-01T00:45:00+01:00"));
        assert_eq!(uk("2024-06-01 08:30:00 UTC").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-06-01 09:30:00 +0100").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-06-01t08:30:00z").as_deref(), Some("2024-06-01T09:30:00+01:00"));
    }

    #[test]
    fn a_time_without_a_zone_is_uk_local_time() {
        assert_eq!(uk("2024-06-01T09:30:00").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-06-01 09:30:00").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-06-01 09:30").as_deref(), Some("2024-06-01T09:30:00+01:00"));
        assert_eq!(uk("2024-12-01T09:30:00.5").as_deref(), Some("2024-12-01T09:30:00.5+00:00"));
        assert_eq!(uk("2024-12-01T09:30:00,250").as_deref(), Some("2024-12-01T09:30:00.250+00:00"));
        assert_eq!(uk(" 2024-12-01T09:30:00 ").as_deref(), Some("2024-12-01T09:30:00+00:00"));
    }

    #[test]
    fn around_the_change_to_summer_time() {
        // 2024: the clocks went forward at 01:00 UTC on Sunday 31 March.
        assert_eq!(uk("2024-03-31T00:59:59Z").as_deref(), Some("2024-03-31T00:59:59+00:00"));
        assert_eq!(uk("2024-03-31T01:00:00Z").as_deref(), Some("2024-03-31T02:00:00+01:00"));
        assert_eq!(uk("2024-03-31T00:30:00").as_deref(), Some("2024-03-31T00:30:00+00:00"));
        assert_eq!(uk("2024-03-31T02:00:00").as_deref(), Some("2024-03-31T02:00:00+01:00"));
        // 01:30 never showed on a UK clock that day: read as GMT, as the
        // clock still said before it jumped, so it is 02:30 BST.
        assert_eq!(uk("2024-03-31T01:30:00").as_deref(), Some("2024-03-31T02:30:00+01:00"));
        assert_eq!(uk("2024-03-31T01:00:00").as_deref(), Some("2024-03-31T02:00:00+01:00"));
        // The Saturday before is winter, the Monday after summer.
        assert_eq!(uk("2024-03-30T12:00:00").as_deref(), Some("2024-03-30T12:00:00+00:00"));
        assert_eq!(uk("2024-04-01T12:00:00").as_deref(), Some("2024-04-01T12:00:00+01:00"));
    }

    #[test]
    fn around_the_change_back_to_winter_time() {
        // 2024: the clocks went back at 01:00 UTC on Sunday 27 October.
        assert_eq!(uk("2024-10-27T00:59:59Z").as_deref(), Some("2024-10-27T01:59:59+01:00"));
        assert_eq!(uk("2024-10-27T01:00:00Z").as_deref(), Some("2024-10-27T01:00:00+00:00"));
        assert_eq!(uk("2024-10-27T00:30:00Z").as_deref(), Some("2024-10-27T01:30:00+01:00"));
        assert_eq!(uk("2024-10-27T01:30:00Z").as_deref(), Some("2024-10-27T01:30:00+00:00"));
        // 01:30 showed twice: the first time, in BST.
        assert_eq!(uk("2024-10-27T01:30:00").as_deref(), Some("2024-10-27T01:30:00+01:00"));
        assert_eq!(uk("2024-10-27T00:59:00").as_deref(), Some("2024-10-27T00:59:00+01:00"));
        assert_eq!(uk("2024-10-27T02:00:00").as_deref(), Some("2024-10-27T02:00:00+00:00"));
        // 2026's change is on the 25th.
        assert_eq!(uk("2026-10-25T12:00:00Z").as_deref(), Some("2026-10-25T12:00:00+00:00"));
        assert_eq!(uk("2026-10-24T12:00:00Z").as_deref(), Some("2026-10-24T13:00:00+01:00"));
    }

    #[test]
    fn a_bare_date_passes_through() {
        assert_eq!(uk("2024-06-01").as_deref(), Some("2024-06-01"));
        assert_eq!(uk("2024-02-29").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn anything_else_is_not_a_timestamp() {
        for text in [
            "",
            "yesterday",
            "2024-6-1",
            "01/06/2024",
            "2024-13-01",
            "2023-02-29",
            "2024-06-31",
            "2024-06-01T",
            "2024-06-01T9:30",
            "2024-06-01T24:00:00",
            "2024-06-01T09:60:00",
            "2024-06-01T09:30:61",
            "2024-06-01T09:30:00.",
            "2024-06-01T09:30:00+1:00",
            "2024-06-01T09:30:00+25:00",
            "2024-06-01T09:30:00 BST",
            "2024-06-01T09:30:00Z trailing",
            "2024-06-01X09:30",
            "２０２４-06-01",
            "2024-06-01T09:3０",
        ] {
            assert_eq!(uk(text), None, "{text:?}");
        }
    }
}
