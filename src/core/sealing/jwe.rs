//! The JWE around a referral: its protected header, the Concat KDF input
//! that turns the ECDH shared secret into the content key (RFC 7518 §4.6),
//! and the compact serialization, written and read.

use serde::Deserialize;

use crate::core::referral::SCHEMA_VERSION;
use crate::core::sealing::base64url;

/// Key agreement: ECDH-ES, the shared secret used directly (no key wrap).
pub const ALG: &str = "ECDH-ES";
/// Content encryption: AES-256 in GCM.
pub const ENC: &str = "A256GCM";

/// The content type naming the referral schema's version, e.g.
/// `vnd.waymark.referral.v2+json` (RFC 7516 §4.1.12 leaves out `application/`).
///
/// ```
/// assert_eq!(waymark::core::sealing::content_type(2), "vnd.waymark.referral.v2+json");
/// ```
pub fn content_type(version: u32) -> String {
    format!("vnd.waymark.referral.v{version}+json")
}

/// The ephemeral public key the sender made for this one referral.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct EphemeralKey {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
}

/// The JWE protected header, in the order it is written.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SealedHeader {
    pub alg: String,
    pub enc: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default)]
    pub cty: Option<String>,
    pub epk: EphemeralKey,
}

impl SealedHeader {
    /// The referral schema version `cty` names, if it is a Waymark referral's.
    ///
    /// ```
    /// use waymark::core::sealing::protected_header;
    /// let header: waymark::core::sealing::SealedHeader = serde_json::from_str(&protected_header("k1", "x", "y")).unwrap();
    /// assert_eq!(header.schema_version(), Some(2));
    /// ```
    pub fn schema_version(&self) -> Option<u32> {
        let cty = self.cty.as_deref()?;
        cty.strip_prefix("vnd.waymark.referral.v")?.strip_suffix("+json")?.parse().ok()
    }
}

/// The protected header for a referral sealed to key `kid`, with the
/// ephemeral public key's coordinates (base64url), as JSON text.
///
/// ```
/// let header = waymark::core::sealing::protected_header("k1", "X", "Y");
/// assert_eq!(header, r#"{"alg":"ECDH-ES","enc":"A256GCM","kid":"k1","cty":"vnd.waymark.referral.v2+json","epk":{"kty":"EC","crv":"P-256","x":"X","y":"Y"}}"#);
/// ```
///
/// Written with `format!`, not serde: every value is a token that JSON
/// needs no escaping for (a checked `kid`, base64url coordinates), and a
/// serializer for this one object would add more to the widget than the
/// whole header; `tests/sealing.rs` checks it reads back as the header.
pub fn protected_header(kid: &str, epk_x: &str, epk_y: &str) -> String {
    let token = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    let (kid, epk_x, epk_y) =
        if token(kid) && token(epk_x) && token(epk_y) { (kid, epk_x, epk_y) } else { ("", "", "") };
    format!(
        r#"{{"alg":"{ALG}","enc":"{ENC}","kid":"{kid}","cty":"{}","epk":{{"kty":"EC","crv":"P-256","x":"{epk_x}","y":"{epk_y}"}}}}"#,
        content_type(SCHEMA_VERSION)
    )
}

/// What SHA-256 hashes, once, to give the 256-bit content key from the
/// ECDH shared secret `z` (RFC 7518 §4.6.2, NIST SP 800-56A Concat KDF):
/// the round counter 1, `z`, then the algorithm id, the two party infos and
/// the key length in bits, each length-prefixed as the RFC says. For
/// ECDH-ES without key wrap the algorithm id is the `enc` value.
///
/// ```
/// let input = waymark::core::sealing::concat_kdf_input(&[7; 32], "A256GCM", b"", b"", 256);
/// assert_eq!(&input[..4], &[0, 0, 0, 1]);
/// assert_eq!(&input[36..47], b"\0\0\0\x07A256GCM");
/// assert_eq!(&input[input.len() - 4..], &[0, 0, 1, 0]);
/// ```
pub fn concat_kdf_input(z: &[u8], algorithm: &str, apu: &[u8], apv: &[u8], key_bits: u32) -> Vec<u8> {
    let mut input = Vec::with_capacity(4 + z.len() + 24 + algorithm.len() + apu.len() + apv.len());
    input.extend_from_slice(&1u32.to_be_bytes());
    input.extend_from_slice(z);
    for part in [algorithm.as_bytes(), apu, apv] {
        input.extend_from_slice(&(part.len() as u32).to_be_bytes());
        input.extend_from_slice(part);
    }
    input.extend_from_slice(&key_bits.to_be_bytes());
    input
}

/// A JWE in compact serialization, taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compact {
    /// The header's base64url text: the AES-GCM additional data, as ASCII.
    pub header_text: String,
    pub header: SealedHeader,
    pub iv: Vec<u8>,
    /// The ciphertext with the 16-byte tag after it, as Web Crypto takes it.
    pub ciphertext_and_tag: Vec<u8>,
}

/// Why a piece of text is not a referral sealed the way Waymark seals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotSealed {
    /// Not five base64url parts with an empty key part, or a header that
    /// is not JSON with an ephemeral key.
    Shape,
    /// Another algorithm than ECDH-ES with A256GCM (named).
    Algorithm(String),
}

impl Compact {
    /// Joins the parts, each already base64url: the header, an empty
    /// encrypted key (ECDH-ES uses the agreed key directly), the IV, the
    /// ciphertext and the tag.
    ///
    /// ```
    /// use waymark::core::sealing::Compact;
    /// assert_eq!(Compact::join("eyJ9", "AQEB", "AgM", "BAQE"), "eyJ9..AQEB.AgM.BAQE");
    /// ```
    pub fn join(header: &str, iv: &str, ciphertext: &str, tag: &str) -> String {
        format!("{header}..{iv}.{ciphertext}.{tag}")
    }

    /// Takes a compact JWE apart, checking it is ECDH-ES with A256GCM.
    pub fn parse(text: &str) -> Result<Compact, NotSealed> {
        let parts: Vec<&str> = text.trim().split('.').collect();
        let [header_text, key, iv, ciphertext, tag] = parts[..] else { return Err(NotSealed::Shape) };
        if !key.is_empty() {
            return Err(NotSealed::Shape);
        }
        let decode = |part: &str| base64url::decode(part).ok_or(NotSealed::Shape);
        let header_json = decode(header_text)?;
        let header: SealedHeader = serde_json::from_slice(&header_json).map_err(|_| NotSealed::Shape)?;
        // Its coordinates go into a JWK for Web Crypto: nothing but a point's may.
        let point = [&header.epk.x, &header.epk.y].iter().all(|c| super::key::is_coordinate(c));
        if !point || header.epk.kty != "EC" || header.epk.crv != "P-256" {
            return Err(NotSealed::Shape);
        }
        if header.alg != ALG || header.enc != ENC {
            return Err(NotSealed::Algorithm(format!("{} with {}", header.alg, header.enc)));
        }
        let (iv, mut ciphertext_and_tag, tag) = (decode(iv)?, decode(ciphertext)?, decode(tag)?);
        if iv.len() != 12 || tag.len() != 16 {
            return Err(NotSealed::Shape);
        }
        ciphertext_and_tag.extend_from_slice(&tag);
        Ok(Compact { header_text: header_text.to_string(), header, iv, ciphertext_and_tag })
    }
}
