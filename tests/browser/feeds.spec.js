// A real deployment's directory: a Kendal feed shaped like a council's Open
// Referral UK 3.0 file, with no `waymark:` terms, only its own taxonomy
// ("Loneliness" in a `needs` taxonomy, "Carers' groups", esd CURIEs,
// OpenActive activities). It is imported through `cargo xtask import` before
// the tests run (support/import-feeds.mjs), as a deployer would.
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { checkToSuggestions, searchNear, tabTo } from '../support/journey.js';

const KENDAL = '/?config=/__fixtures/config-kendal.json';

const matching = (page) => page.getByRole('list', { name: /match/ }).getByRole('heading', { level: 3 });
const others = (page) => page.getByRole('list', { name: 'Other groups near you' }).getByRole('heading', { level: 3 });

test('a carer near a carers\' group sees it first', async ({ page }) => {
  await checkToSuggestions(page, ['Looking after someone'], KENDAL);
  await searchNear(page, 'LA9 4DT');
  await expect(matching(page).first()).toHaveText('South Lakes Carers Group');
  // The Lancaster cafe is tagged only with the feed's own "Carers' groups".
  await expect(matching(page).filter({ hasText: 'Lancaster Carers Cafe' })).toHaveCount(1);
  await expectAccessible(page, 'carer near Kendal');
});

test('a lonely person near a befriending service sees it in the top three', async ({ page }) => {
  const logged = [];
  page.on('console', (m) => logged.push(m.text()));
  await checkToSuggestions(page, ['Meeting people or feeling less lonely'], KENDAL);
  await searchNear(page, 'LA9 4DT');
  await expect(matching(page).first()).toBeVisible();
  const top = (await matching(page).allTextContents()).slice(0, 3);
  expect(top).toContain('Telephone Befriending');
  // No longer running, so never listed.
  await expect(page.getByText('Closed Knitting Circle')).toHaveCount(0);
  // The deployer's summary, in the browser's console, of what the directory holds.
  expect(logged).toContainEqual(
    expect.stringMatching(/kendal\/directory\.json: 9 services to show; 0 hidden as not active; 0 skipped; 0 with no place/),
  );
});

test('lonely and wanting to get active finds groups tagged only with the feed\'s own needs', async ({ page }) => {
  await checkToSuggestions(page, ['Meeting people or feeling less lonely', 'Getting more active'], KENDAL);
  await searchNear(page, 'LA9 4DT');
  const names = async () => matching(page).allTextContents();
  await expect(matching(page).first()).toBeVisible();
  for (const name of ['Kendal Library Coffee Morning', 'Riverside Walk and Talk', 'Kendal Seated Exercise']) {
    expect(await names()).toContain(name);
  }
  expect(await names()).not.toContain('Money Matters Drop-in');
  await expect(page.getByText(/Try removing a filter/)).toHaveCount(0);
});

test('a need nothing fits still shows the nearest services, and no filter message', async ({ page }) => {
  await checkToSuggestions(page, ['Living with or after cancer'], KENDAL);
  await searchNear(page, 'LA9 4DT');
  await expect(page.getByRole('status')).toHaveText('No groups or services match what you told us.');
  await expect(page.getByRole('heading', { level: 2, name: 'Other groups near you' })).toBeVisible();
  await expect(page.getByText(/may not be what you asked for/)).toBeVisible();
  await expect(others(page).first()).toBeVisible();
  expect(await others(page).count()).toBeGreaterThanOrEqual(5);
  // Nearest first: the Lancaster cafe, 20 miles away, is last.
  const listed = await others(page).allTextContents();
  expect(listed.at(-1)).toBe('Lancaster Carers Cafe');
  await expect(page.getByText(/Try removing a filter/)).toHaveCount(0);
  await expectAccessible(page, 'nothing fits: other groups near you');

  // With a filter on that nothing passes, the filter message appears.
  await page.getByLabel('Online or by phone only').check();
  await page.getByLabel('Free only').check();
  await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Sundays' });
  await expect(page.getByRole('status')).toHaveText('Nothing matches all of your choices. Try removing a filter.');
  await expect(page.getByText('Filter (3 on)')).toBeVisible();
});

test('on a phone the groups come first: filters wait behind a Filter control that counts them', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await checkToSuggestions(page, ['Meeting people or feeling less lonely', 'Getting more active'], KENDAL);
  await searchNear(page, 'LA9 4DT');
  await expect(matching(page).first()).toBeVisible();
  // The filters are folded away, and the reasons too, so the first group is near the top.
  await expect(page.getByLabel('Free only')).toBeHidden();
  await expect(page.getByText('You said you would like to get more active.')).toBeHidden();
  const toggle = page.getByText('Filter', { exact: true });
  await expect(toggle).toBeVisible();
  // Before, the first group came after two screens of reasons and seven
  // filters. Now "Groups near you" starts about a screen down (under the
  // language control, the header and the short suggestions), and after a
  // search the count and the first group are in view.
  const groupsHeading = page.getByRole('heading', { level: 2, name: 'Groups near you' });
  expect(await groupsHeading.evaluate((el) => el.getBoundingClientRect().top + window.scrollY)).toBeLessThan(1.25 * 740);
  await expect(page.getByRole('status')).toBeInViewport();
  await expect(matching(page).first()).toBeInViewport();
  // By keyboard: open the filters, tick one, and the control says how many are on.
  await tabTo(page, toggle, { backwards: true });
  await page.keyboard.press('Enter');
  await page.getByLabel('Free only').check();
  await expect(page.getByText('Filter (1 on)')).toBeVisible();
  await expectAccessible(page, 'results on a phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
