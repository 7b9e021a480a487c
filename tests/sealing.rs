//! Sealed referrals: the config's key rule, the JWE's parts, the envelope,
//! finding sealed referrals in what an endpoint stored, and the CSV export.
//! The crypto itself is the browser's Web Crypto; here RustCrypto stands in
//! for it, and a JWE made by npm `jose` checks we read a standard JWE.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use p256::ecdh::diffie_hellman;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{EncodedPoint, PublicKey, SecretKey};
use sha2::{Digest, Sha256};

use waymark::core::config::Config;
use waymark::core::referral::{form_encoded, ReferralDocument};
use waymark::core::sealing::{
    base64url_decode, base64url_encode, concat_kdf_input, csv_export, find_sealed, mailto_body,
    protected_header, read_referral, Compact, KeyFile, OpenProblem, SealedEnvelope, CSV_COLUMNS,
};

const X: &str = "WZ29TZK-WZqKKT7wXLZuNXHLSgh7Wag30S1uSyQvwrI";
const Y: &str = "fGBZxUeVQAi_0CX1eXvP-TVpT3_WaRwBBrG7tErmXP8";

fn config_with_key(key: &str) -> Result<Config, waymark::core::FieldError> {
    Config::parse(&format!(
        r#"{{ "organisation": {{ "name": "Somerset Connect", "phone": "01823 000000" }},
            "referral": {{ "endpoint": "https://forms.example.org/r", "public_key": {key} }},
            "directory": {{ "url": "data/somerset-sample.json" }} }}"#
    ))
}

