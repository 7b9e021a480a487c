//! Taxonomy terms, and how a need's terms find them. Feeds tag services with
//! their own vocabularies: the LGA esd lists by CURIE (`esdServiceType:298`),
//! by address (`http://id.esd.org.uk/service/298`) or by bare code and
//! vocabulary name, the OpenActive
//! activity list, or local terms known only by name ("Befriending"). A
//! question set names a need's terms in any of those forms, so a term is
//! compared by its id, its code, the CURIE of its address and its name,
//! without regard to case, spacing or punctuation.

use crate::core::need::Need;

/// A taxonomy term a service is tagged with, as the feed gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Term {
    pub id: Option<String>,
    pub code: Option<String>,
    pub name: Option<String>,
    /// The vocabulary it comes from (`taxonomy` in ORUK 3.0, `vocabulary` in v1).
    pub taxonomy: Option<String>,
    /// Every form above (and the CURIE of `term_uri`), folded: computed once
    /// when the directory is read, since ranking compares them on every query.
    keys: Vec<String>,
}

impl Term {
    /// A term from its fields as a feed gives them.
    ///
    /// ```
    /// use waymark::core::taxonomy::Term;
    /// let term = Term::new(Some("6b1c…"), None, Some("Carers  Groups"), Some("http://id.esd.org.uk/service/298"), None);
    /// assert!(term.is("esdServiceType:298"));
    /// assert!(term.is("carers groups"));
    /// assert!(!term.is("carers group"));
    /// // A bare code in a named esd vocabulary, as Open Place feeds give it.
    /// assert!(Term::new(Some("298"), None, None, None, Some("esdServiceTypes")).is("esdServiceType:298"));
    /// ```
    pub fn new(
        id: Option<&str>,
        code: Option<&str>,
        name: Option<&str>,
        uri: Option<&str>,
        taxonomy: Option<&str>,
    ) -> Term {
        let owned = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        let coded = |c: Option<&str>| taxonomy.zip(c).and_then(|(t, c)| curie_in(t, c));
        let curies = [uri.and_then(curie_of), id.and_then(curie_of), coded(id), coded(code)];
        let mut keys: Vec<String> = [id, code, name, uri]
            .into_iter()
            .flatten()
            .map(fold)
            .chain(curies.iter().flatten().map(|c| fold(c)))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        Term { id: owned(id), code: owned(code), name: owned(name), taxonomy: owned(taxonomy), keys }
    }

    /// Whether the term goes by `form` (an id, code, CURIE, address or name).
    pub fn is(&self, form: &str) -> bool {
        self.keys.binary_search(&fold(form)).is_ok()
    }

    /// How the term reads in a report: its name, else its code or id.
    pub fn label(&self) -> &str {
        self.name.as_deref().or(self.code.as_deref()).or(self.id.as_deref()).unwrap_or("")
    }
}

/// A need's terms, folded and sorted once so each comparison is a lookup.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermSet(Vec<String>);

impl TermSet {
    /// ```
    /// use waymark::core::taxonomy::{Term, TermSet};
    /// let set = TermSet::new(["Befriending", "esdNeed:69"]);
    /// assert!(set.matches(&Term::new(None, None, Some("BEFRIENDING "), None, None)));
    /// assert!(set.matches(&Term::new(Some("esdneed:69"), None, None, None, None)));
    /// assert!(!set.matches(&Term::new(None, None, Some("Befriending services"), None, None)));
    /// ```
    pub fn new<S: AsRef<str>>(terms: impl IntoIterator<Item = S>) -> TermSet {
        let mut folded: Vec<String> =
            terms.into_iter().map(|t| fold(t.as_ref())).filter(|t| !t.is_empty()).collect();
        folded.sort_unstable();
        folded.dedup();
        TermSet(folded)
    }

    pub fn matches(&self, term: &Term) -> bool {
        term.keys.iter().any(|k| self.0.binary_search(k).is_ok())
    }
}

/// The ids of the needs a term serves, in the set's order: what the import
/// report shows beside each term (empty: "no need").
///
/// ```
/// use waymark::core::questions::Need;
/// use waymark::core::taxonomy::{needs_served, Term};
/// let needs = [Need { id: "caring".into(), label: "Carers".into(), terms: vec!["esdServiceType:298".into()] }];
/// let term = Term::new(Some("esdServiceType:298"), None, Some("Carers support groups"), None, None);
/// assert_eq!(needs_served(&term, &needs), vec!["caring"]);
/// ```
pub fn needs_served<'a>(term: &Term, needs: &'a [Need]) -> Vec<&'a str> {
    needs.iter().filter(|n| TermSet::new(&n.terms).matches(term)).map(|n| n.id.as_str()).collect()
}

