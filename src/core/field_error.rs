use std::fmt;

/// What is wrong with one field of a data file (config, directory, question
/// set), named so that the person editing the file can find and fix it.
///
/// ```
/// use waymark::core::FieldError;
/// let e = FieldError::new("referral.endpoint", "must start with https://");
/// assert_eq!(e.to_string(), "referral.endpoint: must start with https://");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Dotted path to the field, e.g. `services[3].name`; empty for the whole file.
    pub field: String,
    /// Plain-English description of the problem.
    pub problem: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self { field: field.into(), problem: problem.into() }
    }

    /// The same problem, for a field read from inside `parent`.
    ///
    /// ```
    /// use waymark::core::FieldError;
    /// assert_eq!(FieldError::new("dir", "must be text").within("@metadata").field, "@metadata.dir");
    /// assert_eq!(FieldError::new("", "must be an object").within("@metadata").field, "@metadata");
    /// ```
    pub fn within(self, parent: &str) -> Self {
        let field =
            if self.field.is_empty() { parent.to_string() } else { format!("{parent}.{}", self.field) };
        Self { field, ..self }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.field, self.problem)
        }
    }
}

impl std::error::Error for FieldError {}
