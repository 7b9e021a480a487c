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
    pub read: usize,
    pub kept: usize,
    /// (service id, or where it was in the feed when it has none; why).
    pub skipped: Vec<(String, String)>,
    pub pages: usize,
    pub details: usize,
    pub requests: usize,
    pub retries: usize,
    pub failed_pages: Vec<String>,
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

/// Every `attributes[].taxonomy_term` on `services`, counted once per
/// service, most used first, then by name.
pub fn tally(services: &[Value], needs: &[Need]) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for service in services {
        let mut seen_here: Vec<String> = Vec::new();
        let listed = service.get("attributes").and_then(Value::as_array).into_iter().flatten();
        for term in listed.filter_map(|a| a.get("taxonomy_term")) {
            let (id, code, name) = (text(term, "id"), text(term, "code"), text(term, "name"));
            let Some(key) = code.clone().or_else(|| id.clone()).or_else(|| name.clone()) else { continue };
            if seen_here.contains(&key) {
                continue;
            }
            seen_here.push(key.clone());
            match terms
                .iter_mut()
                .find(|t| t.code.as_ref().or(t.id.as_ref()).or(t.name.as_ref()) == Some(&key))
            {
                Some(known) => known.count += 1,
                None => {
                    let need = need_for(term, needs);
                    terms.push(Term { id, code, name, count: 1, need });
                }
            }
        }
    }
    terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    terms
}

/// At most this many warning lines are printed; the rest are counted.
const MAX_LEFT_OUT_LINES: usize = 40;

impl Report {
    pub fn text(&self) -> String {
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(w, "Import from {}", self.source);
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
                let _ = writeln!(w, "  {page}");
            }
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(w, "\nSkipped:");
            for (id, why) in &self.skipped {
                let _ = writeln!(w, "  {id}: {why}");
            }
        }
        let lines: usize = self.left_out.iter().map(|(_, l)| l.len()).sum();
        if lines > 0 {
            let _ = writeln!(
                w,
                "\nValues the widget will leave out or show as plain text: {lines} in {} services",
                self.left_out.len()
            );
            for line in self.left_out.iter().flat_map(|(_, l)| l).take(MAX_LEFT_OUT_LINES) {
                let _ = writeln!(w, "  {line}");
            }
            if lines > MAX_LEFT_OUT_LINES {
                let _ = writeln!(w, "  … and {} more", lines - MAX_LEFT_OUT_LINES);
            }
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
                    t.code.clone().or_else(|| t.id.clone()).unwrap_or_else(dash),
                    t.name.clone().unwrap_or_else(dash),
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
        if !self.wrote.is_empty() {
            let _ = writeln!(w, "\nWrote {}", self.wrote.join(", "));
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
}
