use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::i18n::t;
use crate::web::router::href;

/// Links to the privacy notice, accessibility statement and credits.
pub fn footer() -> String {
    let mut html = Html::new();
    html.open("footer", &[("class", Some("wm-footer"))])
        .open("div", &[("class", Some("wm-width-container"))]);
    html.element("h2", "wm-visually-hidden", &t("footer.heading"));
    html.open("ul", &[("class", Some("wm-footer__links"))]);
    for (route, key) in [
        (Route::Privacy, "privacy.title"),
        (Route::Accessibility, "accessibility.title"),
        (Route::Credits, "credits.title"),
        (Route::Help, "shell.need_help_now"),
    ] {
        html.open("li", &[]).open("a", &[("href", Some(&href(&route)))]).text(&t(key)).close("a").close("li");
    }
    html.close("ul").element("p", "wm-footer__note", &t("footer.not_emergency"));
    html.close("div").close("footer");
    html.finish()
}
