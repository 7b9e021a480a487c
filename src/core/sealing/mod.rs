//! Sealing a referral to the charity's public key, so only the holder of the
//! private key can read it: a JWE in compact serialization (RFC 7516) with
//! `ECDH-ES` key agreement and `A256GCM` content encryption (RFC 7518).
//!
//! The arithmetic (P-256, SHA-256, AES-GCM) is the browser's Web Crypto
//! (`web::platform::crypto`); this module holds everything around it, pure
//! and natively tested: the key rules for `config.json`, the protected
//! header, the Concat KDF's input, the compact form, the envelope each
//! format sends, and finding and reading sealed referrals for the inbox.

mod base64url;
mod envelope;
mod find;
mod jwe;
mod key;
mod received;

pub use base64url::{decode as base64url_decode, encode as base64url_encode};
pub use envelope::{mailto_body, SealedEnvelope, ENVELOPE_KIND, ENVELOPE_VERSION};
pub use find::find_sealed;
pub use jwe::{
    concat_kdf_input, content_type, protected_header, Compact, EphemeralKey, NotSealed, SealedHeader, ALG,
    ENC,
};
pub use key::{KeyFile, PrivateKey, SealingKey};
pub use received::{csv_export, read_referral, OpenProblem, CSV_COLUMNS};
