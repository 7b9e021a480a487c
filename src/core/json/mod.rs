//! Reading JSON data files with the path of every value at hand, so any
//! problem is reported as "`referral.endpoint`: must start with https://".
//!
//! Every file (config, question set, directory, translations) is parsed once
//! into a [`Value`] by our own small parser and read through [`Node`]; one
//! shared reader instead of a derived deserializer per type keeps the wasm
//! download small.

mod value;

pub use value::{parse_value, push_json_string, SyntaxError, Value, MAX_DEPTH};

use crate::core::FieldError;

/// Parses JSON text, naming the line and column of a syntax error.
///
/// ```
/// use waymark::core::json::parse;
/// assert!(parse(r#"{ "a": 1 }"#).is_ok());
/// let err = parse("{ \"a\": }").unwrap_err();
/// assert!(err.problem.contains("line 1, column 8"), "{}", err.problem);
/// ```
pub fn parse(text: &str) -> Result<Value, FieldError> {
    parse_value(text).map_err(|e| {
        FieldError::new(
            "",
            format!("the file is not valid JSON (line {}, column {}): {}", e.line, e.column, e.message),
        )
    })
}

/// A value in a JSON document, with its path from the top (`services[3].name`).
#[derive(Clone, Copy, Debug)]
pub struct Node<'a> {
    value: &'a Value,
    parent: Option<&'a Path<'a>>,
}

/// The path of a node, built only when an error needs it.
#[derive(Debug)]
pub enum Path<'a> {
    Key(&'a str, Option<&'a Path<'a>>),
    Index(usize, Option<&'a Path<'a>>),
}

fn render(path: Option<&Path<'_>>) -> String {
    match path {
        None => String::new(),
        Some(Path::Key(key, parent)) => {
            let head = render(*parent);
            if head.is_empty() {
                key.to_string()
            } else {
                format!("{head}.{key}")
            }
        }
        Some(Path::Index(i, parent)) => format!("{}[{i}]", render(*parent)),
    }
}

impl<'a> Node<'a> {
    /// The top of a document.
    ///
    /// ```
    /// use waymark::core::json::{parse, Node};
    /// let doc = parse(r#"{ "kiosk": { "idle_seconds": "soon" } }"#).unwrap();
    /// let err = Node::root(&doc).object("kiosk", |k| k.opt_u32("idle_seconds")).unwrap_err();
    /// assert_eq!(err.field, "kiosk.idle_seconds");
    /// assert_eq!(err.problem, "must be a whole number");
    /// ```
    pub fn root(value: &'a Value) -> Self {
        Node { value, parent: None }
    }

    pub fn value(&self) -> &'a Value {
        self.value
    }

    /// An error about this node.
    pub fn error(&self, problem: impl Into<String>) -> FieldError {
        FieldError::new(render(self.parent), problem)
    }

    /// An error about field `key` of this node.
    pub fn field_error(&self, key: &str, problem: impl Into<String>) -> FieldError {
        FieldError::new(render(Some(&Path::Key(key, self.parent))), problem)
    }

    // Not inlined: the generic readers below are instantiated once per call
    // site, and keeping their shared steps out of line keeps the wasm small.
    #[inline(never)]
    fn map(&self) -> Result<&'a [(String, Value)], FieldError> {
        self.value.as_object().ok_or_else(|| self.error("must be an object ({ … })"))
    }

    /// Rejects fields not in `known`, so a misspelt setting is caught.
    pub fn only_fields(&self, known: &[&str]) -> Result<(), FieldError> {
        match self.map()?.iter().map(|(k, _)| k).find(|k| !known.contains(&k.as_str())) {
            Some(unknown) => Err(self.field_error(
                unknown,
                format!("is not a known field (expected one of: {})", known.join(", ")),
            )),
            None => Ok(()),
        }
    }

    /// Field `key`, unless missing or null.
    #[inline(never)]
    fn lookup(&self, key: &str) -> Result<Option<&'a Value>, FieldError> {
        Ok(self.map()?.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !v.is_null()))
    }

    #[inline(never)]
    fn array(&self) -> Result<&'a [Value], FieldError> {
        self.value.as_array().ok_or_else(|| self.error("must be a list ([ … ])"))
    }

    /// Runs `read` on field `key` (which may be missing or null) with its path.
    pub fn with_field<T>(
        &self,
        key: &str,
        read: impl FnOnce(Option<Node<'_>>) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        let value = self.lookup(key)?;
        let path = Path::Key(key, self.parent);
        read(value.map(|value| Node { value, parent: Some(&path) }))
    }

    /// Runs `read` on each item of the list in field `key` (missing means empty).
    pub fn each<T>(
        &self,
        key: &str,
        read: impl FnMut(Node<'_>) -> Result<T, FieldError>,
    ) -> Result<Vec<T>, FieldError> {
        self.with_field(key, |list| {
            let Some(list) = list else {
                return Ok(Vec::new());
            };
            list.items(read)
        })
    }

    /// Runs `read` on each item of this list.
    pub fn items<T>(
        &self,
        mut read: impl FnMut(Node<'_>) -> Result<T, FieldError>,
    ) -> Result<Vec<T>, FieldError> {
        let items = self.array()?;
        let mut out = Vec::with_capacity(items.len());
        for (i, value) in items.iter().enumerate() {
            let path = Path::Index(i, self.parent);
            out.push(read(Node { value, parent: Some(&path) })?);
        }
        Ok(out)
    }

    /// Requires field `key` to be an object and reads it.
    pub fn object<T>(
        &self,
        key: &str,
        read: impl FnOnce(Node<'_>) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        self.with_field(key, |node| match node {
            Some(node) => {
                node.map()?;
                read(node)
            }
            None => Err(self.field_error(key, "is missing")),
        })
    }

    /// Reads optional object `key`; missing gives `None`.
    pub fn opt_object<T>(
        &self,
        key: &str,
        read: impl FnOnce(Node<'_>) -> Result<T, FieldError>,
    ) -> Result<Option<T>, FieldError> {
        self.with_field(key, |node| match node {
            Some(node) => {
                node.map()?;
                read(node).map(Some)
            }
            None => Ok(None),
        })
    }

    pub fn as_str(&self) -> Result<&'a str, FieldError> {
        self.value.as_str().ok_or_else(|| self.error("must be text in quotes"))
    }

    pub fn opt_str(&self, key: &str) -> Result<Option<String>, FieldError> {
        self.with_field(key, |n| n.map(|n| n.as_str().map(str::to_string)).transpose())
    }

    pub fn req_str(&self, key: &str) -> Result<String, FieldError> {
        self.opt_str(key)?.ok_or_else(|| self.field_error(key, "is missing"))
    }

    pub fn opt_u32(&self, key: &str) -> Result<Option<u32>, FieldError> {
        self.with_field(key, |n| {
            n.map(|n| {
                n.value
                    .as_u64()
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(|| n.error("must be a whole number"))
            })
            .transpose()
        })
    }

    pub fn opt_f64(&self, key: &str) -> Result<Option<f64>, FieldError> {
        self.with_field(key, |n| {
            n.map(|n| n.value.as_f64().ok_or_else(|| n.error("must be a number"))).transpose()
        })
    }

    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, FieldError> {
        self.with_field(key, |n| {
            n.map(|n| n.value.as_bool().ok_or_else(|| n.error("must be true or false"))).transpose()
        })
    }
}
