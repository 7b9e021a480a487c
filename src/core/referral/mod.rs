//! Referring oneself: the form and its checks, the referral's id and short
//! reference, the document the charity receives, and what to do after each
//! attempt to send it. Pure and natively tested; the web layer sends.

mod contact;
mod form;
mod ids;
mod payload;
mod sending;
mod steps;
mod submit;
mod summary;

pub use contact::{is_email, uk_phone};
pub use form::{read_yes_no, yes_no, Chosen, ForWhom, Method, Problem, ReferralForm, MAX_TEXT};
pub use ids::{is_reference, ReferralIds};
pub use payload::{
    form_encoded, object_entries, referral_document, Channel, Consent, Contact, Envelope, Interpreter,
    MentorDocument, NeedDocument, Person, ReferralDocument, ServiceDocument, Source, SupportRequested,
    SCHEMA_VERSION,
};
pub use sending::{
    outbox_expired, outcome, read_outbox, retry_delay, Outbox, Outcome, Outgoing, ATTEMPTS_WHILE_WAITING,
    OUTBOX_KEEP_DAYS,
};
pub use steps::{steps, Step};
pub use submit::Continue;
pub use summary::{best_time_key, summary_rows, SummaryRow};
