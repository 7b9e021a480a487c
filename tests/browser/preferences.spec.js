// The person's own settings: the text size control in the footer, and the
// browser's contrast, forced-colours and reduced-motion preferences.
import { test, expect, expectAccessible, waitForPage } from '../support/fixtures.js';
import { touchToStart } from '../support/journey.js';

const fontSize = (locator) => locator.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

test('the text size control makes all the text larger, works by keyboard and is remembered', async ({ page }) => {
  await page.goto('/');
  await waitForPage(page);
  const sizes = page.getByRole('group', { name: 'Text size' });
  const standard = sizes.getByRole('button', { name: 'Standard' });
  const larger = sizes.getByRole('button', { name: 'Larger' });
  const heading = page.getByRole('heading', { level: 1 });
  await expect(standard).toHaveAttribute('aria-pressed', 'true');
  const before = await fontSize(heading);

  await larger.focus();
  await page.keyboard.press('Enter');
  await expect(larger).toHaveAttribute('aria-pressed', 'true');
  await expect(standard).toHaveAttribute('aria-pressed', 'false');
  await expect(larger).toBeFocused();
  expect(await fontSize(heading)).toBeCloseTo(before * 1.5, 0);
  expect(await page.evaluate(() => localStorage.getItem('waymark:text-size'))).toBe('"larger"');

  // Still larger on the next visit, and still fits a 320px screen.
  await page.reload();
  await waitForPage(page);
  await expect(larger).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize(heading)).toBeCloseTo(before * 1.5, 0);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(heading).toHaveText(/urgent help/i);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page, 'larger text at 320px');

  await sizes.getByRole('button', { name: 'Standard' }).click();
  await expect(standard).toHaveAttribute('aria-pressed', 'true');
});

test('on a kiosk the chosen text size is used but not kept', async ({ page }) => {
  await page.goto('/?mode=kiosk');
  await touchToStart(page);
  const heading = page.getByRole('heading', { level: 1 });
  const before = await fontSize(heading);
  await page.getByRole('group', { name: 'Text size' }).getByRole('button', { name: 'Large', exact: true }).click();
  expect(await fontSize(heading)).toBeCloseTo(before * 1.25, 0);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test('with more contrast asked for, quieter text and borders turn dark', async ({ page }) => {
  await page.goto('/');
  await waitForPage(page);
  const note = page.locator('.wm-footer__note');
  await expect(note).not.toHaveCSS('color', 'rgb(33, 43, 50)');
  await page.emulateMedia({ contrast: 'more' });
  await expect(note).toHaveCSS('color', 'rgb(33, 43, 50)');
  await expectAccessible(page, 'more contrast');
});

test('with forced colours the buttons keep a visible edge, and nothing moves with reduced motion', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto('/');
  await waitForPage(page);
  const option = page.getByRole('button', { name: 'Larger' });
  await expect(option).toHaveCSS('border-top-style', 'solid');
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((e) => {
      const style = getComputedStyle(e);
      return style.animationName !== 'none' || parseFloat(style.transitionDuration) > 0;
    }).length,
  );
  expect(moving).toBe(0);
  await expectAccessible(page, 'forced colours');
});