fn public_jwk() -> String {
    format!(r#"{{"kty":"EC","crv":"P-256","x":"{X}","y":"{Y}","kid":"waymark-2026-12-07-0a1b2c3d"}}"#)
}

#[test]
fn a_public_key_in_the_config_is_the_key_referrals_are_sealed_to() {
    let config = config_with_key(&public_jwk()).unwrap();
    let key = config.referral.sealing_key().unwrap();
    assert_eq!((key.kid.as_str(), key.x.as_str(), key.y.as_str()), ("waymark-2026-12-07-0a1b2c3d", X, Y));
    // What Web Crypto's exportKey writes, and what `cargo xtask keys` writes, are accepted too.
    let exported =
        public_jwk().replace("\"kid\"", r#""ext":true,"key_ops":[],"use":"enc","alg":"ECDH-ES","kid""#);
    assert!(config_with_key(&exported).unwrap().referral.sealing_key().is_some());
    // No key: nothing is sealed.
    let plain = Config::parse(
        r#"{ "organisation": { "name": "S", "phone": "01823 000000" },
        "referral": { "endpoint": "https://forms.example.org/r" }, "directory": { "url": "d.json" } }"#,
    )
    .unwrap();
    assert_eq!(plain.referral.sealing_key(), None);
}

#[test]
fn a_private_key_pasted_into_the_config_is_refused_by_name() {
    let private =
        public_jwk().replace("\"kid\"", r#""d":"ub2VMh-iHdE4f7rK2V0_5g1Ll1qS605XRNm7X41N5yk","kid""#);
    let err = config_with_key(&private).unwrap_err();
    assert_eq!(err.field, "referral.public_key.d");
    assert!(err.problem.contains("private key"), "{err}");
}

#[test]
fn anything_but_a_p256_public_key_is_refused_naming_the_field() {
    let cases = [
        (public_jwk().replace(r#""kty":"EC""#, r#""kty":"RSA""#), "referral.public_key.kty"),
        (public_jwk().replace("P-256", "P-384"), "referral.public_key.crv"),
        (public_jwk().replace(X, "c2hvcnQ"), "referral.public_key.x"),
        (public_jwk().replace(Y, &format!("{Y}=")), "referral.public_key.y"),
        (public_jwk().replace(r#","kid":"waymark-2026-12-07-0a1b2c3d""#, ""), "referral.public_key.kid"),
        (public_jwk().replace("waymark-2026-12-07-0a1b2c3d", "a \\\" kid"), "referral.public_key.kid"),
        (public_jwk().replace("\"kid\"", r#""use":"sig","kid""#), "referral.public_key.use"),
        (public_jwk().replace("\"kid\"", r#""alg":"RSA-OAEP","kid""#), "referral.public_key.alg"),
        (public_jwk().replace("\"kid\"", r#""k":"c2VjcmV0","kid""#), "referral.public_key.k"),
        (public_jwk().replace("\"kid\"", r#""colour":"blue","kid""#), "referral.public_key.colour"),
        (r#""-----BEGIN PUBLIC KEY-----""#.to_string(), "referral.public_key"),
    ];
    for (key, field) in cases {
        let err = config_with_key(&key).unwrap_err();
        assert!(err.field.starts_with(field), "{key}: {err}");
    }
}

/// RFC 7518 Appendix C: the Concat KDF of the ECDH-ES example gives its key.
#[test]
fn the_kdf_input_gives_the_rfc_7518_example_key() {
    let z = [
        158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163, 218,
        128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196,
    ];
    let hashed = Sha256::digest(concat_kdf_input(&z, "A128GCM", b"Alice", b"Bob", 128));
    assert_eq!(base64url_encode(&hashed[..16]), "VqqN6vgjbSBcIijNcacQGg");
}

fn content_key(secret: &SecretKey, public: &PublicKey) -> Vec<u8> {
    let shared = diffie_hellman(secret.to_nonzero_scalar(), public.as_affine());
    Sha256::digest(concat_kdf_input(shared.raw_secret_bytes(), "A256GCM", b"", b"", 256)).to_vec()
}

fn public_from_jwk(x: &str, y: &str) -> PublicKey {
    let (x, y) = (base64url_decode(x).unwrap(), base64url_decode(y).unwrap());
    let point = EncodedPoint::from_affine_coordinates(x.as_slice().into(), y.as_slice().into(), false);
    PublicKey::from_sec1_bytes(point.as_bytes()).unwrap()
}

fn open(compact: &Compact, secret: &SecretKey) -> Result<Vec<u8>, aes_gcm::Error> {
    let sender = public_from_jwk(&compact.header.epk.x, &compact.header.epk.y);
    let cipher = Aes256Gcm::new_from_slice(&content_key(secret, &sender)).unwrap();
    let payload = Payload { msg: &compact.ciphertext_and_tag, aad: compact.header_text.as_bytes() };
    cipher.decrypt(Nonce::from_slice(&compact.iv), payload)
}

fn fixture() -> serde_json::Value {
    serde_json::from_str(include_str!("fixtures/jose-sealed.json")).unwrap()
}

#[test]
fn a_jwe_made_by_npm_jose_opens_with_the_cores_reading_of_it() {
    let fixture = fixture();
    let file = KeyFile::read(&fixture["private_jwk"].to_string(), "").unwrap();
    let private = file.private_key().unwrap();
    assert_eq!(private.public.kid, "fixture-key-1");
    let secret = SecretKey::from_slice(&base64url_decode(&private.d).unwrap()).unwrap();
    let compact = Compact::parse(fixture["jwe"].as_str().unwrap()).unwrap();
    assert_eq!(compact.header.kid.as_deref(), Some("fixture-key-1"));
    assert_eq!(compact.header.schema_version(), Some(2));
    let plain = open(&compact, &secret).unwrap();
    assert_eq!(String::from_utf8(plain).unwrap(), fixture["plaintext"].as_str().unwrap());
}

/// Seals the way `web::platform::crypto::seal` does, with RustCrypto in Web Crypto's place.
fn seal_like_the_browser(recipient: &PublicKey, kid: &str, plaintext: &str) -> String {
    let ephemeral = SecretKey::from_slice(&[7u8; 32]).unwrap();
    let epk = ephemeral.public_key().to_encoded_point(false);
    let header =
        protected_header(kid, &base64url_encode(epk.x().unwrap()), &base64url_encode(epk.y().unwrap()));
    let header_text = base64url_encode(header.as_bytes());
    let cipher = Aes256Gcm::new_from_slice(&content_key(&ephemeral, recipient)).unwrap();
    let iv = [9u8; 12];
    let sealed = cipher
        .encrypt(Nonce::from_slice(&iv), Payload { msg: plaintext.as_bytes(), aad: header_text.as_bytes() });
    let sealed = sealed.unwrap();
    let (ciphertext, tag) = sealed.split_at(sealed.len() - 16);
    Compact::join(&header_text, &base64url_encode(&iv), &base64url_encode(ciphertext), &base64url_encode(tag))
}

#[test]
fn what_the_core_seals_reads_back_and_a_changed_byte_fails_the_check() {
    let secret = SecretKey::from_slice(&[3u8; 32]).unwrap();
    let jwe = seal_like_the_browser(&secret.public_key(), "k1", r#"{"schema_version":2}"#);
    let compact = Compact::parse(&jwe).unwrap();
    assert_eq!(compact.header.alg, "ECDH-ES");
    assert_eq!(compact.header.enc, "A256GCM");
    assert_eq!(compact.header.cty.as_deref(), Some("vnd.waymark.referral.v2+json"));
    assert_eq!(open(&compact, &secret).unwrap(), br#"{"schema_version":2}"#);
    let mut tampered = compact.clone();
    tampered.ciphertext_and_tag[0] ^= 1;
    assert!(open(&tampered, &secret).is_err(), "a changed byte must fail AES-GCM's check");
    let other = SecretKey::from_slice(&[4u8; 32]).unwrap();
    assert!(open(&compact, &other).is_err(), "another key cannot open it");
    // Other algorithms and shapes are not taken for sealed referrals.
    assert!(Compact::parse("eyJhbGciOiJub25lIn0.e30.").is_err());
    // An ephemeral key that is no point (here, JSON smuggled into a coordinate) is refused.
    let smuggled = format!(
        r#"{{"alg":"ECDH-ES","enc":"A256GCM","epk":{{"kty":"EC","crv":"P-256","x":"{X}\",\"d\":\"x","y":"{Y}"}}}}"#
    );
    let smuggled = jwe.replacen(jwe.split('.').next().unwrap(), &base64url_encode(smuggled.as_bytes()), 1);
    assert_eq!(Compact::parse(&smuggled), Err(waymark::core::sealing::NotSealed::Shape));
    let rsa_header = format!(
        r#"{{"alg":"RSA-OAEP","enc":"A256GCM","epk":{{"kty":"EC","crv":"P-256","x":"{X}","y":"{Y}"}}}}"#
    );
    let rsa_header = base64url_encode(rsa_header.as_bytes());
    let rsa = jwe.replacen(jwe.split('.').next().unwrap(), &rsa_header, 1);
    assert!(matches!(Compact::parse(&rsa), Err(waymark::core::sealing::NotSealed::Algorithm(_))));
}

#[test]
fn the_envelope_names_the_referral_and_holds_nothing_personal() {
    let envelope = SealedEnvelope::new(
        "WM-K7Q2-9X",
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "2026-12-07T10:00:00Z",
        "eyJx..a.b.c",
    );
    let text = envelope.to_json();
    assert!(
        text.starts_with(
            r#"{"waymark":"sealed-referral","version":1,"reference":"WM-K7Q2-9X","referral_id":"#
        ),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 6, "only the six envelope fields");
    // Written by hand for the widget's size: it must be what serde writes.
    assert_eq!(text, serde_json::to_string(&envelope).unwrap());
    assert_eq!(envelope.to_form(), form_encoded(&envelope));
    let header: waymark::core::sealing::SealedHeader =
        serde_json::from_str(&protected_header("waymark-2026-12-07-0a1b2c3d", X, Y)).unwrap();
    assert_eq!(
        (header.kid.as_deref(), header.epk.x.as_str(), header.epk.y.as_str()),
        (Some("waymark-2026-12-07-0a1b2c3d"), X, Y)
    );
    assert_eq!(json["waymark"], "sealed-referral");
    assert_eq!(json["version"], 1);
    assert_eq!(
        form_encoded(&envelope),
        "waymark=sealed-referral&version=1&reference=WM-K7Q2-9X&referral_id=1b4e28ba-2fa1-11d2-883f-0016d3cca427\
         &created=2026-12-07T10%3A00%3A00Z&jwe=eyJx..a.b.c"
    );
}

#[test]
fn an_email_keeps_the_jwe_whole_in_short_lines() {
    let secret = SecretKey::from_slice(&[3u8; 32]).unwrap();
    let jwe = seal_like_the_browser(&secret.public_key(), "k1", &"x".repeat(900));
    let body = mailto_body("WM-K7Q2-9X", &jwe);
    assert!(body.lines().all(|l| l.len() <= 76), "no line a mail client would rewrap");
    assert!(!body.contains("xxx"), "the email holds nothing of the document in clear");
    assert_eq!(find_sealed(&body), vec![jwe.clone()]);
    // As a mail client may send it: quoted-printable soft breaks, CRLF line ends, in an .eml.
    let eml = format!(
        "From: someone@example.org\r\nSubject: Referral WM-K7Q2-9X\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{}",
        body.replace('\n', "=\r\n").replace("-----=\r\n", "-----\r\n")
    );
    assert_eq!(find_sealed(&eml), vec![jwe]);
}

#[test]
fn every_sealed_referral_in_a_stored_log_is_found_once() {
    let secret = SecretKey::from_slice(&[3u8; 32]).unwrap();
    let one = seal_like_the_browser(&secret.public_key(), "k1", "one");
    let two = seal_like_the_browser(&secret.public_key(), "k2", "two");
    let envelope = |jwe: &str| SealedEnvelope::new("WM-K7Q2-9X", "id", "2026-12-07T10:00:00Z", jwe).to_json();
    // A JSON-lines log where the endpoint stored the first twice, and a form body.
    let log = format!(
        "{}\n{}\n{}\n",
        envelope(&one),
        envelope(&one),
        form_encoded(&SealedEnvelope::new("WM-X", "i", "c", &two))
    );
    assert_eq!(find_sealed(&log), vec![one.clone(), two]);
    // Inside a longer base64url run (not a token start), nothing is taken.
    assert!(find_sealed(&format!("AAAA{one}")).is_empty());
    assert!(find_sealed("").is_empty());
    assert!(find_sealed(&"eyJ.".repeat(10_000)).is_empty());
}

proptest::proptest! {
    #[test]
    fn finding_never_panics_on_any_text(text in "\\PC*") {
        let _ = find_sealed(&text);
    }

    /// The config's check of a coordinate (no decoder in the widget) agrees
    /// with a base64 decoder: 32 bytes encoded pass, and any other text
    /// passes only if it decodes to 32 bytes and encodes back the same.
    #[test]
    fn a_coordinate_is_32_bytes_of_base64url_exactly(bytes in proptest::collection::vec(proptest::num::u8::ANY, 32), text in "[A-Za-z0-9_=+/-]{42,44}") {
        let with_x = |x: &str| config_with_key(&public_jwk().replace(X, x)).map(|c| c.referral.sealing_key());
        proptest::prop_assert!(with_x(&base64url_encode(&bytes)).is_ok());
        let decodes = base64url_decode(&text).is_some_and(|b| b.len() == 32 && base64url_encode(&b) == text);
        proptest::prop_assert_eq!(with_x(&text).is_ok(), decodes, "{}", text);
    }
}

fn document() -> ReferralDocument {
    serde_json::from_str(include_str!("fixtures/referral-v2.json")).unwrap()
}

#[test]
fn a_document_of_another_version_or_shape_is_named_not_shown() {
    assert_eq!(
        read_referral(br#"{"schema_version":3,"person":{}}"#).unwrap_err(),
        OpenProblem::UnknownVersion(3)
    );
    assert!(matches!(read_referral(br#"{"schema_version":2}"#), Err(OpenProblem::NotReferral(_))));
    let doc = document();
    let text = serde_json::to_vec(&doc).unwrap();
    assert_eq!(read_referral(&text).unwrap(), doc);
}

#[test]
fn the_csv_reads_back_to_the_same_values_and_runs_no_formula() {
    let mut doc = document();
    doc.person.name = "=HYPERLINK(\"http://evil.example\",\"Zoë\")".into();
    let csv = csv_export(&[doc.clone(), document()]);
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark, for Excel");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let cell = |row: &csv::StringRecord, column: &str| {
        row.get(CSV_COLUMNS.iter().position(|c| *c == column).unwrap()).unwrap().to_string()
    };
    let plain = document();
    assert_eq!(cell(&rows[1], "name"), plain.person.name);
    assert_eq!(cell(&rows[1], "reference"), plain.reference);
    assert_eq!(cell(&rows[1], "what_matters"), plain.what_matters.clone().unwrap_or_default());
    assert_eq!(cell(&rows[1], "consent_statement"), plain.consent.statement);
    assert_eq!(
        cell(&rows[1], "groups"),
        plain.support_requested.services.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; ")
    );
    assert_eq!(cell(&rows[0], "name"), format!("'{}", doc.person.name), "a formula is never run");
}
