// Referring oneself: every page of the referral, and sending it to the real
// test receiver (support/receiver.mjs) across origins: exactly once, even
// after server errors or with the receiver down; never stored on a kiosk.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from '../support/fixtures.js';
import {
  askToJoin,
  startReferral,
  fillReferral,
  continueButton,
  touchToStart,
  checkToSuggestions,
  searchNear,
} from '../support/journey.js';

const CONTROL = 'http://127.0.0.1:8082';
const WALK = 'cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3';

// One receiver for the whole file, so these tests take turns.
test.describe.configure({ mode: 'serial' });

async function control(request, path) {
  const response = await request.post(`${CONTROL}${path}`);
  expect(response.ok()).toBe(true);
}

// The offline tests run their own copies of the widget (ports 8097, 8098)
// and send to the same receiver at the same time, so only this server's count.
async function received(request) {
  const all = await (await request.get(`${CONTROL}/received`)).json();
  return all.filter((r) => !/:(8097|8098)$/.test(r.origin || ''));
}

test.beforeEach(async ({ request }) => {
  await control(request, '/reset');
});

test('a full referral arrives exactly once with every field right', async ({ page, request }) => {
  await startReferral(page);
  await fillReferral(page, { axe: true });
  await expect(page.getByRole('definition').filter({ hasText: 'sam@example.org' })).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible();
  const reference = (await page.locator('.wm-panel__body strong').textContent()).trim();
  expect(reference).toMatch(/^WM-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$/);
  await expect(page.getByText(/will contact you within 5 working days/)).toBeVisible();
  await expectAccessible(page, 'confirmation');

  const requests = await received(request);
  expect(requests).toHaveLength(1);
  const [sent] = requests;
  expect(sent.contentType).toBe('application/json');
  expect(sent.origin).toBe('http://127.0.0.1:8090');
  const doc = JSON.parse(sent.body);
  expect(sent.idempotencyKey).toBe(doc.referral_id);
  expect(doc.schema_version).toBe(2);
  expect(doc.reference).toBe(reference);
  expect(doc.source.channel).toBe('web');
  expect(doc.recipient).toBe('Somerset Community Connect (sample)');
  expect(doc.person).toEqual({
    name: 'Sam Jones',
    referral_for: 'self',
    person_agreed: null,
    postcode: 'TA1 2BX',
    date_of_birth: '1950-03-02',
    gp_surgery: null,
    language: 'en',
  });
  expect(doc.interpreter).toEqual({ wanted: null, language: null });
  expect(doc.contact).toEqual({
    methods: ['email', 'phone'],
    email: 'sam@example.org',
    phone: '07700900123',
    best_time: 'morning',
    may_leave_message: true,
  });
  expect(doc.consent.given).toBe(true);
  expect(doc.consent.statement).toContain('Somerset Community Connect (sample)');
  expect(doc.needs.map((n) => n.id)).toEqual(expect.arrayContaining(['loneliness', 'getting-active']));
  expect(doc.needs[0].reasons.length).toBeGreaterThan(0);
  expect(doc.support_requested.services).toEqual([
    { id: WALK, name: 'Taunton Riverside Health Walk', organisation: 'Walking for Wellbeing Somerset (sample)' },
  ]);
  expect(doc.first_visit).toBe('I use a wheelchair');
});

test('after two server errors the referral arrives once, with the same id each time', async ({ page, request }) => {
  await control(request, '/fail?status=500&times=2');
  await startReferral(page);
  await fillReferral(page);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({ timeout: 15_000 });
  const requests = await received(request);
  expect(requests.map((r) => r.status)).toEqual([500, 500, 201]);
  expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(1);
  expect(new Set(requests.map((r) => JSON.parse(r.body).referral_id)).size).toBe(1);
});

test('with the receiver down the referral waits on the phone and is sent once it is back', async ({ page, request }) => {
  await control(request, '/down');
  await startReferral(page);
  await fillReferral(page);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting to send' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("We'll try again when you're online")).toBeVisible();
  await expect(page.getByText('If it still cannot be sent after 7 days, it will be deleted from this device. To delete it now, press "Exit this page".')).toBeVisible();
  await expectAccessible(page, 'waiting to send');
  const outbox = await page.evaluate(() => JSON.parse(localStorage.getItem('waymark:outbox')));
  expect(outbox).toHaveLength(1);

  // A reload (or a browser restart) keeps it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('waymark:outbox')))).toHaveLength(1);

  // The receiver comes back; the next time the widget opens it is sent, once.
  await control(request, '/up');
  await page.goto('/');
  await expect.poll(async () => (await received(request)).filter((r) => r.status === 201).length).toBe(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('waymark:outbox'))).toBeNull();
  const delivered = (await received(request)).filter((r) => r.status === 201);
  expect(delivered[0].idempotencyKey).toBe(outbox[0].id);
});

