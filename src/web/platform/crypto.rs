//! The browser's Web Crypto, for sealing a referral to the charity's key
//! and, in the inbox, opening it: P-256 ECDH, SHA-256 and AES-256-GCM done
//! by the engine, never by code of ours. The JWE around them (header, KDF
//! input, compact form) is `core::sealing`.
//!
//! Each step is a promise awaited in one flat function: nested async
//! helpers would each add a state machine to the widget's code.

use js_sys::{Array, Object, Promise, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesGcmParams, CryptoKey, CryptoKeyPair, EcKeyGenParams, EcKeyImportParams, EcdhKeyDeriveParams,
    SubtleCrypto,
};

use crate::core::sealing::{concat_kdf_input, protected_header, Compact, PrivateKey, SealingKey, ENC};

/// What went wrong in the engine: no Web Crypto here (an old browser, or a
/// page not on HTTPS), a key it refused, or a failed decryption check.
#[derive(Debug)]
pub struct CryptoFailed;

impl From<JsValue> for CryptoFailed {
    fn from(_: JsValue) -> Self {
        CryptoFailed
    }
}

type Result<T> = std::result::Result<T, CryptoFailed>;
type Step = std::result::Result<Promise, JsValue>;

fn subtle() -> Result<SubtleCrypto> {
    let crypto = leptos::prelude::window().crypto()?;
    // `crypto.subtle` is missing outside a secure context.
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into())?;
    subtle.dyn_into().map_err(|_| CryptoFailed)
}

/// A step's promise as a future (not an `async fn`: each of those would be
/// one more state machine in the widget's code).
fn done(promise: Step) -> std::result::Result<JsFuture, JsValue> {
    promise.map(JsFuture::from)
}

fn usages(list: &[&str]) -> Array {
    list.iter().map(|u| JsValue::from_str(u)).collect()
}

fn ecdh() -> EcKeyImportParams {
    let algorithm = EcKeyImportParams::new("ECDH");
    algorithm.set_named_curve("P-256");
    algorithm
}

fn import_jwk(subtle: &SubtleCrypto, jwk: &str, extractable: bool, uses: &[&str]) -> Step {
    let key_data: Object = JSON::parse(jwk)?.unchecked_into();
    subtle.import_key_with_object("jwk", &key_data, &ecdh(), extractable, &usages(uses))
}

fn bytes(value: &JsValue) -> Vec<u8> {
    Uint8Array::new(value).to_vec()
}

/// The content key's promise, from the ECDH shared secret `shared` (RFC 7518 §4.6).
fn kdf(subtle: &SubtleCrypto, shared: &JsValue) -> Step {
    let input = concat_kdf_input(&bytes(shared), ENC, b"", b"", 256);
    subtle.digest_with_str_and_u8_array("SHA-256", &input)
}

fn aes_key(subtle: &SubtleCrypto, raw: JsValue, use_for: &str) -> Step {
    subtle.import_key_with_str("raw", &raw.unchecked_into(), "AES-GCM", false, &usages(&[use_for]))
}

fn gcm(iv: &[u8], additional: &str) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(additional.as_bytes()));
    params
}

