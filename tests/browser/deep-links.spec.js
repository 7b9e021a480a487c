// Every address a person can land on: a link shared from a phone, a kiosk's
// QR code, a reload. Each paints its own content before the widget's code
// runs, holds still when the app takes over, keeps the results page's
// search across reload, Back and Forward, and a first visit fetches no file
// twice, the service worker's install included.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectAccessible, waitForPage } from '../support/fixtures.js';
import { checkToSuggestions, searchNear } from '../support/journey.js';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '../..');
const dist = resolve(process.env.WAYMARK_DIST || join(repository, 'dist'));
const sample = JSON.parse(await readFile(join(dist, 'data/somerset-sample.json'), 'utf8'));
const walk = sample.services.find((s) => s.name === 'Taunton Riverside Health Walk');

/** The pages a person can land on, with the heading each shows. */
const landings = [
  ['/', 'Find support near you'],
  ['/results', 'Support near you'],
  [`/group/${walk.id}`, walk.name],
  ['/check/safety', 'Do you need urgent help right now?'],
  ['/check/topics', 'What would you like help with?'],
  // With no answers yet, "Check your answers" starts the check.
  ['/check-answers', 'Do you need urgent help right now?'],
  ['/shortlist', 'Your shortlist'],
  ['/refer', 'What you are asking for'],
  ['/help', 'Get help now'],
  ['/privacy', 'Privacy'],
  ['/accessibility', 'Accessibility statement'],
  ['/credits', 'Credits'],
];

test('each address paints its own page with no code at all, urgent help and quick exit included', async ({ browser, baseURL }) => {
  // No JavaScript: what a person sees before the wasm arrives, or if it never does.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const [address, heading] of landings) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 }), address).toHaveText(heading);
      await expect(page.getByRole('banner').getByRole('link', { name: 'Need help now?' }), address).toHaveAttribute('href', '/help');
      await expect(page.getByRole('button', { name: /Exit this page/ }), address).toBeVisible();
      await expect(page.getByText('Loading…'), address).toHaveCount(0);
    }
    // A group page says what matters before the code runs: where and when, and how to get in touch.
    await page.goto(`/group/${walk.id}`);
    await expect(page.getByRole('main')).toContainText('Taunton');
    // An address with no page of its own gets the plain shell, which the app draws.
    const unknown = await (await page.request.get('/group/no-such-group')).text();
    expect(unknown).toContain('Loading…');
    expect(unknown).not.toContain(walk.name);
  } finally {
    await context.close();
  }
});

