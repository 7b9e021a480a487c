// Finding groups near the person: postcode search, ranking by fit and
// distance, every filter, and the messages for postcodes we cannot place.
// Runs against the fictional Somerset sample directory.
import { test, expect, expectAccessible, doubleTextSize } from '../support/fixtures.js';
import { checkToSuggestions, searchNear, tabTo } from '../support/journey.js';

const LONELY_AND_ACTIVE = ['Meeting people or feeling less lonely', 'Getting more active'];

/** The result cards, in order. */
const cards = (page) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
const count = (page) => page.getByRole('status');

test('TA1 2BX lists Taunton groups first, with how far they are on foot', async ({ page, requests }) => {
  await checkToSuggestions(page, LONELY_AND_ACTIVE);
  await searchNear(page, ' ta12bx ');
  await expect(page.getByText('Showing groups near TA1 2BX, nearest and best fitting first.')).toBeVisible();
  await expect(page.getByText(/measured in a straight line/)).toBeVisible();
  const first = cards(page).first();
  await expect(first.getByRole('heading', { level: 3 })).toHaveText('Taunton Riverside Health Walk');
  await expect(first).toContainText('Taunton');
  await expect(first).toContainText(/1\.\d miles away · about a \d+ minute walk/);
  // A place in another town is a drive, not a walk.
  await expect(cards(page).filter({ hasText: 'Frome Town Walk' })).toContainText(/miles away · about \d+ minutes by car/);
  // Phone and online services are listed too, and say so.
  await expect(cards(page).filter({ hasText: 'Somerset Telephone Befriending' })).toContainText('No need to travel');
  await expect(count(page)).toHaveText(/^\d+ groups and services match$/);
  await expectAccessible(page, 'results near TA1 2BX');
  // The postcode was placed from our own table: nothing went to another site.
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:8090/'))).toEqual([]);
  expect(requests.some((url) => url.endsWith('/postcodes/TA.txt'))).toBe(true);
});

test('a BA1 postcode lists Bath and Frome groups first', async ({ page }) => {
  await checkToSuggestions(page, LONELY_AND_ACTIVE);
  await searchNear(page, 'BA1 1LT');
  const first = cards(page).first();
  await expect(first).toContainText(/Bath|Frome/);
  await expect(first.getByRole('heading', { level: 3 })).toHaveText('Bath Parks Health Walk');
  // Just the district works too, placed at its centre.
  await searchNear(page, 'ba1');
  await expect(page.getByText('Showing groups near BA1, nearest and best fitting first.')).toBeVisible();
  await expect(cards(page).first()).toContainText(/Bath|Frome/);
});

