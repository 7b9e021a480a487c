use crate::core::markup::Html;
use crate::core::route::Route;
use crate::web::i18n::t;
use crate::web::router::href;
use crate::web::text_size::{text_size, TEXT_SIZES};

/// Links to the privacy notice, accessibility statement and credits, and
/// the text size control (`data-text-size` buttons).
pub fn footer() -> String {
    let mut html = Html::new();
    html.push(
        r#"<footer class="wm-footer" aria-labelledby="wm-service-name"><div class="wm-width-container"><h2 class="wm-visually-hidden">{}</h2><ul class="wm-footer__links">"#,
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
    html.push(
        r#"</ul><div class="wm-text-size" role="group" aria-labelledby="wm-text-size"><span id="wm-text-size">{}</span>"#,
        &[&t("footer.text_size")],
    );
    let chosen = text_size();
    for size in TEXT_SIZES {
        html.push(
            r#"<button type="button" class="wm-text-size__option" data-text-size="{}" aria-pressed="{}">{}</button>"#,
            &[size, if size == chosen { "true" } else { "false" }, &t(&format!("footer.text_{size}"))],
        );
    }
    html.push(r#"</div><p class="wm-footer__note">{}</p></div></footer>"#, &[&t("footer.not_emergency")]);
    html.finish()
}
