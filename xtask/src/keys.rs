//! `cargo xtask keys --out <folder>`: a new key pair for sealing referrals
//! (JWE `ECDH-ES` + `A256GCM`, RFC 7518 §4.6): a P-256 key made by
//! RustCrypto's `p256` from the operating system's randomness, written as two
//! JWK files named by its key id, `waymark-YYYY-MM-DD-xxxxxxxx` (the UTC date
//! and 8 random hex digits):
//!
//! - `<kid>.private.jwk.json`, readable by its owner only (mode 600), which
//!   opens every referral sealed to the key: it never goes near the web host;
//! - `<kid>.public.jwk.json`, the same without `d`, which goes in
//!   `config.json` as `referral.public_key` (also printed on one line).
//!
//! Neither file is ever overwritten: if one exists, the command stops and
//! names it.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::elliptic_curve::sec1::ToSec1Point;
use p256::elliptic_curve::zeroize::Zeroizing;
use p256::elliptic_curve::Generate;
use p256::SecretKey;

const USAGE: &str = "usage: cargo xtask keys --out <folder>

  Makes a new key pair for sealing referrals (P-256, JWE ECDH-ES + A256GCM) and writes
  <folder>/<kid>.private.jwk.json (yours alone: keep it safe, with a second copy offline)
  and <folder>/<kid>.public.jwk.json (for config.json's \"referral\": { \"public_key\": ... }).
  The folder is made if missing; an existing key file is never overwritten.";

/// The first part of every key id.
pub const KID_PREFIX: &str = "waymark-";

pub fn run(args: &[String]) -> Result<(), String> {
    let out = out_folder(args)?;
    let secret = SecretKey::try_generate()
        .map_err(|e| format!("the operating system gave no randomness for the key: {e}"))?;
    let mut random = [0u8; 4];
    getrandom::fill(&mut random)
        .map_err(|e| format!("the operating system gave no randomness for the key id: {e}"))?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_err(|e| format!("the clock: {e}"))?;
    let kid = kid(&utc_date(now.as_secs()), random);
    let jwk = Jwk::of(&secret, &kid);
    let (private_path, public_path) = write_pair(&out, &kid, &jwk)?;
    println!("{}", report(&kid, &private_path, &public_path, &jwk.public));
    Ok(())
}

/// The folder after `--out` (or `--out=<folder>`): the only argument there is.
fn out_folder(args: &[String]) -> Result<PathBuf, String> {
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = match arg.strip_prefix("--out=") {
            Some(value) => Some(value.to_string()),
            None if arg == "--out" => rest.next().cloned(),
            None => return Err(format!("unknown argument {arg:?}\n\n{USAGE}")),
        };
        match value {
            Some(value) if !value.is_empty() && out.is_none() => out = Some(PathBuf::from(value)),
            Some(_) if out.is_some() => return Err(format!("--out given twice\n\n{USAGE}")),
            _ => return Err(format!("--out needs a folder\n\n{USAGE}")),
        }
    }
    out.ok_or_else(|| format!("--out <folder> is required\n\n{USAGE}"))
}

/// `waymark-YYYY-MM-DD-` and the random bytes in lowercase hex.
pub fn kid(date: &str, random: [u8; 4]) -> String {
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    format!("{KID_PREFIX}{date}-{hex}")
}

