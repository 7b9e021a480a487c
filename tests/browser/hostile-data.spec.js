// Directory files come from third parties. Whatever is in them (characters
// from other scripts where a day code belongs, negative or impossible
// prices, places off the map, links that smuggle in extra recipients or
// scripts), the widget keeps working for the person: a strange value is
// skipped or shown as written, and the page never dies.
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { checkToSuggestions, searchNear } from '../support/journey.js';

const HOSTILE = '/?config=/__fixtures/config-hostile.json';
const row = (page, term) => page.locator(`xpath=//dt[normalize-space()="${term}"]/following-sibling::dd[1]`);

test('a hostile directory still lists, filters and shows its groups', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a script from the directory ran: ${dialog.message()}`);
  });
  await checkToSuggestions(page, ['Getting more active'], HOSTILE);
  await searchNear(page, 'TA1 2BX');
  const results = page.getByRole('main');
  await expect(results.getByRole('link', { name: 'Euro Day Walk' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Plain Walk' })).toBeVisible();
  await expect(results.getByRole('link', { name: /<script>alert\(1\)<\/script>/ })).toBeVisible();
  await expectAccessible(page, 'results from a hostile directory');

  // "Open now" reads every schedule, the broken ones included.
  await page.getByLabel('Open now').check();
  await expect(results.getByRole('link', { name: 'Plain Walk' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Euro Day Walk' })).toHaveCount(0);
  await page.getByLabel('Open now').uncheck();

  await results.getByRole('link', { name: 'Euro Day Walk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Euro Day Walk' })).toBeVisible();
  // A day code that cannot be read is shown as the publisher described it.
  await expect(row(page, 'When')).toContainText('Every € day');
  // Impossible prices are not shown as prices.
  await expect(row(page, 'Cost')).not.toContainText('£-');
  await expect(row(page, 'Cost')).not.toContainText('£1000000');
  // An email with a query string is shown, but is not a link that could add
  // recipients or words to the person's email; nor is a script link.
  await expect(page.getByText('walk@example.org?cc=someone@evil.example&body=hello')).toBeVisible();
  await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator('a[href^="tel:"]').filter({ hasText: 'ＴＷＯ' })).toHaveCount(0);
  await expectAccessible(page, 'a hostile group page');

  await page.goBack();
  await page.getByRole('main').getByRole('link', { name: /<script>/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /<script>alert\(1\)<\/script>/ })).toBeVisible();
  await expectAccessible(page, 'a group page with bidi controls and a 60,000-character description');
});
