//! The referral pages as a module of their own, fetched only when a person
//! asks to be put in touch, so the widget's first download stays small.
//!
//! The widget passes what only it knows as JSON: the config file in use,
//! the person's answers and the groups chosen. The module reads the set-up
//! itself (config, words and questions; the browser has them cached), draws
//! each page into the element it is given, and sends the referral.

#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod send;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};

    use wasm_bindgen::prelude::*;
    use waymark::core::config::{Config, ReferralFormat};
    use waymark::core::i18n::Translator;
    use waymark::core::markup::Html;
    use waymark::core::module_context::{read_context, ReferContext};
    use waymark::core::page_options::PageOptions;
    use waymark::core::qr::qr_svg;
    use waymark::core::questions::{Answer, Answers, QuestionSet};
    use waymark::core::referral::{
        form_encoded, referral_document, Channel, Chosen, Envelope, ForWhom, Method, Outcome, ReferralForm,
        ReferralIds, Step,
    };
    use waymark::web::for_modules::{fetch_file, translator};

    use crate::pages::{step_from_id, step_page, Words};
    use crate::send::{deliver, keep, outbox, random_bytes, resend_outbox, Outgoing};

    /// Where the person is in the referral.
    #[derive(Clone, Debug, PartialEq)]
    enum Status {
        Editing,
        Sending,
        Sent(String),
        Waiting(String),
        Refused,
        /// On a kiosk nothing is kept: the reference to take away instead.
        KioskFailed(String),
        /// This browser cannot make a referral id that never repeats (no
        /// `crypto.getRandomValues`): nothing is sent, the phone number is given.
        CannotSendHere,
        /// The config's last-resort channel: an email the person sends themselves.
        Email {
            reference: String,
            href: String,
        },
    }

    struct Flow {
        root: web_sys::Element,
        config: Config,
        tr: Translator,
        set: QuestionSet,
        answers: Answers,
        form: ReferralForm,
        mentor_scheme: Option<String>,
        step: Step,
        /// Show this page's problems (after a failed Continue).
        show_problems: bool,
        /// A yes/no left unanswered on the "do they agree?" page.
        agreed_missing: bool,
        status: Status,
        ids: Option<ReferralIds>,
        consent_unix: i64,
    }

    thread_local! {
        static FLOW: RefCell<Option<Flow>> = const { RefCell::new(None) };
        static LISTENING_ONLINE: Cell<bool> = const { Cell::new(false) };
    }

    fn window() -> web_sys::Window {
        web_sys::window().expect("a browser window")
    }

    fn today() -> (i32, u32, u32) {
        let now = js_sys::Date::new_0();
        (now.get_full_year() as i32, now.get_month() + 1, now.get_date())
    }

    fn now_unix() -> i64 {
        (js_sys::Date::now() / 1000.0) as i64
    }

    /// What the page address asks for (`?mode=kiosk`, `?embed=`), as the widget reads it.
    fn page_options() -> PageOptions {
        let search = window().location().search().unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        PageOptions::read(|name| params.as_ref()?.get(name))
    }

    /// The site the widget is embedded in, recorded with the referral: the
    /// `?embed=` origin, but only when this page really is in a frame of it
    /// (the address alone could be copied into any link).
    fn embedding_host() -> Option<String> {
        let host = page_options().embed_host()?.to_string();
        let window = window();
        let parent = window.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, &window) {
            return None;
        }
        let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
        if let Some(ancestors) = ancestors.filter(|a| !a.is_undefined()) {
            let parent_origin = js_sys::Reflect::get(&ancestors, &0.into()).ok()?.as_string();
            if parent_origin.as_deref() != Some(host.as_str()) {
                return None;
            }
        }
        Some(host)
    }

    /// Draws the referral into `root`, from the widget's `context`:
    /// `{ "config": url, "answers": json, "services": [ { "id", "name",
    /// "organisation", "mentor_id", "mentor" } ] }`, or with `"resend": true`
    /// only tries the outbox again.
    #[wasm_bindgen]
    pub fn open(root: web_sys::Element, context: String) {
        wasm_bindgen_futures::spawn_local(async move {
            let Some(context) = read_context::<ReferContext>(&context) else { return };
            let Some(mut config) = fetch_file(&context.config).await.and_then(|t| Config::parse(&t).ok())
            else {
                return;
            };
            page_options().apply_to(&mut config);
            listen_for_online(config.referral.timeout_seconds);
            if context.resend {
                resend(config.referral.timeout_seconds).await;
                return;
            }
            let tr = translator(&config.language).await;
            let Some(set) = fetch_file(&config.questions.url).await.and_then(|t| QuestionSet::parse(&t).ok())
            else {
                return;
            };
            let answers = Answers::from_json(&context.answers);
            let mut chosen = Vec::new();
            let mut mentor = None;
            for s in context.services {
                let organisation = Some(s.organisation).filter(|o| !o.is_empty());
                if !s.mentor_id.is_empty() {
                    mentor = Some((s.id.clone(), (s.mentor_id, s.mentor)));
                }
                chosen.push(Chosen { id: s.id, name: s.name, organisation });
            }
            FLOW.with(|flow| {
                let mut flow = flow.borrow_mut();
                match flow.as_mut() {
                    // Opened again in this visit: keep what was entered, add what was chosen since.
                    Some(f) if f.status == Status::Editing || f.status == Status::Sending => {
                        for c in chosen {
                            if !f.form.services.iter().any(|s| s.id == c.id) {
                                f.form.services.push(c);
                            }
                        }
                        if let Some((scheme, m)) = mentor {
                            f.mentor_scheme = Some(scheme);
                            f.form.mentor = Some(m);
                        }
                        f.root = root;
                    }
                    _ => {
                        let form = ReferralForm {
                            services: chosen,
                            mentor: mentor.as_ref().map(|(_, m)| m.clone()),
                            best_time: "any".into(),
                            postcode: context.postcode.clone(),
                            ..ReferralForm::default()
                        };
                        *flow = Some(Flow {
                            root,
                            config,
                            tr,
                            set,
                            answers,
                            form,
                            mentor_scheme: mentor.map(|(scheme, _)| scheme),
                            step: Step::Choices,
                            show_problems: false,
                            agreed_missing: false,
                            // Asked before any details are typed, not after.
                            status: if random_bytes().is_some() {
                                Status::Editing
                            } else {
                                Status::CannotSendHere
                            },
                            ids: None,
                            consent_unix: 0,
                        });
                    }
                }
            });
            listen();
            render();
        });
    }

    fn listen() {
        let root = FLOW.with(|f| f.borrow().as_ref().map(|f| f.root.clone()));
        let Some(root) = root else { return };
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(on_event);
        for name in ["click", "submit"] {
            let _ = root.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
        }
        handler.forget();
    }

    fn listen_for_online(timeout: u32) {
        if LISTENING_ONLINE.with(|l| l.replace(true)) {
            return;
        }
        let handler = Closure::<dyn Fn()>::new(move || wasm_bindgen_futures::spawn_local(resend(timeout)));
        let _ = window().add_event_listener_with_callback("online", handler.as_ref().unchecked_ref());
        handler.forget();
    }

    /// Tries the outbox again; a referral this page is waiting on is shown as sent.
    async fn resend(timeout: u32) {
        if outbox().is_empty() {
            return;
        }
        for (out, result) in resend_outbox(timeout).await {
            let shown = FLOW.with(|f| {
                let mut f = f.borrow_mut();
                let Some(flow) = f.as_mut() else { return false };
                if flow.status == Status::Waiting(out.reference.clone()) && result == Outcome::Sent {
                    flow.status = Status::Sent(out.reference.clone());
                    return true;
                }
                false
            });
            if shown {
                render();
            }
        }
    }

    fn target(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
        let element: web_sys::Element = ev.target()?.dyn_into().ok()?;
        element.closest(selector).ok()?
    }

    fn on_event(ev: web_sys::Event) {
        if ev.type_() == "submit" {
            ev.prevent_default();
            let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
                return;
            };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
            let values = |name: &str| -> Vec<String> {
                data.get_all(name).iter().filter_map(|v| v.as_string()).collect()
            };
            submit(&values);
            return;
        }
        if let Some(button) = target(&ev, "[data-remove]") {
            let id = button.get_attribute("data-remove").unwrap_or_default();
            with_flow(|f| f.form.services.retain(|s| s.id != id));
            render();
        } else if let Some(link) = target(&ev, "[data-change]") {
            ev.prevent_default();
            let step = link.get_attribute("data-change").and_then(|s| step_from_id(&s));
            with_flow(|f| {
                if let Some(step) = step {
                    f.step = step;
                    f.show_problems = false;
                }
            });
            render();
        } else if target(&ev, "[data-back]").is_some() {
            ev.prevent_default();
            with_flow(|f| {
                if let Some(previous) = f.step.previous(&f.form) {
                    f.step = previous;
                    f.show_problems = false;
                }
            });
            render();
        }
    }

    fn with_flow<R>(change: impl FnOnce(&mut Flow) -> R) -> Option<R> {
        FLOW.with(|f| f.borrow_mut().as_mut().map(change))
    }

    /// Takes the submitted page into the form and moves on, or shows its problems.
    fn submit(values: &dyn Fn(&str) -> Vec<String>) {
        let one = |name: &str| values(name).into_iter().next().unwrap_or_default();
        let send_now = with_flow(|f| {
            let form = &mut f.form;
            f.agreed_missing = false;
            match f.step {
                Step::ForWhom => {
                    form.for_whom = match one("for_whom").as_str() {
                        "me" => Some(ForWhom::Me),
                        "someone-else" => Some(ForWhom::SomeoneElse {
                            agreed: matches!(form.for_whom, Some(ForWhom::SomeoneElse { agreed: true })),
                        }),
                        _ => None,
                    }
                }
                Step::Agreed => match one("agreed").as_str() {
                    "yes" => form.for_whom = Some(ForWhom::SomeoneElse { agreed: true }),
                    "no" => form.for_whom = Some(ForWhom::SomeoneElse { agreed: false }),
                    _ => f.agreed_missing = true,
                },
                Step::Consent => {
                    let agreed = one("consent") == "yes";
                    if agreed && !form.consent {
                        f.consent_unix = now_unix();
                    }
                    form.consent = agreed;
                }
                Step::Name => form.name = one("name"),
                Step::Contact => {
                    form.methods = values("methods")
                        .iter()
                        .filter_map(|m| match m.as_str() {
                            "email" => Some(Method::Email),
                            "phone" => Some(Method::Phone),
                            "text" => Some(Method::Text),
                            _ => None,
                        })
                        .collect();
                    form.email = one("email");
                    form.phone = one("phone");
                    form.best_time = one("best_time");
                    form.may_leave_message = match one("may_leave_message").as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    };
                }
                Step::Postcode => form.postcode = one("postcode"),
                Step::Optional => {
                    form.birth = [one("birth-day"), one("birth-month"), one("birth-year")];
                    form.gp_surgery = one("gp_surgery");
                    form.first_visit = one("first_visit");
                }
                Step::Choices | Step::CannotSend | Step::Check => {}
            }
            let all = f.form.problems(today());
            if f.step == Step::Check {
                if let Some(first) = Step::first_with_problem(&f.form, &all) {
                    f.step = first;
                    f.show_problems = true;
                    return false;
                }
                return true;
            }
            let here = f.step.problems(&all);
            let declined = f.step == Step::Agreed && !f.agreed_missing;
            if f.agreed_missing || (!here.is_empty() && !declined) {
                f.show_problems = true;
            } else {
                f.step = f.step.next(&f.form);
                f.show_problems = false;
            }
            false
        });
        if send_now == Some(true) {
            wasm_bindgen_futures::spawn_local(send());
        } else {
            render();
        }
    }

    /// Builds the referral document and sends it.
    async fn send() {
        let host = embedding_host();
        let prepared = with_flow(|f| {
            if f.ids.is_none() {
                f.ids = random_bytes().map(ReferralIds::from_random);
            }
            let Some(ids) = f.ids.clone() else {
                f.status = Status::CannotSendHere;
                return None;
            };
            f.status = Status::Sending;
            let words = Words { tr: &f.tr, config: &f.config };
            let consent_text = [
                words.text("refer.consent_send"),
                words.text("refer.consent_use"),
                words.text("refer.consent_withdraw"),
                words.text("refer.consent_label"),
            ]
            .join(" ");
            let envelope = Envelope {
                ids: ids.clone(),
                created_unix: now_unix(),
                channel: match (f.config.kiosk.enabled, &host) {
                    (true, _) => Channel::Kiosk,
                    (false, Some(_)) => Channel::Embed,
                    (false, None) => Channel::Web,
                },
                host: host.clone(),
                recipient: f.config.organisation.name.clone(),
                consent_text,
                consent_unix: if f.consent_unix > 0 { f.consent_unix } else { now_unix() },
            };
            let relevant = f.set.relevant_answers(&f.answers);
            let profile = f.set.profile(&relevant);
            let what_matters = match f.answers.get("what_matters") {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let birth = f.form.date_of_birth(today()).ok().flatten();
            let document = referral_document(&f.form, &envelope, &f.set, &profile, &what_matters, birth);
            let (format, body) = match f.config.referral.format {
                ReferralFormat::Form => ("form", form_encoded(&document)),
                ReferralFormat::Mailto => ("mailto", document.to_json()),
                ReferralFormat::Json => ("json", document.to_json()),
            };
            let out = Outgoing {
                id: ids.id,
                reference: ids.reference,
                endpoint: f.config.referral.endpoint.clone(),
                format: format.to_string(),
                body,
                kept_unix: 0,
            };
            Some((out, f.config.referral.timeout_seconds, f.config.kiosk.enabled))
        });
        let Some((out, timeout, kiosk)) = prepared.flatten() else {
            render();
            return;
        };
        if out.format == "mailto" {
            // Nothing is sent by the widget: the person's own email app sends it.
            let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
            let subject = format!("Self-referral {}", out.reference);
            let href = format!("{}?subject={}&body={}", out.endpoint, encode(&subject), encode(&out.body));
            with_flow(|f| f.status = Status::Email { reference: out.reference.clone(), href });
            render();
            return;
        }
        render();
        let result = deliver(&out, timeout).await;
        let status = match result {
            Outcome::Sent => Status::Sent(out.reference.clone()),
            Outcome::Refused => Status::Refused,
            Outcome::TryAgain if kiosk => Status::KioskFailed(out.reference.clone()),
            Outcome::TryAgain => {
                keep(&out);
                Status::Waiting(out.reference.clone())
            }
        };
        with_flow(|f| {
            if matches!(status, Status::Sent(_) | Status::Waiting(_) | Status::KioskFailed(_)) {
                // Done with this form: nothing of it stays in memory beyond what is shown.
                f.form = ReferralForm::default();
                f.ids = None;
            }
            f.status = status;
        });
        render();
    }

    fn render() {
        let drawn = FLOW.with(|f| {
            let f = f.borrow();
            let f = f.as_ref()?;
            let words = Words { tr: &f.tr, config: &f.config };
            let (html, title) = match &f.status {
                Status::Editing => {
                    let mut problems = if f.show_problems { f.step.problems(&f.form.problems(today())) } else { Vec::new() };
                    if f.agreed_missing {
                        problems = vec![waymark::core::referral::Problem { field: "agreed", message: "check.error_yes_no" }];
                    }
                    let mut html = Html::new();
                    if f.step.previous(&f.form).is_some() {
                        html.push(r#"<a href="refer" class="wm-back-link" data-back>{}</a>"#, &[&words.text("refer.back")]);
                    }
                    html.raw(&step_page(f.step, &f.form, &problems, &words, f.mentor_scheme.as_deref()));
                    let title = words.text(match f.step {
                        Step::Choices => "refer.choices_title",
                        Step::ForWhom => "refer.for_whom_title",
                        Step::Agreed => "refer.agreed_title",
                        Step::CannotSend => "refer.cannot_title",
                        Step::Consent => "refer.consent_title",
                        Step::Name => "refer.name_title",
                        Step::Contact => "refer.contact_title",
                        Step::Postcode => "refer.postcode_title",
                        Step::Optional => "refer.optional_title",
                        Step::Check => "refer.check_title",
                    });
                    let prefix = if problems.is_empty() { String::new() } else { words.text("check.error_title_prefix") };
                    (html.finish(), format!("{prefix}{title}"))
                }
                Status::Sending => {
                    let mut html = Html::new();
                    html.push(r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1><p class="wm-body" role="status">{}</p>"#, &[&words.text("refer.check_title"), &words.text("refer.sending")]);
                    (html.finish(), words.text("refer.sending"))
                }
                Status::Sent(reference) => (confirmation(&words, reference), words.text("refer.sent_title")),
                Status::Waiting(reference) => {
                    let mut html = Html::new();
                    html.push(
                        r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1><div class="wm-inset" role="status"><p class="wm-body">{}</p></div><p class="wm-body">{} <strong>{}</strong></p><p class="wm-body">{}</p><p class="wm-body">{}</p>"#,
                        &[&words.text("refer.waiting_title"), &words.text("refer.waiting_body"), &words.text("refer.reference"), reference, &words.text("refer.no_reply"), &words.text("refer.waiting_expiry")],
                    );
                    (html.finish(), words.text("refer.waiting_title"))
                }
                Status::CannotSendHere => {
                    let mut html = Html::new();
                    html.push(
                        r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1><p class="wm-body">{}</p>"#,
                        &[&words.text("refer.no_crypto_title"), &words.text("refer.no_crypto_body")],
                    );
                    (html.finish(), words.text("refer.no_crypto_title"))
                }
                Status::Refused => {
                    let mut html = Html::new();
                    html.push(
                        r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1><p class="wm-body">{}</p>"#,
                        &[&words.text("refer.refused_title"), &words.text("refer.refused_body")],
                    );
                    (html.finish(), words.text("refer.refused_title"))
                }
                Status::Email { reference, href } => {
                    let mut html = Html::new();
                    html.push(
                        r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1><p class="wm-body">{}</p><p class="wm-body"><a class="wm-button" href="{}">{}</a></p><p class="wm-body">{} <strong>{}</strong></p><p class="wm-body">{}</p>"#,
                        &[&words.text("refer.mailto_title"), &words.text("refer.mailto_body"), href, &words.text("refer.mailto_button"), &words.text("refer.reference"), reference, &words.text("refer.no_reply")],
                    );
                    (html.finish(), words.text("refer.mailto_title"))
                }
                Status::KioskFailed(reference) => {
                    let mut html = Html::new();
                    html.push(
                        r#"<h1 class="wm-heading-l" tabindex="-1">{}</h1><p class="wm-body">{}</p><p class="wm-body">{} <strong>{}</strong></p>"#,
                        &[&words.text("refer.kiosk_failed_title"), &words.text("refer.kiosk_failed_body"), &words.text("refer.reference"), reference],
                    );
                    html.raw(&qr_svg(reference, &words.text("refer.reference")).unwrap_or_default());
                    (html.finish(), words.text("refer.kiosk_failed_title"))
                }
            };
            f.root.set_inner_html(&html);
            let service = words.text("shell.service_name");
            Some((title, service, f.show_problems || f.agreed_missing))
        });
        let Some((title, service, problems)) = drawn else { return };
        let document = window().document().expect("a document");
        document.set_title(&format!("{title} – {service}"));
        let selector = if problems { "#error-summary" } else { "#main-content h1" };
        if let Ok(Some(element)) = document.query_selector(selector) {
            let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }

    fn confirmation(words: &Words, reference: &str) -> String {
        let mut html = Html::new();
        html.push(
            r#"<div class="wm-panel"><h1 class="wm-panel__title" tabindex="-1">{}</h1><div class="wm-panel__body">{}<br><strong>{}</strong></div></div><h2 class="wm-heading-m">{}</h2><p class="wm-body">{}</p><p class="wm-body">{}</p>"#,
            &[
                &words.text("refer.sent_title"),
                &words.text("refer.reference"),
                reference,
                &words.text("refer.next_heading"),
                &words.text("refer.next_body"),
                &words.text("refer.no_reply"),
            ],
        );
        html.finish()
    }
}
