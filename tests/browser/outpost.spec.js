// A council's FutureGov Outpost feed (Buckinghamshire-shaped fixture pages in
// fixtures/feeds/outpost/), harvested page by page from the test feed server
// through `cargo xtask import` before the tests run (support/import-feeds.mjs),
// as a deployer would, and read by the widget as any other directory.
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { checkToSuggestions, searchNear } from '../support/journey.js';

const BUCKS = '/?config=/__fixtures/config-buckinghamshire.json';

const matching = (page) => page.getByRole('list', { name: /match/ }).getByRole('heading', { level: 3 });
/** The value (definition) beside `term` in the group's summary list. */
const row = (page, term) => page.locator(`xpath=//dt[normalize-space()="${term}"]/following-sibling::dd[1]`);

test('an Outpost walking group is found near an Aylesbury postcode, with its times and cost', async ({ page }) => {
  await checkToSuggestions(page, ['Getting more active'], BUCKS);
  await searchNear(page, 'HP20 1UU');
  // Tagged only with Outpost's own "Staying active" category.
  await expect(matching(page).first()).toHaveText('Vale Park Walk and Talk');
  await expectAccessible(page, 'Outpost groups near Aylesbury');

  await page.getByRole('link', { name: 'Vale Park Walk and Talk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vale Park Walk and Talk' })).toBeVisible();
  await expect(row(page, 'When')).toContainText('Tuesdays');
  await expect(row(page, 'When')).toContainText('Thursdays');
  await expect(row(page, 'When')).toContainText('10am');
  await expect(row(page, 'Cost')).toContainText('£2.50');
  await expect(row(page, 'Where')).toContainText('HP20 1DW');
  // The feed's HTML description is shown as paragraphs, never as tags.
  await expect(page.locator('main')).not.toContainText('<p>');
  await expect(page.locator('main')).not.toContainText('&amp;');
  await expectAccessible(page, 'Outpost group page');
});

test('a carers group whose address Outpost hides shows its area, not a street', async ({ page }) => {
  await checkToSuggestions(page, ['Looking after someone'], BUCKS);
  await searchNear(page, 'HP21 8AL');
  await expect(matching(page).first()).toHaveText('Carers Together Aylesbury');
  await page.getByRole('link', { name: 'Carers Together Aylesbury' }).click();
  await expect(row(page, 'Where')).toContainText('Aylesbury');
  await expect(row(page, 'Where')).toContainText('HP21');
  await expect(row(page, 'Where')).not.toContainText(/HP21 \d/);
  await expect(row(page, 'When')).toContainText('Wednesdays');
  await expect(row(page, 'Cost')).toHaveText('Free');
  const paragraphs = page.locator('main p.wm-body-l');
  expect(await paragraphs.count()).toBeGreaterThanOrEqual(2);
  await expectAccessible(page, 'Outpost group with a hidden address');
});
