//! The referral inbox's state: the keys opened for this visit (held by
//! Web Crypto, never stored), what was given to it, and what opened. Only
//! the inbox bundle uses it.

use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::core::referral::ReferralDocument;
use crate::core::sealing::{find_sealed, read_referral, Compact, KeyFile, OpenProblem};
use crate::web::platform::crypto::{new_key_pair, open_key, unseal, OpenKey};
use crate::web::platform::dom::today;
use crate::web::platform::sender::random_bytes;

/// One problem with something given to the inbox: where it came from (a
/// file's name, or "Pasted text") and what is wrong, in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub source: String,
    pub message: String,
}

/// A sealed referral found in what was given, and how opening it went
/// (`None`: not tried yet, or waiting for its key).
#[derive(Clone)]
struct Found {
    source: String,
    jwe: String,
    opened: Option<Result<ReferralDocument, OpenProblem>>,
}

/// A key pair just made here: the private JWK to save, the public to paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewKeyPair {
    pub kid: String,
    pub private_jwk: String,
    pub public_jwk: String,
}

/// The inbox for one visit. Locking forgets the keys and every referral.
#[derive(Clone, Copy)]
pub struct InboxState {
    pub keys: RwSignal<Vec<OpenKey>, LocalStorage>,
    found: StoredValue<Vec<Found>>,
    /// Files that held no sealed referral, and keys that would not open.
    given_problems: RwSignal<Vec<Problem>>,
    /// The referrals opened, each once (by `referral_id`), newest first.
    pub referrals: RwSignal<Vec<ReferralDocument>>,
    /// Problems with sealed referrals (another key, tampered, …).
    sealed_problems: RwSignal<Vec<Problem>>,
    pub key_problem: RwSignal<Option<String>>,
    pub new_pair: RwSignal<Option<NewKeyPair>>,
}

impl InboxState {
    pub fn new() -> Self {
        InboxState {
            keys: RwSignal::new_local(Vec::new()),
            found: StoredValue::new(Vec::new()),
            given_problems: RwSignal::new(Vec::new()),
            referrals: RwSignal::new(Vec::new()),
            sealed_problems: RwSignal::new(Vec::new()),
            key_problem: RwSignal::new(None),
            new_pair: RwSignal::new(None),
        }
    }

    /// Every problem to show, files first.
    pub fn problems(&self) -> Vec<Problem> {
        let mut all = self.given_problems.get();
        all.extend(self.sealed_problems.get());
        all
    }

    /// Opens a private key file's `text` (from `source`) for this visit.
    pub async fn open_key_file(self, source: String, text: String) {
        let checked = KeyFile::read(&text, "").and_then(|file| file.private_key()).map_err(|e| {
            if e.field.is_empty() {
                "is not a key file (a JSON Web Key)".to_string()
            } else {
                e.to_string()
            }
        });
        let private = match checked {
            Ok(private) => private,
            Err(why) => return self.key_problem.set(Some(format!("{source}: {why}"))),
        };
        match open_key(&private).await {
            Ok(key) => {
                self.key_problem.set(None);
                self.keys.update(|keys| {
                    if !keys.iter().any(|k| k.kid == key.kid) {
                        keys.push(key);
                    }
                });
                self.open_found().await;
            }
            Err(_) => self.key_problem.set(Some(format!("{source}: this browser could not open the key"))),
        }
    }

    /// Takes what was given (a file's text, or pasted text) and opens every
    /// sealed referral in it that an open key can.
    pub async fn give(self, source: String, text: String) {
        let jwes = find_sealed(&text);
        if jwes.is_empty() {
            let problem = Problem { source, message: OpenProblem::NoReferral.message() };
            // The same file given twice is one problem.
            self.given_problems.update(|p| {
                if !p.contains(&problem) {
                    p.push(problem)
                }
            });
            return;
        }
        self.found.update_value(|found| {
            for jwe in jwes {
                if !found.iter().any(|f| f.jwe == jwe) {
                    found.push(Found { source: source.clone(), jwe, opened: None });
                }
            }
        });
        self.open_found().await;
    }

