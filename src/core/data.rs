//! Reading the widget's JSON data files (config, question set, directory,
//! tile index, translations) through serde_json, so that any problem is
//! reported with the path of the field at fault, as a link worker editing the
//! file needs it: "`referral.endpoint`: must start with https://".
//!
//! serde_path_to_error supplies the path; [`read`] turns serde's wording
//! ("invalid type: string, expected u32") into plain English ("must be a
//! whole number") and a syntax error into "not valid JSON (line N, column M)".

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::core::FieldError;

/// How deeply lists and objects may nest. Real data files nest a few
/// levels; serde_json refuses deeper ones itself, and [`check_depth`] also
/// covers the parts of a file that are skipped unread.
pub const MAX_DEPTH: usize = 128;

const TOO_DEEP: &str = "lists and objects are nested more than 128 deep";

/// Parses `text` as a `T`, naming the field at fault in any error. `T` may
/// borrow from `text` (the directory reader keeps raw JSON, uncopied).
///
/// ```
/// use waymark::core::data::read;
/// #[derive(serde::Deserialize, Debug)]
/// struct Kiosk { idle_seconds: u32 }
/// #[derive(serde::Deserialize, Debug)]
/// struct File { kiosk: Kiosk }
/// let err = read::<File>(r#"{ "kiosk": { "idle_seconds": "soon" } }"#).unwrap_err();
/// assert_eq!(err.field, "kiosk.idle_seconds");
/// assert_eq!(err.problem, "must be a whole number");
/// let err = read::<File>("{ \"kiosk\": }").unwrap_err();
/// assert!(err.problem.starts_with("the file is not valid JSON (line 1, column 12)"), "{}", err.problem);
/// ```
pub fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, FieldError> {
    check_depth(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| field_error(path_text(e.path()), e.into_inner()))?;
    de.end().map_err(|e| field_error(String::new(), e))?;
    Ok(value)
}

/// Like [`read`], but the file must be a JSON object (`{ … }`): serde's
/// derived structs would also take a list of their fields in order.
pub fn read_object<T: DeserializeOwned>(text: &str) -> Result<T, FieldError> {
    read::<Object<T>>(text).map(|o| o.0)
}

/// Refuses lists and objects nested more than [`MAX_DEPTH`] deep anywhere
/// in `text`, even inside fields a reader skips (serde_json skips those
/// without a limit), so every reader refuses `[[[[…` alike.
fn check_depth(text: &str) -> Result<(), FieldError> {
    let (mut depth, mut in_text, mut escaped) = (0usize, false, false);
    for (at, byte) in text.bytes().enumerate() {
        if in_text {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_text = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_text = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let before = &text[..at];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                    return Err(FieldError::new(
                        "",
                        format!("the file is not valid JSON (line {line}, column {column}): {TOO_DEEP}"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// The path in the style of this project's messages: `questions[3].show_if.question`.
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

fn field_error(mut field: String, error: serde_json::Error) -> FieldError {
    // serde_json counts an error before the first character as column 0.
    let (line, column) = (error.line().max(1), error.column().max(1));
    let message = error.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((message, _)) if error.line() > 0 => message.to_string(),
        _ => message,
    };
    if message == "recursion limit exceeded" {
        return FieldError::new(
            "",
            format!("the file is not valid JSON (line {line}, column {column}): {TOO_DEEP}"),
        );
    }
    if message == "number out of range" {
        return FieldError::new(field, "is a number too large to hold");
    }
    if error.is_syntax() || error.is_eof() {
        return FieldError::new(
            "",
            format!("the file is not valid JSON (line {line}, column {column}): {message}"),
        );
    }
    let (name, problem) = plain(&message);
    if let Some(name) = name {
        if !(field == name || field.ends_with(&format!(".{name}"))) {
            field = if field.is_empty() { name } else { format!("{field}.{name}") };
        }
    }
    FieldError::new(field, problem)
}

/// serde's message in plain words, and the field it names, if any.
fn plain(message: &str) -> (Option<String>, String) {
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let first = quoted.first().map(|s| s.to_string());
    if message.starts_with("unknown field `") {
        let expected = quoted[1..].join(", ");
        return (first, format!("is not a known field (expected one of: {expected})"));
    }
    if message.starts_with("unknown variant `") {
        let expected = quoted[1..].join(", ");
        return (None, format!("\"{}\" is not one of {expected}", first.unwrap_or_default()));
    }
    if message.starts_with("missing field `") {
        return (first, "is missing".into());
    }
    if message.starts_with("duplicate field `") {
        return (first, "is given twice".into());
    }
    match message.rsplit_once(", expected ") {
        Some((_, expected)) => (None, format!("must be {}", described(expected))),
        None => (None, message.to_string()),
    }
}

fn described(expected: &str) -> &str {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list ([ … ])",
        "a map" => "an object ({ … })",
        other if other.starts_with("struct ") => "an object ({ … })",
        other => other,
    }
}

/// A `T` that must be written as a JSON object (serde's derived structs
/// would also take a list of their fields in order).
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Only<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Only<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object ({ … })")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }
        deserializer.deserialize_map(Only(PhantomData))
    }
}

/// For `#[serde(deserialize_with)]`: a struct that must be an object.
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Object::deserialize(d).map(|o| o.0)
}

/// An optional object; null is the same as missing.
pub fn opt_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<Object<T>>::deserialize(d).map(|o| o.map(|o| o.0))
}

/// An optional object, its default when missing or null.
pub fn object_or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    opt_object(d).map(Option::unwrap_or_default)
}

/// A value, its default when missing or null.
pub fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

/// A list of objects; null is the same as missing (an empty list).
pub fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let list = Option::<Vec<Object<T>>>::deserialize(d)?;
    Ok(list.unwrap_or_default().into_iter().map(|o| o.0).collect())
}

/// A list; null is the same as missing (an empty list).
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Option::<Vec<T>>::deserialize(d).map(Option::unwrap_or_default)
}

/// An object's fields in the file's order (serde's own maps sort them, or
/// need a hashing crate). A repeated field is kept twice; readers take the first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Fields<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Each<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Each<V> {
            type Value = Fields<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object ({ … })")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<V>, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Each(PhantomData))
    }
}
