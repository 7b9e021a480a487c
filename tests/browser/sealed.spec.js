// Sealed referrals: with referral.public_key in config.json, everything
// personal leaves the browser only inside a JWE (ECDH-ES, A256GCM) that the
// charity's private key opens. Checked from outside the widget: the real
// test receiver (support/receiver.mjs) keeps what arrived, npm jose (not the
// widget's code) opens it, and ajv checks it against the published schemas.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { fillReferral } from '../support/journey.js';
import {
  BEGIN,
  CONTROL,
  END,
  TOPICS,
  WALK,
  askToJoin,
  checkThenAskToJoin,
  control,
  giveReceiverBack,
  received,
  takeReceiver,
  unseal,
} from '../support/sealed.js';

const ENVELOPE_FIELDS = ['created', 'jwe', 'reference', 'referral_id', 'version', 'waymark'];

const readJson = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validReferral = ajv.compile(readJson('../../public/referral.schema.json'));
const validEnvelope = ajv.compile(readJson('../../public/sealed-referral.schema.json'));

// One receiver for the whole file, so these tests take turns.
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }, testInfo) => {
  // Waiting for the other file's turn is not this test's time.
  test.setTimeout(testInfo.timeout + 240_000);
  await takeReceiver();
  await control(request, '/reset');
});

test.afterEach(async ({ request }) => {
  await request.post(`${CONTROL}/up`);
  giveReceiverBack();
});

/** The protected header Waymark writes, and nothing else in it. */
function expectWaymarkHeader(header) {
  expect(Object.keys(header).sort()).toEqual(['alg', 'cty', 'enc', 'epk', 'kid']);
  expect(header).toMatchObject({
    alg: 'ECDH-ES',
    enc: 'A256GCM',
    kid: 'waymark-test-key',
    cty: 'vnd.waymark.referral.v2+json',
    epk: { kty: 'EC', crv: 'P-256' },
  });
}

