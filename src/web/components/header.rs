use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::i18n::t;
use crate::web::router::href;

/// The skip link, service name, "Need help now?" link and quick exit, on
/// every page. The exit button is `data-action="exit"`.
pub fn header() -> String {
    let mut html = Html::new();
    html.open("a", &[("class", Some("wm-skip-link")), ("href", Some("#main-content"))]);
    html.text(&t("shell.skip_link")).close("a");
    html.open("header", &[("class", Some("wm-header"))]);
    html.open("div", &[("class", Some("wm-width-container wm-header__inner"))]);
    html.open("a", &[("href", Some(&href(&Route::Start))), ("class", Some("wm-header__service"))]);
    html.text(&t("shell.service_name")).close("a");
    let label = t("shell.urgent_nav_label");
    html.open("nav", &[("class", Some("wm-header__actions")), ("aria-label", Some(&label))]);
    html.open("a", &[("href", Some(&href(&Route::Help))), ("class", Some("wm-header__help"))]);
    html.text(&t("shell.need_help_now")).close("a");
    html.open(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("wm-button wm-button--warning wm-quick-exit")),
            ("data-action", Some("exit")),
        ],
    );
    html.text(&t("shell.quick_exit")).element("span", "wm-visually-hidden", &t("shell.quick_exit_hint"));
    html.close("button").close("nav").close("div").close("header");
    html.finish()
}
