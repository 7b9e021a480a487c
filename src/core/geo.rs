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

    /// Great-circle distance in kilometres (haversine).
    ///
    /// ```
    /// use waymark::core::geo::LatLon;
    /// let taunton = LatLon::new(51.0150, -3.1030);
    /// let bath = LatLon::new(51.3811, -2.3590);
    /// assert!((taunton.km_to(bath) - 64.0).abs() < 2.0);
    /// ```
    pub fn km_to(self, other: LatLon) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
    }

    /// Great-circle distance in miles.
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
