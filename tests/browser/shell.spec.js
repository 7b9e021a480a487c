// The app shell: every route opens with its heading, urgent help and quick
// exit, passes axe-core at phone and desktop widths and at 200% text, and
// never talks to another origin.
import { createHash } from 'node:crypto';
import { test, expect, expectAccessible, waitForPage, doubleTextSize } from '../support/fixtures.js';

const routes = [
  ['/', 'Find support near you'],
  ['/check', 'Do you need urgent help right now?'],
  ['/results', 'Support near you'],
  ['/refer', 'What you are asking for'],
  ['/help', 'Get help now'],
  ['/privacy', 'Privacy'],
  ['/accessibility', 'Accessibility statement'],
  ['/credits', 'Credits'],
  ['/no-such-page', 'Page not found'],
];

for (const [path, heading] of routes) {
  test(`${path} shows its page with urgent help and quick exit, accessibly`, async ({ page, requests, baseURL }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle(`${heading} – Waymark`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Need help now?' })).toBeVisible();
    await expect(banner.getByRole('button', { name: /Exit this page/ })).toBeVisible();
    const footer = page.getByRole('contentinfo');
    for (const name of ['Privacy', 'Accessibility statement', 'Credits']) {
      await expect(footer.getByRole('link', { name })).toBeVisible();
    }
    await expectAccessible(page, `${path} at desktop width`);

    await page.setViewportSize({ width: 320, height: 640 });
    await expectAccessible(page, `${path} at 320px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, 'no sideways scrolling at 320px').toBeLessThanOrEqual(320);

    await doubleTextSize(page);
    await expectAccessible(page, `${path} at 320px and 200% text`);
    const overflowLarge = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflowLarge, 'no sideways scrolling at 200% text').toBeLessThanOrEqual(320);

    const foreign = requests.filter((url) => !url.startsWith(baseURL));
    expect(foreign, 'no request may leave for another origin').toEqual([]);
    expect(await page.context().cookies(), 'no cookies').toEqual([]);
  });
}

test('the group route opens for any id', async ({ page }) => {
  await page.goto('/group/walking-for-health-taunton');
  await waitForPage(page);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Need help now?' })).toBeVisible();
  await expectAccessible(page);
});

test('the start page says it is not for emergencies and when to expect a reply', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('This service is not for emergencies').first()).toBeVisible();
  await expect(page.getByText(/aims to reply within 5 working days/)).toBeVisible();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page).toHaveURL(/\/check\/safety$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('urgent help works with the network cut once the widget has loaded', async ({ page }) => {
  await page.goto('/');
  await waitForPage(page);
  await page.context().setOffline(true);
  await page.getByRole('banner').getByRole('link', { name: 'Need help now?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
  await expect(page.getByRole('link', { name: 'Call NHS 111, then choose option 2' })).toHaveAttribute('href', 'tel:111');
  await expect(page.getByRole('link', { name: 'Call Samaritans on 116 123' })).toHaveAttribute('href', 'tel:116123');
  await expect(page.getByRole('link', { name: 'Text SHOUT to 85258' })).toHaveAttribute('href', /^sms:85258/);
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await page.goto('/privacy');
  await waitForPage(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the credits carry the Ordnance Survey, Royal Mail and ONS attribution', async ({ page }) => {
  await page.goto('/credits');
  for (const line of [
    'Contains Ordnance Survey data © Crown copyright and database right 2025',
    'Contains Royal Mail data © Royal Mail copyright and database right 2025',
    'Contains National Statistics data © Crown copyright and database right 2025',
  ]) {
    await expect(page.getByText(line, { exact: true })).toBeVisible();
  }
  await expect(page.getByText(/covers Great Britain only/)).toBeVisible();
});

test('the privacy notice names the organisation from the config', async ({ page }) => {
  await page.goto('/privacy?config=/__fixtures/config-themed.json');
  await expect(page.getByText(/This service is run by Frome Friends Network/)).toBeVisible();
});

test('config colours become the page theme', async ({ page }) => {
  await page.goto('/?config=/__fixtures/config-themed.json');
  await waitForPage(page);
  const primary = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--wm-color-primary').trim(),
  );
  expect(primary).toBe('#330072');
});

test('the widget runs under the strict Content-Security-Policy of public/_headers', async ({ page }) => {
  // Every browser test runs under this policy, with a listener that fails the
  // test on any violation (support/fixtures.js); this one checks the policy
  // really is strict, and that the theme still applies under it.
  const response = await page.goto('/?config=/__fixtures/config-themed.json');
  const policy = response.headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("style-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
  await expect(page.getByRole('heading', { level: 1, name: 'Find support near you' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toHaveCSS('border-top-color', 'rgb(51, 0, 114)');
  expect(await page.locator('script:not([src])').count(), 'no inline scripts').toBe(0);
  expect(await page.locator('[style]:not(html):not(body)').count(), 'no style attributes').toBe(0);
  // One <style>: the stylesheet, inlined at build time, allowed by its hash alone.
  const styles = await page.locator('style').allTextContents();
  expect(styles.length, 'only the inlined stylesheet').toBeLessThanOrEqual(1);
  for (const css of styles) {
    const hash = createHash('sha256').update(css).digest('base64');
    expect(policy, 'the policy allows the inlined stylesheet by its hash, and no other').toContain(`style-src 'self' 'sha256-${hash}';`);
  }
});

