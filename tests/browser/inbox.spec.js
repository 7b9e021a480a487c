// The referral inbox (/inbox): staff open their private key and what their
// endpoint received, and read the referrals, in the browser, with nothing
// sent anywhere. The referrals opened are real: sent through the widget
// with config-sealed*.json to the real test receiver (support/receiver.mjs),
// or, for what the widget never makes (another key, a newer schema), sealed
// here with npm jose, an independent JOSE implementation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CompactEncrypt, importJWK } from 'jose';
import { parse } from 'csv-parse/sync';
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { fillReferral, tabTo } from '../support/journey.js';
import {
  BEGIN,
  CONTROL,
  END,
  OTHER_KEY,
  OTHER_KEY_FILE,
  TEST_KEY,
  TEST_KEY_FILE,
  WALK,
  WALK_NAME,
  askToJoin,
  checkThenAskToJoin,
  giveReceiverBack,
  takeReceiver,
  unseal as unsealed,
} from '../support/sealed.js';

const CSV_COLUMNS =
  'reference,referral_id,created,channel,host,recipient,name,referral_for,person_agreed,postcode,date_of_birth,gp_surgery,language,contact_methods,email,phone,best_time,may_leave_message,interpreter_wanted,interpreter_language,needs,what_matters,groups,group_ids,preferred_mentor,first_visit,consent_given,consent_statement,consent_time'.split(',');

const publicHalf = ({ d, ...key }) => key;

// The referrals are made once, in order, in one worker; the tests then take them in turn.
test.describe.configure({ mode: 'default' });

// --- Making real sealed referrals with the widget -------------------------

const PEOPLE = {
  a: { name: 'Anselm Wainwright', email: 'anselm.w@inbox-a.example.org', phone: '07700 900511', firstVisit: 'I will bring my own flask' },
  b: {
    name: 'Zoë Pemberton',
    email: 'zoe.pemberton@inbox-b.example.org',
    phone: '07700 900522',
    firstVisit: 'Please meet me at the car park',
    whatMatters: 'Feeling useful again, and walking to the river without getting out of breath',
  },
  d: { name: 'Dafydd Llewellyn', email: 'dafydd.l@inbox-d.example.org', phone: '07700 900533', firstVisit: 'I come by bus' },
  c: { name: 'Clementine Osei', email: 'clem.osei@inbox-c.example.org', phone: '07700 900544', firstVisit: 'I may be late' },
};

/** The document in a JWE, opened by npm jose. */
const unseal = async (jwe, key = TEST_KEY) => (await unsealed(jwe, key)).document;

/** Seals `document` (an object, or text) as the widget would, by npm jose. */
async function sealWithJose(document, key, { version = 2 } = {}) {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  return new CompactEncrypt(new TextEncoder().encode(text))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: key.kid, cty: `vnd.waymark.referral.v${version}+json` })
    .encrypt(await importJWK(publicHalf(key), 'ECDH-ES'));
}

/** The mailto link's subject and body. */
function mailtoParts(href) {
  const [, query] = href.split('?');
  return Object.fromEntries(query.split('&').map((p) => p.split('=')).map(([k, v]) => [k, decodeURIComponent(v)]));
}

/** An email as a mailbox saves it (.eml): CRLF lines, quoted-printable,
 *  with a soft line break ("=" CRLF) inside each line of the JWE. */
function emlFrom(person, { subject, body }) {
  const lines = body.replace(/\n$/, '').split('\n');
  const [begin, end] = [lines.indexOf(BEGIN), lines.indexOf(END)];
  expect(begin).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(begin + 1);
  const encoded = lines.map((line, i) => (i > begin && i < end && line.length > 40 ? `${line.slice(0, 40)}=\r\n${line.slice(40)}` : line));
  return [
    `From: ${person.name} <${person.email}>`,
    'To: referrals@example.org',
    `Subject: ${subject}`,
    'Date: Mon, 07 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    ...encoded,
    '',
  ].join('\r\n');
}

/** What the widget made, set by beforeAll: a and b sent as json, d as a
 *  form, c by email; each with its document, opened by jose. */
let made;

