//! The serde pieces that let the derived directory types read a third
//! party's file one field at a time.
//!
//! A derived struct fails as a whole when one field fails, and serde_json
//! cannot find its place in the text again after an error. So a [`Record`]
//! first cuts each field's value out of the object as borrowed raw JSON
//! (which only checks its syntax, known good by then), and each field then
//! reads its own piece: what that makes of it costs no more than the field.
//! The field types here ([`Given`], [`One`], [`Many`], [`Texts`]) rely on
//! that: they are fields of structs read through a `Record`, never read
//! from the middle of a file. List items have no `Record` to cut them out,
//! so [`Lenient`] does it for each one. Borrowed, the raw text is never
//! copied, and the file is never held as a tree of values.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A field's value as the file gives it, read as far as the checks need:
/// text or a number is shown in a warning as written, and either may stand
/// for the other (`"51.01"`, `"id": 42`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Given {
    /// Not in the object at all.
    #[default]
    Missing,
    Null,
    Bool(bool),
    /// Infinite when too large for an f64 (`1e400`), as `JSON.parse` reads
    /// it: serde_json would refuse it, and it should fail range checks, not the file.
    Number(f64),
    Text(String),
    /// Lists and objects are never a value these fields can use.
    List,
    Object,
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&RawValue>::deserialize(deserializer).map(Given::of)
    }
}

impl Given {
    /// What `raw` holds. Its kind is plain from its first character, since
    /// serde_json has checked it is one JSON value.
    pub fn of(raw: &RawValue) -> Given {
        let json = raw.get().trim_start();
        match json.as_bytes().first() {
            Some(b'n') => Given::Null,
            Some(b't') => Given::Bool(true),
            Some(b'f') => Given::Bool(false),
            // A lone surrogate (`"\ud800"`) is no text serde_json will hold: blank.
            Some(b'"') => Given::Text(serde_json::from_str(json).unwrap_or_default()),
            Some(b'[') => Given::List,
            Some(b'{') => Given::Object,
            _ => Given::Number(number(json)),
        }
    }

    /// The value, if it holds something: not missing, null or blank text.
    pub fn given(&self) -> Option<&Given> {
        match self {
            Given::Missing | Given::Null => None,
            Given::Text(s) if s.trim().is_empty() => None,
            value => Some(value),
        }
    }

    /// The value as text, trimmed. A whole number is text too (ids are
    /// often numbers), but not a fraction: formatting floats would add a lot
    /// to the download.
    pub fn text(&self) -> Option<String> {
        match self {
            Given::Text(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Given::Number(n) => whole(*n).map(|v| v.to_string()),
            _ => None,
        }
    }

    /// Whether [`Given::text`] has something, without building it.
    pub fn has_text(&self) -> bool {
        match self {
            Given::Text(s) => !s.trim().is_empty(),
            Given::Number(n) => whole(*n).is_some(),
            _ => false,
        }
    }

    /// The value as a number: a number, or text holding one written as JSON
    /// writes it ("51.01", not "NaN", "Infinity" or "0x10").
    pub fn number(&self) -> Option<f64> {
        match self {
            Given::Number(n) => Some(*n),
            Given::Text(s) => {
                let s = s.trim();
                let raw = serde_json::from_str::<&RawValue>(s).ok()?;
                matches!(Given::of(raw), Given::Number(_)).then(|| number(s))
            }
            _ => None,
        }
    }
}

/// A JSON number's value. serde_json refuses valid number text only when
/// it is too large for an f64: then it is infinite, as `JSON.parse` reads it.
fn number(json: &str) -> f64 {
    serde_json::from_str(json.trim()).unwrap_or(if json.trim_start().starts_with('-') {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

/// Largest integer an f64 holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A whole number that fits exactly.
pub fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() <= MAX_SAFE).then_some(n as i64)
}

/// A `T`, or `None` when the value cannot be one.
pub struct Lenient<T>(pub Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        Ok(Lenient(T::deserialize(raw).ok()))
    }
}

/// A derived struct `T`, read only from a JSON object (serde_json would
/// also take a list of the fields in order) and, as `JSON.parse` reads an
/// object, keeping the last value of a repeated field where the derived
/// reader would refuse the object. Values of fields `T` does not name are
/// skipped unread.
pub struct Record<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(Gather(deserializer)).map(Record)
    }
}

/// Hands a derived struct its fields once each, having gathered them from
/// the whole object: the struct's own reader learns its field names here,
/// in `deserialize_struct`.
struct Gather<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Gather<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let values = self.0.deserialize_map(Collect(fields))?;
        let given = fields.iter().copied().zip(values).filter_map(|(name, value)| Some((name, value?)));
        visitor.visit_map(Gathered { fields: given, value: None, error: PhantomData })
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The last value of each named field of an object.
struct Collect(&'static [&'static str]);