test('on a kiosk with the receiver down nothing is stored and the phone number and reference are given', async ({ page, request }) => {
  await control(request, '/down');
  await page.goto(`/group/${WALK}?config=/__fixtures/config-kiosk.json`);
  await touchToStart(page);
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
  // Straight to a group, with no check: the referral asks who it is for.
  await fillReferral(page, { searched: false, checked: false });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'We could not send your request from this screen' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('01823 000 000')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your reference number' })).toBeVisible();
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  await expectAccessible(page, 'kiosk fallback');
});

test('consent must be given: unticked, the page says so and nothing is sent', async ({ page, request }) => {
  await startReferral(page);
  await continueButton(page).click();
  await continueButton(page).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link')).toHaveText('Tick the box to agree, so that we can send your request');
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page, 'consent error');
  expect(await received(request)).toEqual([]);
});

test('a wrong phone number or email address is named beside the field and kept', async ({ page }) => {
  await startReferral(page);
  await continueButton(page).click();
  await page.getByLabel(/I agree to/).check();
  await continueButton(page).click();
  await page.getByLabel('What is your name?').fill('Sam');
  await continueButton(page).click();
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Text message').check();
  await page.getByLabel('Email address').fill('sam@example');
  await page.getByLabel('UK phone number').fill('01823 123456');
  await continueButton(page).click();
  await expect(page.locator('#email-error')).toContainText('Enter an email address in the correct format');
  await expect(page.locator('#phone-error')).toContainText('To get text messages, enter a mobile number');
  await expect(page.getByLabel('Email address')).toHaveValue('sam@example');
  await expect(page.getByLabel('UK phone number')).toHaveValue('01823 123456');
  await expectAccessible(page, 'contact errors');
  await page.getByLabel('UK phone number').fill('12345');
  await continueButton(page).click();
  await expect(page.locator('#phone-error')).toContainText('Enter a UK phone number');
});

test('someone else who has not agreed cannot be referred', async ({ page, request }) => {
  // The check asked who it is for; the referral asks only what is new.
  await startReferral(page, '/', { whoFor: 'Someone else' });
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Does the person know about this and agree to it?' })).toBeVisible();
  await expectAccessible(page, 'do they agree');
  await continueButton(page).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('Select yes or no');
  await page.getByLabel('No', { exact: true }).check();
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'We cannot send this without their agreement' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await expect(continueButton(page)).toHaveCount(0);
  await expectAccessible(page, 'cannot send');
  expect(await received(request)).toEqual([]);
});

test('a refusal is shown as a clear failure with the phone number, never a status code', async ({ page, request }) => {
  await control(request, '/fail?status=422');
  await startReferral(page);
  await fillReferral(page);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request could not be sent' })).toBeVisible();
  await expect(page.getByText('Please call them on 01823 000 000 instead.')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('422');
  expect((await received(request)).map((r) => r.status)).toEqual([422]);
  expect(await page.evaluate(() => localStorage.getItem('waymark:outbox'))).toBeNull();
});

test('a form service gets the same fields form-encoded, with no preflight', async ({ page, request }) => {
  await page.goto(`/group/${WALK}?config=/__fixtures/config-form.json`);
  await askToJoin(page);
  await fillReferral(page, { searched: false, checked: false });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible();
  const requests = await received(request);
  expect(requests).toHaveLength(1);
  expect(requests[0].contentType).toBe('application/x-www-form-urlencoded');
  const fields = new URLSearchParams(requests[0].body);
  expect(fields.get('person.name')).toBe('Sam Jones');
  expect(fields.get('support_requested.services.0.id')).toBe(WALK);
  expect(fields.get('referral_id')).toMatch(/^[0-9a-f-]{36}$/);
});

test('with email as the only channel the person sends it from their own email app', async ({ page, request }) => {
  await page.goto(`/group/${WALK}?config=/__fixtures/config-mailto.json`);
  await askToJoin(page);
  await fillReferral(page, { searched: false, checked: false });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send your request by email' })).toBeVisible();
  const link = page.getByRole('link', { name: 'Open your email app' });
  await expect(link).toHaveAttribute('href', /^mailto:referrals@example\.org\?subject=Self-referral%20WM-[2-9A-Z]{4}-[2-9A-Z]{2}&body=%7B/);
  await expectAccessible(page, 'send by email');
  expect(await received(request)).toEqual([]);
});

test('a receiver that never answers is given up on after the time limit and tried again', async ({ page, request }) => {
  await control(request, '/hang?times=1');
  await page.goto(`/group/${WALK}?config=/__fixtures/config-quick-timeout.json`);
  await askToJoin(page);
  await fillReferral(page, { searched: false, checked: false });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({ timeout: 15_000 });
  const requests = await received(request);
  expect(requests.map((r) => r.status)).toEqual(['hung', 201]);
  expect(requests[0].idempotencyKey).toBe(requests[1].idempotencyKey);
});

test('a waiting referral is sent as soon as the browser is back online', async ({ page, request }) => {
  const context = page.context();
  await startReferral(page);
  await fillReferral(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting to send' })).toBeVisible({ timeout: 20_000 });
  expect(await received(request)).toEqual([]);
  await context.setOffline(false);
  // The page itself says so once it has gone.
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({ timeout: 15_000 });
  expect((await received(request)).filter((r) => r.status === 201)).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.getItem('waymark:outbox'))).toBeNull();
});

