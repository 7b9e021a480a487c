use waymark::core::kiosk::{idle_phase, leaves_widget, IdlePhase};

#[test]
fn an_idle_screen_warns_counts_down_each_second_then_resets() {
    let (idle, warning) = (120, 30);
    assert_eq!(idle_phase(0, idle, warning), IdlePhase::InUse);
    assert_eq!(idle_phase(119, idle, warning), IdlePhase::InUse);
    let countdown: Vec<u32> = (120..150)
        .map(|t| match idle_phase(t, idle, warning) {
            IdlePhase::Warning { seconds_left } => seconds_left,
            other => panic!("at {t} s: {other:?}"),
        })
        .collect();
    assert_eq!(countdown, (1..=30).rev().collect::<Vec<_>>());
    assert_eq!(idle_phase(150, idle, warning), IdlePhase::Reset);
    assert_eq!(idle_phase(10_000, idle, warning), IdlePhase::Reset, "a screen asleep for hours still resets");
}

#[test]
fn links_that_would_leave_the_widget_are_written_out_for_the_persons_phone() {
    let base = "http://127.0.0.1:8090/find/";
    for (href, written) in [
        ("tel:01823000000", "01823000000"),
        ("tel:999", "999"),
        ("sms:85258?body=SHOUT", "85258"),
        ("mailto:hello@example.org?subject=Hi", "hello@example.org"),
        ("https://example.org/walks", "example.org/walks"),
        ("http://127.0.0.1:8090/walks", "127.0.0.1:8090/walks"),
        ("http://127.0.0.1:8090/finder", "127.0.0.1:8090/finder"),
        ("http://127.0.0.1:8091/find/", "127.0.0.1:8091/find/"),
        ("whatsapp://send?text=hi", "whatsapp://send?text=hi"),
        ("geo:51.01,-3.1", "geo:51.01,-3.1"),
    ] {
        assert_eq!(leaves_widget(href, base).as_deref(), Some(written), "{href}");
    }
    for stays in [
        "http://127.0.0.1:8090/find",
        "http://127.0.0.1:8090/find/",
        "http://127.0.0.1:8090/find/group/abc?mode=kiosk",
        "blob:http://127.0.0.1:8090/1234",
    ] {
        assert_eq!(leaves_widget(stays, base), None, "{stays}");
    }
}
