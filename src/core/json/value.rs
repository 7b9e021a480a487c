//! A small JSON parser for the widget's data files. serde_json is excellent,
//! but its generic machinery and float tables cost more of the wasm budget
//! than the whole needs check, so this is a direct recursive-descent parser.
//!
//! The files come from third parties, so it is total: any text gives a value
//! or a [`SyntaxError`], never a panic. Lists and objects nested more than
//! [`MAX_DEPTH`] deep are refused (the recursion is bounded by that, not by
//! the file); a number too large for an `f64` (`1e400`) is read as infinite
//! and left to each reader to refuse, so one absurd price does not lose a
//! whole directory.

/// A parsed JSON value. Objects keep their fields in file order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Where and why the text is not valid JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

/// How deeply lists and objects may nest. Real data files nest a few
/// levels; the limit keeps the parser's recursion (and every recursive walk
/// of a parsed value) far from the stack's end on `[[[[…` a million deep.
pub const MAX_DEPTH: usize = 128;
/// Largest integer an f64 holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

impl Value {
    /// This value as compact JSON text. Whole numbers are written exactly;
    /// others to six decimal places, or past a trillion to the nearest whole
    /// and a power of ten (float formatting would add kilobytes to the
    /// download, and data files need no more). Infinite numbers are `null`.
    ///
    /// ```
    /// use waymark::core::json::parse_value;
    /// let text = r#"{"a":[1,-2.5,"x\n\"y\""],"b":null,"c":true}"#;
    /// assert_eq!(parse_value(text).unwrap().to_json(), text);
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write_number(out, *n),
            Value::String(s) => push_json_string(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Value::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_json_string(out, key);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }

    /// Field `key` of an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(fields) => Some(fields),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole number that fits exactly.
    pub fn as_i64(&self) -> Option<i64> {
        let n = self.as_f64()?;
        (n.fract() == 0.0 && n.abs() <= MAX_SAFE).then_some(n as i64)
    }

    pub fn as_u64(&self) -> Option<u64> {
        self.as_i64().and_then(|n| u64::try_from(n).ok())
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

/// Parses a whole JSON document.
///
/// ```
/// use waymark::core::json::{parse_value, Value};
/// let v = parse_value(r#"{ "a": [1, -2.5e1, "x\n\u00e9"], "b": null }"#).unwrap();
/// assert_eq!(v.get("a").unwrap().as_array().unwrap()[1], Value::Number(-25.0));
/// assert_eq!(v.get("a").unwrap().as_array().unwrap()[2].as_str(), Some("x\né"));
/// let err = parse_value("{\n  \"a\": tru\n}").unwrap_err();
/// assert_eq!((err.line, err.column), (2, 8));
/// ```
pub fn parse_value(text: &str) -> Result<Value, SyntaxError> {
    let mut parser = Parser { bytes: text.as_bytes(), at: 0 };
    parser.skip_space();
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("unexpected text after the end"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        SyntaxError { line, column, message }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.bytes.get(self.at..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("lists and objects are nested more than 128 deep"));
        }
        match self.peek() {
            None => Err(self.error("the file ends where a value was expected")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect_word("true", Value::Bool(true)),
            Some(b'f') => self.expect_word("false", Value::Bool(false)),
            Some(b'n') => self.expect_word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut fields = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a field name in quotes"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after the field name"));
            }
            self.at += 1;
            self.skip_space();
            fields.push((key, self.value(depth + 1)?));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// Four hex digits exactly (`from_str_radix` alone would take "+041").
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            code = code * 16 + digit.ok_or_else(|| self.error("bad \\u escape"))?;
            self.at += 1;
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and we only stop on ASCII bytes, so this slice is valid UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error("the file ends inside text")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.peek().ok_or_else(|| self.error("the file ends inside text"))?;
                    self.at += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code)
                                && self.bytes.get(self.at..self.at + 2) == Some(b"\\u")
                            {
                                self.at += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                } else {
                                    // A high surrogate pairs only with a low one: alone it is �,
                                    // and what follows it is kept.
                                    out.push('\u{FFFD}');
                                    code = low;
                                }
                            }
                            // A lone surrogate is no character either: �.
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.error("unknown escape in text")),
                    }
                }
                Some(_) => return Err(self.error("a control character inside text")),
            }
        }
    }

    /// Reads digits into `mantissa` while it has room (18 significant
    /// digits, more than an f64 holds), counting those dropped; returns how
    /// many digits there were. Every count saturates, so a digit string of
    /// any length is read.
    fn digits(&mut self, mantissa: &mut u64, dropped: &mut i64) -> i64 {
        let start = self.at;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            if *mantissa < 1_000_000_000_000_000_000 {
                *mantissa = *mantissa * 10 + u64::from(d - b'0');
            } else {
                *dropped = dropped.saturating_add(1);
            }
            self.at += 1;
        }
        i64::try_from(self.at - start).unwrap_or(i64::MAX)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let (mut mantissa, mut exponent) = (0u64, 0i64);
        if self.digits(&mut mantissa, &mut exponent) == 0 {
            return Err(self.error("expected digits"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            let mut ignored = 0;
            let count = self.digits(&mut mantissa, &mut ignored);
            if count == 0 {
                return Err(self.error("expected digits after the decimal point"));
            }
            exponent = exponent.saturating_sub(count - ignored);
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    -1
                }
                Some(b'+') => {
                    self.at += 1;
                    1
                }
                _ => 1,
            };
            let (mut e, mut ignored) = (0u64, 0);
            if self.digits(&mut e, &mut ignored) == 0 {
                return Err(self.error("expected digits in the exponent"));
            }
            // Saturating: an exponent of any length is read, and digits
            // dropped from a long mantissa still count against it.
            exponent = exponent.saturating_add(sign * i64::try_from(e).unwrap_or(i64::MAX));
        }
        if mantissa == 0 {
            // Zero whatever the exponent: 0e400 is 0, not 0 × ∞ (NaN).
            return Ok(Value::Number(if negative { -0.0 } else { 0.0 }));
        }
        let mut value = mantissa as f64;
        // Dividing by an exact power of ten rounds correctly for the
        // short decimals in data files (coordinates, prices, ages).
        let mut power = 1.0f64;
        for _ in 0..exponent.unsigned_abs().min(400) {
            power *= 10.0;
        }
        value = if exponent < 0 { value / power } else { value * power };
        Ok(Value::Number(if negative { -value } else { value }))
    }
}

/// Appends `text` as a JSON string, escaped.
pub fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n.fract() == 0.0 && n.abs() <= MAX_SAFE {
        out.push_str(&(n as i64).to_string());
        return;
    }
    if n.abs() >= 1e12 {
        // Too large for whole millionths in a u64: the leading figures, to
        // the nearest whole, and a power of ten when they are not all
        // (`1000000000000000e285`; valid JSON, and no float formatting).
        let (mut figures, mut power) = (n, 0);
        while figures.abs() > MAX_SAFE {
            figures /= 10.0;
            power += 1;
        }
        out.push_str(&(figures.round() as i64).to_string());
        if power > 0 {
            out.push('e');
            out.push_str(&power.to_string());
        }
        return;
    }
    let millionths = (n.abs() * 1_000_000.0).round() as u64;
    if n < 0.0 {
        out.push('-');
    }
    out.push_str(&(millionths / 1_000_000).to_string());
    let fraction = format!("{:06}", millionths % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
}
