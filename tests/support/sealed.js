// What the sealed-referral and inbox tests share: their own test receiver
// (8083, controls on 8084: support/receiver.mjs), taken in turns, the way to
// a referral that arrives sealed, and opening a JWE with npm jose.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactDecrypt, importJWK } from 'jose';
import { expect } from './fixtures.js';
import { askToJoin, continueButton, searchNear } from './journey.js';

export { askToJoin };

export const CONTROL = 'http://127.0.0.1:8084';
export const WALK = 'cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3';
export const WALK_NAME = 'Taunton Riverside Health Walk';
export const TOPICS = ['Meeting people or feeling less lonely', 'Getting more active'];
export const BEGIN = '-----BEGIN WAYMARK REFERRAL-----';
export const END = '-----END WAYMARK REFERRAL-----';
export const TEST_KEY_FILE = new URL('../fixtures/waymark-test-key.private.jwk.json', import.meta.url).pathname;
export const OTHER_KEY_FILE = new URL('../fixtures/waymark-other-key.private.jwk.json', import.meta.url).pathname;
export const TEST_KEY = JSON.parse(readFileSync(TEST_KEY_FILE, 'utf8'));
export const OTHER_KEY = JSON.parse(readFileSync(OTHER_KEY_FILE, 'utf8'));

// The receiver is shared by every spec file that sends; the files that
// reset it, make it fail or take it down (sealed.spec.js and inbox.spec.js) take
// turns through a lock file that only one worker can create.
const LOCK = join(tmpdir(), 'waymark-receiver.lock');
const alive = (pid) => {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};
export async function takeReceiver(most = 240_000) {
  const until = Date.now() + most;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = 0;
    try {
      holder = Number(readFileSync(LOCK, 'utf8'));
    } catch {}
    if (holder && !alive(holder)) rmSync(LOCK, { force: true });
    else if (Date.now() > until) throw new Error(`the test receiver is still taken by process ${holder}`);
    else await new Promise((wait) => setTimeout(wait, 250));
  }
}
export function giveReceiverBack() {
  try {
    if (Number(readFileSync(LOCK, 'utf8')) === process.pid) rmSync(LOCK);
  } catch {}
}

export async function control(request, path) {
  const response = await request.post(`${CONTROL}${path}`);
  expect(response.ok()).toBe(true);
}

/** Every request the sealed tests' receiver has had. */
export async function received(request) {
  return (await request.get(`${CONTROL}/received`)).json();
}

/** Opens a compact JWE with `key` (the test key), by npm jose: the header and the document. */
export async function unseal(jwe, key = TEST_KEY) {
  const { plaintext, protectedHeader } = await compactDecrypt(jwe, await importJWK(key, 'ECDH-ES'));
  return { header: protectedHeader, document: JSON.parse(new TextDecoder().decode(plaintext)) };
}

/** The needs check from `start`, saying what matters (`whatMatters`), then
 *  the walk's page and on to the referral's first page: the walk's name. */
export async function checkThenAskToJoin(page, start, whatMatters) {
  const heading = page.getByRole('heading', { level: 1 });
  const next = async () => {
    const before = await heading.textContent();
    await continueButton(page).click();
    await expect(heading).not.toHaveText(before);
  };
  await page.goto(start);
  await expect(page.locator('html')).toHaveAttribute('dir', /^(ltr|rtl)$/);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await next();
  for (const topic of TOPICS) await page.getByLabel(topic).check();
  await next();
  while (!/Check your answers/.test(await heading.textContent())) {
    const title = await heading.textContent();
    if (/What matters to you/.test(title)) await page.getByLabel('What matters to you?').fill(whatMatters);
    else if (/Who is the support for/.test(title)) await page.getByLabel('Me', { exact: true }).check();
    else if ((await page.getByRole('radio').count()) > 0) await page.getByRole('radio').first().check();
    await next();
  }
  await page.getByRole('button', { name: 'See suggestions' }).click();
  await expect(heading).toHaveText('Support near you');
  await searchNear(page, 'TA1 2BX');
  await page.getByRole('link', { name: WALK_NAME }).click();
  return askToJoin(page);
}