test('postcodes we cannot place get messages that say why, and keep what was typed', async ({ page }) => {
  await checkToSuggestions(page, LONELY_AND_ACTIVE);
  await searchNear(page, 'XYZ');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link')).toHaveText("That doesn't look like a postcode — try something like TA1 2BX");
  await expect(page.getByLabel('Your postcode')).toHaveValue('XYZ');
  await expect(page.getByLabel('Your postcode')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveTitle(/Support near you/);
  await expectAccessible(page, 'postcode error');
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Your postcode')).toBeFocused();

  await searchNear(page, 'BT1 1AA');
  await expect(page.getByRole('alert').getByRole('link')).toContainText(
    'Postcodes in Northern Ireland, the Channel Islands and the Isle of Man are not covered',
  );
  await expect(page.getByRole('alert')).toContainText('01823 000 000');

  await searchNear(page, '');
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('Enter your postcode');

  // Shaped like a postcode, but no such district.
  await searchNear(page, 'TA99 9ZZ');
  await expect(page.getByRole('alert').getByRole('link')).toContainText('We could not find TA99 9ZZ');
});

test.describe('filters narrow the list', () => {
  test.beforeEach(async ({ page }) => {
    await checkToSuggestions(page, LONELY_AND_ACTIVE);
    await searchNear(page, 'TA1 2BX');
    await expect(cards(page).first()).toBeVisible();
  });

  /** The number of results announced, and the names listed as matching
   *  (any "Other groups near you" follow in a list of their own). */
  async function results(page) {
    const announced = Number((await count(page).textContent()).match(/^(\d+)/)?.[1] ?? 0);
    const matching = page.getByRole('list', { name: /match/ });
    const names = await matching.getByRole('heading', { level: 3 }).allTextContents();
    expect(names.length).toBe(announced);
    return names;
  }

  test('free only', async ({ page }) => {
    const before = await results(page);
    expect(before).toContain("Taunton Men's Shed");
    await page.getByLabel('Free only').check();
    await expect(cards(page).filter({ hasText: "Taunton Men's Shed" })).toHaveCount(0);
    const after = await results(page);
    expect(after.length).toBeLessThan(before.length);
    for (const card of await cards(page).all()) await expect(card).toContainText('Free');
  });

  test('day of the week and time of day', async ({ page }) => {
    const before = await results(page);
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Thursdays' });
    await expect(cards(page).filter({ hasText: 'Taunton Riverside Health Walk' })).toHaveCount(0);
    const thursdays = await results(page);
    expect(thursdays).toContain('After-work Walking Group, Taunton');
    expect(thursdays.length).toBeLessThan(before.length);
    await page.getByLabel('Time of day').selectOption({ label: 'Evenings (from 5pm)' });
    await expect(cards(page).filter({ hasText: 'Taunton Knit and Natter' })).toHaveCount(0);
    const evenings = await results(page);
    expect(evenings).toContain('After-work Walking Group, Taunton');
    expect(evenings.length).toBeLessThan(thursdays.length);
    // Back to any day: the evening groups on other days return.
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Any day' });
    await expect(cards(page).filter({ hasText: 'Frome Community Choir' })).toHaveCount(1);
  });

  test('step-free access', async ({ page }) => {
    expect(await results(page)).toContain("Taunton Men's Shed");
    await page.getByLabel('Step-free access').check();
    await expect(cards(page).filter({ hasText: "Taunton Men's Shed" })).toHaveCount(0);
    expect(await results(page)).toContain('Taunton Riverside Health Walk');
  });

  test('online or by phone only', async ({ page }) => {
    await page.getByLabel('Online or by phone only').check();
    await expect(cards(page).filter({ hasText: 'Taunton Riverside Health Walk' })).toHaveCount(0);
    const remote = await results(page);
    expect(remote).toContain('Somerset Telephone Befriending');
    for (const card of await cards(page).all()) await expect(card).toContainText('No need to travel');
    // "Other groups near you" are places: none pass "online or by phone only".
    await expect(page.getByRole('heading', { name: 'Other groups near you' })).toHaveCount(0);
  });

  test('language', async ({ page }) => {
    await page.getByLabel('Language', { exact: true }).selectOption('Polish');
    await expect(count(page)).toHaveText('1 group or service matches');
    expect(await results(page)).toEqual(['Somerset Telephone Befriending']);
    await expectAccessible(page, 'filtered results');
  });
});

test('"open now" uses UK time: on a Tuesday at 10:30am the Tuesday walk is on', async ({ page }) => {
  // Tuesday 24 November 2026, 10:30 GMT.
  await page.clock.setFixedTime(new Date('2026-11-24T10:30:00Z'));
  await checkToSuggestions(page, LONELY_AND_ACTIVE);
  await searchNear(page, 'TA1 2BX');
  await expect(cards(page).first()).toBeVisible();
  await page.getByLabel('Open now').check();
  await expect(cards(page).filter({ hasText: "Taunton Men's Shed" })).toHaveCount(0);
  await expect(cards(page).filter({ hasText: 'Taunton Riverside Health Walk' })).toHaveCount(1);
  await expect(cards(page).filter({ hasText: 'Somerset Telephone Befriending' })).toHaveCount(1);
});

test('"use my location" finds groups near the device, and says so when refused', async ({ browser, baseURL }) => {
  // Vivary Park, Taunton, as the browser's own location service would report it.
  const context = await browser.newContext({
    baseURL,
    geolocation: { latitude: 51.0129, longitude: -3.1086 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await checkToSuggestions(page, LONELY_AND_ACTIVE);
  await page.getByRole('button', { name: 'Use my location' }).click();
  await expect(page.getByText('Showing groups near your location, nearest and best fitting first.')).toBeVisible();
  await expect(cards(page).first()).toContainText(/about a 5 minute walk/);
  await context.close();

  const refusing = await browser.newContext({ baseURL, permissions: [] });
  const page2 = await refusing.newPage();
  await checkToSuggestions(page2, LONELY_AND_ACTIVE);
  await page2.getByRole('button', { name: 'Use my location' }).click();
  await expect(page2.getByRole('alert').getByRole('link')).toHaveText(
    'We could not use your location. Enter your postcode instead.',
  );
  await refusing.close();
});

test('a tiled directory fetches only the tiles around the person', async ({ page, requests }) => {
  await page.goto('/?config=/__fixtures/config-tiled.json');
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  // Before a search only the index and the place-less services are fetched.
  expect(requests.filter((url) => /\/data\/tiles\/\d/.test(url))).toEqual([]);
  await checkToSuggestions(page, LONELY_AND_ACTIVE, '/?config=/__fixtures/config-tiled.json');
  await searchNear(page, 'TA1 2BX');
  await expect(cards(page).first().getByRole('heading', { level: 3 })).toHaveText('Taunton Riverside Health Walk');
  await expect(cards(page).filter({ hasText: 'Somerset Telephone Befriending' })).toContainText('No need to travel');
  const tiles = requests.filter((url) => /\/data\/tiles\/.+\.json$/.test(url)).map((url) => url.split('/').pop());
  expect(tiles).toContain('255_-11.json');
  // Bath and Frome are in a tile more than one cell away: not fetched.
  expect(tiles).not.toContain('256_-8.json');
  await expect(cards(page).filter({ hasText: 'Bath Parks Health Walk' })).toHaveCount(0);
  // Links carry the group's tile, so a page opened directly (from a QR code) can fetch it.
  const link = cards(page).first().getByRole('link');
  await expect(link).toHaveAttribute('href', /\/group\/255_-11~cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3$/);
});

test('a group page of a tiled directory opens directly, fetching only its tile', async ({ page, requests }) => {
  await page.goto('/group/255_-11~cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3?config=/__fixtures/config-tiled.json');
  await expect(page.getByRole('heading', { level: 1, name: 'Taunton Riverside Health Walk' })).toBeVisible();
  const tiles = requests.filter((url) => /\/data\/tiles\/\d.+\.json$/.test(url)).map((url) => url.split('/').pop());
  expect(tiles).toEqual(['255_-11.json']);
  await expectAccessible(page, 'tiled group page opened directly');
});

test('searching, filtering and opening a group work by keyboard at 320px with 200% text', async ({ page }) => {
  await checkToSuggestions(page, LONELY_AND_ACTIVE);
  await page.setViewportSize({ width: 320, height: 640 });
  await doubleTextSize(page);
  await tabTo(page, page.getByLabel('Your postcode'));
  await page.keyboard.type('TA1 2BX');
  await page.keyboard.press('Enter');
  await expect(cards(page).first()).toContainText('Taunton Riverside Health Walk');
  // Back to the first filter and tick it with the space bar.
  await tabTo(page, page.getByLabel('Free only'), { backwards: true });
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Free only')).toBeChecked();
  await expect(cards(page).filter({ hasText: "Taunton Men's Shed" })).toHaveCount(0);
  await expect(page.getByLabel('Free only')).toBeFocused();
  await expectAccessible(page, 'results at 320px and 200% text');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await tabTo(page, cards(page).first().getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Taunton Riverside Health Walk' })).toBeFocused();
  await tabTo(page, page.getByText('Open this page on your phone'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: 'QR code for this page' })).toBeVisible();
  await expectAccessible(page, 'group page at 320px and 200% text');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});


test('after a postcode search by keyboard, focus is on what was found, never the page body', async ({ page }) => {
  await checkToSuggestions(page, LONELY_AND_ACTIVE);
  await tabTo(page, page.getByLabel('Your postcode'));
  await page.keyboard.type('TA1 2BX');
  await page.keyboard.press('Enter');
  await expect(cards(page).first()).toContainText('Taunton Riverside Health Walk');
  const count = page.getByRole('status').getByText(/groups and services match/);
  await expect(count).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  // The next Tab goes on to the first group found, not back to the top of the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Taunton Riverside Health Walk' })).toBeFocused();
});
