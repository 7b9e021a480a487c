//! Ordnance Survey National Grid (OSGB36, EPSG:27700) eastings and northings
//! to WGS84 latitude and longitude, after OS's "A guide to coordinate systems
//! in Great Britain": inverse Transverse Mercator on the Airy 1830 ellipsoid,
//! then a 7-parameter Helmert transform (good to about 5 m, far better than
//! a postcode centroid needs).

const AIRY_A: f64 = 6_377_563.396;
const AIRY_B: f64 = 6_356_256.909;
const WGS84_A: f64 = 6_378_137.0;
const WGS84_B: f64 = 6_356_752.314_2;
const F0: f64 = 0.999_601_271_7;
const E0: f64 = 400_000.0;
const N0: f64 = -100_000.0;

fn lat0() -> f64 {
    49f64.to_radians()
}
fn lon0() -> f64 {
    (-2f64).to_radians()
}

/// Meridional arc from the true origin to latitude `phi`.
fn meridional_arc(phi: f64) -> f64 {
    let n = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B);
    let (n2, n3) = (n * n, n * n * n);
    let (d, s) = (phi - lat0(), phi + lat0());
    AIRY_B
        * F0
        * ((1.0 + n + 1.25 * n2 + 1.25 * n3) * d - (3.0 * n + 3.0 * n2 + 21.0 / 8.0 * n3) * d.sin() * s.cos()
            + (15.0 / 8.0 * n2 + 15.0 / 8.0 * n3) * (2.0 * d).sin() * (2.0 * s).cos()
            - 35.0 / 24.0 * n3 * (3.0 * d).sin() * (3.0 * s).cos())
}

/// OSGB36 latitude and longitude (degrees) of a grid reference.
pub fn grid_to_osgb36(easting: f64, northing: f64) -> (f64, f64) {
    let e2 = 1.0 - (AIRY_B * AIRY_B) / (AIRY_A * AIRY_A);
    let mut phi = (northing - N0) / (AIRY_A * F0) + lat0();
    let mut m = meridional_arc(phi);
    while (northing - N0 - m).abs() >= 0.000_01 {
        phi += (northing - N0 - m) / (AIRY_A * F0);
        m = meridional_arc(phi);
    }
    let sin2 = phi.sin().powi(2);
    let nu = AIRY_A * F0 / (1.0 - e2 * sin2).sqrt();
    let rho = AIRY_A * F0 * (1.0 - e2) / (1.0 - e2 * sin2).powf(1.5);
    let eta2 = nu / rho - 1.0;
    let (tan, sec) = (phi.tan(), 1.0 / phi.cos());
    let (t2, t4, t6) = (tan * tan, tan.powi(4), tan.powi(6));
    let vii = tan / (2.0 * rho * nu);
    let viii = tan / (24.0 * rho * nu.powi(3)) * (5.0 + 3.0 * t2 + eta2 - 9.0 * t2 * eta2);
    let ix = tan / (720.0 * rho * nu.powi(5)) * (61.0 + 90.0 * t2 + 45.0 * t4);
    let x = sec / nu;
    let xi = sec / (6.0 * nu.powi(3)) * (nu / rho + 2.0 * t2);
    let xii = sec / (120.0 * nu.powi(5)) * (5.0 + 28.0 * t2 + 24.0 * t4);
    let xiia = sec / (5040.0 * nu.powi(7)) * (61.0 + 662.0 * t2 + 1320.0 * t4 + 720.0 * t6);
    let de = easting - E0;
    let lat = phi - vii * de.powi(2) + viii * de.powi(4) - ix * de.powi(6);
    let lon = lon0() + x * de - xi * de.powi(3) + xii * de.powi(5) - xiia * de.powi(7);
    (lat.to_degrees(), lon.to_degrees())
}

fn to_cartesian(lat: f64, lon: f64, a: f64, b: f64) -> [f64; 3] {
    let e2 = 1.0 - (b * b) / (a * a);
    let (phi, lambda) = (lat.to_radians(), lon.to_radians());
    let nu = a / (1.0 - e2 * phi.sin().powi(2)).sqrt();
    [nu * phi.cos() * lambda.cos(), nu * phi.cos() * lambda.sin(), (1.0 - e2) * nu * phi.sin()]
}

fn from_cartesian([x, y, z]: [f64; 3], a: f64, b: f64) -> (f64, f64) {
    let e2 = 1.0 - (b * b) / (a * a);
    let p = (x * x + y * y).sqrt();
    let mut phi = z.atan2(p * (1.0 - e2));
    for _ in 0..10 {
        let nu = a / (1.0 - e2 * phi.sin().powi(2)).sqrt();
        phi = (z + e2 * nu * phi.sin()).atan2(p);
    }
    (phi.to_degrees(), y.atan2(x).to_degrees())
}

/// OSGB36 → WGS84 with OS's published Helmert parameters.
pub fn osgb36_to_wgs84(lat: f64, lon: f64) -> (f64, f64) {
    let [x, y, z] = to_cartesian(lat, lon, AIRY_A, AIRY_B);
    let (tx, ty, tz) = (446.448, -125.157, 542.060);
    let s = -20.4894e-6;
    let arcsec = |v: f64| (v / 3600.0f64).to_radians();
    let (rx, ry, rz) = (arcsec(0.1502), arcsec(0.2470), arcsec(0.8421));
    let moved = [
        tx + (1.0 + s) * x - rz * y + ry * z,
        ty + rz * x + (1.0 + s) * y - rx * z,
        tz - ry * x + rx * y + (1.0 + s) * z,
    ];
    from_cartesian(moved, WGS84_A, WGS84_B)
}

/// WGS84 latitude and longitude (degrees) of a National Grid reference.
pub fn grid_to_wgs84(easting: f64, northing: f64) -> (f64, f64) {
    let (lat, lon) = grid_to_osgb36(easting, northing);
    osgb36_to_wgs84(lat, lon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_worked_example_in_the_os_guide() {
        // OS guide, annex C: E 651409.903, N 313177.270 → 52°39′27.2531″N, 1°43′4.5177″E (OSGB36).
        let (lat, lon) = grid_to_osgb36(651_409.903, 313_177.270);
        let expected_lat = 52.0 + 39.0 / 60.0 + 27.2531 / 3600.0;
        let expected_lon = 1.0 + 43.0 / 60.0 + 4.5177 / 3600.0;
        assert!((lat - expected_lat).abs() < 1e-6, "{lat}");
        assert!((lon - expected_lon).abs() < 1e-6, "{lon}");
    }

    #[test]
    fn the_datum_shift_is_about_a_hundred_metres_as_expected_in_britain() {
        let (lat, lon) = grid_to_osgb36(651_409.903, 313_177.270);
        let (wlat, wlon) = osgb36_to_wgs84(lat, lon);
        let north_m = (wlat - lat) * 111_000.0;
        let east_m = (wlon - lon) * 111_000.0 * lat.to_radians().cos();
        let shift = (north_m * north_m + east_m * east_m).sqrt();
        assert!((50.0..200.0).contains(&shift), "shift {shift} m");
    }

    #[test]
    fn a_known_landmark_lands_in_the_right_place() {
        // Nelson's Column, Trafalgar Square: about E 530047, N 180422 → 51.5077 N, −0.1280 W (WGS84).
        let (lat, lon) = grid_to_wgs84(530_047.0, 180_422.0);
        assert!((lat - 51.5077).abs() < 0.0005, "{lat}");
        assert!((lon + 0.1280).abs() < 0.0005, "{lon}");
    }
}