test.beforeAll(async ({ browser, playwright }, testInfo) => {
  test.setTimeout(300_000);
  const baseURL = testInfo.project.use.baseURL;
  await takeReceiver();
  const request = await playwright.request.newContext();
  try {
    expect((await request.post(`${CONTROL}/reset`)).ok()).toBe(true);
    const problems = [];
    const sent = async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible({ timeout: 15_000 });
      return (await page.locator('.wm-panel__body strong').textContent()).trim();
    };
    const emailLink = async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: 'Send your request by email' })).toBeVisible();
      return page.getByRole('link', { name: 'Open your email app' }).getAttribute('href');
    };
    /** One referral as `person`, in a browser of its own: what `after` reads from its last page. */
    const refer = async (person, { config = 'config-sealed.json', check = false, after = sent } = {}) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      try {
        if (check) {
          await checkThenAskToJoin(page, `/?config=/__fixtures/${config}`, person.whatMatters);
        } else {
          await page.goto(`/group/${WALK}?config=/__fixtures/${config}`);
          await askToJoin(page);
        }
        await fillReferral(page, { person, checked: check, searched: check });
        await page.getByRole('button', { name: 'Send' }).click();
        return await after(page);
      } finally {
        await context.close();
      }
    };

    const references = {
      a: await refer(PEOPLE.a),
      b: await refer(PEOPLE.b, { check: true }),
      d: await refer(PEOPLE.d, { config: 'config-sealed-form.json' }),
    };
    const href = await refer(PEOPLE.c, { config: 'config-sealed-mailto.json', after: emailLink });
    expect(problems).toEqual([]);

    const all = await (await request.get(`${CONTROL}/received`)).json();
    const ours = all.filter((r) => !/:(8097|8098)$/.test(r.origin || ''));
    expect(ours.map((r) => r.status)).toEqual([201, 201, 201]);
    const [a, b, d] = ours.map((r) => r.body);
    const envelopes = { a: JSON.parse(a), b: JSON.parse(b), d: Object.fromEntries(new URLSearchParams(d)) };
    for (const k of ['a', 'b', 'd']) expect(envelopes[k].reference).toBe(references[k]);
    const mail = mailtoParts(href);
    const lines = mail.body.split('\n');
    const cJwe = lines.slice(lines.indexOf(BEGIN) + 1, lines.indexOf(END)).join('');
    made = {
      a: { person: PEOPLE.a, body: a, envelope: envelopes.a, document: await unseal(envelopes.a.jwe) },
      b: { person: PEOPLE.b, body: b, envelope: envelopes.b, document: await unseal(envelopes.b.jwe) },
      d: { person: PEOPLE.d, body: d, envelope: envelopes.d, document: await unseal(envelopes.d.jwe) },
      c: { person: PEOPLE.c, eml: emlFrom(PEOPLE.c, mail), jwe: cJwe, document: await unseal(cJwe) },
    };
    for (const k of ['a', 'b', 'c', 'd']) {
      made[k].reference = made[k].document.reference;
      expect(made[k].document.person.name).toBe(PEOPLE[k].name);
    }
    // Made in this order, a second or more apart: newest first is c, d, b, a.
    const created = ['a', 'b', 'd', 'c'].map((k) => made[k].document.created);
    expect([...created].sort()).toEqual(created);
    expect(new Set(created).size).toBe(4);
  } finally {
    await request.dispose();
    giveReceiverBack();
  }
});

/** Writes `files` (name: text) into this test's output folder; their paths. */
function write(testInfo, files) {
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      const path = testInfo.outputPath(name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return [name, path];
    }),
  );
}

/** What the endpoint received, as a link worker would save it: the json
 *  bodies one a line (the first referral twice), the form body, the email. */
function receivedFiles(testInfo) {
  const files = write(testInfo, {
    'received.jsonl': `${made.a.body}\n${made.a.body}\n${made.b.body}\n`,
    'form-body.txt': made.d.body,
    'referral.eml': made.c.eml,
  });
  // The email really is wrapped: the JWE is nowhere in it in one piece.
  expect(made.c.eml).not.toContain(made.c.jwe);
  expect(made.c.eml).toContain('=\r\n');
  return files;
}

