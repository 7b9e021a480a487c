//! One JSON document from a publisher, read in two passes over its text so
//! that no more than one service is ever held as a `serde_json::Value`:
//! [`outline`] says what the document is (a bare list, an object with a
//! list and perhaps paging fields, or one service) without building its
//! values, and [`each_service`] then hands over its services one by one.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The fields a list of services is published under: ORUK 3.0 pages and
/// exports (`contents`), ORUK v1 and Outpost pages (`content`), and
/// directory files (`services`).
const LISTS: [&str; 3] = ["contents", "content", "services"];

const PAGING: [&str; 10] = [
    "page_number",
    "number",
    "first_page",
    "first",
    "last_page",
    "last",
    "total_pages",
    "totalPages",
    "total_items",
    "totalElements",
];

/// What a page envelope says about where it sits in its feed, in either
/// naming (ORUK 3.0 `page_number`/`last_page`/`total_pages`; ORUK v1 and
/// Outpost `number`/`last`/`totalPages`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paging {
    pub number: Option<i64>,
    pub first: Option<bool>,
    pub last: Option<bool>,
    pub total_pages: Option<i64>,
    pub total_items: Option<i64>,
}

impl Paging {
    fn set(&mut self, key: &str, value: &Value) {
        match key {
            "page_number" | "number" => self.number = self.number.or(value.as_i64()),
            "first_page" | "first" => self.first = self.first.or(value.as_bool()),
            "last_page" | "last" => self.last = self.last.or(value.as_bool()),
            "total_pages" | "totalPages" => self.total_pages = self.total_pages.or(value.as_i64()),
            "total_items" | "totalElements" => self.total_items = self.total_items.or(value.as_i64()),
            _ => {}
        }
    }

    /// Whether any field says this is one page of several.
    pub fn is_paged(&self) -> bool {
        self.number.is_some() || self.first.is_some() || self.last.is_some() || self.total_pages.is_some()
    }

    /// Whether the envelope says it holds the whole feed: no paging at all
    /// (only a count, as this command writes), one page in all, or the
    /// first page and the last.
    pub fn is_whole(&self) -> bool {
        !self.is_paged()
            || self.total_pages.is_some_and(|t| t <= 1)
            || (self.first == Some(true) && self.last == Some(true))
    }

    /// "page 1 of 292", as a person would count it.
    pub fn describe(&self) -> String {
        // Spring (ORUK v1) counts from 0 and says `first`; everyone else from 1.
        let number = match (self.number, self.first) {
            (_, Some(true)) => Some(1),
            (Some(0), _) => Some(1),
            (n, _) => n,
        };
        match (number, self.total_pages) {
            (Some(n), Some(total)) => format!("page {n} of {total}"),
            (Some(n), None) => format!("page {n}"),
            (None, Some(total)) => format!("one page of {total}"),
            (None, None) => "one page".into(),
        }
    }
}

