//! Finding every sealed referral in what the inbox is given: a JSON
//! envelope, a form body, a bare JWE, or an email (plain, `.eml`, or
//! quoted-printable), where the JWE may be wrapped over several lines.

/// The compact JWEs in `text`, each once, in the order found. A JWE is
/// recognised by its shape (a header starting `eyJ`, an empty key part, a
/// 16-character IV, a ciphertext and a 22-character tag); line breaks
/// inside it, with the `=` of a quoted-printable soft break, are joined.
///
/// ```
/// use waymark::core::sealing::find_sealed;
/// let jwe = "eyJhbGciOiJFQ0RILUVTIn0..AAAAAAAAAAAAAAAA.Y2lwaGVy.AAAAAAAAAAAAAAAAAAAAAA";
/// let envelope = format!(r#"{{"jwe":"{jwe}"}}"#);
/// assert_eq!(find_sealed(&envelope), vec![jwe.to_string()]);
/// let form = format!("reference=WM-1&jwe={jwe}&created=x");
/// assert_eq!(find_sealed(&form), vec![jwe.to_string()]);
/// let email = format!("Hello\n-----BEGIN WAYMARK REFERRAL-----\n{}=\n{}\n-----END WAYMARK REFERRAL-----\nThanks", &jwe[..30], &jwe[30..]);
/// assert_eq!(find_sealed(&email), vec![jwe.to_string()]);
/// assert!(find_sealed("no referral here, eyJ but nothing more").is_empty());
/// ```
pub fn find_sealed(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(offset) = find(&bytes[at..], b"eyJ") {
        let start = at + offset;
        // Inside a longer run of base64url (another token), it is no JWE's start.
        let starts_token = start == 0 || !is_b64(bytes[start - 1]);
        match starts_token.then(|| read_jwe(bytes, start)).flatten() {
            Some((jwe, end)) => {
                if !found.contains(&jwe) {
                    found.push(jwe);
                }
                at = end;
            }
            None => at = start + 3,
        }
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn is_b64(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'
}

/// Reads a JWE's five parts from `start`: the text and where it ended.
fn read_jwe(bytes: &[u8], start: usize) -> Option<(String, usize)> {
    let mut reader = Reader { bytes, at: start, out: String::new() };
    let header = reader.part(usize::MAX);
    let key = reader.dot().then(|| reader.part(usize::MAX))?;
    let iv = reader.dot().then(|| reader.part(16))?;
    let ciphertext = reader.dot().then(|| reader.part(usize::MAX))?;
    let tag = reader.dot().then(|| reader.part(22))?;
    let shape_ok = header >= 4 && key == 0 && iv == 16 && ciphertext > 0 && tag == 22;
    shape_ok.then_some((reader.out, reader.at))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    out: String,
}

impl Reader<'_> {
    /// Skips a line break inside the JWE (with a soft break's `=` before
    /// it), if the next line goes on with the JWE and is not a marker line.
    fn join_line(&mut self) {
        let rest = &self.bytes[self.at..];
        let skip =
            [&b"=\r\n"[..], b"=\n", b"\r\n", b"\n"].iter().find(|b| rest.starts_with(b)).map(|b| b.len());
        if let Some(skip) = skip {
            let next = &rest[skip..];
            let goes_on =
                next.first().is_some_and(|&b| is_b64(b) || b == b'.') && !next.starts_with(b"-----");
            if goes_on {
                self.at += skip;
            }
        }
    }

    /// Reads base64url characters, at most `limit`; returns how many.
    fn part(&mut self, limit: usize) -> usize {
        let mut count = 0;
        while count < limit {
            self.join_line();
            match self.bytes.get(self.at) {
                Some(&b) if is_b64(b) => {
                    self.out.push(b as char);
                    self.at += 1;
                    count += 1;
                }
                _ => break,
            }
        }
        count
    }

    fn dot(&mut self) -> bool {
        self.join_line();
        if self.bytes.get(self.at) == Some(&b'.') {
            self.out.push('.');
            self.at += 1;
            true
        } else {
            false
        }
    }
}
