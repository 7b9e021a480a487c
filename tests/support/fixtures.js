// Shared helpers: an isolated browser context per test (axe-core needs a page
// from browser.newContext()), an accessibility check, and a record of every
// request so tests can prove nothing leaves for another origin.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  requests: async ({}, use) => {
    await use([]);
  },
  page: async ({ browser, baseURL, requests }, use) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) problems.push(m.text());
    });
    await use(page);
    await context.close();
    expect(problems, 'the widget must never panic or throw').toEqual([]);
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

/** Waits until the widget has replaced its loading message with a page heading. */
export async function waitForPage(page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
