//! `cargo xtask keys --out <folder>` end to end: the real binary, its two
//! files checked with `p256` (the point is the private scalar's), and a JWE
//! ECDH-ES + A256GCM sealed to the public key and opened with the private key
//! by an independent JOSE implementation (`picky`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::elliptic_curve::sec1::ToSec1Point;
use serde_json::{Map, Value};

/// An empty folder for one test's output (not yet made: the command makes it).
fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waymark-keys-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn keys(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask")).arg("keys").args(args).output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "keys failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// One key pair as written: its kid, both files' text and JSON.
struct Written {
    kid: String,
    private_path: PathBuf,
    private: Map<String, Value>,
    public_text: String,
    public: Map<String, Value>,
}

fn object(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}")) {
        Value::Object(fields) => fields,
        other => panic!("not a JSON object: {other}"),
    }
}

/// The pair of files in `dir` with the given kid.
fn read(dir: &Path, kid: &str) -> Written {
    let private_path = dir.join(format!("{kid}.private.jwk.json"));
    let private_text = std::fs::read_to_string(&private_path).unwrap();
    let public_text = std::fs::read_to_string(dir.join(format!("{kid}.public.jwk.json"))).unwrap();
    Written {
        kid: kid.to_string(),
        private_path,
        private: object(&private_text),
        public: object(&public_text),
        public_text,
    }
}

/// The kids of every pair in `dir` (and that nothing else is there).
fn kids(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    let kids: Vec<String> =
        names.iter().filter_map(|n| n.strip_suffix(".private.jwk.json")).map(str::to_string).collect();
    let mut expected: Vec<String> =
        kids.iter().flat_map(|k| [format!("{k}.private.jwk.json"), format!("{k}.public.jwk.json")]).collect();
    expected.sort();
    assert_eq!(names, expected, "exactly a private and a public file per key");
    kids
}

fn bytes(jwk: &Map<String, Value>, field: &str) -> Vec<u8> {
    let text = jwk[field].as_str().unwrap_or_else(|| panic!("{field} is not a string"));
    URL_SAFE_NO_PAD.decode(text).unwrap_or_else(|e| panic!("{field} is not base64url without padding: {e}"))
}

fn str_field<'a>(jwk: &'a Map<String, Value>, field: &str) -> &'a str {
    jwk[field].as_str().unwrap()
}

/// `waymark-YYYY-MM-DD-` (a real date) and 8 lowercase hex digits.
fn assert_kid(kid: &str) {
    let rest = kid.strip_prefix("waymark-").unwrap_or_else(|| panic!("{kid}"));
    let (date, hex) = rest.rsplit_once('-').unwrap_or_else(|| panic!("{kid}"));
    assert!(hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{kid}");
    let parts: Vec<&str> = date.split('-').collect();
    assert!(
        parts.len() == 3
            && [4, 2, 2]
                .iter()
                .zip(&parts)
                .all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit())),
        "{kid}"
    );
    let (year, month, day): (u32, u32, u32) =
        (parts[0].parse().unwrap(), parts[1].parse().unwrap(), parts[2].parse().unwrap());
    assert!((2025..2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day), "{kid}");
}

fn generate(dir: &Path) -> (Written, String) {
    let out = keys(&["--out", dir.to_str().unwrap()]);
    let text = stdout(&out);
    let kids = kids(dir);
    assert_eq!(kids.len(), 1, "{kids:?}");
    (read(dir, &kids[0]), text)
}

#[test]
fn writes_a_private_and_a_public_jwk_of_one_p256_key() {
    let dir = out_dir("pair").join("not/yet/made");
    let (key, _) = generate(&dir);
    assert_kid(&key.kid);

    let order = |jwk: &Map<String, Value>| jwk.keys().cloned().collect::<Vec<_>>();
    assert_eq!(order(&key.private), ["kty", "crv", "x", "y", "d", "kid", "use", "alg"]);
    assert_eq!(order(&key.public), ["kty", "crv", "x", "y", "kid", "use", "alg"]);
    for jwk in [&key.private, &key.public] {
        assert_eq!(str_field(jwk, "kty"), "EC");
        assert_eq!(str_field(jwk, "crv"), "P-256");
        assert_eq!(str_field(jwk, "kid"), key.kid);
        assert_eq!(str_field(jwk, "use"), "enc");
        assert_eq!(str_field(jwk, "alg"), "ECDH-ES");
        assert_eq!(bytes(jwk, "x").len(), 32);
        assert_eq!(bytes(jwk, "y").len(), 32);
    }
    assert_eq!(key.private["x"], key.public["x"]);
    assert_eq!(key.private["y"], key.public["y"]);
    let d = bytes(&key.private, "d");
    assert_eq!(d.len(), 32);

    // The public point is the private scalar's, and on the curve.
    let secret = p256::SecretKey::from_slice(&d).expect("d is a valid P-256 scalar");
    let point = secret.public_key().to_sec1_point(false);
    assert_eq!(point.x().unwrap().as_slice(), bytes(&key.public, "x"));
    assert_eq!(point.y().unwrap().as_slice(), bytes(&key.public, "y"));
    let mut sec1 = vec![4u8];
    sec1.extend(bytes(&key.public, "x"));
    sec1.extend(bytes(&key.public, "y"));
    assert_eq!(p256::PublicKey::from_sec1_bytes(&sec1).unwrap(), secret.public_key());
}

