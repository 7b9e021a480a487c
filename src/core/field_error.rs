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

    /// Turns a serde_json error, with the path where it happened, into a
    /// message a link worker can act on.
    pub fn from_json(err: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = err.path().to_string();
        let inner = err.inner();
        let field = if path == "." { String::new() } else { path };
        let problem = if inner.is_syntax() || inner.is_eof() {
            format!(
                "the file is not valid JSON (line {}, column {}): {}",
                inner.line(),
                inner.column(),
                strip_position(&inner.to_string())
            )
        } else {
            strip_position(&inner.to_string())
        };
        Self { field, problem }
    }
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
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