impl<'de> Visitor<'de> for Collect {
    type Value = Vec<Option<&'de RawValue>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object ({ … })")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = vec![None; self.0.len()];
        while let Some(field) = map.next_key_seed(FieldIndex(self.0))? {
            match field {
                Some(i) => values[i] = Some(map.next_value()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(values)
    }
}

/// Which of the names a key is, if any.
struct FieldIndex(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for FieldIndex {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for FieldIndex {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|name| *name == key))
    }
}

struct Gathered<'de, I, E> {
    fields: I,
    value: Option<&'de RawValue>,
    error: PhantomData<E>,
}

impl<'de, I, E> MapAccess<'de> for Gathered<'de, I, E>
where
    I: Iterator<Item = (&'static str, &'de RawValue)>,
    E: de::Error,
{
    type Error = E;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, E> {
        let Some((name, value)) = self.fields.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(BorrowedStrDeserializer::new(name)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, E> {
        let value = self.value.take().ok_or_else(|| E::custom("a value asked for before its field"))?;
        seed.deserialize(value).map_err(E::custom)
    }
}

/// An object field: `None` when it is missing or anything but an object.
pub struct One<T>(pub Option<T>);

impl<T> Default for One<T> {
    fn default() -> Self {
        One(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for One<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(One(Record::deserialize(deserializer).ok().map(|Record(t)| t)))
    }
}

impl<T> One<T> {
    pub fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

/// A list of objects: empty when the field is missing or not a list, and
/// without the items that are not objects. Each item keeps its place in
/// the file's list, for warnings that name it.
pub struct Many<T>(pub Vec<(usize, T)>);

impl<T> Default for Many<T> {
    fn default() -> Self {
        Many(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Many<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = Vec::<Lenient<Record<T>>>::deserialize(deserializer).unwrap_or_default();
        let items = items.into_iter().enumerate();
        Ok(Many(items.filter_map(|(i, Lenient(item))| Some((i, item?.0))).collect()))
    }
}

impl<T> Many<T> {
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, item)| item)
    }

    /// Adds `other`'s items after these, each keeping its place in its own list.
    pub fn append(&mut self, other: Many<T>) {
        self.0.extend(other.0);
    }
}

/// A list of text: empty when the field is not a list, and without the
/// items that are not text.
#[derive(Default)]
pub struct Texts(pub Vec<String>);

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = Vec::<Given>::deserialize(deserializer).unwrap_or_default();
        let text = |item| match item {
            Given::Text(s) => Some(s),
            _ => None,
        };
        Ok(Texts(items.into_iter().filter_map(text).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default, Deserialize)]
    #[serde(default)]
    struct Walk {
        name: Given,
        stops: Many<Stop>,
        leader: One<Stop>,
    }

    #[derive(Default, Deserialize)]
    #[serde(default)]
    struct Stop {
        name: Given,
    }

    fn walk(json: &str) -> Option<Walk> {
        serde_json::from_str::<Record<Walk>>(json).ok().map(|Record(walk)| walk)
    }

    #[test]
    fn a_record_is_read_only_from_an_object_and_keeps_a_repeated_fields_last_value() {
        assert!(walk(r#"["Riverside"]"#).is_none(), "a derived struct alone would take a list");
        let walk = walk(r#"{ "name": "First", "other": [1e400], "name": "Second" }"#).unwrap();
        assert_eq!(walk.name, Given::Text("Second".into()));
    }

    #[test]
    fn a_value_that_cannot_be_read_costs_only_its_field_or_list_item() {
        let walk = walk(
            r#"{ "name": 1e400, "leader": "Ann", "stops": [ { "name": "\ud800" }, 7, { "name": -1e400 }, [] ] }"#,
        )
        .unwrap();
        assert_eq!(walk.name, Given::Number(f64::INFINITY));
        assert!(walk.leader.get().is_none());
        let stops: Vec<(usize, &Given)> = walk.stops.0.iter().map(|(i, s)| (*i, &s.name)).collect();
        assert_eq!(stops, [(0, &Given::Text(String::new())), (2, &Given::Number(f64::NEG_INFINITY))]);
    }

    #[test]
    fn text_and_numbers_stand_for_each_other_as_json_writes_them() {
        assert_eq!(Given::Number(42.0).text().as_deref(), Some("42"));
        assert_eq!(Given::Number(2.5).text(), None);
        assert_eq!(Given::Text(" 51.01 ".into()).number(), Some(51.01));
        for not_a_number in ["NaN", "Infinity", " 0x10 ", "1 2", ""] {
            assert_eq!(Given::Text(not_a_number.into()).number(), None, "{not_a_number:?}");
        }
        assert_eq!(Given::Text("  ".into()).given(), None);
    }
}
