//! A referral's identity: a UUID (also the idempotency key, so a receiver
//! can drop repeats) and a short reference a person can read out on the
//! phone, made from the same random bytes.

/// Letters and digits that cannot be mistaken for each other when read
/// aloud or written down: no 0/O, 1/I/L, or U (which reads as V).
const UNAMBIGUOUS: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A referral's id and reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferralIds {
    /// A version 4 UUID, lower case.
    pub id: String,
    /// e.g. `WM-7F3K-2Q`.
    pub reference: String,
}

impl ReferralIds {
    /// Both from 16 random bytes (the browser's `crypto.getRandomValues`).
    ///
    /// ```
    /// use waymark::core::referral::ReferralIds;
    /// let ids = ReferralIds::from_random([7; 16]);
    /// assert_eq!(ids.id, "07070707-0707-4707-8707-070707070707");
    /// assert!(ids.reference.starts_with("WM-") && ids.reference.len() == 10);
    /// ```
    pub fn from_random(mut bytes: [u8; 16]) -> ReferralIds {
        bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
        bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let id = format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]);
        let mut number = u64::from_le_bytes(bytes[8..16].try_into().unwrap_or([0; 8]));
        let mut chars = Vec::with_capacity(6);
        for _ in 0..6 {
            chars.push(UNAMBIGUOUS[(number % 30) as usize]);
            number /= 30;
        }
        let chars = String::from_utf8(chars).unwrap_or_default();
        ReferralIds { id, reference: format!("WM-{}-{}", &chars[..4], &chars[4..]) }
    }
}

/// Whether `text` is a reference this widget could have made.
///
/// ```
/// use waymark::core::referral::is_reference;
/// assert!(is_reference("WM-7F3K-2Q"));
/// assert!(!is_reference("WM-0O1I-2Q"));
/// ```
pub fn is_reference(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && text.starts_with("WM-")
        && b[7] == b'-'
        && b[3..7].iter().chain(&b[8..10]).all(|c| UNAMBIGUOUS.contains(c))
}
