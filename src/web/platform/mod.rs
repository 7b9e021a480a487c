//! The browser's services, for the state and views above: fetching files,
//! storage, the page and focus, location, the offline copy, the stopped page,
//! the referral sender, and the map's code, loaded on demand. No views and no
//! app state live here.

pub mod crypto;
pub mod dom;
pub mod fetch;
pub mod files;
pub mod geolocation;
pub mod intl;
pub mod map;
pub mod offline;
pub mod sender;
pub mod stopped;
pub mod storage;
pub mod text_size;
