//! What an import did, in words a deployer can act on: what was kept and
//! skipped and why, what the widget will leave out, and which need each of
//! the feed's taxonomy terms serves (so they can map the ones that serve none).

use std::fmt::Write;

use serde_json::Value;
use waymark::core::questions::Need;
use waymark::core::taxonomy;

#[derive(Default)]
pub struct Report {
    pub source: String,
    /// Whose field names the feed uses.
    pub shape: Option<&'static str>,
    /// Why the directory is not the whole feed, when it is not.
    pub incomplete: Option<String>,
    /// `--partial`: an incomplete directory is written as `directory.json` all the same.
    pub partial: bool,
    /// `--verbose`: every problem listed, service by service.
    pub verbose: bool,
    pub read: usize,
    pub kept: usize,
    /// (service id, or where it was in the feed when it has none; why).
    pub skipped: Vec<(String, String)>,
    pub pages: usize,
    pub details: usize,
    pub requests: usize,
    pub retries: usize,
    pub failed_pages: Vec<String>,
    /// What the feed's paging said that did not agree with itself.
    pub paging_notes: Vec<String>,
    /// Per kept service: the core's warning lines (values left out or shown as text).
    pub left_out: Vec<(String, Vec<String>)>,
    pub terms: Vec<Term>,
    pub questions: String,
    pub wrote: Vec<String>,
}

/// A taxonomy term as seen on the kept services.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub id: Option<String>,
    pub code: Option<String>,
    pub name: Option<String>,
    pub count: usize,
    /// The needs (ids) it maps to, or `None`.
    pub need: Option<String>,
}

/// Which needs a feed's term serves, by the widget's own rule
/// (`waymark::core::taxonomy`): its id, code, CURIE or name, whatever the
/// case, spacing and punctuation. `None` when it serves none.
pub fn need_for(term: &Value, needs: &[Need]) -> Option<String> {
    let field = |key: &str| text(term, key);
    let (id, code, name) = (field("id"), field("code"), field("name").or_else(|| field("term")));
    let detail = || term.get("taxonomy_detail").and_then(|d| text(d, "name"));
    let (uri, taxonomy) =
        (field("term_uri"), field("taxonomy").or_else(|| field("vocabulary")).or_else(detail));
    let term = taxonomy::Term::new(
        id.as_deref(),
        code.as_deref(),
        name.as_deref(),
        uri.as_deref(),
        taxonomy.as_deref(),
    );
    let matched = taxonomy::needs_served(&term, needs);
    (!matched.is_empty()).then(|| matched.join(", "))
}

