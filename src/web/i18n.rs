//! Access to the one translation layer from components: `t("key")`.

use std::cell::RefCell;

use crate::core::i18n::Translator;

thread_local! {
    static TRANSLATOR: RefCell<Translator> = RefCell::new(Translator::new(None));
}

/// The message for `key` in the person's language.
pub fn t(key: &str) -> String {
    TRANSLATOR.with(|tr| tr.borrow().text(key))
}

/// The message for `key` with `{name}` placeholders filled in.
pub fn tf(key: &str, values: &[(&str, &str)]) -> String {
    TRANSLATOR.with(|tr| tr.borrow().format(key, values))
}
