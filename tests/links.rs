//! Links made from directory data. A directory comes from a third party, and
//! each row here is something a person publishing a listing could put in
//! its email, phone or website field to make the group page do more than
//! link: add a recipient, run a script, leave the widget for another site,
//! or dial another number. Each must give no link at all (or exactly the
//! harmless link shown).

use waymark::core::kiosk::leaves_widget;
use waymark::core::links::{mailto_href, tel_href, web_href};

#[test]
fn only_plain_web_addresses_become_links() {
    let rows: &[(&str, Option<&str>)] = &[
        // Ordinary addresses, kept exactly as published.
        ("https://example.org/walks", Some("https://example.org/walks")),
        ("http://example.org", Some("http://example.org")),
        ("HTTPS://EXAMPLE.ORG/Walks?day=tu#times", Some("HTTPS://EXAMPLE.ORG/Walks?day=tu#times")),
        ("https://example.org:8443/walks", Some("https://example.org:8443/walks")),
        // Script and content schemes.
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("JavaScript:alert(document.cookie)", None),
        (" javascript:alert(1)", None),
        ("\tjavascript:alert(1)", None),
        ("\njavascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("javascript://example.org/%0aalert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", None),
        ("vbscript:msgbox(1)", None),
        ("file:///etc/passwd", None),
        ("blob:https://example.org/1234", None),
        // Scheme-relative and malformed schemes that browsers repair into another site.
        ("//evil.example/walks", None),
        ("https:/\\evil.example", None),
        ("https:\\\\evil.example", None),
        ("http:evil.example", None),
        ("https:evil.example", None),
        ("https:///evil.example", None),
        ("https://", None),
        ("https://?x", None),
        ("https://#x", None),
        ("https://:443/", None),
        // A host hidden behind a user name.
        ("https://www.nhs.uk@evil.example/", None),
        ("https://www.nhs.uk:login@evil.example/", None),
        // Backslashes, whitespace, control and invisible characters anywhere.
        ("https://evil.example\\@example.org/", None),
        ("https://example.org/\\evil", None),
        (" https://example.org", None),
        ("https://example.org ", None),
        ("https://exa mple.org", None),
        ("https://example.org/\u{0}", None),
        ("https://example.org/\u{7f}", None),
        ("https://example.org/\u{a0}", None),
        ("https://example.org/\u{202e}gpj.exe", None),
        ("https://exam\u{200b}ple.org", None),
        ("https://example.org\u{2066}/", None),
        // Not web addresses at all.
        ("www.example.org", None),
        ("example.org/walks", None),
        ("mailto:a@example.org", None),
        ("tel:01823000000", None),
        ("", None),
    ];
    for (url, expected) in rows {
        assert_eq!(web_href(url), *expected, "{url:?}");
    }
}

#[test]
fn only_bare_email_addresses_become_mailto_links() {
    let rows: &[(&str, Option<&str>)] = &[
        ("walks@example.org", Some("mailto:walks@example.org")),
        ("sam.jones+groups@mail.example.co.uk", Some("mailto:sam.jones+groups@mail.example.co.uk")),
        // Extra recipients, subjects and bodies through the query.
        ("walks@example.org?cc=someone@evil.example&body=hello", None),
        ("walks@example.org?bcc=someone@evil.example", None),
        ("walks@example.org?subject=Urgent", None),
        ("walks@example.org&cc=someone@evil.example", None),
        ("walks@example.org%3Fcc=someone@evil.example", None),
        ("walks@example.org#body", None),
        // Lists of recipients, and header injection.
        ("walks@example.org,someone@evil.example", None),
        ("walks@example.org;someone@evil.example", None),
        ("walks@example.org\r\nBcc: someone@evil.example", None),
        ("walks@example.org\nBcc:someone@evil.example", None),
        // Display names, quoting and comments (an apostrophe too: it would
        // close a quoted attribute in less careful markup).
        ("Walks <walks@example.org>", None),
        ("o'neil@example.org", None),
        ("\"walks\"@example.org", None),
        ("walks(comment)@example.org", None),
        ("walks@[127.0.0.1]", None),
        // A scheme of its own, paths and odd domains.
        ("mailto:walks@example.org", None),
        ("javascript:alert(1)//@example.org", None),
        ("walks@example.org/path", None),
        ("walks@evil.example\\example.org", None),
        ("walks@example", None),
        ("walks@-example.org", None),
        ("walks@example-.org", None),
        ("walks@example..org", None),
        ("walks@example.org.", None),
        ("walks@exa_mple.org", None),
        ("walks@@example.org", None),
        ("walks@example.org@evil.example", None),
        ("@example.org", None),
        ("walks@", None),
        // Whitespace and characters that only look like an address.
        ("walks @example.org", None),
        (" walks@example.org", None),
        ("walks@example.org ", None),
        ("walks@exаmple.org", None), // a Cyrillic "а"
        ("walks\u{202e}@example.org", None),
        ("ｗａｌｋｓ＠example.org", None),
        ("", None),
    ];
    for (email, expected) in rows {
        assert_eq!(mailto_href(email).as_deref(), *expected, "{email:?}");
    }
}

#[test]
fn only_phone_numbers_as_people_write_them_become_tel_links() {
    let rows: &[(&str, Option<&str>)] = &[
        ("01823 961168", Some("tel:01823961168")),
        ("(01823) 961-168", Some("tel:01823961168")),
        ("01823.961.168", Some("tel:01823961168")),
        ("+44 1823 961168", Some("tel:+441823961168")),
        ("+44 (0)1823 961168", Some("tel:+441823961168")),
        ("116 123", Some("tel:116123")),
        ("999", Some("tel:999")),
        // Letters: words, vanity numbers, extensions and other schemes.
        ("call us on ＴＷＯ", None),
        ("0800 WALKING", None),
        ("01823 961168 ext 12", None),
        ("01823 961168 or 07700 900123", None),
        ("tel:01823961168", None),
        ("01823961168?body=hello", None),
        ("01823961168;phone-context=evil.example", None),
        ("01823961168,1234", None),
        ("*#06#", None),
        ("javascript:alert(1)", None),
        // Digits that are not ASCII digits.
        ("０１８２３ ９６１１６８", None),
        ("٠١٨٢٣٩٦١١٦٨", None),
        // A plus anywhere but first.
        ("01823+961168", None),
        ("++441823961168", None),
        // Too few or too many digits to be a number.
        ("12", None),
        ("+", None),
        ("", None),
        ("123456789012345678901", None),
        // Control and invisible characters.
        ("01823\n961168", None),
        ("01823\u{202e}961168", None),
    ];
    for (phone, expected) in rows {
        assert_eq!(tel_href(phone).as_deref(), *expected, "{phone:?}");
    }
}

#[test]
fn a_kiosk_hands_every_contact_link_to_the_phone_as_the_person_would_write_it() {
    let base = "https://charity.example/find/";
    let tel = tel_href("+44 (0)1823 961168").unwrap();
    assert_eq!(leaves_widget(&tel, base).as_deref(), Some("+441823961168"));
    let mail = mailto_href("walks@example.org").unwrap();
    assert_eq!(leaves_widget(&mail, base).as_deref(), Some("walks@example.org"));
    let web = web_href("https://example.org/walks").unwrap();
    assert_eq!(leaves_widget(web, base).as_deref(), Some("example.org/walks"));
}