// --- The inbox -------------------------------------------------------------

const keyInput = (page) => page.getByLabel('Private key file', { exact: true });
const referralInput = (page) => page.getByLabel('Referral files', { exact: true });
const openKeys = (page) => page.getByRole('status').filter({ hasText: 'Open keys:' });
const problemBox = (page) =>
  page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Some of what you opened could not be read' }) });
const counted = (n) => (n === 0 ? 'No referrals open yet' : n === 1 ? '1 referral' : `${n} referrals`);

async function openInbox(page, address = '/inbox') {
  await page.goto(address);
  await expect(page.getByRole('heading', { level: 1, name: 'Referral inbox' })).toBeVisible();
}

async function openKey(page, file = TEST_KEY_FILE, kids = ['waymark-test-key']) {
  await keyInput(page).setInputFiles(file);
  await expect(openKeys(page)).toHaveText(`Open keys: ${kids.join(', ')}`);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
}

/** The list shows exactly these references, in this order. */
async function expectListed(page, references) {
  const name = counted(references.length);
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name, exact: true }).getByRole('heading', { level: 3 })).toHaveText(references);
}

/** A summary list's value, by its key, within `scope`. */
const value = (scope, key) => {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  const term = page.getByRole('term').getByText(key, { exact: true });
  return scope.locator('.wm-summary-list__row').filter({ has: term }).getByRole('definition');
};

/** "2026-12-07T10:05:00Z" as the inbox shows it: "7 December 2026 at 10:05 UTC". */
function shown(timestamp) {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [, y, m, d, hm] = timestamp.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/);
  return `${Number(d)} ${months[Number(m) - 1]} ${y} at ${hm} UTC`;
}

/** A referral document of our own, from b's, for what the widget never makes. */
function documentLike(base, changes) {
  const document = structuredClone(base);
  Object.assign(document, { referral_id: randomUUID(), ...changes.top });
  Object.assign(document.person, changes.person);
  return document;
}

test('the received files open with the key: each referral once, newest first, and each one readable', async ({ page }, testInfo) => {
  const files = receivedFiles(testInfo);
  await openInbox(page);
  await expect(page.getByRole('heading', { level: 2, name: 'No referrals open yet' })).toBeVisible();
  await expectAccessible(page, 'inbox, nothing open');

  await openKey(page);
  await expectAccessible(page, 'inbox, key open');

  // The JSON lines hold a twice and b once.
  await referralInput(page).setInputFiles(files['received.jsonl']);
  await expectListed(page, [made.b.reference, made.a.reference]);
  await expect(problemBox(page)).toHaveCount(0);
  await expectAccessible(page, 'inbox, two referrals');

  // The form body and the quoted-printable email, then the same lines again.
  await referralInput(page).setInputFiles([files['form-body.txt'], files['referral.eml']]);
  await expectListed(page, [made.c.reference, made.d.reference, made.b.reference, made.a.reference]);
  await referralInput(page).setInputFiles(files['received.jsonl']);
  await expectListed(page, [made.c.reference, made.d.reference, made.b.reference, made.a.reference]);
  await expect(problemBox(page)).toHaveCount(0);

  const { person, document, reference } = made.b;
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: reference, exact: true }) });
  await expect(value(card, 'Sent')).toHaveText(shown(document.created));
  await expect(value(card, 'For')).toHaveText(person.name);
  await expect(value(card, 'Groups asked for')).toHaveText(WALK_NAME);
  await expect(value(card, 'Contact')).toHaveText('Email, Phone call, mornings');

  await page.getByRole('link', { name: reference, exact: true }).click();
  // Still the inbox, with the referral named after the #.
  await expect(page).toHaveURL(new RegExp(`/inbox#${reference}$`));
  const title = page.getByRole('heading', { level: 1, name: `${reference} — ${person.name}` });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'The person',
    'How to get in touch',
    'What would help',
    'Asked to join',
    'Interpreter',
    'Consent',
    'Where it came from',
  ]);
  await expect(value(page, 'Name')).toHaveText(person.name);
  await expect(value(page, 'Referral for')).toHaveText(person.name);
  await expect(value(page, 'Email')).toHaveText(person.email);
  await expect(value(page, 'Phone')).toHaveText(person.phone.replace(/\s/g, ''));
  await expect(value(page, 'What matters to them')).toHaveText(person.whatMatters);
  await expect(value(page, 'First visit')).toHaveText(person.firstVisit);
  await expect(value(page, 'Group')).toContainText(`${WALK_NAME}, run by`);
  await expect(value(page, 'Group')).toContainText(WALK);
  await expect(value(page, 'Consent given')).toHaveText('Yes');
  expect(document.consent.statement).toContain('I agree to Somerset Community Connect (sample)');
  await expect(value(page, 'What they agreed to')).toHaveText(document.consent.statement);
  await expect(value(page, 'Made on')).toHaveText('The widget’s own web page');
  await expect(value(page, 'Referral id')).toHaveText(document.referral_id);
  await expect(value(page, 'Reference')).toHaveText(reference);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expectAccessible(page, 'one referral');

  await page.getByRole('link', { name: 'Back to all referrals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral inbox' })).toBeVisible();
  await expectListed(page, [made.c.reference, made.d.reference, made.b.reference, made.a.reference]);
});