fn text(term: &Value, key: &str) -> Option<String> {
    term.get(key)?.as_str().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// Every `attributes[].taxonomy_term` on the kept services, counted
/// once per service, as they are kept.
#[derive(Default)]
pub struct Tally {
    terms: Vec<Term>,
    /// A term's place in `terms` by its code, id or name: a national feed
    /// has thousands of terms.
    index: std::collections::HashMap<String, usize>,
}

impl Tally {
    pub fn add(&mut self, service: &Value, needs: &[Need]) {
        let mut seen_here: Vec<String> = Vec::new();
        let listed = service.get("attributes").and_then(Value::as_array).into_iter().flatten();
        for term in listed.filter_map(|a| a.get("taxonomy_term")) {
            let (id, code, name) = (text(term, "id"), text(term, "code"), text(term, "name"));
            let Some(key) = code.clone().or_else(|| id.clone()).or_else(|| name.clone()) else { continue };
            if seen_here.contains(&key) {
                continue;
            }
            seen_here.push(key.clone());
            match self.index.get(&key) {
                Some(&i) => self.terms[i].count += 1,
                None => {
                    let need = need_for(term, needs);
                    self.index.insert(key, self.terms.len());
                    self.terms.push(Term { id, code, name, count: 1, need });
                }
            }
        }
    }

    /// The terms, most used first, then by name.
    pub fn terms(self) -> Vec<Term> {
        let mut terms = self.terms;
        terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        terms
    }
}

/// `services`' terms, as [`Tally`] counts them.
#[cfg(test)]
pub fn tally(services: &[Value], needs: &[Need]) -> Vec<Term> {
    let mut tally = Tally::default();
    for service in services {
        tally.add(service, needs);
    }
    tally.terms()
}

/// Ids named on a problem's line; the rest are counted (and listed with `--verbose`).
const FIRST_IDS: usize = 5;

/// Feed text as it may be printed: control characters (a terminal's escape
/// sequences, a carriage return that would overwrite a line) and the
/// characters that reorder text written as escapes, so a name in a feed
/// cannot drive or disguise the terminal the report is read in.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let reorders =
            matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        if c.is_control() || reorders {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The kind of a skip reason: the reason without what differs from service
/// to service (the address of the record that could not be fetched, where
/// a parse failed).
fn skip_kind(why: &str) -> String {
    if let Some(rest) = why.strip_prefix("fetch failed: ") {
        // "GET <address>: <what happened>"
        let happened = rest.strip_prefix("GET ").and_then(|r| r.split_once(": ")).map_or(rest, |(_, h)| h);
        return format!("fetch failed: {happened}");
    }
    if why.starts_with("not readable") {
        return "not readable as JSON".into();
    }
    why.to_string()
}

/// The kind of a core warning (`service "<id>": <field> <value> <problem>`):
/// the field with its list positions dropped, and the problem.
fn warning_kind(line: &str) -> String {
    let rest = line.strip_prefix("service \"").and_then(|r| r.split_once("\": ")).map_or(line, |(_, r)| r);
    let (field, after) = rest.split_once(' ').unwrap_or((rest, ""));
    let mut general = String::new();
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => {
                in_index = true;
                general.push_str("[]");
            }
            ']' => in_index = false,
            _ if !in_index => general.push(c),
            _ => {}
        }
    }
    // The value (quoted from the feed) comes before the problem, so the last
    // of the problems' openings is the problem's own.
    let problem = ["is not ", "is missing", "cannot be part", "has no place"]
        .iter()
        .filter_map(|p| after.rfind(p))
        .max()
        .map_or(after, |at| &after[at..]);
    format!("{general} {problem}")
}

/// "a, b (3 times), c … and 12 more": the first ids of a kind of problem.
fn first_ids(ids: &[&str]) -> String {
    let mut counted: Vec<(&str, usize)> = Vec::new();
    for id in ids {
        match counted.iter_mut().find(|(seen, _)| seen == id) {
            Some((_, n)) => *n += 1,
            None => counted.push((id, 1)),
        }
    }
    let shown: Vec<String> = counted
        .iter()
        .take(FIRST_IDS)
        .map(|(id, n)| match n {
            1 => printable(id),
            n => format!("{} ({n} times)", printable(id)),
        })
        .collect();
    let more = counted.len().saturating_sub(FIRST_IDS);
    match more {
        0 => shown.join(", "),
        more => format!("{} … and {more} more", shown.join(", ")),
    }
}

/// One line per kind, most common first: (count, kind, the first ids).
fn by_kind<'a>(problems: impl Iterator<Item = (&'a str, String)>) -> Vec<(usize, String, String)> {
    let mut kinds: Vec<(String, Vec<&'a str>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (id, kind) in problems {
        match index.get(&kind) {
            Some(&i) => kinds[i].1.push(id),
            None => {
                index.insert(kind.clone(), kinds.len());
                kinds.push((kind, vec![id]));
            }
        }
    }
    kinds.sort_by_key(|(_, ids)| std::cmp::Reverse(ids.len()));
    kinds.into_iter().map(|(kind, ids)| (ids.len(), kind, first_ids(&ids))).collect()
}

