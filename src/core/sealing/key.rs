//! The charity's key pair as JWKs (RFC 7517): the public half in
//! `config.json` (`referral.public_key`), the private half in a file that
//! only the inbox opens.

use crate::core::referral::object_entries;
use crate::core::FieldError;

/// A JWK as written, every field optional so that each rule can name the
/// field it is about. Read field by field (not by a derived `Deserialize`,
/// which would add several kilobytes to the widget for one small object).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyFile {
    kty: Option<String>,
    crv: Option<String>,
    x: Option<String>,
    y: Option<String>,
    d: Option<String>,
    kid: Option<String>,
    usage: Option<String>,
    alg: Option<String>,
}

/// A checked P-256 public key: what a referral is sealed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealingKey {
    /// The key's id, written in every sealed referral's header.
    pub kid: String,
    /// The point's coordinates, base64url, 32 bytes each.
    pub x: String,
    pub y: String,
}

/// A checked P-256 private key, as the inbox opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivateKey {
    pub public: SealingKey,
    /// The private scalar, base64url, 32 bytes.
    pub d: String,
}

impl KeyFile {
    /// Reads a JWK from its JSON `text`; `field` is where it was read
    /// (`referral.public_key`, or empty for a key file), for the messages.
    /// A private part of any key type, or a field no JWK of ours has, is
    /// refused by name. `key_ops` and `ext` (which Web Crypto writes) are ignored.
    ///
    /// ```
    /// use waymark::core::sealing::KeyFile;
    /// let err = KeyFile::read(r#"{"kty":"RSA","n":"…","e":"AQAB"}"#, "referral.public_key").unwrap_err();
    /// assert_eq!(err.field, "referral.public_key.n");
    /// assert_eq!(KeyFile::read("[1]", "referral.public_key").unwrap_err().field, "referral.public_key");
    /// ```
    pub fn read(text: &str, field: &str) -> Result<KeyFile, FieldError> {
        let at = |name: &str| if field.is_empty() { name.to_string() } else { format!("{field}.{name}") };
        let entries = object_entries(text).ok_or_else(|| {
            FieldError::new(
                field,
                "must be a public key as a JWK: an object like {\"kty\": \"EC\", \"crv\": \"P-256\", …}",
            )
        })?;
        let mut key = KeyFile::default();
        for (name, value) in entries {
            let slot = match name.as_str() {
                "kty" => &mut key.kty,
                "crv" => &mut key.crv,
                "x" => &mut key.x,
                "y" => &mut key.y,
                "d" => &mut key.d,
                "kid" => &mut key.kid,
                "use" => &mut key.usage,
                "alg" => &mut key.alg,
                "key_ops" | "ext" => continue,
                "p" | "q" | "dp" | "dq" | "qi" | "oth" | "k" => return Err(private_part(&at(&name))),
                _ => {
                    return Err(FieldError::new(
                        at(&name),
                        "is not a field of a P-256 key (kty, crv, x, y, kid, use, alg)",
                    ))
                }
            };
            let text = serde_json::from_str::<String>(value.get())
                .map_err(|_| FieldError::new(at(&name), "must be text"))?;
            *slot = Some(text);
        }
        Ok(key)
    }

    /// Checks a public key; `field` is where it was read (`referral.public_key`).
    ///
    /// ```
    /// use waymark::core::sealing::KeyFile;
    /// let text = r#"{"kty":"EC","crv":"P-256","kid":"k1",
    ///   "x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0",
    ///   "y":"SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps"}"#;
    /// let file = KeyFile::read(text, "referral.public_key").unwrap();
    /// assert_eq!(file.public_key("referral.public_key").unwrap().kid, "k1");
    ///
    /// let private = text.replace("\"kid\"", "\"d\":\"0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo\",\"kid\"");
    /// let file = KeyFile::read(&private, "referral.public_key").unwrap();
    /// assert_eq!(file.public_key("referral.public_key").unwrap_err().field, "referral.public_key.d");
    /// ```
    pub fn public_key(&self, field: &str) -> Result<SealingKey, FieldError> {
        if self.d.is_some() {
            let at = if field.is_empty() { "d".to_string() } else { format!("{field}.d") };
            return Err(private_part(&at));
        }
        self.checked(field)
    }