test('Export CSV downloads every open referral as UTF-8 with a BOM, read back to what was entered', async ({ page }, testInfo) => {
  const files = receivedFiles(testInfo);
  // A name a spreadsheet would run as a formula, sealed here with jose.
  const formula = documentLike(made.b.document, {
    top: { reference: 'WM-F7GH-2K', created: '2021-03-04T05:06:07Z', what_matters: '+44 is my code' },
    person: { name: '=HYPERLINK("https://evil.example","Click")' },
  });
  const extra = write(testInfo, { 'formula.jwe': await sealWithJose(formula, TEST_KEY) });
  await openInbox(page);
  await openKey(page);
  await referralInput(page).setInputFiles([...Object.values(files), extra['formula.jwe']]);
  await expectListed(page, [made.c.reference, made.d.reference, made.b.reference, made.a.reference, 'WM-F7GH-2K']);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^waymark-referrals-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

  const [header, ...rows] = parse(text, { bom: true });
  expect(header).toEqual(CSV_COLUMNS);
  expect(rows.map((r) => r[0])).toEqual([made.c.reference, made.d.reference, made.b.reference, made.a.reference, 'WM-F7GH-2K']);
  const read = rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
  for (const k of ['a', 'b', 'c', 'd']) {
    const { person, document, reference } = made[k];
    const row = read.find((r) => r.reference === reference);
    expect(row).toMatchObject({
      referral_id: document.referral_id,
      created: document.created,
      channel: 'web',
      recipient: 'Somerset Community Connect (sample)',
      name: person.name,
      referral_for: 'self',
      postcode: 'TA1 2BX',
      date_of_birth: '1950-03-02',
      language: 'en',
      contact_methods: 'email; phone',
      email: person.email,
      phone: person.phone.replace(/\s/g, ''),
      best_time: 'morning',
      may_leave_message: 'yes',
      what_matters: person.whatMatters ?? '',
      groups: WALK_NAME,
      group_ids: WALK,
      first_visit: person.firstVisit,
      consent_given: 'yes',
      consent_statement: document.consent.statement,
      consent_time: document.consent.time,
    });
  }
  const needs = read.find((r) => r.reference === made.b.reference).needs;
  expect(needs).toBe(made.b.document.needs.map((n) => n.label).join('; '));
  expect(needs.length).toBeGreaterThan(0);
  const guarded = read.find((r) => r.reference === 'WM-F7GH-2K');
  expect(guarded.name).toBe(`'${formula.person.name}`);
  expect(guarded.what_matters).toBe("'+44 is my code");
});