fn text_field(object: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(object, &name.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// Unpadded base64url, by the browser's own `btoa`.
fn base64url(data: &[u8]) -> Result<String> {
    let binary: String = data.iter().map(|&b| char::from(b)).collect();
    let standard = leptos::prelude::window().btoa(&binary)?;
    Ok(standard.trim_end_matches('=').replace('+', "-").replace('/', "_"))
}

/// Seals `plaintext` to `key` as a compact JWE (ECDH-ES, A256GCM), with a
/// new ephemeral key; `iv` is 12 random bytes from the caller.
pub async fn seal(key: &SealingKey, plaintext: &str, iv: [u8; 12]) -> Result<String> {
    let subtle = subtle()?;
    let recipient: CryptoKey =
        done(import_jwk(&subtle, &key.import_jwk(), true, &[]))?.await?.unchecked_into();
    let params = EcKeyGenParams::new("ECDH", "P-256");
    let pair: CryptoKeyPair = done(subtle.generate_key_with_object(&params, true, &usages(&["deriveBits"])))?
        .await?
        .unchecked_into();
    let epk = done(subtle.export_key("jwk", &pair.get_public_key()))?.await?;
    let derive = EcdhKeyDeriveParams::new("ECDH", &recipient);
    let shared = done(subtle.derive_bits_with_object(&derive, &pair.get_private_key(), 256))?.await?;
    let raw = done(kdf(&subtle, &shared))?.await?;
    let cek: CryptoKey = done(aes_key(&subtle, raw, "encrypt"))?.await?.unchecked_into();
    let header = protected_header(&key.kid, &text_field(&epk, "x"), &text_field(&epk, "y"));
    let header_text = base64url(header.as_bytes())?;
    let params = gcm(&iv, &header_text);
    let sealed =
        bytes(&done(subtle.encrypt_with_object_and_u8_array(&params, &cek, plaintext.as_bytes()))?.await?);
    let (ciphertext, tag) = sealed.split_at(sealed.len().saturating_sub(16));
    Ok(Compact::join(&header_text, &base64url(&iv)?, &base64url(ciphertext)?, &base64url(tag)?))
}

/// A private key opened in the inbox: held by the engine, which will not
/// give it back (not extractable), for this visit only.
#[derive(Clone)]
pub struct OpenKey {
    pub kid: String,
    key: CryptoKey,
}

/// Imports the inbox's private key as non-extractable, for deriving only.
pub async fn open_key(key: &PrivateKey) -> Result<OpenKey> {
    let imported = done(import_jwk(&subtle()?, &key.import_jwk(), false, &["deriveBits"]))?.await?;
    Ok(OpenKey { kid: key.public.kid.clone(), key: imported.unchecked_into() })
}

/// Decrypts a sealed referral with `key`: the plaintext, or the engine's
/// error when the AES-GCM check fails (tampered or another key).
pub async fn unseal(key: &OpenKey, sealed: &Compact) -> Result<Vec<u8>> {
    let subtle = subtle()?;
    let epk = &sealed.header.epk;
    let epk_jwk = SealingKey { kid: String::new(), x: epk.x.clone(), y: epk.y.clone() }.import_jwk();
    let sender: CryptoKey = done(import_jwk(&subtle, &epk_jwk, true, &[]))?.await?.unchecked_into();
    let derive = EcdhKeyDeriveParams::new("ECDH", &sender);
    let shared = done(subtle.derive_bits_with_object(&derive, &key.key, 256))?.await?;
    let raw = done(kdf(&subtle, &shared))?.await?;
    let cek: CryptoKey = done(aes_key(&subtle, raw, "decrypt"))?.await?.unchecked_into();
    let params = gcm(&sealed.iv, &sealed.header_text);
    let plain =
        done(subtle.decrypt_with_object_and_u8_array(&params, &cek, &sealed.ciphertext_and_tag))?.await?;
    Ok(bytes(&plain))
}

/// A new key pair for a charity, made by the engine: the private and the
/// public JWK as JSON text, without a `kid` (the caller names the key).
pub async fn new_key_pair() -> Result<(String, String)> {
    let subtle = subtle()?;
    let params = EcKeyGenParams::new("ECDH", "P-256");
    let pair: CryptoKeyPair = done(subtle.generate_key_with_object(&params, true, &usages(&["deriveBits"])))?
        .await?
        .unchecked_into();
    let private = done(subtle.export_key("jwk", &pair.get_private_key()))?.await?;
    let public = done(subtle.export_key("jwk", &pair.get_public_key()))?.await?;
    let text = |v: &JsValue| JSON::stringify(v).map(String::from).map_err(|_| CryptoFailed);
    Ok((text(&private)?, text(&public)?))
}
