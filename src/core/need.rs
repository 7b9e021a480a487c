//! A need, as a question set names it. Both the needs check (which scores
//! answers into needs) and the taxonomy (which tells which needs a term
//! serves) read it, so it sits below both and neither imports the other.

/// Something the person might want help with, e.g. "loneliness".
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub id: String,
    /// How the need is named on the results page ("Meeting people and feeling less alone").
    pub label: String,
    /// Directory taxonomy terms that serve this need; `waymark:<id>` unless
    /// the set names others (e.g. a local authority's own service types).
    pub terms: Vec<String>,
}
