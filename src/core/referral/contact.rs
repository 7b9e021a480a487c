//! Checking how a person can be contacted: UK phone numbers as people write
//! them, and email addresses by their shape (the only real check of an
//! address is a reply).

/// A UK phone number in its usual written forms, normalised to digits with
/// a leading 0: `01823 123456`, `(01823) 123456`, `07700 900123`,
/// `+44 7700 900123`, `0044 20 7946 0000`, `0800 111 1111`.
///
/// ```
/// use waymark::core::referral::uk_phone;
/// assert_eq!(uk_phone("+44 (0)7700 900123").as_deref(), Some("07700900123"));
/// assert_eq!(uk_phone("01823-123456").as_deref(), Some("01823123456"));
/// assert_eq!(uk_phone("12345"), None);
/// ```
pub fn uk_phone(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty()
        || !text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '.'))
        || text.chars().filter(|c| *c == '+').count() > 1
        || (text.contains('+') && !text.starts_with('+'))
    {
        return None;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = text.strip_prefix('+').map(|_| digits.as_str()) {
        // +44 then the number without its 0, sometimes written "+44 (0)…".
        let rest = rest.strip_prefix("44")?;
        let rest = if text.contains("(0)") { rest.strip_prefix('0')? } else { rest };
        format!("0{rest}")
    } else if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{rest}")
    } else {
        digits
    };
    // UK numbers are 0 then 9 or 10 digits; 01, 02, 03, 05, 07, 08 lead real ranges.
    let ok = (10..=11).contains(&national.len())
        && national.starts_with('0')
        && matches!(national.as_bytes()[1], b'1' | b'2' | b'3' | b'5' | b'7' | b'8');
    ok.then_some(national)
}

/// Whether `text` is shaped like an email address: one `@`, something
/// before it, and a domain with a dot, no spaces.
///
/// ```
/// use waymark::core::referral::is_email;
/// assert!(is_email("sam.jones+groups@example.org"));
/// assert!(!is_email("sam@example"));
/// assert!(!is_email("sam example.org"));
/// ```
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else { return false };
    !local.is_empty()
        && local.len() <= 64
        && text.len() <= 254
        && !domain.contains('@')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty() && !part.starts_with('-') && !part.ends_with('-'))
}