/** A copy of the static server of its own on `port`, with extra settings; stopped by `stop()`. */
async function ownServer(port, env) {
  const server = spawn('node', [join(repository, 'tests/support/static-server.mjs'), String(port)], {
    env: { ...process.env, WAYMARK_DIST: dist, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready) => server.stdout.once('data', ready));
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

test('before the code runs, Exit this page and Esc already leave, and a form sends nothing to the server', async ({ browser }) => {
  // A server whose code takes 20 seconds to arrive: what a person on a very slow line has until then.
  const server = await ownServer(8098, { WAYMARK_SLOW_WASM_MS: '20000', WAYMARK_LOG_REQUESTS: '1' });
  try {
    for (const how of ['button', 'Escape key']) {
      const context = await browser.newContext({ baseURL: server.origin });
      const page = await context.newPage();
      try {
        await page.goto('/__fixtures/neutral.html');
        await page.evaluate(() => localStorage.setItem('waymark:shortlist', '["a"]'));
        await page.goto('/results');
        // Typing a postcode and pressing Enter in the written page goes nowhere.
        await page.getByLabel('Your postcode').fill('TA1 2BX');
        await page.getByLabel('Your postcode').press('Enter');
        await page.waitForTimeout(300);
        const asked = await (await context.request.get(`${server.origin}/__requests`)).json();
        expect(asked.filter((path) => path.includes('TA1')), 'the postcode never reaches the server').toEqual([]);
        expect(new URL(page.url()).search).toBe('');
        // The build's exit address is another site, which this closed network refuses: asking for it is leaving.
        const leaving = page.waitForRequest((r) => r.isNavigationRequest() && !r.url().startsWith(server.origin));
        if (how === 'button') await page.getByRole('button', { name: /Exit this page/ }).click();
        else await page.keyboard.press('Escape');
        await leaving;
        const after = await context.newPage();
        await after.goto('/__fixtures/neutral.html');
        expect(await after.evaluate(() => Object.keys(localStorage)), how).toEqual([]);
      } finally {
        await context.close();
      }
    }
  } finally {
    server.stop();
  }
});

test('a deep link fetches the directory beside the code, and the app takes over without moving anything', async ({ browser, baseURL }) => {
  for (const address of ['/results', `/group/${walk.id}`, '/help']) {
    // A first visit each time: nothing in the browser's cache.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    // Requests asked for and answered, in the order they happened.
    const events = [];
    page.on('request', (r) => events.push(`asked ${new URL(r.url()).pathname}`));
    page.on('requestfinished', (r) => events.push(`answered ${new URL(r.url()).pathname}`));
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    try {
      await page.goto(address);
      await waitForPage(page);
      // Two frames after the app has drawn, every shift it caused has been counted.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const shifted = await page.evaluate(() => window.__shifts);
      expect(shifted, `layout shift on ${address}`).toBeLessThan(0.1);
      if (address !== '/help') {
        // Preloaded by the page itself: asked for while the code is still arriving, and once.
        const directory = events.filter((e) => e === 'asked /data/somerset-sample.json');
        const codeArrived = events.findIndex((e) => /^answered .*_bg\.wasm$/.test(e));
        expect(directory, `${address} fetches the directory once`).toHaveLength(1);
        expect(events.indexOf(directory[0]), `${address}: the directory is asked for before the code has arrived`).toBeLessThan(codeArrived);
      }
      await expectAccessible(page, address);
    } finally {
      await context.close();
    }
  }
});

test('the results page keeps its search across reload, Back and Forward, and quick exit clears it', async ({ page }) => {
  // A config whose "Exit this page" goes to a neutral page on this test server.
  await checkToSuggestions(page, ['Getting more active'], '/?config=/__fixtures/config-exit.json');
  await searchNear(page, 'TA1 2BX');
  const near = page.getByText(/Showing groups near TA1 2BX/);
  await expect(near).toBeVisible();
  // The postcode stays on the device: with the history entry, never in the address.
  expect(page.url()).not.toMatch(/TA1/);
  expect(await page.evaluate(() => history.state)).toMatch(/^#near=TA1%202BX&in=[0-9a-f]+$/);
  const group = page.getByRole('heading', { level: 1, name: walk.name });

  await page.reload();
  await waitForPage(page);
  await expect(near).toBeVisible();
  await expect(page.getByLabel('Your postcode')).toHaveValue('TA1 2BX');

  await page.getByRole('link', { name: walk.name }).click();
  await expect(group).toBeVisible();
  await page.goBack();
  await expect(near).toBeVisible();
  await page.goForward();
  await expect(group).toBeVisible();
  // Back after a reload of the group page: the results are drawn afresh from the address.
  await page.reload();
  await waitForPage(page);
  await page.goBack();
  await waitForPage(page);
  await expect(near).toBeVisible();
  await expectAccessible(page, 'results after Back');

  // Exit this page, then Back to the results' address: the search is not followed.
  await page.getByRole('link', { name: walk.name }).click();
  await expect(group).toBeVisible();
  await page.getByRole('button', { name: /Exit this page/ }).click();
  await expect(page).toHaveURL(/neutral\.html$/);
  await page.goBack();
  await waitForPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support near you');
  await expect(page.getByLabel('Your postcode')).toHaveValue('');
  await expect(near).toHaveCount(0);
});

test('a first visit from the start to a group fetches no file twice, the service worker included', async ({ browser }) => {
  const server = await ownServer(8099, { WAYMARK_LOG_REQUESTS: '1' });
  const { origin } = server;
  const context = await browser.newContext({ baseURL: origin });
  try {
    const page = await context.newPage();
    // Once the app has taken over (a link followed before then is a page load of its own).
    await page.goto('/');
    await waitForPage(page);
    await checkToSuggestions(page, ['Getting more active'], null);
    await searchNear(page, 'TA1 2BX');
    await page.getByRole('link', { name: walk.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: walk.name })).toBeVisible();
    // The worker has installed and kept its copy.
    await expect
      .poll(() => page.evaluate(async () => Boolean(navigator.serviceWorker.controller) && (await caches.keys()).length > 1), { timeout: 15_000 })
      .toBe(true);
    const fetched = await (await context.request.get(`${origin}/__requests`)).json();
    const twice = fetched.filter((path, i) => fetched.indexOf(path) !== i);
    expect(twice, `fetched more than once: ${fetched.join(', ')}`).toEqual([]);
    expect(fetched).toEqual(expect.arrayContaining(['/', '/data/somerset-sample.json', '/postcodes/TA.txt', '/sw.js']));
  } finally {
    await context.close();
    server.stop();
  }
});