impl Report {
    pub fn text(&self) -> String {
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(w, "Import from {}", printable(&self.source));
        if let Some(why) = &self.incomplete {
            let written = match self.partial {
                true => "written to directory.json all the same (--partial)",
                false => "written to directory.incomplete.json, not directory.json (give --partial to write it there)",
            };
            let _ = writeln!(w, "INCOMPLETE: {}. What could be read is {written}.", printable(why));
        }
        if let Some(shape) = self.shape {
            let _ = writeln!(w, "Feed: {shape}");
        }
        let _ =
            writeln!(w, "Services: {} read, {} kept, {} skipped", self.read, self.kept, self.skipped.len());
        let _ = writeln!(
            w,
            "Requests: {} pages, {} full records, {} requests in all, {} retries",
            self.pages, self.details, self.requests, self.retries
        );
        if !self.failed_pages.is_empty() {
            let _ = writeln!(w, "\nPages that could not be read (their services are missing):");
            for page in &self.failed_pages {
                let _ = writeln!(w, "  {}", printable(page));
            }
        }
        if !self.paging_notes.is_empty() {
            let _ = writeln!(w, "\nThe feed's paging did not agree with itself:");
            for note in &self.paging_notes {
                let _ = writeln!(w, "  {}", printable(note));
            }
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(w, "\nSkipped, by reason (services, reason: the first of them):");
            let kinds = by_kind(self.skipped.iter().map(|(id, why)| (id.as_str(), skip_kind(why))));
            for (count, kind, ids) in kinds {
                let _ = writeln!(w, "  {count:>5}  {}: {ids}", printable(&kind));
            }
        }
        let lines: usize = self.left_out.iter().map(|(_, l)| l.len()).sum();
        if lines > 0 {
            let _ = writeln!(
                w,
                "\nValues the widget will leave out or show as plain text: {lines} in {} services, by kind:",
                self.left_out.len()
            );
            let warnings = self
                .left_out
                .iter()
                .flat_map(|(id, l)| l.iter().map(move |line| (id.as_str(), warning_kind(line))));
            for (count, kind, ids) in by_kind(warnings) {
                let _ = writeln!(w, "  {count:>5}  {}: {ids}", printable(&kind));
            }
        }
        if (!self.skipped.is_empty() || lines > 0) && !self.verbose {
            let _ = writeln!(w, "\n(--verbose lists every problem, service by service.)");
        }
        let _ = writeln!(w, "\nTaxonomy terms on the kept services (needs from {}):", self.questions);
        if self.terms.is_empty() {
            let _ = writeln!(w, "  none: no service is tagged, so no service will match a need");
        }
        let dash = || "-".to_string();
        let rows: Vec<[String; 4]> = self
            .terms
            .iter()
            .map(|t| {
                [
                    t.code.as_deref().or(t.id.as_deref()).map_or_else(dash, printable),
                    t.name.as_deref().map_or_else(dash, printable),
                    t.count.to_string(),
                    t.need.clone().unwrap_or_else(|| "no need".into()),
                ]
            })
            .collect();
        let header = ["term", "name", "services", "need"].map(String::from);
        let width = |i: usize| rows.iter().chain([&header]).map(|r| r[i].chars().count()).max().unwrap_or(0);
        let widths = [width(0), width(1), width(2)];
        if !rows.is_empty() {
            for row in [&header].into_iter().chain(&rows) {
                let _ = writeln!(
                    w,
                    "  {:<a$}  {:<b$}  {:>c$}  {}",
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    a = widths[0],
                    b = widths[1],
                    c = widths[2]
                );
            }
        }
        if self.terms.iter().any(|t| t.need.is_none()) {
            let _ = writeln!(
                w,
                "\nA \"no need\" term is in no need's \"terms\": to match it, add its name or CURIE to that need's \"terms\" in {}.",
                self.questions
            );
        }
        if self.verbose && (!self.skipped.is_empty() || lines > 0) {
            let _ = writeln!(w, "\nEvery problem, service by service (--verbose):");
            for (id, why) in &self.skipped {
                let _ = writeln!(w, "  {}: skipped: {}", printable(id), printable(why));
            }
            for line in self.left_out.iter().flat_map(|(_, l)| l) {
                let _ = writeln!(w, "  {}", printable(line));
            }
        }
        if !self.wrote.is_empty() {
            let _ = writeln!(w, "\nWrote {}", printable(&self.wrote.join(", ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn need(id: &str, terms: &[&str]) -> Need {
        Need { id: id.into(), label: id.into(), terms: terms.iter().map(|t| t.to_string()).collect() }
    }

    #[test]
    fn a_term_maps_by_id_code_address_or_name_whatever_the_case_and_spacing() {
        let needs = [
            need("loneliness", &["esdNeed:69", "Befriending"]),
            need("caring", &[" carers   groups ", "esdServiceType:298"]),
        ];
        let mapped = |term: Value| need_for(&term, &needs);
        assert_eq!(mapped(json!({ "id": "ESDNEED:69" })).as_deref(), Some("loneliness"));
        assert_eq!(mapped(json!({ "id": "x", "name": "befriending" })).as_deref(), Some("loneliness"));
        assert_eq!(mapped(json!({ "name": "Carers' groups" })).as_deref(), Some("caring"));
        assert_eq!(
            mapped(json!({ "id": "u1", "term_uri": "http://id.esd.org.uk/service/298" })).as_deref(),
            Some("caring")
        );
        assert_eq!(
            mapped(json!({ "id": "298", "vocabulary": "esdServiceTypes" })).as_deref(),
            Some("caring")
        );
        assert_eq!(
            mapped(json!({ "id": "w", "code": "esdNeed:69", "name": "Whatever" })).as_deref(),
            Some("loneliness")
        );
        assert_eq!(mapped(json!({ "id": "woodwork", "name": "Woodwork" })), None);
        let detailed = json!({ "id": "298", "taxonomy_detail": { "name": "esdServiceTypes" } });
        assert_eq!(mapped(detailed).as_deref(), Some("caring"));
    }

    #[test]
    fn terms_are_counted_once_per_service_most_used_first() {
        let tagged = |names: &[&str]| json!({ "attributes": names.iter().map(|n| json!({ "taxonomy_term": { "id": n, "name": n } })).collect::<Vec<_>>() });
        let services = [tagged(&["B", "A", "A"]), tagged(&["A"]), tagged(&["C"])];
        let terms = tally(&services, &[]);
        let seen: Vec<(&str, usize)> = terms.iter().map(|t| (t.name.as_deref().unwrap(), t.count)).collect();
        assert_eq!(seen, [("A", 2), ("B", 1), ("C", 1)]);
    }

    #[test]
    fn problems_are_one_line_a_kind_with_the_first_ids() {
        let mut report = Report { source: "feed".into(), ..Report::default() };
        report.skipped = (0..128)
            .map(|_| ("dup".to_string(), "duplicate id (the first service with it is kept)".to_string()))
            .collect();
        report.skipped.extend((0..7).map(|i| {
            (
                format!("gone-{i}"),
                format!("fetch failed: GET http://x/services/gone-{i}: the server answered HTTP 404"),
            )
        }));
        report.left_out = vec![
            ("a".into(), vec![r#"service "a": service_at_locations[0].location.latitude "north" is not a latitude (-90 to 90); the place is shown without a map position"#.into()]),
            ("b".into(), vec![r#"service "b": service_at_locations[3].location.latitude "is not a trick" is not a latitude (-90 to 90); the place is shown without a map position"#.into()]),
        ];
        let text = report.text();
        assert!(
            text.contains("  128  duplicate id (the first service with it is kept): dup (128 times)\n"),
            "{text}"
        );
        assert!(
            text.contains("    7  fetch failed: the server answered HTTP 404: gone-0, gone-1, gone-2, gone-3, gone-4 … and 2 more\n"),
            "{text}"
        );
        assert!(
            text.contains("    2  service_at_locations[].location.latitude is not a latitude (-90 to 90); the place is shown without a map position: a, b\n"),
            "{text}"
        );
        assert!(!text.contains("gone-5") && text.contains("--verbose lists every problem"), "{text}");
        report.verbose = true;
        let text = report.text();
        assert!(text.contains("  gone-6: skipped: fetch failed: GET http://x/services/gone-6"), "{text}");
        assert!(text.contains(r#"latitude "north" is not"#), "{text}");
    }

    #[test]
    fn feed_text_is_printed_with_its_control_characters_escaped() {
        assert_eq!(printable("Walk\u{1b}[2J\r\n\u{202e}"), "Walk\\u{1b}[2J\\u{d}\\u{a}\\u{202e}");
        assert_eq!(printable("Café, 10:00–12:00"), "Café, 10:00–12:00");
    }
}
