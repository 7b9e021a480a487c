// GitHub Pages, which sends no headers of a site's own, with the build's
// policy written into every page as a meta element (deploy/github-pages.sh):
// in force before the inline stylesheet and any script, enforced, and the
// journey working under it: a referral arriving once, an address with no
// page drawn by the app from 404.html, and pages offline from the worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, waitForPage } from '../support/fixtures.js';
import { fillReferral, sendAndFindReceived, startReferral } from '../support/journey.js';
import { RECEIVER } from '../support/real-hosts.mjs';

const dist = process.env.WAYMARK_DIST;
const WALK = 'cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3';
const built = readFileSync(join(dist, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];
// The build's policy as the script writes it: without frame-ancestors (a meta
// element cannot carry it), connect-src narrowed to the referral endpoint.
const policy = built.replace(/; frame-ancestors [^;]*/, '').replace(/connect-src [^;]*/, `connect-src 'self' ${RECEIVER}`);

test('every page carries the build’s policy first in its head, and the host sends none', async ({ request }) => {
  expect(policy).not.toContain('frame-ancestors');
  expect(policy).toContain("style-src 'self' 'sha256-");
  for (const path of ['/', '/results', `/group/${WALK}`, '/help', '/inbox', '/group/not-in-the-sample']) {
    const response = await request.get(path);
    expect(response.headers()['content-security-policy'], path).toBeUndefined();
    const html = await response.text();
    // Straight after the charset: before the inline stylesheet and every script.
    const meta = html.match(/<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    expect(meta?.[1], path).toBe(policy);
  }
  expect((await request.get('/group/not-in-the-sample')).status(), 'GitHub Pages answers 404.html').toBe(404);
});

test.describe('the policy in the page', () => {
  // One pattern: a list of two would be read as a value and its fixture options.
  test.use({ expectedProblems: [/CSP violation: ((script|style)-src-elem blocked inline|connect-src blocked https:\/\/example\.org)/] });

  test('is enforced: no inline script or style, no request to another site', async ({ page }) => {
    await page.goto('/');
    await waitForPage(page);
    const tried = await page.evaluate(async () => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { color: rgb(255, 0, 0) !important }';
      document.head.append(style);
      await fetch('https://example.org/', { mode: 'no-cors' }).catch(() => null);
      await new Promise((done) => setTimeout(done, 200));
      return { ran: window.injected === true, color: getComputedStyle(document.body).color, seen: seen.sort() };
    });
    // The page's own stylesheet applies (allowed by its hash); nothing injected does.
    expect(tried).toEqual({ ran: false, color: 'rgb(33, 43, 50)', seen: ['connect-src', 'script-src-elem', 'style-src-elem'] });
  });
});

test('a referral arrives exactly once, through the narrowed connect-src', async ({ page, request, baseURL }) => {
  await startReferral(page);
  await fillReferral(page);
  const mine = await sendAndFindReceived(page, request, baseURL);
  expect(mine).toHaveLength(1);
  expect(mine[0].status).toBe(201);
});

test('an address with no page is drawn by the app, from 404.html', async ({ page }) => {
  const response = await page.goto('/group/255_-11~not-in-the-sample');
  expect(response.status()).toBe(404);
  await waitForPage(page);
  // The app's own page for a group it does not know: the app ran.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('after one visit, pages come offline from the service worker, under the same policy', async ({ page }) => {
  await page.goto('/');
  await waitForPage(page);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 })
    .toBe(true);
  await page.context().setOffline(true);
  await page.goto('/help');
  await waitForPage(page);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', policy);
  await page.context().setOffline(false);
});