/// A form folded for comparison: lower case, with every run of spaces and
/// punctuation (other than the `:` of a CURIE) one space, and `&` read as
/// "and", so "Carers' groups", "carers groups" and "CARERS  GROUPS" agree.
///
/// ```
/// use waymark::core::taxonomy::fold;
/// assert_eq!(fold(" Money & Debt-advice "), "money and debt advice");
/// assert_eq!(fold("Carers' groups"), "carers groups");
/// assert_eq!(fold("esdServiceType:298"), "esdservicetype:298");
/// ```
pub fn fold(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    let mut gap = false;
    for c in form.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_alphanumeric() || c == ':' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if c == '&' {
            out.push_str(if out.is_empty() { "and" } else { " and" });
            gap = true;
        } else {
            gap = true;
        }
    }
    out
}

/// The CURIE for an LGA esd or OpenActive address, e.g.
/// `http://id.esd.org.uk/service/298` → `esdServiceType:298`, so a feed that
/// gives only addresses matches a set written in CURIEs.
///
/// ```
/// use waymark::core::taxonomy::curie_of;
/// assert_eq!(curie_of("http://id.esd.org.uk/service/298").as_deref(), Some("esdServiceType:298"));
/// assert_eq!(curie_of("https://id.esd.org.uk/need/69").as_deref(), Some("esdNeed:69"));
/// assert_eq!(curie_of("http://id.esd.org.uk/circumstance/Gender_Female/").as_deref(), Some("esdCircumstance:Gender_Female"));
/// assert_eq!(
///     curie_of("https://openactive.io/activity-list#95092977-5a20-4d6e-b312-8fddabe71544").as_deref(),
///     Some("openActiveActivity:95092977-5a20-4d6e-b312-8fddabe71544")
/// );
/// assert_eq!(curie_of("https://example.org/need/69"), None);
/// ```
pub fn curie_of(uri: &str) -> Option<String> {
    let uri = uri.trim();
    let rest = uri.strip_prefix("http://").or_else(|| uri.strip_prefix("https://"))?;
    if let Some(activity) = rest.strip_prefix("openactive.io/activity-list#") {
        return (!activity.is_empty()).then(|| format!("openActiveActivity:{activity}"));
    }
    let mut parts = rest.strip_prefix("id.esd.org.uk/")?.trim_end_matches('/').split('/');
    let (list, code) = (parts.next()?, parts.next()?);
    if parts.next().is_some() || code.is_empty() {
        return None;
    }
    Some(format!("{}:{code}", esd_prefix(list)?))
}

/// The CURIE prefix of an esd list, by the name of its addresses (`service`)
/// or of its vocabulary in feeds (`esdServiceTypes`).
fn esd_prefix(list: &str) -> Option<&'static str> {
    let list = list.to_ascii_lowercase();
    let list = list.strip_prefix("esd").unwrap_or(&list);
    match list.trim_end_matches('s') {
        "service" | "servicetype" => Some("esdServiceType"),
        "need" => Some("esdNeed"),
        "circumstance" => Some("esdCircumstance"),
        _ => None,
    }
}

/// The CURIE of a bare code in a named esd vocabulary: Open Place feeds give
/// `{"id": "298", "vocabulary": "esdServiceTypes"}`.
///
/// ```
/// use waymark::core::taxonomy::curie_in;
/// assert_eq!(curie_in("esdServiceTypes", "298").as_deref(), Some("esdServiceType:298"));
/// assert_eq!(curie_in("esdNeeds", "69").as_deref(), Some("esdNeed:69"));
/// assert_eq!(curie_in("needs", "69"), None);
/// assert_eq!(curie_in("esdServiceTypes", "esdServiceType:298"), None);
/// ```
pub fn curie_in(vocabulary: &str, code: &str) -> Option<String> {
    let vocabulary = vocabulary.trim();
    let code = code.trim();
    if !vocabulary.get(..3)?.eq_ignore_ascii_case("esd") || code.is_empty() || code.contains([':', '/']) {
        return None;
    }
    Some(format!("{}:{code}", esd_prefix(vocabulary)?))
}