    /// Checks a private key file, as the inbox opens it.
    ///
    /// ```
    /// use waymark::core::sealing::KeyFile;
    /// let file = KeyFile::read(r#"{"kty":"EC","crv":"P-256","kid":"k1",
    ///   "x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0",
    ///   "y":"SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps"}"#, "").unwrap();
    /// assert_eq!(file.private_key().unwrap_err().field, "d");
    /// ```
    pub fn private_key(&self) -> Result<PrivateKey, FieldError> {
        let public = self.checked("")?;
        let d = self.d.as_deref().ok_or_else(|| {
            FieldError::new("d", "is missing: this is a public key; open the private key file")
        })?;
        coordinate("d", d)?;
        Ok(PrivateKey { public, d: d.to_string() })
    }

    fn checked(&self, field: &str) -> Result<SealingKey, FieldError> {
        let at = |name: &str| if field.is_empty() { name.to_string() } else { format!("{field}.{name}") };
        if self.kty.as_deref() != Some("EC") {
            return Err(FieldError::new(at("kty"), "must be \"EC\": the key must be a P-256 key"));
        }
        if self.crv.as_deref() != Some("P-256") {
            return Err(FieldError::new(at("crv"), "must be \"P-256\""));
        }
        let x = coordinate(&at("x"), self.x.as_deref().unwrap_or_default())?;
        let y = coordinate(&at("y"), self.y.as_deref().unwrap_or_default())?;
        let kid = self.kid.as_deref().unwrap_or_default();
        let kid_ok = (1..=64).contains(&kid.len())
            && kid.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
        if !kid_ok {
            return Err(FieldError::new(
                at("kid"),
                "must name the key, so referrals say which key opens them (up to 64 letters, digits, - _ . :)",
            ));
        }
        if self.usage.as_deref().is_some_and(|u| u != "enc") {
            return Err(FieldError::new(at("use"), "must be \"enc\" (or left out)"));
        }
        if self.alg.as_deref().is_some_and(|a| a != "ECDH-ES") {
            return Err(FieldError::new(at("alg"), "must be \"ECDH-ES\" (or left out)"));
        }
        Ok(SealingKey { kid: kid.to_string(), x, y })
    }
}

fn private_part(field: &str) -> FieldError {
    FieldError::new(
        field,
        "is part of a private key, which must never be in config.json (anyone can read it): \
         paste the public key only, the same JWK without \"d\"",
    )
}

/// A coordinate or scalar: exactly 32 bytes as unpadded base64url, which is
/// 43 characters of its alphabet, the last carrying 2 bits that must be 0.
/// (Checked without decoding, so the widget carries no base64 decoder.)
///
/// ```
/// # use waymark::core::sealing::base64url_encode;
/// assert_eq!(base64url_encode(&[255; 32]).chars().last(), Some('8'));
/// ```
fn coordinate(field: &str, text: &str) -> Result<String, FieldError> {
    if is_coordinate(text) {
        return Ok(text.to_string());
    }
    Err(FieldError::new(field, "must be 32 bytes in base64url (43 characters)"))
}

/// Whether `text` is 32 bytes as unpadded base64url (see [`coordinate`]).
pub(crate) fn is_coordinate(text: &str) -> bool {
    let b64 = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    let bytes = text.as_bytes();
    let canonical_end = |c: &u8| b"AEIMQUYcgkosw048".contains(c);
    bytes.len() == 43 && bytes.iter().all(|&c| b64(c)) && bytes.last().is_some_and(canonical_end)
}
impl SealingKey {
    /// The public key as Web Crypto imports it.
    ///
    /// ```
    /// use waymark::core::sealing::SealingKey;
    /// let key = SealingKey { kid: "k1".into(), x: "AA".into(), y: "AQ".into() };
    /// assert_eq!(key.import_jwk(), r#"{"kty":"EC","crv":"P-256","x":"AA","y":"AQ"}"#);
    /// ```
    ///
    /// Only the fields it needs, so a `use` or `alg` another tool wrote
    /// cannot make an engine refuse it; `format!`, as the coordinates are
    /// base64url, which JSON needs no escaping for.
    pub fn import_jwk(&self) -> String {
        format!(r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}"}}"#, self.x, self.y)
    }
}

impl PrivateKey {
    /// The private key as Web Crypto imports it.
    pub fn import_jwk(&self) -> String {
        let p = &self.public;
        format!(r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}","d":"{}"}}"#, p.x, p.y, self.d)
    }
}
