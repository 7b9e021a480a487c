// Group and peer-mentor pages: everything a person needs to judge a group,
// asking to join, the shortlist, and handing a page to a phone by QR code.
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { checkStraightToSuggestions, tabTo, touchToStart } from '../support/journey.js';

/** The value (definition) beside `term` in the group's summary list. */
const row = (page, term) => page.locator(`xpath=//dt[normalize-space()="${term}"]/following-sibling::dd[1]`);

test('a group page shows every detail, in plain words', async ({ page }) => {
  await checkStraightToSuggestions(page, ['Getting more active']);
  await page.getByRole('link', { name: 'Taunton Riverside Health Walk' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Taunton Riverside Health Walk' })).toBeVisible();
  await expect(page.getByText('Walking for Wellbeing Somerset (sample)').first()).toBeVisible();
  await expect(page).toHaveURL(/\/group\/[0-9a-f-]+$/);
  await expect(row(page, 'What happens at a first session')).not.toBeEmpty();
  await expect(row(page, 'Who it is for')).toContainText('Ages 18 and over');
  await expect(row(page, 'When')).toHaveText('Tuesdays, 10am to 11:30am');
  await expect(row(page, 'Where')).toContainText('Vivary Park bandstand');
  await expect(row(page, 'Where')).toContainText('TA1 1BD');
  const directions = page.getByRole('link', { name: 'Get directions to Taunton Riverside Health Walk' });
  await expect(directions).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/directions\?to=51\.01289%2C-3\.10859$/);
  await expect(row(page, 'Cost')).toHaveText('Free');
  await expect(row(page, 'Accessibility')).toContainText('Step-free access');
  await expect(row(page, 'Languages')).toHaveText('English');
  await expect(page.getByRole('link', { name: '01823 961168' })).toHaveAttribute('href', 'tel:01823961168');
  await expect(row(page, 'Listing last checked')).toHaveText('14 October 2026');
  await expectAccessible(page, 'group page');

  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Taunton Riverside Health Walk' })).toBeVisible();
  await expectAccessible(page, 'refer page');
});

test('a peer-mentor scheme lists its mentors, and a person can ask for one', async ({ page }) => {
  await checkStraightToSuggestions(page, ['Living with or after cancer']);
  await page.getByRole('link', { name: 'Side by Side: cancer peer support' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Peer mentors' })).toBeVisible();
  for (const name of ['Janet', 'Sam', 'Rukhsana']) {
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  const janet = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Janet' }) });
  await expect(janet).toContainText('Lived experience: Had treatment for breast cancer five years ago.');
  await expect(janet).toContainText('Interests:');
  await expect(janet).toContainText('Languages:');
  await expect(janet).toContainText('Available:');
  await expect(page.getByRole('button', { name: 'Ask for a mentor' })).toBeVisible();
  await expectAccessible(page, 'mentor scheme page');

  await page.getByRole('button', { name: 'Ask to be matched with Sam' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
  await expect(page.getByText('Side by Side: cancer peer support, with Sam as your mentor if possible')).toBeVisible();
});

test('the QR code on a group page opens the same page', async ({ page }) => {
  await checkStraightToSuggestions(page, ['Getting more active']);
  await page.getByRole('link', { name: 'Taunton Riverside Health Walk' }).click();
  await page.getByText('Open this page on your phone').click();
  const code = page.getByRole('img', { name: 'QR code for this page' });
  await expect(code).toBeVisible();
  const png = PNG.sync.read(await code.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(page.url());
  await expectAccessible(page, 'group page with QR code');
});

test('the shortlist keeps saved groups on this device, ready to print', async ({ page }) => {
  await checkStraightToSuggestions(page, ['Getting more active']);
  await page.getByRole('link', { name: 'Taunton Riverside Health Walk' }).click();
  // By keyboard, from the page's heading, where focus is after opening it.
  await expect(page.getByRole('heading', { level: 1, name: 'Taunton Riverside Health Walk' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Save to your shortlist' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Saved to your shortlist.');
  // The button changes its words in place, so keyboard focus stays on it.
  await expect(page.getByRole('button', { name: 'Remove from your shortlist' })).toBeFocused();
  // Only the group's id is kept on the device.
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('waymark:shortlist')));
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatch(/^[0-9a-f-]+$/);

  await page.getByRole('link', { name: 'Back to the list of groups' }).click();
  await page.getByRole('link', { name: 'Your shortlist (1)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your shortlist' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Taunton Riverside Health Walk' })).toBeVisible();
  await expect(page.getByText('Tuesdays, 10am to 11:30am')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print your shortlist' })).toBeVisible();
  await expectAccessible(page, 'shortlist');

  // Still there after the browser is reopened on this device.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Taunton Riverside Health Walk' })).toBeVisible();
  // The print version leaves out buttons and links back.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print your shortlist' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Taunton Riverside Health Walk' })).toBeVisible();
});

test('an unknown group says so', async ({ page }) => {
  await page.goto('/group/no-such-group');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText(/not in the directory/)).toBeVisible();
});

test('on a kiosk the shortlist is never written to the browser', async ({ page }) => {
  await page.goto('/group/cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3?config=/__fixtures/config-kiosk.json');
  await touchToStart(page);
  await page.getByRole('button', { name: 'Save to your shortlist' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved to your shortlist.');
  await page.getByRole('link', { name: 'Back to the list of groups' }).click();
  await page.getByRole('link', { name: 'Your shortlist (1)' }).click();
  await expect(page.getByText('On this screen your shortlist is not kept.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Taunton Riverside Health Walk' })).toBeVisible();
  const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length]);
  expect(stored).toEqual([0, 0]);
});