/// `YYYY-MM-DD` of a time in seconds since 1970, in UTC (the proleptic
/// Gregorian calendar: Howard Hinnant's `civil_from_days`).
pub fn utc_date(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The two JWKs of one key, as the files hold them (one line of JSON each).
pub struct Jwk {
    pub private: Zeroizing<String>,
    pub public: String,
}

impl Jwk {
    pub fn of(secret: &SecretKey, kid: &str) -> Jwk {
        let point = secret.public_key().to_sec1_point(false);
        let (Some(x), Some(y)) = (point.x(), point.y()) else {
            unreachable!("an uncompressed point of a public key has both coordinates")
        };
        let (x, y) = (URL_SAFE_NO_PAD.encode(x), URL_SAFE_NO_PAD.encode(y));
        let d = Zeroizing::new(URL_SAFE_NO_PAD.encode(secret.to_bytes()));
        // Every value is base64url or the key id (letters, digits and '-'),
        // so none needs escaping; written by hand so that `d` is only ever
        // in strings that are wiped when dropped.
        let tail = format!(r#""kid":"{kid}","use":"enc","alg":"ECDH-ES"}}"#);
        Jwk {
            private: Zeroizing::new(format!(
                r#"{{"kty":"EC","crv":"P-256","x":"{x}","y":"{y}","d":"{}",{tail}"#,
                *d
            )),
            public: format!(r#"{{"kty":"EC","crv":"P-256","x":"{x}","y":"{y}",{tail}"#),
        }
    }
}

/// The two files' paths in `out`.
pub fn paths(out: &Path, kid: &str) -> (PathBuf, PathBuf) {
    (out.join(format!("{kid}.private.jwk.json")), out.join(format!("{kid}.public.jwk.json")))
}

/// Writes both files into `out` (made if missing), never over an existing
/// file: if either is there, neither is written and the error names it.
pub fn write_pair(out: &Path, kid: &str, jwk: &Jwk) -> Result<(PathBuf, PathBuf), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let (private_path, public_path) = paths(out, kid);
    for path in [&private_path, &public_path] {
        if path.symlink_metadata().is_ok() {
            return Err(exists(path));
        }
    }
    write_new(&private_path, jwk.private.as_bytes(), true)?;
    if let Err(e) = write_new(&public_path, jwk.public.as_bytes(), false) {
        // No half pair: the private key is new and nothing was sealed to it yet.
        let _ = std::fs::remove_file(&private_path);
        return Err(e);
    }
    Ok((private_path, public_path))
}

fn exists(path: &Path) -> String {
    format!("{} already exists: not overwriting a key file (choose another --out folder)", path.display())
}

/// Creates `path`, failing if anything is there already (`create_new`, so
/// also when it appears between the check and the write); `private` files
/// get mode 600 from the start on unix.
fn write_new(path: &Path, contents: &[u8], private: bool) -> Result<(), String> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => exists(path),
        _ => format!("{}: {e}", path.display()),
    })?;
    file.write_all(contents)
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn report(kid: &str, private_path: &Path, public_path: &Path, public: &str) -> String {
    format!(
        "New key pair for sealing referrals (P-256, JWE ECDH-ES + A256GCM), key id {kid}:
  private key: {private}  (readable by you only)
  public key:  {public_path}

The public key, for config.json as \"referral\": {{ ..., \"public_key\": <this line> }}:

{public}

WARNING: if {private_name} is lost, every referral sealed to this key is lost
with it: nobody can open them again, not even with a new key.
  - Keep a second copy offline now: for example on an encrypted USB stick in a locked
    drawer, or in your organisation's password manager.
  - Never email the private key, never put it in config.json, and never put it on the
    web host: only the public key goes there.",
        private = private_path.display(),
        public_path = public_path.display(),
        private_name = private_path.file_name().unwrap_or_default().to_string_lossy(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("waymark-keys-unit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn dates_are_utc_calendar_days() {
        assert_eq!(utc_date(0), "1970-01-01");
        assert_eq!(utc_date(951_782_400), "2000-02-29");
        assert_eq!(utc_date(951_868_799), "2000-02-29");
        assert_eq!(utc_date(1_709_208_000), "2024-02-29");
        assert_eq!(utc_date(1_796_601_600), "2026-12-07");
        assert_eq!(utc_date(4_102_444_800), "2100-01-01");
    }

    #[test]
    fn kid_is_the_date_and_eight_lowercase_hex_digits() {
        assert_eq!(kid("2026-12-07", [0x0a, 0xbc, 0xde, 0xf1]), "waymark-2026-12-07-0abcdef1");
    }

    #[test]
    fn out_is_required_and_nothing_else_is_accepted() {
        assert_eq!(out_folder(&args(&["--out", "keys"])).unwrap(), PathBuf::from("keys"));
        assert_eq!(out_folder(&args(&["--out=keys"])).unwrap(), PathBuf::from("keys"));
        for bad in [&[][..], &["--out"], &["--out="], &["keys"], &["--out", "a", "--out", "b"], &["--force"]]
        {
            let e = out_folder(&args(bad)).unwrap_err();
            assert!(e.contains("usage: cargo xtask keys --out <folder>"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn an_existing_key_file_is_never_overwritten() {
        let kid = kid("2026-12-07", [1, 2, 3, 4]);
        let secret = SecretKey::try_generate().unwrap();
        let jwk = Jwk::of(&secret, &kid);
        for which in ["private", "public"] {
            let out = temp(which);
            std::fs::create_dir_all(&out).unwrap();
            let existing = out.join(format!("{kid}.{which}.jwk.json"));
            std::fs::write(&existing, "keep me").unwrap();
            let e = write_pair(&out, &kid, &jwk).unwrap_err();
            assert!(e.contains(&existing.display().to_string()) && e.contains("already exists"), "{e}");
            assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
            assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1, "nothing else written");
            std::fs::remove_dir_all(&out).unwrap();
        }
        // The same pair twice into one folder: the second is refused.
        let out = temp("twice");
        write_pair(&out, &kid, &jwk).unwrap();
        let private = std::fs::read_to_string(out.join(format!("{kid}.private.jwk.json"))).unwrap();
        let other = Jwk::of(&SecretKey::try_generate().unwrap(), &kid);
        assert!(write_pair(&out, &kid, &other).unwrap_err().contains("already exists"));
        assert_eq!(std::fs::read_to_string(out.join(format!("{kid}.private.jwk.json"))).unwrap(), private);
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn create_new_refuses_a_file_that_appears_after_the_check() {
        let out = temp("race");
        std::fs::create_dir_all(&out).unwrap();
        let path = out.join("late.private.jwk.json");
        std::fs::write(&path, "keep me").unwrap();
        let e = write_new(&path, b"secret", true).unwrap_err();
        assert!(e.contains("already exists"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_symlink_in_the_way_is_refused_too() {
        #[cfg(unix)]
        {
            let kid = kid("2026-12-07", [9, 9, 9, 9]);
            let out = temp("symlink");
            std::fs::create_dir_all(&out).unwrap();
            let (private_path, _) = paths(&out, &kid);
            std::os::unix::fs::symlink(out.join("nowhere"), &private_path).unwrap();
            let jwk = Jwk::of(&SecretKey::try_generate().unwrap(), &kid);
            assert!(write_pair(&out, &kid, &jwk).unwrap_err().contains("already exists"));
            assert!(!out.join("nowhere").exists());
            std::fs::remove_dir_all(&out).unwrap();
        }
    }
}