    /// Tries every sealed referral not opened yet with the open keys.
    async fn open_found(self) {
        let keys = self.keys.get_untracked();
        let waiting: Vec<Found> = self.found.with_value(|found| {
            found
                .iter()
                .filter(|f| matches!(f.opened, None | Some(Err(OpenProblem::OtherKey(_)))))
                .cloned()
                .collect()
        });
        for item in waiting {
            let opened = open_one(&keys, &item.jwe).await;
            self.found.update_value(|found| {
                if let Some(f) = found.iter_mut().find(|f| f.jwe == item.jwe) {
                    f.opened = Some(opened);
                }
            });
        }
        self.show_found();
    }

    fn show_found(&self) {
        let (mut referrals, mut problems) = (Vec::<ReferralDocument>::new(), Vec::new());
        self.found.with_value(|found| {
            for f in found {
                match &f.opened {
                    Some(Ok(doc)) if !referrals.iter().any(|r| r.referral_id == doc.referral_id) => {
                        referrals.push(doc.clone())
                    }
                    Some(Err(problem)) => {
                        problems.push(Problem { source: f.source.clone(), message: problem.message() })
                    }
                    _ => {}
                }
            }
        });
        referrals.sort_by(|a, b| b.created.cmp(&a.created));
        self.referrals.set(referrals);
        self.sealed_problems.set(problems);
    }

    /// Forgets the keys and closes every referral opened, as if the page
    /// were left.
    pub fn lock(&self) {
        self.keys.set(Vec::new());
        self.found.set_value(Vec::new());
        self.given_problems.set(Vec::new());
        self.sealed_problems.set(Vec::new());
        self.referrals.set(Vec::new());
        self.key_problem.set(None);
        self.new_pair.set(None);
    }

    /// Makes a key pair here, names it, and opens its private half.
    pub async fn make_key_pair(self) {
        let Some(random) = random_bytes() else {
            return self.key_problem.set(Some("This browser cannot make keys.".into()));
        };
        let Ok((private, public)) = new_key_pair().await else {
            return self.key_problem.set(Some("This browser cannot make keys.".into()));
        };
        let (year, month, day) = today();
        let hex: String = random[..4].iter().map(|b| format!("{b:02x}")).collect();
        let kid = format!("waymark-{year:04}-{month:02}-{day:02}-{hex}");
        let named = |jwk: &str| -> String {
            let mut map: Map<String, Value> = serde_json::from_str(jwk).unwrap_or_default();
            map.remove("key_ops");
            map.remove("ext");
            map.insert("kid".into(), kid.clone().into());
            map.insert("use".into(), "enc".into());
            map.insert("alg".into(), "ECDH-ES".into());
            serde_json::to_string_pretty(&map).unwrap_or_default()
        };
        let pair = NewKeyPair { kid: kid.clone(), private_jwk: named(&private), public_jwk: named(&public) };
        let private_jwk = pair.private_jwk.clone();
        self.new_pair.set(Some(pair));
        self.open_key_file(format!("{kid}.private.jwk.json"), private_jwk).await;
    }
}

/// Opens one sealed referral: the key its `kid` names (or, with no `kid`,
/// each open key in turn), Web Crypto's check, then the document.
async fn open_one(keys: &[OpenKey], jwe: &str) -> Result<ReferralDocument, OpenProblem> {
    let sealed = Compact::parse(jwe).map_err(|e| match e {
        crate::core::sealing::NotSealed::Algorithm(alg) => OpenProblem::OtherAlgorithm(alg),
        crate::core::sealing::NotSealed::Shape => OpenProblem::NoReferral,
    })?;
    let kid = sealed.header.kid.clone();
    let candidates: Vec<&OpenKey> = match &kid {
        Some(kid) => keys.iter().filter(|k| &k.kid == kid).collect(),
        None => keys.iter().collect(),
    };
    if candidates.is_empty() {
        return Err(OpenProblem::OtherKey(kid));
    }
    for key in &candidates {
        if let Ok(plain) = unseal(key, &sealed).await {
            return read_referral(&plain);
        }
    }
    // The key it names is open and its check failed: it was changed.
    Err(if kid.is_some() { OpenProblem::Tampered } else { OpenProblem::OtherKey(None) })
}
