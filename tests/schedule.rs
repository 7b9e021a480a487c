//! Schedules: "open now" in UK local time, across midnight and the clock
//! changes, and schedules in plain words.

use waymark::core::directory::Schedule;
use waymark::core::schedule::{clock, in_words, is_open, LocalTime};

fn schedule(byday: &str, opens: &str, closes: &str) -> Schedule {
    Schedule {
        byday: Some(byday.into()),
        opens_at: Some(opens.into()),
        closes_at: Some(closes.into()),
        ..Default::default()
    }
}

/// Seconds since the epoch for a UTC date and time.
fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    days * 86_400 + (hour * 3600 + minute * 60) as i64
}

#[test]
fn british_summer_time_starts_and_ends_on_the_last_sundays_of_march_and_october() {
    // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
    assert_eq!(LocalTime::uk(utc(2026, 3, 29, 0, 59)).minute_of_day, 59);
    assert_eq!(LocalTime::uk(utc(2026, 3, 29, 1, 0)).minute_of_day, 2 * 60);
    assert_eq!(LocalTime::uk(utc(2026, 10, 25, 0, 59)).minute_of_day, 60 + 59);
    assert_eq!(LocalTime::uk(utc(2026, 10, 25, 1, 0)).minute_of_day, 60);
    let summer = LocalTime::uk(utc(2026, 7, 14, 9, 30));
    assert_eq!((summer.month, summer.day, summer.weekday, summer.minute_of_day), (7, 14, 1, 10 * 60 + 30));
}

#[test]
fn a_tuesday_morning_group_is_open_on_tuesday_mornings_in_local_time() {
    let walk = schedule("TU", "10:00", "11:30");
    // 09:30 UTC on a July Tuesday is 10:30 BST: open. In December 09:30 UTC is 09:30 GMT: not yet.
    assert!(is_open(&walk, LocalTime::uk(utc(2026, 7, 14, 9, 30))));
    assert!(!is_open(&walk, LocalTime::uk(utc(2026, 12, 1, 9, 30))));
    assert!(is_open(&walk, LocalTime::uk(utc(2026, 12, 1, 10, 30))));
    assert!(!is_open(&walk, LocalTime::uk(utc(2026, 12, 2, 10, 30))), "Wednesday");
    assert!(!is_open(&walk, LocalTime::uk(utc(2026, 12, 1, 11, 30))), "closing time is not open");
}

#[test]
fn a_session_past_midnight_is_open_into_the_next_day() {
    let night = schedule("FR", "22:00", "02:00");
    assert!(is_open(&night, LocalTime::uk(utc(2026, 12, 4, 23, 0))), "Friday 11pm");
    assert!(is_open(&night, LocalTime::uk(utc(2026, 12, 5, 1, 0))), "Saturday 1am");
    assert!(!is_open(&night, LocalTime::uk(utc(2026, 12, 5, 3, 0))), "Saturday 3am");
    assert!(!is_open(&night, LocalTime::uk(utc(2026, 12, 6, 1, 0))), "Sunday 1am");
}

#[test]
fn monthly_schedules_pick_the_right_week() {
    let first_tuesday = schedule("1TU", "14:00", "16:00");
    assert!(is_open(&first_tuesday, LocalTime::uk(utc(2026, 12, 1, 15, 0))));
    assert!(!is_open(&first_tuesday, LocalTime::uk(utc(2026, 12, 8, 15, 0))));
    let last_friday = schedule("-1FR", "14:00", "16:00");
    assert!(is_open(&last_friday, LocalTime::uk(utc(2026, 11, 27, 15, 0))));
    assert!(!is_open(&last_friday, LocalTime::uk(utc(2026, 11, 20, 15, 0))));
}

#[test]
fn unreadable_schedules_are_never_open() {
    assert!(!is_open(&schedule("TU", "ten", "12:00"), LocalTime::uk(utc(2026, 12, 1, 10, 30))));
    assert!(!is_open(&Schedule::default(), LocalTime::uk(utc(2026, 12, 1, 10, 30))));
    assert!(is_open(&schedule("TU", "10:00:00+00:00", "12:00:00"), LocalTime::uk(utc(2026, 12, 1, 10, 30))));
}

#[test]
fn schedules_read_as_plain_words() {
    assert_eq!(in_words(&schedule("TU", "10:00", "12:00"), &english()), "Tuesdays, 10am to 12 noon");
    assert_eq!(
        in_words(&schedule("MO,WE,FR", "09:30", "13:00"), &english()),
        "Mondays, Wednesdays and Fridays, 9:30am to 1pm"
    );
    assert_eq!(
        in_words(&schedule("1TU", "14:00", "16:00"), &english()),
        "The first Tuesday of each month, 2pm to 4pm"
    );
    assert_eq!(
        in_words(&schedule("-1FR", "19:00", "00:00"), &english()),
        "The last Friday of each month, 7pm to midnight"
    );
    let described = Schedule {
        byday: Some("XX".into()),
        description: Some("Most weekends".into()),
        ..Default::default()
    };
    assert_eq!(in_words(&described, &english()), "Most weekends");
    assert_eq!(clock(0, &english()), "midnight");
    assert_eq!(clock(12 * 60 + 15, &english()), "12:15pm");
}

/// The English words, as the widget shows them.
fn english() -> waymark::core::i18n::Translator {
    waymark::core::i18n::Translator::new(
        None,
        waymark::core::i18n::Catalogue::parse(waymark::core::i18n::ENGLISH).unwrap(),
    )
}

/// The words of `code`, as the widget loads them (that language only).
fn words_in(code: &str) -> waymark::core::i18n::Translator {
    let path = format!("{}/public/locales/{code}.json", env!("CARGO_MANIFEST_DIR"));
    let catalogue = waymark::core::i18n::Catalogue::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    waymark::core::i18n::Translator::new(Some(catalogue), Default::default())
}

#[test]
fn times_dates_and_prices_are_written_the_way_each_language_writes_them() {
    use waymark::core::describe::{date_in_words, pounds};
    let polish = words_in("pl");
    assert_eq!(in_words(&schedule("TU", "10:00", "12:00"), &polish), "Wtorki, 10:00–12:00");
    assert_eq!(clock(14 * 60 + 30, &polish), "14:30");
    assert_eq!(pounds(2.5, &polish), "2,50\u{a0}£");
    assert_eq!(date_in_words("2026-09-04", &polish), "4 września 2026");
    let welsh = words_in("cy");
    assert_eq!(clock(9 * 60 + 5, &welsh), "9:05");
    assert!(date_in_words("2026-09-04", &welsh).contains("Medi"));
    // No English am/pm, day or month names in any translation.
    for code in ["cy", "pl", "ro", "pa", "ur", "bn", "ar"] {
        let tr = words_in(code);
        let when = in_words(&schedule("1TU", "14:00", "16:00"), &tr);
        for english in ["pm", "Tuesday", "first", "month"] {
            assert!(!when.contains(english), "{code}: {when}");
        }
        assert!(!date_in_words("2026-09-04", &tr).contains("September"), "{code}");
    }
}
