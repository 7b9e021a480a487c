//! Page markup built as text, for the parts of pages that only display data
//! (the referral forms). Building HTML here, rather than as typed Leptos
//! views, keeps the wasm inside its budget and lets the markup itself be
//! tested natively. Every piece of data is
//! escaped; only these builders write tags.

mod form;

pub use form::{choices, date_input, text_input, textarea, Field, TextKind};

/// HTML being built, with text escaped on the way in.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Self {
        Html(String::with_capacity(1024))
    }

    /// An opening tag with attributes; `None` values are left out, and
    /// `Some("")` gives a bare boolean attribute such as `checked`.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, Option<&str>)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            match value {
                None => {}
                Some("") => {
                    self.0.push(' ');
                    self.0.push_str(name);
                }
                Some(value) => {
                    self.0.push(' ');
                    self.0.push_str(name);
                    self.0.push_str("=\"");
                    escape_into(&mut self.0, value);
                    self.0.push('"');
                }
            }
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }

    /// `<tag class="…">text</tag>`.
    pub fn element(&mut self, tag: &str, class: &str, text: &str) -> &mut Self {
        self.open(tag, &[("class", Some(class))]).text(text).close(tag)
    }

    /// Markup from a template: each `{}` in `template` is replaced by the
    /// next of `args`, escaped. Templates are plain text in the download,
    /// which compresses far better than the code of many small calls.
    ///
    /// ```
    /// use waymark::core::markup::Html;
    /// let mut html = Html::new();
    /// html.push(r#"<a href="{}">{}</a>"#, &["/a?b&c", "<Tom>"]);
    /// assert_eq!(html.finish(), r#"<a href="/a?b&amp;c">&lt;Tom&gt;</a>"#);
    /// ```
    pub fn push(&mut self, template: &str, args: &[&str]) -> &mut Self {
        let mut parts = template.split("{}");
        if let Some(first) = parts.next() {
            self.0.push_str(first);
        }
        for (part, arg) in parts.zip(args.iter().chain(std::iter::repeat(&""))) {
            escape_into(&mut self.0, arg);
            self.0.push_str(part);
        }
        self
    }

    /// Markup already built (and escaped) by another builder here.
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// The error summary for the top of a page (GOV.UK pattern): `title`, then
/// `message` linking to the field with id `field`. Focused by the page after
/// a failed submit so it is read out first.
///
/// ```
/// use waymark::core::markup::{error_summary, Html};
/// let mut html = Html::new();
/// error_summary(&mut html, "There is a problem", "Enter your postcode", "postcode");
/// assert!(html.finish().contains(r##"<a href="#postcode">Enter your postcode</a>"##));
/// ```
pub fn error_summary(html: &mut Html, title: &str, message: &str, field: &str) {
    let href = format!("#{field}");
    html.open(
        "div",
        &[("class", Some("wm-error-summary")), ("id", Some("error-summary")), ("tabindex", Some("-1"))],
    );
    html.open("div", &[("role", Some("alert"))]).element("h2", "wm-error-summary__title", title);
    html.open("ul", &[("class", Some("wm-list wm-error-summary__list"))]).open("li", &[]);
    html.open("a", &[("href", Some(&href))]).text(message).close("a");
    html.close("li").close("ul").close("div").close("div");
}

/// Escapes text for use in HTML content or a quoted attribute.
///
/// ```
/// use waymark::core::markup::escape;
/// assert_eq!(escape(r#"<b>"Tom" & 'Jo'</b>"#), "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
