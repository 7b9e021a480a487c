//! Waymark: a self-referral and peer-support widget for social prescribing.
//!
//! - [`core`]: pure Rust rules (config, directory, postcodes, translations),
//!   tested natively.
//! - `web`: the Leptos components and browser effects, compiled only for the
//!   browser (`wasm32`).

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod web;
