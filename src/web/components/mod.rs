//! Small building blocks shared by pages, after the NHS.UK / GOV.UK patterns.

mod config_gate;
mod error_summary;
mod footer;
mod header;
mod page;
mod quick_exit;

pub use config_gate::ConfigGate;
pub use error_summary::{error_summary, focus_error_summary};
pub use footer::Footer;
pub use header::Header;
pub use page::{focus_heading_after_navigation, Page};
pub use quick_exit::QuickExit;