/// What a document is.
#[derive(Debug, PartialEq)]
pub enum Outline {
    /// A bare list of services.
    List,
    /// An object with a list of services under `key`, and its paging fields.
    Listed { key: &'static str, paging: Paging },
    /// One service record (an object with an `id` or a `name`, and no list).
    Single,
    /// Something else: what it holds, for the message.
    Other(String),
}

/// What `text` is, without building its values. An error only for text
/// that is not JSON.
pub fn outline(text: &str) -> Result<Outline, String> {
    let mut reader = serde_json::Deserializer::from_str(without_bom(text));
    let outline = reader.deserialize_any(OutlineVisitor).map_err(|e| e.to_string())?;
    reader.end().map_err(|e| e.to_string())?;
    Ok(outline)
}

/// Gives every service of the document `text` to `each`, in order: the
/// items of a bare list or of the object's list, or the one service.
pub fn each_service(text: &str, outline: &Outline, each: &mut dyn FnMut(Value)) -> Result<(), String> {
    let text = without_bom(text);
    let result = match outline {
        Outline::Single => serde_json::from_str::<Value>(text).map(each),
        Outline::List => serde_json::Deserializer::from_str(text).deserialize_seq(Items(each)),
        Outline::Listed { key, .. } => {
            serde_json::Deserializer::from_str(text).deserialize_map(ListedItems { key, each })
        }
        Outline::Other(_) => Ok(()),
    };
    result.map_err(|e| e.to_string())
}

/// .NET and Windows publishers start their files with a byte-order mark,
/// which JSON does not allow and serde does not skip.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

struct OutlineVisitor;

impl<'de> Visitor<'de> for OutlineVisitor {
    type Value = Outline;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Outline, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Outline::List)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Outline, A::Error> {
        let (mut list, mut paging, mut named) = (None, Paging::default(), false);
        while let Some(key) = map.next_key::<String>()? {
            match LISTS.iter().find(|k| **k == key) {
                Some(k) if list.is_none() => {
                    if map.next_value_seed(IsList)? {
                        list = Some(*k);
                    }
                }
                _ if matches!(key.as_str(), "id" | "name") => {
                    named = true;
                    map.next_value::<IgnoredAny>()?;
                }
                // Paging values are small; anything else is skipped unbuilt
                // (an export's `organizations` list can be as large as its services).
                _ if PAGING.contains(&key.as_str()) => {
                    let value: Value = map.next_value()?;
                    paging.set(&key, &value);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(match (list, named) {
            (Some(key), _) => Outline::Listed { key, paging },
            (None, true) => Outline::Single,
            (None, false) => Outline::Other("an object with no list of services and no id or name".into()),
        })
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Outline, E> {
        Ok(Outline::Other("a string".into()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Outline, E> {
        Ok(Outline::Other("true or false".into()))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Outline, E> {
        Ok(Outline::Other("a number".into()))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Outline, E> {
        Ok(Outline::Other("a number".into()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Outline, E> {
        Ok(Outline::Other("a number".into()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Outline, E> {
        Ok(Outline::Other("null".into()))
    }
}

/// Skips one value, saying whether it was a list.
struct IsList;

impl<'de> DeserializeSeed<'de> for IsList {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(IsListVisitor)
    }
}

struct IsListVisitor;

impl<'de> Visitor<'de> for IsListVisitor {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// Hands each item of a list to the callback as it is read.
struct Items<'a>(&'a mut dyn FnMut(Value));

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of services")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<Value>()? {
            (self.0)(item);
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// The items of the list under `key`, everything else skipped unbuilt.
struct ListedItems<'a> {
    key: &'static str,
    each: &'a mut dyn FnMut(Value),
}

impl<'de> Visitor<'de> for ListedItems<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a list of services")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut done = false;
        while let Some(key) = map.next_key::<String>()? {
            if !done && key == self.key {
                map.next_value_seed(Items(&mut *self.each))?;
                done = true;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services(text: &str) -> (Outline, Vec<Value>) {
        let outline = outline(text).unwrap();
        let mut seen = Vec::new();
        each_service(text, &outline, &mut |v| seen.push(v)).unwrap();
        (outline, seen)
    }

    #[test]
    fn every_shape_a_publisher_sends_is_told_apart() {
        let (shape, items) = services("\u{feff}[{\"id\":\"a\"},{\"id\":\"b\"}]");
        assert_eq!((shape, items.len()), (Outline::List, 2), "a byte-order mark is skipped");
        let (shape, items) = services(r#"{"id": 7, "name": "Walk", "contacts": []}"#);
        assert_eq!((shape, items[0]["id"].as_i64()), (Outline::Single, Some(7)));
        let page = r#"{"total_items": 2920, "contents": [{"id":"a"}], "total_pages": 292, "page_number": 1, "last_page": false}"#;
        let (shape, items) = services(page);
        let Outline::Listed { key, paging } = shape else { panic!("{shape:?}") };
        assert_eq!((key, items.len()), ("contents", 1));
        assert!(!paging.is_whole());
        assert_eq!(paging.describe(), "page 1 of 292");
        let v1 = r#"{"content": [], "totalPages": 3, "number": 0, "first": true, "last": false}"#;
        let Outline::Listed { paging, .. } = outline(v1).unwrap() else { panic!() };
        assert_eq!(paging.describe(), "page 1 of 3");
        let (shape, items) = services(r#"{"services": [{}, {}]}"#);
        assert!(matches!(shape, Outline::Listed { key: "services", ref paging } if paging.is_whole()));
        assert_eq!(items.len(), 2);
        assert!(matches!(outline(r#"{"version": "HSDS-UK-3.0"}"#).unwrap(), Outline::Other(_)));
        assert!(matches!(outline("3").unwrap(), Outline::Other(_)));
        assert!(outline("[1,").is_err() && outline("[] []").is_err());
    }

    #[test]
    fn a_list_field_that_is_no_list_does_not_make_a_directory() {
        let shape = outline(r#"{"contents": "none", "id": "x"}"#).unwrap();
        assert_eq!(shape, Outline::Single);
        let whole = r#"{"contents": [{"id": 1}], "total_pages": 1, "page_number": 1, "first_page": true, "last_page": true}"#;
        assert!(matches!(outline(whole).unwrap(), Outline::Listed { paging, .. } if paging.is_whole()));
    }

    #[test]
    fn a_document_cut_off_anywhere_is_an_error_never_a_panic_or_a_short_directory() {
        let text = r#"{"contents": [{"id": "a", "name": "Walk \u00e9", "x": [1, {"y": null}]}, {"id": 2}], "total_pages": 1}"#;
        for cut in (0..text.len()).filter(|i| text.is_char_boundary(*i)) {
            let part = &text[..cut];
            let read = outline(part).and_then(|o| each_service(part, &o, &mut |_| {}).map(|_| o));
            assert!(read.is_err(), "{part:?} read as {read:?}");
        }
    }
}
