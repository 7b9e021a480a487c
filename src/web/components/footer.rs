use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::i18n::t;
use crate::web::router::href;

/// Links to the privacy notice, accessibility statement and credits.
pub fn footer() -> String {
    let mut html = Html::new();
    html.push(
        r#"<footer class="wm-footer"><div class="wm-width-container"><h2 class="wm-visually-hidden">{}</h2><ul class="wm-footer__links">"#,
        &[&t("footer.heading")],
    );
    for (route, key) in [
        (Route::Privacy, "privacy.title"),
        (Route::Accessibility, "accessibility.title"),
        (Route::Credits, "credits.title"),
        (Route::Help, "shell.need_help_now"),
    ] {
        html.push(r#"<li><a href="{}">{}</a></li>"#, &[&href(&route), &t(key)]);
    }
    html.push(r#"</ul><p class="wm-footer__note">{}</p></div></footer>"#, &[&t("footer.not_emergency")]);
    html.finish()
}
