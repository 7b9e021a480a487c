// Shared helpers: an isolated browser context per test (axe-core needs a page
// from browser.newContext()), an accessibility check, a record of every
// request so tests can prove nothing leaves for another origin, and a watch
// for anything the strict Content-Security-Policy blocks (the static server
// sends the policy of public/_headers), which fails the test.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  // Errors a test provokes on purpose, as patterns; anything else fails it.
  expectedProblems: [[], { option: true }],
  requests: async ({}, use) => {
    await use([]);
  },
  page: async ({ browser, baseURL, requests, expectedProblems }, use) => {
    const context = await browser.newContext({ baseURL });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /panicked|RuntimeError|unreachable|stopped|CSP violation/.test(m.text())) {
        problems.push(m.text());
      }
    });
    await use(page);
    await context.close();
    const unexpected = problems.filter((p) => !expectedProblems.some((pattern) => pattern.test(p)));
    expect(unexpected, 'the widget must never panic, throw or break its Content-Security-Policy').toEqual([]);
  },
});

export { expect };

/** Fails with a readable list if axe-core finds any WCAG 2.2 A/AA violation. */
export async function expectAccessible(page, label = page.url()) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe-core violations on ${label}`).toEqual([]);
}

/** Waits until the widget has replaced its loading message (on `/`, the start
 *  page written into index.html at build time) with its own page. */
export async function waitForPage(page) {
  await expect(page.locator('#waymark-loading')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Doubles the text size, as a person's own browser setting would. Through
 *  the CSSOM, which the widget's strict Content-Security-Policy allows (an
 *  injected <style> would be blocked). Resolves to a function that undoes it. */
export async function doubleTextSize(page) {
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
  return () => page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
}
