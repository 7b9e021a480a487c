//! Positions and straight-line distances.

/// A WGS84 position in decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

const EARTH_RADIUS_KM: f64 = 6371.0088;
const KM_PER_MILE: f64 = 1.609_344;

impl LatLon {
    pub fn new(lat: f64, lon: f64) -> Self {
        LatLon { lat, lon }
    }

    /// A position from data, if it could be one anywhere on Earth: both
    /// numbers finite, latitude within ±90° and longitude within ±180°.
    /// Every coordinate read from a file comes through here.
    ///
    /// ```
    /// use waymark::core::geo::LatLon;
    /// assert_eq!(LatLon::checked(51.0, -3.1), Some(LatLon::new(51.0, -3.1)));
    /// assert_eq!(LatLon::checked(91.0, 0.0), None);
    /// assert_eq!(LatLon::checked(0.0, -1e9), None);
    /// assert_eq!(LatLon::checked(f64::NAN, 0.0), None);
    /// assert_eq!(LatLon::checked(0.0, f64::INFINITY), None);
    /// ```
    pub fn checked(lat: f64, lon: f64) -> Option<LatLon> {
        // NaN fails both range tests, and so do the infinities.
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some(LatLon { lat, lon })
    }

    /// Straight-line distance in kilometres, by the equirectangular
    /// approximation: within a few metres of the great-circle distance over
    /// the tens of miles a person would travel, and free of the trigonometry
    /// library, which would add kilobytes to the download.
    ///
    /// ```
    /// use waymark::core::geo::LatLon;
    /// let taunton = LatLon::new(51.0150, -3.1030);
    /// let bath = LatLon::new(51.3811, -2.3590);
    /// assert!((taunton.km_to(bath) - 64.0).abs() < 2.0);
    /// // A position no place could have is infinitely far from everywhere.
    /// assert_eq!(taunton.km_to(LatLon::new(f64::NAN, 1e300)), f64::INFINITY);
    /// ```
    pub fn km_to(self, other: LatLon) -> f64 {
        if LatLon::checked(self.lat, self.lon).is_none() || LatLon::checked(other.lat, other.lon).is_none() {
            return f64::INFINITY;
        }
        let mean_lat = ((self.lat + other.lat) / 2.0).to_radians();
        let x = (other.lon - self.lon).to_radians() * cos(mean_lat);
        let y = (other.lat - self.lat).to_radians();
        EARTH_RADIUS_KM * (x * x + y * y).sqrt()
    }

    /// Straight-line distance in miles.
    pub fn miles_to(self, other: LatLon) -> f64 {
        self.km_to(other) / KM_PER_MILE
    }

    /// Whether this could be a place in the UK (a loose box that also
    /// rejects placeholder coordinates such as 0,0 or 100,101).
    ///
    /// ```
    /// use waymark::core::geo::LatLon;
    /// assert!(LatLon::new(51.0, -3.1).is_in_uk_bounds());
    /// assert!(!LatLon::new(100.0, 101.0).is_in_uk_bounds());
    /// ```
    pub fn is_in_uk_bounds(self) -> bool {
        (49.8..=60.95).contains(&self.lat) && (-8.7..=1.8).contains(&self.lon)
    }
}

/// Cosine by its Taylor series, accurate to better than 1e-9 for the
/// latitudes of the British Isles (and to 1e-6 anywhere in ±90°).
fn cos(x: f64) -> f64 {
    let x2 = x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=10 {
        term *= -x2 / f64::from((2 * n - 1) * (2 * n));
        sum += term;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_cosine_matches_the_library_over_all_latitudes() {
        for tenth in -900..=900 {
            let x = f64::from(tenth) / 10.0;
            assert!((cos(x.to_radians()) - x.to_radians().cos()).abs() < 1e-6, "{x}");
        }
    }

    #[test]
    fn straight_line_distance_agrees_with_the_great_circle_across_a_county() {
        let haversine = |a: LatLon, b: LatLon| {
            let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
            let h = ((p2 - p1) / 2.0).sin().powi(2)
                + p1.cos() * p2.cos() * ((b.lon - a.lon).to_radians() / 2.0).sin().powi(2);
            2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
        };
        let taunton = LatLon::new(51.0150, -3.1030);
        for other in [LatLon::new(51.3811, -2.3590), LatLon::new(50.7, -3.5), LatLon::new(51.2, -2.6)] {
            let error = (taunton.km_to(other) - haversine(taunton, other)).abs();
            assert!(error < 0.1, "{other:?} off by {error} km");
        }
    }
}
