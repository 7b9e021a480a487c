//! Postcodes as people type them, and the committed centroid tables.

use std::fs;
use std::path::Path;

use waymark::core::geo::LatLon;
use waymark::core::postcode::{CentroidTable, Postcode, PostcodeProblem, Precision};

fn table(area: &str) -> CentroidTable {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("public/postcodes/{area}.txt"));
    CentroidTable::parse(&fs::read_to_string(path).unwrap()).unwrap()
}

fn locate(text: &str) -> waymark::core::postcode::Located {
    let postcode = Postcode::parse(text).unwrap();
    table(postcode.area()).lookup(&postcode).unwrap_or_else(|| panic!("{text} not found"))
}

#[test]
fn people_type_postcodes_in_many_ways() {
    for (typed, normal) in [
        ("TA1 2BX", "TA1 2BX"),
        ("ta12bx", "TA1 2BX"),
        (" TA1  2BX ", "TA1 2BX"),
        ("TA1", "TA1"),
        ("ta1", "TA1"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("W1A 1AA", "W1A 1AA"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("M1 1AE", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("ba11", "BA11"),
    ] {
        assert_eq!(Postcode::parse(typed).map(|p| p.to_string()), Ok(normal.to_string()), "{typed}");
    }
}

#[test]
fn things_that_are_not_postcodes_are_refused() {
    for typed in ["XYZ", "12345", "TA", "1TA", "TA1 2B", "TA1-2BX", "<script>", "AAA1 1AA"] {
        assert_eq!(Postcode::parse(typed), Err(PostcodeProblem::NotAPostcode), "{typed}");
    }
    assert_eq!(Postcode::parse("   "), Err(PostcodeProblem::Empty));
}

#[test]
fn northern_ireland_channel_islands_and_isle_of_man_are_named() {
    for typed in ["BT1 1AA", "bt7", "GY1 1AA", "JE2 3AB", "IM1 1AA"] {
        assert_eq!(Postcode::parse(typed), Err(PostcodeProblem::OutsideGreatBritain), "{typed}");
    }
    // B, G and I-less areas that merely start with those letters are fine.
    assert!(Postcode::parse("B1 1AA").is_ok());
    assert!(Postcode::parse("G1 1AA").is_ok());
}

#[test]
fn known_district_centroids_are_within_a_kilometre() {
    for (district, lat, lon) in [("TA1", 51.013, -3.103), ("BA1", 51.393, -2.361), ("SW1A", 51.505, -0.132)] {
        let located = locate(district);
        assert_eq!(located.precision, Precision::District);
        let km = located.at.km_to(LatLon::new(lat, lon));
        assert!(km < 1.0, "{district} is {km:.2} km off");
    }
}

#[test]
fn a_full_postcode_uses_its_sector_and_falls_back_to_the_district() {
    let sector = locate("TA1 2BX");
    assert_eq!(sector.precision, Precision::Sector);
    assert!(sector.at.km_to(locate("TA1").at) < 5.0);
    let unknown_sector = Postcode::parse("TA1 7ZZ").unwrap();
    assert_eq!(table("TA").lookup(&unknown_sector).unwrap().precision, Precision::District);
}

#[test]
fn every_committed_table_parses_and_lies_in_great_britain() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/postcodes");
    let mut areas = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().is_none_or(|e| e != "txt") || name == "LICENCE" {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# Contains Ordnance Survey data"), "{name} lacks the attribution");
        let table = CentroidTable::parse(&text).unwrap();
        assert!(!table.is_empty(), "{name}");
        for (key, at) in table.iter() {
            assert!(at.is_in_uk_bounds(), "{key} at {at:?}");
            assert!(key.starts_with(&name), "{key} in {name}.txt");
        }
        areas += 1;
    }
    assert!(areas >= 120, "only {areas} areas");
}

#[test]
fn a_damaged_table_names_the_line() {
    let err = CentroidTable::parse("# ok\nTA1,51.0,-3.1\nTA2;51.0\n").unwrap_err();
    assert_eq!(err.field, "line 3");
}