test('what cannot be opened is named by file, and everything else stays open', async ({ page }, testInfo) => {
  const files = receivedFiles(testInfo);
  // b's envelope with one character of the ciphertext changed, still base64url.
  const parts = made.b.envelope.jwe.split('.');
  const at = Math.floor(parts[3].length / 2);
  parts[3] = parts[3].slice(0, at) + (parts[3][at] === 'A' ? 'B' : 'A') + parts[3].slice(at + 1);
  const tampered = JSON.stringify({ ...made.b.envelope, jwe: parts.join('.') });
  expect(tampered).not.toBe(made.b.body);
  const elsewhere = documentLike(made.b.document, {
    top: { reference: 'WM-E7TH-3R', created: '2020-01-05T09:30:00Z' },
    person: { name: 'Elin Otherkey' },
  });
  const given = write(testInfo, {
    'tampered.json': tampered,
    'other-key.json': JSON.stringify({
      waymark: 'sealed-referral',
      version: 1,
      reference: elsewhere.reference,
      referral_id: elsewhere.referral_id,
      created: elsewhere.created,
      jwe: await sealWithJose(elsewhere, OTHER_KEY),
    }),
    'notes.txt': 'Call Mrs Patel back on Tuesday. eyJ nothing sealed here.\n',
    'version-3.txt': `${await sealWithJose({ schema_version: 3 }, TEST_KEY, { version: 3 })}\n`,
  });

  await openInbox(page);
  await openKey(page);
  await referralInput(page).setInputFiles([
    files['received.jsonl'],
    given['tampered.json'],
    given['other-key.json'],
    given['notes.txt'],
    given['version-3.txt'],
  ]);
  await expectListed(page, [made.b.reference, made.a.reference]);
  const problems = problemBox(page);
  await expect(problems).toBeVisible();
  const expected = {
    'notes.txt': 'holds no sealed referral',
    'tampered.json':
      "did not pass the encryption's check: it was changed or damaged after it was sealed, so nothing of it is shown",
    'other-key.json': 'is sealed to the key "waymark-other-key", which is not open: open that key\'s file too',
    'version-3.txt': 'is a referral of schema version 3, which this inbox does not read (it reads version 2): open it with a newer Waymark inbox',
  };
  await expect(problems.getByRole('listitem')).toHaveCount(4);
  for (const [file, message] of Object.entries(expected)) {
    const item = problems.getByRole('listitem').filter({ hasText: file });
    await expect(item).toHaveText(`${file} ${message}`);
    await expect(item.locator('strong')).toHaveText(file);
  }
  await expectAccessible(page, 'inbox with problems');

  // The good ones still open.
  await page.getByRole('link', { name: made.a.reference, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${made.a.reference} — ${made.a.person.name}` })).toBeVisible();
  await page.getByRole('link', { name: 'Back to all referrals' }).click();

  // The other key opens the referral sealed to it, and only its problem goes.
  await openKey(page, OTHER_KEY_FILE, ['waymark-test-key', 'waymark-other-key']);
  await expectListed(page, [made.b.reference, made.a.reference, 'WM-E7TH-3R']);
  await expect(problems.getByRole('listitem')).toHaveCount(3);
  await expect(problems.getByRole('listitem').filter({ hasText: 'other-key.json' })).toHaveCount(0);
  await page.getByRole('link', { name: 'WM-E7TH-3R', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WM-E7TH-3R — Elin Otherkey' })).toBeVisible();
  await expectAccessible(page, 'referral opened with the second key');
});

test('a JWE pasted as text opens, and pasted text with none is said to hold none', async ({ page }) => {
  await openInbox(page);
  await openKey(page);
  const paste = page.getByLabel('Or paste what you received');
  await paste.fill('Sorry, here it is:');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expect(problemBox(page).getByRole('listitem')).toHaveText(['Pasted text holds no sealed referral']);
  await paste.fill(`\n  ${made.a.envelope.jwe}  \n`);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expectListed(page, [made.a.reference]);
  await expect(value(page.getByRole('listitem').filter({ hasText: made.a.reference }), 'For')).toHaveText(made.a.person.name);
  await expectAccessible(page, 'inbox after pasting');
});

test('Lock forgets the keys and closes every referral', async ({ page }, testInfo) => {
  const files = receivedFiles(testInfo);
  await openInbox(page);
  await openKey(page);
  await referralInput(page).setInputFiles(files['received.jsonl']);
  await expectListed(page, [made.b.reference, made.a.reference]);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No referrals open yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: made.a.reference })).toHaveCount(0);
  await expect(page.getByText(/Open keys:/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
  await expectAccessible(page, 'inbox, locked');

  // The key is gone too: the same file now waits for it.
  await referralInput(page).setInputFiles(files['received.jsonl']);
  await expect(problemBox(page).getByRole('listitem').first()).toHaveText(
    'received.jsonl is sealed to the key "waymark-test-key", which is not open: open that key\'s file too',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'No referrals open yet' })).toBeVisible();
  await openKey(page);
  await expectListed(page, [made.b.reference, made.a.reference]);
  await expect(problemBox(page)).toHaveCount(0);
});

test('a file that is not a private key is named under its label, and opens nothing', async ({ page }, testInfo) => {
  const given = write(testInfo, {
    'public-half.jwk.json': JSON.stringify(publicHalf(TEST_KEY)),
    'notes.txt': 'not a key',
  });
  await openInbox(page);
  await keyInput(page).setInputFiles(given['public-half.jwk.json']);
  await expect(keyInput(page)).toHaveAccessibleDescription(/public-half\.jwk\.json: .*public key/);
  await expect(openKeys(page)).toHaveCount(0);
  await expectAccessible(page, 'a public key given as the private key');
  await keyInput(page).setInputFiles(given['notes.txt']);
  await expect(keyInput(page)).toHaveAccessibleDescription(/notes\.txt: is not a key file/);
  await openKey(page);
  await expect(keyInput(page)).not.toHaveAccessibleDescription(/notes\.txt/);
});

test('a new key pair: the public JWK for config.json, the private key file saved, and the pair opens what is sealed to it', async ({ page }) => {
  await openInbox(page);
  await page.getByText('Make a new key pair', { exact: true }).click();
  await page.getByRole('button', { name: 'Make a key pair', exact: true }).click();
  const announced = page.getByRole('status').filter({ hasText: 'is made, and open in this inbox.' });
  await expect(announced).toHaveText(/^Key waymark-\d{4}-\d{2}-\d{2}-[0-9a-f]{8} is made, and open in this inbox\.$/);
  const kid = (await announced.textContent()).match(/waymark-[\d-]+-[0-9a-f]{8}/)[0];
  await expect(openKeys(page)).toHaveText(`Open keys: ${kid}`);
  await expectAccessible(page, 'key pair made');

  const snippet = page.getByLabel('Public key, for config.json');
  await expect(snippet).not.toBeEditable();
  const text = await snippet.inputValue();
  expect(text.startsWith('"public_key": {\n')).toBe(true);
  const { public_key: publicJwk } = JSON.parse(`{${text}}`);
  expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid, use: 'enc', alg: 'ECDH-ES' });
  expect(kid).toMatch(/^waymark-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
  expect(publicJwk).not.toHaveProperty('d');
  expect(publicJwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(publicJwk.y).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the private key file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${kid}.private.jwk.json`);
  const privateJwk = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid, x: publicJwk.x, y: publicJwk.y });
  expect(privateJwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // Sealed by jose to the public key shown, it opens in the inbox (which has the key open already)…
  const document = documentLike(made.b.document, {
    top: { reference: 'WM-K7Q2-9X', created: '2022-02-02T02:02:02Z' },
    person: { name: 'Newkey Person' },
  });
  const jwe = await sealWithJose(document, { ...publicJwk });
  await page.getByLabel('Or paste what you received').fill(jwe);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expectListed(page, ['WM-K7Q2-9X']);
  // …and the saved private key opens it with jose too.
  expect((await unseal(jwe, privateJwk)).person.name).toBe('Newkey Person');
});