test('a referral from the widget on a charity site says it came through that site', async ({ page, request, baseURL }) => {
  const host = new URL(baseURL.replace('127.0.0.1', 'localhost')).origin;
  await page.goto(`${host}/__fixtures/host.html`);
  const widget = page.frameLocator('iframe[title="Find support near you"]');
  await startReferral(widget, null);
  await fillReferral(widget);
  await widget.getByRole('button', { name: 'Send' }).click();
  await expect(widget.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible();
  const [sent] = await received(request);
  expect(JSON.parse(sent.body).source).toEqual({ channel: 'embed', host });
});

test('a referral waiting on the phone for more than 7 days is deleted, not sent', async ({ page, request }) => {
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
  const now = Math.floor(Date.now() / 1000);
  const waiting = (id, daysAgo) => ({
    id,
    reference: 'WM-2345-67',
    endpoint: 'http://127.0.0.1:8081/referrals',
    format: 'json',
    body: JSON.stringify({ referral_id: id }),
    kept_unix: now - daysAgo * 86_400,
  });
  await page.evaluate(
    (items) => localStorage.setItem('waymark:outbox', JSON.stringify(items)),
    [waiting('8b0c7a52-0d3e-4f6a-9f4b-1d2e3f4a5b6c', 8), waiting('1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9', 1)],
  );
  await page.goto('/');
  await expect.poll(async () => (await received(request)).filter((r) => r.status === 201).length).toBe(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('waymark:outbox'))).toBeNull();
  const keys = (await received(request)).map((r) => r.idempotencyKey);
  expect(keys).toEqual(['1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9']);
});

test('a browser with no secure random numbers cannot send, and is given the phone number instead', async ({ page, request }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Crypto.prototype, 'getRandomValues', { value: undefined });
  });
  await checkToSuggestions(page, ['Meeting people or feeling less lonely', 'Getting more active']);
  await searchNear(page, 'TA1 2BX');
  await page.getByRole('link', { name: 'Taunton Riverside Health Walk' }).click();
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This browser cannot send your request' })).toBeVisible();
  await expect(page.getByText('Nothing has been sent. Please call Somerset Community Connect (sample) on 01823 000 000')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page, 'cannot send from this browser');
  expect(await received(request)).toEqual([]);
});

test('a referral sent in Polish records pl and the interpreter answer', async ({ page, request }) => {
  const pl = JSON.parse(readFileSync(new URL('../../public/locales/pl.json', import.meta.url), 'utf8'));
  await page.goto(`/group/${WALK}?lang=pl`);
  await page.getByRole('button', { name: pl['service.ask_join'] }).click();
  const next = () => page.getByRole('button', { name: pl['refer.continue'] }).click();
  await next();
  await page.getByRole('radio', { name: pl['refer.for_me'], exact: true }).check();
  await next();
  await page.getByRole('checkbox').check();
  await next();
  await page.getByRole('textbox').fill('Anna Nowak');
  await next();
  await page.getByRole('checkbox', { name: pl['refer.method_phone'] }).check();
  await page.getByLabel(pl['refer.phone_label']).fill('07700 900123');
  await page.getByRole('group', { name: pl['refer.message_legend'] }).getByRole('radio', { name: pl['refer.yes'] }).check();
  await next();
  await page.getByLabel(pl['refer.postcode_title']).fill('TA1 2BX');
  await next();
  // Asked in Polish, and the language box already says Polish.
  const interpreter = page.getByRole('group', { name: pl['refer.interpreter_legend'] });
  await interpreter.getByRole('radio', { name: pl['refer.yes'] }).check();
  await expect(page.getByLabel(pl['refer.interpreter_language_label'])).toHaveValue('Polish');
  await expectAccessible(page, 'Polish optional details with the interpreter question');
  await next();
  await expect(page.getByRole('definition').filter({ hasText: 'Polish' })).toBeVisible();
  await page.getByRole('button', { name: pl['refer.send'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: pl['refer.sent_title'] })).toBeVisible();
  const requests = await received(request);
  expect(requests).toHaveLength(1);
  const doc = JSON.parse(requests[0].body);
  expect(doc.person.language).toBe('pl');
  expect(doc.interpreter).toEqual({ wanted: true, language: 'Polish' });
});
