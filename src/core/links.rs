//! Links made from directory data: a listing's email address, phone numbers
//! and website. The directory comes from a third party, so a link is made
//! only from a value that is plainly what it says, and anything else is shown
//! as text (or, for a website that is not a web address, not at all):
//!
//! - an email that carries a query (`a@b.org?cc=x@evil&body=…`) would add
//!   recipients or words to the person's own email;
//! - a "website" of `javascript:…`, `data:…` or `vbscript:…` would run or
//!   show something in the widget's page;
//! - a "phone number" with letters in it would dial something else.
//!
//! Each function returns the whole `href`, or `None`.

/// Characters never part of an address a person can email as written:
/// query, fragment and header tricks, lists, quoting, comments and paths.
const NOT_IN_EMAIL: &str = "?&%#,;:<>\"'()[]\\/";

/// `mailto:` and the address, when `email` is a bare address and nothing
/// more: `local@domain.tld`, one `@`, visible ASCII only, none of
/// `?&%#,;:<>"'()[]\/`, and a domain of letters, digits, `-` and dots with
/// at least one dot.
///
/// ```
/// use waymark::core::links::mailto_href;
/// assert_eq!(mailto_href("walks@example.org").as_deref(), Some("mailto:walks@example.org"));
/// // A query would add a recipient and words to the person's email.
/// assert_eq!(mailto_href("walks@example.org?cc=someone@evil.example&body=hi"), None);
/// assert_eq!(mailto_href("walks at example dot org"), None);
/// ```
pub fn mailto_href(email: &str) -> Option<String> {
    let (local, domain) = email.split_once('@')?;
    let plain = |c: char| c.is_ascii_graphic() && !NOT_IN_EMAIL.contains(c);
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    let ok = !local.is_empty()
        && local.len() <= 64
        && email.len() <= 254
        && !domain.contains('@')
        && local.chars().all(plain)
        && domain.contains('.')
        && labels_ok;
    ok.then(|| format!("mailto:{email}"))
}

/// `tel:` and the digits, when `phone` is a phone number as people write
/// them: ASCII digits with spaces, `-`, `.` or brackets between, perhaps a
/// leading `+`, and 3 to 20 digits. The `(0)` of `+44 (0)1823 …` is not
/// dialled. Anything with letters or other characters (full-width digits
/// included) gives `None`, and is shown as text.
///
/// ```
/// use waymark::core::links::tel_href;
/// assert_eq!(tel_href("01823 961168").as_deref(), Some("tel:01823961168"));
/// assert_eq!(tel_href("+44 (0)1823 961168").as_deref(), Some("tel:+441823961168"));
/// assert_eq!(tel_href("call us on ＴＷＯ"), None);
/// assert_eq!(tel_href("０１８２３ ９６１１６８"), None);
/// ```
pub fn tel_href(phone: &str) -> Option<String> {
    let phone = phone.trim_matches(' ');
    let international = phone.strip_prefix('+');
    let rest = international.unwrap_or(phone);
    // Bytes, not characters: any byte of a non-ASCII character fails here.
    if !rest.bytes().all(|b| matches!(b, b'0'..=b'9' | b' ' | b'-' | b'.' | b'(' | b')')) {
        return None;
    }
    let mut href = String::from(if international.is_some() { "tel:+" } else { "tel:" });
    let prefix = href.len();
    // After a country code, the "(0)" of the national number is not dialled.
    let (before, after) = match international {
        Some(_) => rest.split_once("(0)").unwrap_or((rest, "")),
        None => (rest, ""),
    };
    href.extend(before.chars().chain(after.chars()).filter(char::is_ascii_digit));
    (3..=20).contains(&(href.len() - prefix)).then_some(href)
}

/// Characters that change how text is shown without being seen: bidi
/// controls, zero-width characters, the soft hyphen. In a link's address
/// they only serve to make it read as something else.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}'
    )
}

/// The address itself, when `url` is a web address a person may follow:
/// `https://` or `http://` (in any case) then a host, with no whitespace,
/// control or invisible characters anywhere, no backslash, and no user name
/// before the host (`https://nhs.uk@evil.example`). Anything else
/// (`javascript:`, `data:`, `//evil.example`, ` javascript:` after a space)
/// gives `None`, and is not linked.
///
/// ```
/// use waymark::core::links::web_href;
/// assert_eq!(web_href("https://example.org/walks"), Some("https://example.org/walks"));
/// assert_eq!(web_href("HTTP://example.org"), Some("HTTP://example.org"));
/// assert_eq!(web_href("javascript:alert(1)"), None);
/// assert_eq!(web_href("https:/\\evil.example"), None);
/// assert_eq!(web_href("https://"), None);
/// ```
pub fn web_href(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")?;
    let scheme = url.get(..scheme_end)?;
    let rest = url.get(scheme_end + 3..)?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..host_end)?;
    let ok = (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http"))
        && !authority.is_empty()
        && !authority.starts_with(':')
        && !authority.contains('@')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\' || is_invisible(c));
    ok.then_some(url)
}