function expectValid(validate, value, what) {
  const ok = validate(value);
  expect(ok ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`), `${what} against its schema`).toEqual([]);
}

/** The sealed envelope: exactly its six fields, as its schema says. */
function expectEnvelope(envelope) {
  expect(Object.keys(envelope).sort()).toEqual(ENVELOPE_FIELDS);
  expect(envelope.waymark).toBe('sealed-referral');
  expect(Number(envelope.version)).toBe(1);
  expect(envelope.reference).toMatch(/^WM-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$/);
  expect(envelope.referral_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
}

/** What a person typed, in every form it could travel in. */
function personal(person, group) {
  const words = [
    person.name,
    person.surname,
    person.email,
    person.email.split('@')[0],
    person.phone,
    person.phone.replace(/\s/g, ''),
    person.firstVisit,
    'TA1 2BX',
    'TA12BX',
    '1950-03-02',
    group,
    WALK,
  ];
  if (person.whatMatters) words.push(person.whatMatters);
  return words.flatMap((w) => [w, encodeURIComponent(w), encodeURIComponent(w).replace(/%20/g, '+')]);
}

function expectNothingOf(text, secrets, where) {
  const haystack = text.toLowerCase();
  for (const secret of new Set(secrets)) {
    expect(haystack.includes(secret.toLowerCase()), `${where} must not hold "${secret}"`).toBe(false);
  }
}

/** The document inside: valid against referral.schema.json and holding what was entered. */
function expectDocument(document, envelope, person, group) {
  expectValid(validReferral, document, 'the sealed referral document');
  expect(document.schema_version).toBe(2);
  expect(document.referral_id).toBe(envelope.referral_id);
  expect(document.reference).toBe(envelope.reference);
  expect(document.created).toBe(envelope.created);
  expect(document.person.name).toBe(person.name);
  expect(document.person.postcode).toBe('TA1 2BX');
  expect(document.person.date_of_birth).toBe('1950-03-02');
  expect(document.contact).toEqual({
    methods: ['email', 'phone'],
    email: person.email,
    phone: person.phone.replace(/\s/g, ''),
    best_time: 'morning',
    may_leave_message: true,
  });
  expect(document.support_requested.services).toEqual([
    expect.objectContaining({ id: WALK, name: group }),
  ]);
  expect(document.first_visit).toBe(person.firstVisit);
  expect(document.what_matters).toBe(person.whatMatters ?? null);
}

/** Straight to the walk's page with `config`, and on to the referral. */
async function groupThenAskToJoin(page, config) {
  await page.goto(`/group/${WALK}?config=/__fixtures/${config}`);
  return askToJoin(page);
}

async function sendAndConfirm(page, timeout = 15_000) {
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({ timeout });
  return (await page.locator('.wm-panel__body strong').textContent()).trim();
}

const person = (first, surname, n) => ({
  name: `${first} ${surname}`,
  surname,
  email: `${first.toLowerCase()}.${surname.toLowerCase()}@sealed-${n}.example.org`,
  phone: `07700 900${400 + n}`,
  firstVisit: `Please meet me by the ${surname} bench`,
});

test('a json referral arrives sealed: nothing personal outside the JWE, which jose opens to a valid document', async ({ page, request }) => {
  const someone = {
    ...person('Philippa', 'Quennell', 1),
    whatMatters: 'Getting back to my allotment on Thursdays with Biscuit the dog',
  };
  const group = await checkThenAskToJoin(page, '/?config=/__fixtures/config-sealed.json', someone.whatMatters);
  await fillReferral(page, { axe: true, person: someone });
  const reference = await sendAndConfirm(page);
  await expectAccessible(page, 'confirmation, sealed');

  const requests = await received(request);
  expect(requests).toHaveLength(1);
  const [sent] = requests;
  expect(sent.method).toBe('POST');
  expect(sent.status).toBe(201);
  expect(sent.contentType).toBe('application/json');
  const envelope = JSON.parse(sent.body);
  expectEnvelope(envelope);
  expectValid(validEnvelope, envelope, 'the envelope');
  expect(envelope.version).toBe(1);
  expect(envelope.reference).toBe(reference);
  expect(sent.idempotencyKey).toBe(envelope.referral_id);

  const { header, document } = await unseal(envelope.jwe);
  expectWaymarkHeader(header);
  expectDocument(document, envelope, someone, group);
  expect(document.source.channel).toBe('web');
  expect(document.needs.map((n) => n.id)).toEqual(expect.arrayContaining(['loneliness', 'getting-active']));
  const needWords = document.needs.flatMap((n) => [n.label, ...n.reasons]);
  expect(needWords.length).toBeGreaterThan(1);
  expectNothingOf(sent.body, [...personal(someone, group), ...TOPICS, ...needWords, document.consent.statement], 'the body sent');
  expectNothingOf(JSON.stringify(sent), personal(someone, group), 'the request, headers and all');
});

test('a form referral arrives as the six envelope fields form-encoded, nothing personal outside the JWE', async ({ page, request }) => {
  const someone = person('Ottoline', 'Farquharson', 2);
  const group = await groupThenAskToJoin(page, 'config-sealed-form.json');
  await fillReferral(page, { checked: false, searched: false, person: someone });
  const reference = await sendAndConfirm(page);

  const requests = await received(request);
  expect(requests).toHaveLength(1);
  const [sent] = requests;
  expect(sent.contentType).toBe('application/x-www-form-urlencoded');
  expect(() => JSON.parse(sent.body)).toThrow();
  const fields = new URLSearchParams(sent.body);
  expect([...fields.keys()].sort()).toEqual(ENVELOPE_FIELDS);
  const envelope = Object.fromEntries(fields);
  expectEnvelope(envelope);
  expectValid(validEnvelope, { ...envelope, version: Number(envelope.version) }, 'the form fields');
  expect(envelope.reference).toBe(reference);

  const { header, document } = await unseal(envelope.jwe);
  expectWaymarkHeader(header);
  expectDocument(document, envelope, someone, group);
  expectNothingOf(sent.body, personal(someone, group), 'the form body');
  const outside = Object.entries(envelope).filter(([name]) => name !== 'jwe').map(([, value]) => value).join('\n');
  expectNothingOf(outside, personal(someone, group), 'the fields beside the JWE');
});

test('by email the link holds the JWE between marker lines, 64 characters a line, and nothing personal', async ({ page, request }) => {
  const someone = person('Wilhelmina', 'Oyelaran', 3);
  const group = await groupThenAskToJoin(page, 'config-sealed-mailto.json');
  await fillReferral(page, { checked: false, searched: false, person: someone });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send your request by email' })).toBeVisible();
  const link = page.getByRole('link', { name: 'Open your email app' });
  await expect(link).toHaveAttribute('href', /^mailto:referrals@example\.org\?subject=Self-referral%20WM-[2-9A-Z]{4}-[2-9A-Z]{2}&body=/);
  await expectAccessible(page, 'send by email, sealed');

  const href = await link.getAttribute('href');
  expectNothingOf(href, personal(someone, group), 'the mailto link');
  const [, query] = href.split('?');
  const parts = Object.fromEntries(query.split('&').map((p) => p.split('=')).map(([k, v]) => [k, decodeURIComponent(v)]));
  expect(Object.keys(parts)).toEqual(['subject', 'body']);
  const lines = parts.body.split('\n');
  const begin = lines.indexOf(BEGIN);
  const end = lines.indexOf(END);
  expect(begin, 'the body has the BEGIN line').toBeGreaterThan(0);
  expect(end, 'the END line follows it').toBeGreaterThan(begin + 1);
  const jweLines = lines.slice(begin + 1, end);
  for (const line of jweLines.slice(0, -1)) expect(line).toHaveLength(64);
  expect(jweLines.at(-1).length).toBeGreaterThan(0);
  expect(jweLines.at(-1).length).toBeLessThanOrEqual(64);
  const jwe = jweLines.join('');
  expect(jwe).toMatch(/^eyJ[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
  const reference = parts.subject.replace('Self-referral ', '');
  expect(parts.body).toContain(reference);

  const { header, document } = await unseal(jwe);
  expectWaymarkHeader(header);
  expect(document.reference).toBe(reference);
  expectValid(validReferral, document, 'the emailed referral document');
  expect(document.person.name).toBe(someone.name);
  expect(document.contact.email).toBe(someone.email);
  expect(document.support_requested.services[0]).toMatchObject({ id: WALK, name: group });
  expect(await received(request)).toEqual([]);
});

test('a referral left waiting is kept only sealed, and every resend is the identical envelope', async ({ page, request }) => {
  // The receiver fails every attempt made while the person waits (4), so it is left in the outbox.
  await control(request, '/fail?status=500&times=4');
  const someone = { ...person('Cordelia', 'Nakashima', 4), whatMatters: 'Singing in a choir again before the winter' };
  const group = await checkThenAskToJoin(page, '/?config=/__fixtures/config-sealed.json', someone.whatMatters);
  await fillReferral(page, { person: someone });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting to send' })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'waiting to send, sealed');

  const stored = await page.evaluate(() => {
    const all = {};
    for (let i = 0; i < localStorage.length; i += 1) all[localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
    return all;
  });
  expect(Object.keys(stored)).toContain('waymark:outbox');
  const outbox = JSON.parse(stored['waymark:outbox']);
  expect(outbox).toHaveLength(1);
  const [waiting] = outbox;
  expect(waiting.format).toBe('json');
  const envelope = JSON.parse(waiting.body);
  expectEnvelope(envelope);
  expect(envelope.referral_id).toBe(waiting.id);
  expect(envelope.reference).toBe(waiting.reference);
  const { header, document } = await unseal(envelope.jwe);
  expectWaymarkHeader(header);
  expectDocument(document, envelope, someone, group);
  const needWords = document.needs.flatMap((n) => [n.label, ...n.reasons]);
  expect(needWords.length).toBeGreaterThan(1);
  expectNothingOf(JSON.stringify(stored), [...personal(someone, group), ...TOPICS, ...needWords], "this device's local storage");

  // A reload tries once more, fails, and keeps it as it was.
  await control(request, '/fail?status=500&times=1');
  await page.reload();
  await expect.poll(async () => (await received(request)).length).toBe(5);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('waymark:outbox'))).toBe(stored['waymark:outbox']);

  // The receiver works again; the next time the widget opens it is sent.
  await page.goto('/');
  await expect.poll(async () => (await received(request)).filter((r) => r.status === 201).length).toBe(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('waymark:outbox'))).toBeNull();
  const attempts = await received(request);
  expect(attempts.map((r) => r.status)).toEqual([500, 500, 500, 500, 500, 201]);
  for (const attempt of attempts) {
    expect(attempt.body).toBe(waiting.body);
    expect(attempt.idempotencyKey).toBe(envelope.referral_id);
  }
});

test('after two server errors the sealed referral arrives once: the same envelope and id each time', async ({ page, request }) => {
  await control(request, '/fail?status=500&times=2');
  const someone = person('Evangeline', 'Thistlewood', 5);
  const group = await groupThenAskToJoin(page, 'config-sealed.json');
  await fillReferral(page, { checked: false, searched: false, person: someone });
  const reference = await sendAndConfirm(page);
  const attempts = await received(request);
  expect(attempts.map((r) => r.status)).toEqual([500, 500, 201]);
  expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
  expect(new Set(attempts.map((r) => r.idempotencyKey)).size).toBe(1);
  const envelope = JSON.parse(attempts[0].body);
  expectEnvelope(envelope);
  expect(envelope.reference).toBe(reference);
  expect(attempts[0].idempotencyKey).toBe(envelope.referral_id);
  const { document } = await unseal(envelope.jwe);
  expectDocument(document, envelope, someone, group);
  expect(await page.evaluate(() => localStorage.getItem('waymark:outbox'))).toBeNull();
});
