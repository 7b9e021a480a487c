//! What a person types as a postcode, and where it is, from the committed
//! Code-Point Open centroid tables (no postcode web service, ever).

use crate::core::geo::LatLon;
use crate::core::FieldError;

/// A postcode or just its district, normalised: `TA1 2BX`, `TA1`, `TA1 2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Postcode {
    /// The outward code, e.g. `TA1`, `SW1A`.
    pub district: String,
    /// The inward code when a full postcode was given, e.g. `2BX`.
    pub inward: Option<String>,
}

/// Why some text is not a postcode we can place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostcodeProblem {
    /// Nothing was entered.
    Empty,
    /// Not shaped like a UK postcode.
    NotAPostcode,
    /// A real postcode outside Great Britain (Northern Ireland, the Channel
    /// Islands, the Isle of Man), which Code-Point Open does not cover.
    OutsideGreatBritain,
}

/// Areas with postcodes that Code-Point Open (Great Britain only) leaves out.
const OUTSIDE_GB: [&str; 4] = ["BT", "GY", "JE", "IM"];

fn is_outward(code: &str) -> bool {
    let letters = code.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    // ASCII letters are one byte each, so this is a character boundary; `get` all the same.
    let Some(rest) = code.get(letters..) else { return false };
    let mut rest_chars = rest.chars();
    let digit_first = rest_chars.next().is_some_and(|c| c.is_ascii_digit());
    let tail: Vec<char> = rest_chars.collect();
    let tail_ok = match tail.as_slice() {
        [] => true,
        [c] => c.is_ascii_alphanumeric(),
        _ => false,
    };
    (1..=2).contains(&letters) && digit_first && tail_ok
}

fn is_inward(code: &str) -> bool {
    let c: Vec<char> = code.chars().collect();
    c.len() == 3 && c[0].is_ascii_digit() && c[1].is_ascii_alphabetic() && c[2].is_ascii_alphabetic()
}

impl Postcode {
    /// Reads a postcode as people type it: any case, any spacing, full or
    /// just the district.
    ///
    /// ```
    /// use waymark::core::postcode::{Postcode, PostcodeProblem};
    /// assert_eq!(Postcode::parse(" ta12bx ").unwrap().to_string(), "TA1 2BX");
    /// assert_eq!(Postcode::parse("TA1").unwrap().to_string(), "TA1");
    /// assert_eq!(Postcode::parse("BT1 1AA"), Err(PostcodeProblem::OutsideGreatBritain));
    /// assert_eq!(Postcode::parse("XYZ"), Err(PostcodeProblem::NotAPostcode));
    /// ```
    pub fn parse(text: &str) -> Result<Postcode, PostcodeProblem> {
        let compact: String =
            text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if compact.is_empty() {
            return Err(PostcodeProblem::Empty);
        }
        if !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(PostcodeProblem::NotAPostcode);
        }
        // Only ASCII letters and digits are left, so byte positions are
        // characters; `get` keeps that from ever being a panic all the same.
        let split = compact.len().saturating_sub(3);
        let (district, inward) = match (compact.get(..split), compact.get(split..)) {
            (Some(d), Some(i)) if compact.len() >= 5 && is_inward(i) => (d.to_string(), Some(i.to_string())),
            _ => (compact, None),
        };
        if !is_outward(&district) {
            return Err(PostcodeProblem::NotAPostcode);
        }
        if OUTSIDE_GB.iter().any(|a| {
            district.strip_prefix(a).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        }) {
            return Err(PostcodeProblem::OutsideGreatBritain);
        }
        Ok(Postcode { district, inward })
    }

    /// The postcode area (the leading letters), which names its table file.
    pub fn area(&self) -> &str {
        let letters = self.district.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        self.district.get(..letters).unwrap_or_default()
    }

    /// The sector, `TA1 2`, when a full postcode was given.
    pub fn sector(&self) -> Option<String> {
        let digit = self.inward.as_ref()?.chars().next()?;
        Some(format!("{} {digit}", self.district))
    }
}

impl std::fmt::Display for Postcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inward {
            Some(inward) => write!(f, "{} {inward}", self.district),
            None => write!(f, "{}", self.district),
        }
    }
}

/// How precisely a postcode was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Sector,
    District,
}

/// Where a postcode is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Located {
    pub at: LatLon,
    pub precision: Precision,
}

/// One postcode area's district and sector centroids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CentroidTable {
    rows: Vec<(String, LatLon)>,
}

impl CentroidTable {
    /// Parses a `public/postcodes/<AREA>.txt` file: `#` comment lines, then
    /// `KEY,lat,lon` lines. A line that is not that, or whose position is
    /// not one on Earth (see [`LatLon::checked`]), is an error naming the line.
    ///
    /// ```
    /// use waymark::core::postcode::{CentroidTable, Postcode, Precision};
    /// let table = CentroidTable::parse("# credits\nTA1,51.0132,-3.1029\nTA1 2,51.0158,-3.0783\n").unwrap();
    /// let at = table.lookup(&Postcode::parse("TA1 2BX").unwrap()).unwrap();
    /// assert_eq!(at.precision, Precision::Sector);
    /// let at = table.lookup(&Postcode::parse("TA1 7ZZ").unwrap()).unwrap();
    /// assert_eq!(at.precision, Precision::District);
    /// assert_eq!(CentroidTable::parse("TA1,91,-3.1").unwrap_err().field, "line 1");
    /// ```
    pub fn parse(text: &str) -> Result<CentroidTable, FieldError> {
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || FieldError::new(format!("line {}", i + 1), "expected KEY,latitude,longitude");
            let mut parts = line.split(',');
            let (Some(key), Some(lat), Some(lon), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(bad());
            };
            // serde_json's number reader, already in the download, not
            // `str::parse::<f64>`, whose tables cost the wasm ~13 KB.
            // Too large for an f64 (1e400) is an error, so no place.
            let number = |text: &str| serde_json::from_str::<f64>(text.trim()).ok();
            let (Some(lat), Some(lon)) = (number(lat), number(lon)) else { return Err(bad()) };
            let Some(at) = LatLon::checked(lat, lon) else {
                let place = "is not a place: latitude must be -90 to 90, longitude -180 to 180";
                return Err(FieldError::new(format!("line {}", i + 1), place));
            };
            rows.push((key.to_string(), at));
        }
        Ok(CentroidTable { rows })
    }

    fn get(&self, key: &str) -> Option<LatLon> {
        self.rows.iter().find(|(k, _)| k == key).map(|(_, at)| *at)
    }

    /// The sector centroid when a sector was given and is known, else the district's.
    pub fn lookup(&self, postcode: &Postcode) -> Option<Located> {
        if let Some(at) = postcode.sector().and_then(|s| self.get(&s)) {
            return Some(Located { at, precision: Precision::Sector });
        }
        self.get(&postcode.district).map(|at| Located { at, precision: Precision::District })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, LatLon)> {
        self.rows.iter().map(|(k, at)| (k.as_str(), *at))
    }
}
