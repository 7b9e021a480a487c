// The sample directory: suggestions list groups that fit, and a group or
// mentor-scheme page shows what a person needs to judge it.
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { checkStraightToSuggestions } from '../support/journey.js';

test('suggestions list groups that fit, and a group page shows every detail', async ({ page }) => {
  await checkStraightToSuggestions(page, ['Getting more active']);

  await expect(page.getByRole('heading', { level: 2, name: 'Groups and peer support that fit' })).toBeVisible();
  const groups = page.getByRole('heading', { level: 3 });
  expect(await groups.count()).toBeGreaterThan(5);
  await expect(page.getByRole('link', { name: 'Money and Benefits Drop-in, Taunton' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Taunton Riverside Health Walk' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Taunton Riverside Health Walk' })).toBeVisible();
  await expect(page).toHaveURL(/\/group\/[0-9a-f-]+$/);
  for (const term of ['What happens at a first session', 'Who it is for', 'When', 'Where', 'Cost', 'Accessibility', 'Languages', 'How to get in touch', 'Listing last checked']) {
    await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(page.getByText('Tuesdays, 10:00 to 11:30')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Free$/ })).toBeVisible();
  await expectAccessible(page, 'group page');
});

test('a peer-mentor scheme lists its mentors by first name', async ({ page }) => {
  await checkStraightToSuggestions(page, ['Living with or after cancer']);
  await page.getByRole('link', { name: 'Side by Side: cancer peer support' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Peer mentors' })).toBeVisible();
  for (const name of ['Janet', 'Sam', 'Rukhsana']) {
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  await expect(page.getByText('Had treatment for breast cancer five years ago.')).toBeVisible();
  await expectAccessible(page, 'mentor scheme page');
});

test('an unknown group says so', async ({ page }) => {
  await page.goto('/group/no-such-group');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText(/not in the directory/)).toBeVisible();
});
