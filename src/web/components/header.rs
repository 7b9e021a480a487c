use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::i18n::t;
use crate::web::router::href;

/// The skip link, service name, "Need help now?" link and quick exit, on
/// every page. The exit button is `data-action="exit"`. The service name
/// also names the page's landmarks, so they stay apart from a host site's.
pub fn header() -> String {
    let mut html = Html::new();
    html.push(
        concat!(
            r##"<a class="wm-skip-link" href="#main-content">{}</a><header class="wm-header" aria-labelledby="wm-service-name">"##,
            r#"<div class="wm-width-container wm-header__inner"><a href="{}" class="wm-header__service" id="wm-service-name">{}</a>"#,
            r#"<nav class="wm-header__actions" aria-label="{}"><a href="{}" class="wm-header__help">{}</a>"#,
            r#"<button type="button" class="wm-button wm-button--warning wm-quick-exit" data-action="exit">"#,
            r#"{}<span class="wm-visually-hidden">{}</span></button></nav></div></header>"#,
        ),
        &[
            &t("shell.skip_link"),
            &href(&Route::Start),
            &t("shell.service_name"),
            &t("shell.urgent_nav_label"),
            &href(&Route::Help),
            &t("shell.need_help_now"),
            &t("shell.quick_exit"),
            &t("shell.quick_exit_hint"),
        ],
    );
    html.finish()
}