#[cfg(unix)]
#[test]
fn only_its_owner_can_read_the_private_key() {
    use std::os::unix::fs::PermissionsExt;
    let dir = out_dir("mode");
    let (key, _) = generate(&dir);
    let mode = std::fs::metadata(&key.private_path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}

#[test]
fn prints_the_public_key_to_paste_and_how_to_keep_the_private_one() {
    let dir = out_dir("print");
    let (key, text) = generate(&dir);
    let line = text.lines().find(|l| l.starts_with('{')).expect("the public JWK on a line of its own");
    assert_eq!(line, key.public_text.trim_end(), "the line is the public file's JSON");
    assert!(!line.contains("\"d\""));
    assert!(!text.contains(str_field(&key.private, "d")), "the private key is never printed");
    // It pastes into config.json's referral as "public_key".
    let config: Value =
        serde_json::from_str(&format!(r#"{{"referral": {{"public_key": {line}}}}}"#)).unwrap();
    assert_eq!(config["referral"]["public_key"]["kid"], key.kid.as_str());
    for words in
        ["\"public_key\"", "lost", "offline", "password manager", "never email", "config.json", "web host"]
    {
        assert!(text.to_lowercase().contains(&words.to_lowercase()), "no {words:?} in:\n{text}");
    }
    assert!(text.contains(&key.private_path.display().to_string()));
}

#[test]
fn a_second_run_adds_a_new_pair_beside_the_first() {
    let dir = out_dir("twice");
    let (first, _) = generate(&dir);
    stdout(&keys(&[&format!("--out={}", dir.display())]));
    let kids = kids(&dir);
    assert_eq!(kids.len(), 2, "{kids:?}");
    let again = read(&dir, &first.kid);
    assert_eq!(again.private, first.private, "the first pair is untouched");
    let second = read(&dir, kids.iter().find(|k| **k != first.kid).unwrap());
    assert_ne!(second.private["d"], first.private["d"]);
}

#[test]
fn without_out_it_says_how_to_use_it_and_writes_nothing() {
    for args in [&[][..], &["--out"], &["somewhere"]] {
        let out = keys(args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("usage: cargo xtask keys --out <folder>"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    assert!(!Path::new("somewhere").exists());
}

#[test]
fn the_usage_of_xtask_lists_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("keys --out <folder>"));
}

/// The keys work for what they are for: picky (its own JWK reader, Concat
/// KDF and AES-GCM) seals a compact JWE ECDH-ES + A256GCM to the public JWK
/// and opens it with the private key; another key cannot.
#[test]
fn an_independent_jose_implementation_seals_to_the_public_key_and_opens_with_the_private() {
    use picky::jose::jwe::{Jwe, JweAlg, JweEnc};
    use picky::jose::jwk::Jwk;
    use picky::key::PrivateKey;

    let dir = out_dir("jwe");
    let (key, _) = generate(&dir);
    let public = Jwk::from_json(&key.public_text).unwrap().to_public_key().unwrap();
    let private_of = |key: &Written| {
        let mut point = vec![4u8];
        point.extend(bytes(&key.private, "x"));
        point.extend(bytes(&key.private, "y"));
        PrivateKey::from_ec_encoded_components(
            picky::oids::secp256r1(),
            &bytes(&key.private, "d"),
            Some(&point),
        )
    };

    let payload = r#"{"referral":"WM-ABCD-2345","name":"Sam"}"#.as_bytes().to_vec();
    let mut jwe = Jwe::new(JweAlg::EcdhEs, JweEnc::Aes256Gcm, payload.clone());
    jwe.header.kid = Some(key.kid.clone());
    let token = jwe.encode(&public).unwrap();

    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 5, "compact serialization");
    assert_eq!(parts[1], "", "ECDH-ES has no encrypted key");
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
    assert_eq!(header["alg"], "ECDH-ES");
    assert_eq!(header["enc"], "A256GCM");
    assert_eq!(header["kid"], key.kid.as_str());
    assert_eq!(header["epk"]["crv"], "P-256");

    let opened = Jwe::decode(&token, &private_of(&key)).unwrap();
    assert_eq!(opened.payload, payload);

    let (other, _) = generate(&out_dir("jwe-other"));
    assert!(Jwe::decode(&token, &private_of(&other)).is_err(), "another key cannot open it");
}
