//! Directions to a group in the person's own maps app: Apple Maps on an
//! iPhone or iPad, a `geo:` address (which Android hands to whichever maps
//! app the person uses) on Android, and OpenStreetMap's directions anywhere
//! else. Each is a plain link that fetches nothing until it is followed, and
//! following it leaves Waymark, as the privacy page says.

use crate::core::directory::Service;
use crate::core::geo::LatLon;

/// Whose maps app a link should open, from the browser's own description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Apple,
    Android,
    Other,
}

impl Platform {
    /// The platform of a browser with this user agent and this many touch
    /// points. An iPad asks for desktop pages and calls itself a Mac, but a
    /// Mac has no touch screen.
    ///
    /// ```
    /// use waymark::core::directions::Platform;
    /// let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15";
    /// assert_eq!(Platform::from_browser(iphone, 5), Platform::Apple);
    /// assert_eq!(Platform::from_browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", 5), Platform::Apple);
    /// assert_eq!(Platform::from_browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", 0), Platform::Other);
    /// assert_eq!(Platform::from_browser("Mozilla/5.0 (Linux; Android 14; Pixel 8)", 5), Platform::Android);
    /// ```
    pub fn from_browser(user_agent: &str, touch_points: u32) -> Platform {
        // Bytes, not `str::contains`: a string searcher costs the download more than this.
        let has = |word: &str| user_agent.as_bytes().windows(word.len()).any(|w| w == word.as_bytes());
        if has("iPhone") || has("iPad") || has("iPod") || (has("Macintosh") && touch_points > 1) {
            Platform::Apple
        } else if has("Android") {
            Platform::Android
        } else {
            Platform::Other
        }
    }
}

/// Where the directions lead: the place's coordinates, or only its postcode.
#[derive(Clone, Debug, PartialEq)]
pub enum Destination {
    At(LatLon),
    Postcode(String),
}

/// A group's destination: its first place with coordinates, or failing
/// that its first postcode that is plainly a postcode. `None` for a group
/// with no place (online or by phone).
///
/// ```
/// use waymark::core::directions::{destination, Destination};
/// use waymark::core::directory::{Location, Service};
/// let mut walk = Service::default();
/// assert_eq!(destination(&walk), None);
/// walk.locations.push(Location { postcode: Some("ta1 1aa".into()), ..Location::default() });
/// assert_eq!(destination(&walk), Some(Destination::Postcode("TA1 1AA".into())));
/// ```
pub fn destination(service: &Service) -> Option<Destination> {
    let places = &service.locations;
    places.iter().find_map(|l| l.at).map(Destination::At).or_else(|| {
        places.iter().filter_map(|l| l.postcode.as_deref()).find_map(postcode).map(Destination::Postcode)
    })
}

/// A postcode in capitals with single spaces, if it is made only of letters,
/// digits and spaces, and is no longer than a postcode (so it can go into an
/// address as it is).
fn postcode(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let plain = words.iter().all(|w| w.chars().all(|c| c.is_ascii_alphanumeric()));
    let letters: usize = words.iter().map(|w| w.len()).sum();
    (plain && (2..=8).contains(&letters)).then(|| words.join(" ").to_ascii_uppercase())
}

/// The directions link to `to` for `platform`.
///
/// ```
/// use waymark::core::directions::{directions_href, Destination, Platform};
/// use waymark::core::geo::LatLon;
/// let park = Destination::At(LatLon::new(51.01289, -3.10859));
/// assert_eq!(directions_href(&park, Platform::Apple), "https://maps.apple.com/?daddr=51.01289,-3.10859");
/// assert_eq!(directions_href(&park, Platform::Android), "geo:51.01289,-3.10859?q=51.01289,-3.10859");
/// assert_eq!(
///     directions_href(&park, Platform::Other),
///     "https://www.openstreetmap.org/directions?to=51.01289%2C-3.10859"
/// );
/// let hall = Destination::Postcode("TA1 1AA".into());
/// assert_eq!(directions_href(&hall, Platform::Android), "geo:0,0?q=TA1%201AA");
/// ```
pub fn directions_href(to: &Destination, platform: Platform) -> String {
    match (to, platform) {
        (Destination::At(at), Platform::Apple) => {
            format!("https://maps.apple.com/?daddr={},{}", coordinate(at.lat), coordinate(at.lon))
        }
        (Destination::At(at), Platform::Android) => {
            let (lat, lon) = (coordinate(at.lat), coordinate(at.lon));
            format!("geo:{lat},{lon}?q={lat},{lon}")
        }
        (Destination::At(at), Platform::Other) => directions_url(*at),
        (Destination::Postcode(code), platform) => {
            let code = code.replace(' ', "%20");
            match platform {
                Platform::Apple => format!("https://maps.apple.com/?daddr={code}"),
                Platform::Android => format!("geo:0,0?q={code}"),
                Platform::Other => format!("https://www.openstreetmap.org/directions?to={code}"),
            }
        }
    }
}

/// A coordinate to five decimal places (about a metre), without float
/// formatting, which is large in wasm. Total: `as` saturates, and the
/// magnitude is taken unsigned, so even `i64::MIN` has one.
fn coordinate(value: f64) -> String {
    let scaled = (value * 100_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    format!("{sign}{}.{:05}", magnitude / 100_000, magnitude % 100_000)
}

/// Directions from wherever the person is, on OpenStreetMap (a link they
/// choose to follow; nothing is requested from there until they do).
///
/// ```
/// use waymark::core::geo::LatLon;
/// use waymark::core::directions::directions_url;
/// assert_eq!(
///     directions_url(LatLon::new(51.0158, -3.1)),
///     "https://www.openstreetmap.org/directions?to=51.01580%2C-3.10000"
/// );
/// ```
pub fn directions_url(at: LatLon) -> String {
    format!("https://www.openstreetmap.org/directions?to={}%2C{}", coordinate(at.lat), coordinate(at.lon))
}