test('on a kiosk the inbox is not there', async ({ page }) => {
  for (const address of ['/inbox?mode=kiosk', '/inbox?config=/__fixtures/config-kiosk.json']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: 'The inbox is not available here' })).toBeVisible();
    await expect(keyInput(page)).toHaveCount(0);
    await expect(referralInput(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Referral inbox' })).toHaveCount(0);
    await expectAccessible(page, `inbox on a kiosk (${address})`);
  }
});

/** Space on the focused file input opens the file chooser, and `files` are chosen. Under a
 *  loaded machine the first press can come before the input takes keys: pressed again then. */
async function chooseByKeyboard(page, files) {
  for (let press = 0; press < 3; press += 1) {
    const choosing = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null);
    await page.keyboard.press('Space');
    const chooser = await choosing;
    if (chooser) return chooser.setFiles(files);
  }
  throw new Error('Space on the focused file input never opened the file chooser');
}

test('at 320 pixels wide nothing scrolls sideways, and the keyboard alone opens a referral', async ({ page }, testInfo) => {
  const files = receivedFiles(testInfo);
  await page.setViewportSize({ width: 320, height: 640 });
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  await openInbox(page);
  expect(await width()).toBeLessThanOrEqual(320);
  await expectAccessible(page, 'inbox at 320px');

  // The file inputs by keyboard: focus, then Space opens the file chooser.
  await tabTo(page, keyInput(page));
  await chooseByKeyboard(page, TEST_KEY_FILE);
  await expect(openKeys(page)).toHaveText('Open keys: waymark-test-key');
  await tabTo(page, referralInput(page));
  await chooseByKeyboard(page, Object.values(files));
  await expectListed(page, [made.c.reference, made.d.reference, made.b.reference, made.a.reference]);
  expect(await width()).toBeLessThanOrEqual(320);
  await expectAccessible(page, 'list at 320px');

  await tabTo(page, page.getByRole('link', { name: made.b.reference, exact: true }));
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: `${made.b.reference} — ${made.b.person.name}` });
  await expect(title).toBeFocused();
  expect(await width()).toBeLessThanOrEqual(320);
  await expectAccessible(page, 'one referral at 320px');

  await tabTo(page, page.getByRole('link', { name: 'Back to all referrals' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expectListed(page, [made.c.reference, made.d.reference, made.b.reference, made.a.reference]);
});

test('nothing of a referral goes over the network: only GETs of the inbox’s own files', async ({ page, baseURL }, testInfo) => {
  const files = receivedFiles(testInfo);
  const seen = [];
  page.context().on('request', (r) => seen.push({ method: r.method(), url: r.url(), body: r.postData() }));
  await openInbox(page);
  await openKey(page);
  await referralInput(page).setInputFiles(Object.values(files));
  await page.getByLabel('Or paste what you received').fill(made.a.envelope.jwe);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await expectListed(page, [made.c.reference, made.d.reference, made.b.reference, made.a.reference]);
  await page.getByRole('link', { name: made.b.reference, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${made.b.reference} — ${made.b.person.name}` })).toBeVisible();
  await page.getByRole('link', { name: 'Back to all referrals' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await downloading;
  await page.getByText('Make a new key pair', { exact: true }).click();
  await page.getByRole('button', { name: 'Make a key pair', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is made' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No referrals open yet' })).toBeVisible();

  const origin = new URL(baseURL).origin;
  const network = seen.filter((r) => !r.url.startsWith('data:'));
  expect(network.length).toBeGreaterThan(0);
  expect(network.filter((r) => r.url.includes(':8083'))).toEqual([]);
  expect(network.filter((r) => r.method !== 'GET' || r.body !== null || new URL(r.url).origin !== origin)).toEqual([]);
  const everything = JSON.stringify(seen);
  for (const k of ['a', 'b', 'c', 'd']) {
    expect(everything).not.toContain(made[k].reference);
    expect(everything).not.toContain(made[k].person.email);
  }
});

test('once opened, the inbox opens again with no network', async ({ page, context }) => {
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Referral inbox' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 })
    .toBe(true);
  // The worker keeps the page, its code and its stylesheet once the page names them to it.
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('waymark-inbox')).keys()).length), {
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(4);
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Referral inbox' })).toBeVisible();
    await expect(page.getByLabel('Private key file')).toBeVisible();
    await expectAccessible(page, 'the inbox, offline');
  } finally {
    await context.setOffline(false);
  }
});
