// The last line of defence: if the widget's code cannot start (or the
// widget stops), the page still gives the urgent-help numbers instead of a
// "Loading…" that never ends. The page is index.html's own #waymark-stopped
// template, shown by boot.js here and by the widget's panic hook otherwise.
import { test, expect, expectAccessible } from '../support/fixtures.js';

const NO_CODE = 'http://127.0.0.1:8094';

test.use({ expectedProblems: [/Waymark stopped: it could not start/] });

test('a widget whose code cannot be fetched still gives the urgent-help numbers', async ({ page }) => {
  await page.goto(`${NO_CODE}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sorry, this service has stopped working' })).toBeVisible();
  await expect(page.getByText('Nothing you entered has been sent.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'call 999' })).toHaveAttribute('href', 'tel:999');
  await expect(page.getByRole('link', { name: 'call Samaritans on 116 123' })).toHaveAttribute('href', 'tel:116123');
  await expect(page.getByRole('link', { name: 'text SHOUT to 85258' })).toHaveAttribute('href', 'sms:85258?body=SHOUT');
  await expect(page.getByText('Loading…')).toBeHidden();
  await expectAccessible(page, 'stopped page');
});
