//! The core: pure Rust with no browser APIs, so every rule here is tested
//! natively with `cargo test`. The web layer (`src/web`) turns these types into
//! signals and views; nothing here knows it runs in a browser.

pub mod config;
pub mod data;
pub mod describe;
pub mod directions;
pub mod directory;
pub mod distance;
pub mod field_error;
pub mod geo;
pub mod i18n;
pub mod kiosk;
pub mod links;
pub mod matching;
pub mod need;
pub mod page_options;
pub mod postcode;
pub mod qr;
pub mod questions;
pub mod ranking;
pub mod referral;
pub mod route;
pub mod schedule;
pub mod sealing;
pub mod taxonomy;
pub mod tiles;

pub use field_error::FieldError;
