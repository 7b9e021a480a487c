//! Small building blocks shared by pages, after the NHS.UK / GOV.UK patterns.

mod footer;
mod form;
mod header;
mod language;
mod map;
mod page;
mod prose;
mod qr_image;
mod quick_exit;
mod service_details;

pub use footer::Footer;
pub use form::{DateInput, FormChoices, FormTextarea, TextInput};
pub use header::Header;
pub use language::{DraftNotice, LanguageControl};
pub use map::{MapGroup, ShowOnMap};
pub use page::{focus_error_summary, ErrorSummary, Page};
pub use prose::{Prose, Sections, ShortPage};
pub use qr_image::QrImage;
pub use quick_exit::leave_on_escape;
pub use service_details::ServiceDetails;
