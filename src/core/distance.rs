//! Distances in human terms: miles, and roughly how long on foot or by car,
//! always as measured in a straight line (the widget has no route data).
//! Numbers only; the words come from the translation catalogue.

/// Average walking pace used for "about a 15 minute walk": 3 mph.
const WALK_MINUTES_PER_MILE: f64 = 20.0;
/// Beyond this a walk is not suggested.
const LONGEST_WALK_MILES: f64 = 1.5;
/// Town driving, with a few minutes to park: 2 minutes a mile plus 3.
const DRIVE_MINUTES_PER_MILE: f64 = 2.0;
const DRIVE_EXTRA_MINUTES: f64 = 3.0;

/// How far, in ways a person can picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Distance {
    /// Miles in tenths (12 = 1.2 miles), so no float formatting is needed to show it.
    pub tenths_of_a_mile: u32,
    /// About how many minutes' walk, when close enough to walk.
    pub walk_minutes: Option<u32>,
    /// About how many minutes by car.
    pub drive_minutes: u32,
}

/// Rounds to the nearest 5 minutes, never below 5 (and, for distances
/// beyond reason, never past `u32::MAX` rather than overflowing).
fn nearest_five(minutes: f64) -> u32 {
    // `as` saturates (and takes NaN to 0); the multiplication must too.
    ((minutes / 5.0).round() as u32).saturating_mul(5).max(5)
}

impl Distance {
    /// ```
    /// use waymark::core::distance::Distance;
    /// let d = Distance::from_miles(0.74);
    /// assert_eq!(d.tenths_of_a_mile, 7);
    /// assert_eq!(d.walk_minutes, Some(15));
    /// assert_eq!(Distance::from_miles(12.0).walk_minutes, None);
    /// // Any number at all gives some distance, never a panic.
    /// assert_eq!(Distance::from_miles(f64::INFINITY).walk_minutes, None);
    /// assert_eq!(Distance::from_miles(f64::NAN).tenths_of_a_mile, 0);
    /// ```
    pub fn from_miles(miles: f64) -> Distance {
        let miles = miles.max(0.0);
        Distance {
            tenths_of_a_mile: (miles * 10.0).round() as u32,
            walk_minutes: (miles <= LONGEST_WALK_MILES).then(|| nearest_five(miles * WALK_MINUTES_PER_MILE)),
            drive_minutes: nearest_five(miles * DRIVE_MINUTES_PER_MILE + DRIVE_EXTRA_MINUTES),
        }
    }

    /// "1.2", "0.3", "15" — miles as text.
    pub fn miles_text(&self) -> String {
        let (whole, tenth) = (self.tenths_of_a_mile / 10, self.tenths_of_a_mile % 10);
        if whole >= 10 || tenth == 0 {
            (whole + u32::from(whole >= 10 && tenth >= 5)).to_string()
        } else {
            format!("{whole}.{tenth}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_distances_are_walks_rounded_to_five_minutes() {
        assert_eq!(Distance::from_miles(0.0).walk_minutes, Some(5), "never 'a 0 minute walk'");
        assert_eq!(Distance::from_miles(0.1).walk_minutes, Some(5));
        assert_eq!(Distance::from_miles(0.5).walk_minutes, Some(10));
        assert_eq!(Distance::from_miles(0.75).walk_minutes, Some(15));
        assert_eq!(Distance::from_miles(1.5).walk_minutes, Some(30));
        assert_eq!(Distance::from_miles(1.6).walk_minutes, None);
    }

    #[test]
    fn driving_time_grows_with_distance() {
        assert_eq!(Distance::from_miles(1.0).drive_minutes, 5);
        assert_eq!(Distance::from_miles(3.5).drive_minutes, 10);
        assert_eq!(Distance::from_miles(20.0).drive_minutes, 45);
    }

    #[test]
    fn miles_read_naturally() {
        assert_eq!(Distance::from_miles(0.26).miles_text(), "0.3");
        assert_eq!(Distance::from_miles(1.0).miles_text(), "1");
        assert_eq!(Distance::from_miles(2.44).miles_text(), "2.4");
        assert_eq!(Distance::from_miles(14.6).miles_text(), "15");
        assert_eq!(Distance::from_miles(-1.0).miles_text(), "0");
    }
}
