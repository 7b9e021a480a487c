//! Small building blocks shared by pages, after the NHS.UK / GOV.UK patterns:
//! a page is a [`Screen`] of markup regions, so pages add no view code.

mod footer;
mod header;
mod quick_exit;
mod region;
mod screen;

pub use footer::footer;
pub use header::header;
pub use quick_exit::{leave_on_escape, quick_exit};
pub use region::{event_target, listen_for_region_events, region};
pub use screen::{focus_error_summary, show, Screen};
