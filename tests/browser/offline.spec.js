// Offline and new releases (public/sw.js). Each test serves its own copy of
// the build on its own port, so it can cut the network for real (Playwright
// offline, and the server stopped) and ship a second release into it.
import { spawn, execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectAccessible, waitForPage } from '../support/fixtures.js';
import { checkToSuggestions, continueButton, fillReferral, searchNear } from '../support/journey.js';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '../..');
const dist = resolve(process.env.WAYMARK_DIST || join(repository, 'dist'));
const WALK = 'Taunton Riverside Health Walk';

test.describe.configure({ mode: 'serial' });

/** A copy of the build, served on `port` until `stop()`. */
async function serveCopy(port) {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-release-'));
  await cp(dist, dir, { recursive: true });
  const server = spawn('node', [join(repository, 'tests/support/static-server.mjs'), String(port)], {
    env: { ...process.env, WAYMARK_DIST: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready) => server.stdout.once('data', ready));
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill();
    await exited;
  };
  return { dir, origin: `http://127.0.0.1:${port}`, stop, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Waits until the service worker has kept the widget and looks after this page. */
async function keptOffline(page) {
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 })
    .toBe(true);
}

const serviceName = (page, name) => page.getByRole('banner').getByRole('link', { name, exact: true });

test('after one visit the check, results and group pages work offline and a referral waits in the outbox', async ({ page }) => {
  const site = await serveCopy(8097);
  try {
    await page.goto(`${site.origin}/`);
    await waitForPage(page);
    await keptOffline(page);

    // No signal at all: the browser is offline and the site is gone.
    await site.stop();
    await page.context().setOffline(true);
    await page.reload();
    await waitForPage(page);

    await checkToSuggestions(page, ['Meeting people or feeling less lonely', 'Getting more active'], null);
    await searchNear(page, 'TA1 2BX');
    await expect(page.getByText(/miles? away/).first()).toBeVisible();
    await page.getByRole('link', { name: WALK }).click();
    await expect(page.getByRole('heading', { level: 1, name: WALK })).toBeVisible();
    await expectAccessible(page, 'group page offline');

    await page.getByRole('button', { name: 'Ask to join' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
    await fillReferral(page);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Waiting to send' })).toBeVisible({ timeout: 20_000 });
    const outbox = await page.evaluate(() => JSON.parse(localStorage.getItem('waymark:outbox') || '[]'));
    expect(outbox).toHaveLength(1);

    await page.getByRole('link', { name: 'Need help now?' }).first().click();
    await expect(page.getByRole('link', { name: /Call 999/ })).toBeVisible();

    // The worker kept the widget and its data files, and nothing of the person.
    const kept = await page.evaluate(async () => {
      const files = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          files.push({ path: new URL(request.url).pathname, body: await (await cache.match(request)).text() });
        }
      }
      return files;
    });
    const paths = kept.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/index.html', '/postcodes/TA.txt']));
    expect(paths.some((p) => /^\/waymark-[0-9a-f]{16}_bg\.wasm$/.test(p)), 'the content-hashed wasm').toBe(true);
    const listed = (await readFile(join(site.dir, 'sw.js'), 'utf8')).split('\n')[0];
    for (const path of paths) {
      expect(listed.includes(`'${path.slice(1)}'`) || /^\/(config\.json|data\/|postcodes\/)/.test(path), path).toBe(true);
    }
    for (const personal of ['Sam Jones', 'sam@example.org', '07700900123', 'I use a wheelchair']) {
      expect(kept.filter((f) => f.body.includes(personal)).map((f) => f.path), personal).toEqual([]);
    }
  } finally {
    // The page stays offline until it closes, so the waiting referral is
    // never sent to the receiver other tests are counting on.
    await site.stop();
    await site.remove();
  }
});

test('a new release is picked up on the next visit, without breaking a journey in progress', async ({ browser }) => {
  const site = await serveCopy(8098);
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    await first.goto(`${site.origin}/`);
    await expect(serviceName(first, 'Waymark')).toBeVisible();
    await keptOffline(first);
    await first.getByRole('button', { name: 'Start now' }).click();
    await first.getByLabel('No', { exact: true }).check();
    await continueButton(first).click();

    // Release 2 changes the words; the project's own step lists it for the worker.
    const words = join(site.dir, 'locales/en.json');
    await writeFile(words, (await readFile(words, 'utf8')).replace('"Waymark"', '"Waymark Somerset"'));
    execFileSync('cargo', ['xtask', 'offline', site.dir], { cwd: repository, stdio: 'pipe' });
    const release2 = (await readFile(join(site.dir, 'sw.js'), 'utf8')).match(/version: '(\w+)'/)[1];

    // Another visit finds the release and fetches it in the background.
    const second = await context.newPage();
    await second.goto(`${site.origin}/`);
    await expect(serviceName(second, 'Waymark')).toBeVisible();
    await expect
      .poll(() => second.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), {
        timeout: 15_000,
      })
      .toBe(true);

    // The journey in progress goes on in release 1, even to a module it fetches only now.
    await first.getByLabel('Getting more active').check();
    await continueButton(first).click();
    await expect(first.getByRole('heading', { level: 1, name: 'What matters to you?' })).toBeVisible();
    await continueButton(first).click();
    await first.getByLabel('Me', { exact: true }).check();
    await continueButton(first).click();
    await first.getByRole('button', { name: 'See suggestions' }).click();
    await first.getByRole('link', { name: WALK }).click();
    await first.getByRole('button', { name: 'Ask to join' }).click();
    await expect(first.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
    await expect(serviceName(first, 'Waymark')).toBeVisible();

    // Once no page of release 1 is open, release 2 takes over: the next visit shows it.
    await first.close();
    await second.close();
    await expect
      .poll(
        async () => {
          for (const worker of context.serviceWorkers()) {
            const state = await worker
              .evaluate(() => [BUILD.version, self.serviceWorker.state])
              .catch(() => []);
            if (state[0] === release2 && state[1] === 'activated') return true;
          }
          return false;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const next = await context.newPage();
    await next.goto(`${site.origin}/`);
    await expect(serviceName(next, 'Waymark Somerset')).toBeVisible();
  } finally {
    await context.close();
    await site.stop();
    await site.remove();
  }
});
