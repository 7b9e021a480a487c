//! What reading a directory found wrong with it: a warning per value left
//! out or shown as text, and the one-line report a deployer sees.
//!
//! A warning quotes the value as the file gave it, so whoever keeps the feed
//! can find it; it is kept to one readable line whatever the file holds.

use super::lenient::{whole, Given};
use super::{Attendance, Directory};

/// How a warning about a service left out altogether begins.
pub const SKIPPED: &str = "skipped a service:";

impl Directory {
    /// One line for a deployer, logged when the widget loads a directory:
    /// what it shows, and what it skipped or cannot place, so a broken feed
    /// is visible to whoever can fix it (each problem is logged on its own too).
    ///
    /// ```
    /// use waymark::core::directory::Directory;
    /// let dir = Directory::parse(r#"[
    ///   { "id": "a", "name": "Walk", "service_at_locations": [ { "location": { "latitude": 51.0, "longitude": -3.1 } } ] },
    ///   { "id": "b", "name": "Shed" },
    ///   { "id": "c", "name": "Off the map", "service_at_locations": [ { "location": { "latitude": 100, "longitude": 101 } } ] },
    ///   { "id": "d", "name": "Gone", "status": "inactive" },
    ///   { "name": "No id" }
    /// ]"#).unwrap();
    /// assert_eq!(
    ///     dir.health("data/directory.json"),
    ///     "data/directory.json: 3 services to show; 1 hidden as not active; 1 skipped; \
    ///      2 with no place to measure distance from (listed after the rest); 1 value left out or shown as text"
    /// );
    /// ```
    pub fn health(&self, file: &str) -> String {
        let skipped = self.warnings.iter().filter(|w| w.starts_with(SKIPPED)).count();
        let left_out = self.warnings.len() - skipped;
        let unplaced = self
            .services
            .iter()
            .filter(|s| matches!(s.attendance, None | Some(Attendance::InPerson)))
            .filter(|s| s.locations.iter().all(|l| l.at.is_none()))
            .count();
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{file}: {}; {} hidden as not active; {} skipped; {} with no place to measure distance from (listed after the rest); {} left out or shown as text",
            plural(self.services.len(), "service to show", "services to show"),
            self.hidden,
            skipped,
            unplaced,
            plural(left_out, "value", "values"),
        )
    }
}

/// The warnings about one service: `service "<id>": <field> <value> <problem>`.
pub struct Notes<'a> {
    service: String,
    out: &'a mut Vec<String>,
}

impl<'a> Notes<'a> {
    pub fn new(id: &str, out: &'a mut Vec<String>) -> Self {
        Notes { service: short(id, 60), out }
    }

    pub fn add(&mut self, field: &str, value: Option<&Given>, problem: &str) {
        let value = value.map(|v| format!(" {}", shown(v))).unwrap_or_default();
        self.out.push(format!("service \"{}\": {field}{value} {problem}", self.service));
    }

    /// A number as a warning quotes it.
    pub fn number(n: f64) -> String {
        if n.is_finite() && n.abs() < 1e15 {
            decimal(n)
        } else if n.is_finite() {
            about(n)
        } else {
            "(a number too large to hold)".into()
        }
    }
}

/// A value as a warning quotes it.
fn shown(value: &Given) -> String {
    match value {
        Given::Number(n) => Notes::number(*n),
        Given::Text(s) => format!("\"{}\"", short(s, 60)),
        Given::Bool(b) => b.to_string(),
        Given::Missing | Given::Null => "null".into(),
        Given::List => "(a list)".into(),
        Given::Object => "(an object)".into(),
    }
}

/// At most `limit` characters of `text`, without control characters.
fn short(text: &str, limit: usize) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(limit).collect();
    if text.chars().filter(|c| !c.is_control()).nth(limit).is_some() {
        out.push('…');
    }
    out
}

/// A number too large to write out whole, as its first figures and a power
/// of ten (`1e300`, `2.5e300`), without float formatting.
fn about(n: f64) -> String {
    let (mut figures, mut power) = (n.abs(), 0u32);
    while figures >= 10.0 {
        figures /= 10.0;
        power += 1;
    }
    let mut tenths = (figures * 10.0).round() as u32;
    if tenths >= 100 {
        tenths /= 10;
        power += 1;
    }
    let sign = if n < 0.0 { "-" } else { "" };
    match tenths % 10 {
        0 => format!("{sign}{}e{power}", tenths / 10),
        tenth => format!("{sign}{}.{tenth}e{power}", tenths / 10),
    }
}

/// A number under 10^15 as written in JSON: whole, or to six decimal
/// places (float formatting would add kilobytes to the download).
fn decimal(n: f64) -> String {
    if let Some(whole) = whole(n) {
        return whole.to_string();
    }
    let millionths = (n.abs() * 1_000_000.0).round() as u64;
    let sign = if n < 0.0 { "-" } else { "" };
    let fraction = format!("{:06}", millionths % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    match fraction.is_empty() {
        true => format!("{sign}{}", millionths / 1_000_000),
        false => format!("{sign}{}.{fraction}", millionths / 1_000_000),
    }
}
