//! Kiosk mode's views, for a shared touch screen such as a GP waiting
//! room's: a start screen that invites a touch, an "Are you still there?"
//! countdown after `kiosk.idle_seconds` untouched and then a reset, links
//! that would leave the widget handed to the person's phone as a QR code,
//! and no autofill. The rules (when to warn, which links leave) are in
//! `core::kiosk`; the guard and the reset are in `state::kiosk`.

mod dialogs;
mod mode;

pub use mode::KioskMode;
