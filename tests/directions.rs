//! Directions to a group open the person's own maps app at the group's place.

use waymark::core::directions::{destination, directions_href, Destination, Platform};
use waymark::core::directory::{Location, Service};
use waymark::core::geo::LatLon;

const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const IPAD: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
const WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const LINUX_CHROMIUM: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/148.0 Safari/537.36";

fn place(at: Option<LatLon>, postcode: Option<&str>) -> Location {
    Location { at, postcode: postcode.map(str::to_string), ..Location::default() }
}

#[test]
fn each_platform_gets_its_own_maps_app() {
    assert_eq!(Platform::from_browser(IPHONE, 5), Platform::Apple);
    assert_eq!(Platform::from_browser(IPAD, 5), Platform::Apple, "an iPad that calls itself a Mac");
    assert_eq!(Platform::from_browser(IPAD, 0), Platform::Other, "a Mac");
    assert_eq!(Platform::from_browser(ANDROID, 5), Platform::Android);
    assert_eq!(Platform::from_browser(WINDOWS, 0), Platform::Other);
    assert_eq!(Platform::from_browser(LINUX_CHROMIUM, 0), Platform::Other);
    assert_eq!(Platform::from_browser("", 0), Platform::Other);
}

#[test]
fn the_link_holds_the_coordinates_when_they_are_known() {
    let park = Destination::At(LatLon::new(51.012_894, -3.108_586));
    assert_eq!(directions_href(&park, Platform::Apple), "https://maps.apple.com/?daddr=51.01289,-3.10859");
    assert_eq!(directions_href(&park, Platform::Android), "geo:51.01289,-3.10859?q=51.01289,-3.10859");
    assert_eq!(
        directions_href(&park, Platform::Other),
        "https://www.openstreetmap.org/directions?to=51.01289%2C-3.10859"
    );
    let west = Destination::At(LatLon::new(50.5, -0.000_01));
    assert_eq!(directions_href(&west, Platform::Android), "geo:50.50000,-0.00001?q=50.50000,-0.00001");
}

#[test]
fn the_postcode_stands_in_when_it_is_all_that_is_known() {
    let hall = Destination::Postcode("TA1 1AA".into());
    assert_eq!(directions_href(&hall, Platform::Apple), "https://maps.apple.com/?daddr=TA1%201AA");
    assert_eq!(directions_href(&hall, Platform::Android), "geo:0,0?q=TA1%201AA");
    assert_eq!(
        directions_href(&hall, Platform::Other),
        "https://www.openstreetmap.org/directions?to=TA1%201AA"
    );
}

#[test]
fn the_destination_is_the_first_place_on_the_map_then_the_first_plain_postcode() {
    let mut group = Service::default();
    assert_eq!(destination(&group), None, "online or by phone: no directions");
    group.locations = vec![place(None, Some("TA1 1AA&x=<b>")), place(None, Some(" ba1   1aa "))];
    assert_eq!(destination(&group), Some(Destination::Postcode("BA1 1AA".into())), "only a plain postcode");
    group.locations.push(place(Some(LatLon::new(51.0, -3.1)), None));
    assert_eq!(destination(&group), Some(Destination::At(LatLon::new(51.0, -3.1))), "coordinates first");
    group.locations = vec![place(None, Some("a very long postcode indeed"))];
    assert_eq!(destination(&group), None);
}
