//! Base64url without padding (RFC 4648 §5), as every JOSE part is written.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// ```
/// use waymark::core::sealing::base64url_encode;
/// assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
/// ```
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// `None` for anything that is not base64url without padding.
///
/// ```
/// use waymark::core::sealing::base64url_decode;
/// assert_eq!(base64url_decode("-_8"), Some(vec![0xfb, 0xff]));
/// assert_eq!(base64url_decode("+/8="), None);
/// ```
pub fn decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}
