// Maps and directions: a directions link to each group's place (a QR code
// on a kiosk), and a map drawn only when asked for, from the deployment's own
// basemap (public/map/sample.pmtiles, read in byte ranges from the test
// server), with markers a keyboard can reach. Nothing goes to another site.
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { test, expect, expectAccessible, doubleTextSize, waitForPage } from '../support/fixtures.js';
import { checkStraightToSuggestions, searchNear, tabTo, touchToStart } from '../support/journey.js';

const WALK = 'Taunton Riverside Health Walk';
const mapCode = (url) => /\/map-[0-9a-f]{16}\.(js|css)$/.test(url) || url.includes('.pmtiles');
const elsewhere = (requests, baseURL) => requests.filter((url) => !url.startsWith(baseURL) && !url.startsWith('data:'));

async function toResults(page) {
  await checkStraightToSuggestions(page, ['Getting more active']);
  await expect(page.getByRole('heading', { level: 1, name: 'Support near you' })).toBeVisible();
}

test('a group page links to directions to its place, a plain link in the maps app of the device', async ({ page }) => {
  await toResults(page);
  await page.getByRole('link', { name: WALK }).click();
  const directions = page.getByRole('link', { name: `Get directions to ${WALK}` });
  // Desktop Chromium on Linux: OpenStreetMap's directions, to the group's coordinates.
  await expect(directions).toHaveAttribute('href', 'https://www.openstreetmap.org/directions?to=51.01289%2C-3.10859');
  await expect(directions).not.toHaveAttribute('target', /./);
  await expectAccessible(page, 'group page with directions');
});

for (const [device, userAgent, href] of [
  ['an iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'https://maps.apple.com/?daddr=51.01289,-3.10859'],
  ['an Android phone', 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36', 'geo:51.01289,-3.10859?q=51.01289,-3.10859'],
]) {
  test(`on ${device}, directions open its own maps app`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, userAgent, hasTouch: true });
    const page = await context.newPage();
    await toResults(page);
    await page.getByRole('link', { name: WALK }).click();
    await expect(page.getByRole('link', { name: `Get directions to ${WALK}` })).toHaveAttribute('href', href);
    await context.close();
  });
}

test('on a kiosk, directions are handed to the phone as a QR code of the same address', async ({ page }) => {
  await page.goto('/results?mode=kiosk');
  await touchToStart(page);
  await page.getByRole('link', { name: WALK }).click();
  await page.getByRole('link', { name: `Get directions to ${WALK}` }).click();
  const handover = page.getByRole('dialog', { name: 'Open this on your phone' });
  await expect(handover).toBeVisible();
  const code = handover.getByRole('img', { name: /QR code/ });
  const png = PNG.sync.read(await code.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe('https://www.openstreetmap.org/directions?to=51.01289%2C-3.10859');
  await expectAccessible(page, 'directions handed over on a kiosk');
  await page.keyboard.press('Escape');
  await expect(handover).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: WALK })).toBeVisible();
});

test('the map is fetched only when asked for, then drawn from this site alone, with markers for the keyboard', async ({ page, requests, baseURL }) => {
  await toResults(page);
  await searchNear(page, 'TA1 2BX');
  await expect(page.getByText(/near TA1 2BX/)).toBeVisible();
  expect(requests.filter(mapCode), 'nothing of the map before the button').toEqual([]);

  const button = page.getByRole('button', { name: 'Show on a map' });
  await button.click();
  const map = page.getByRole('region', { name: 'Map' });
  await expect(map).toHaveAttribute('data-drawn', '', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Hide the map' })).toBeVisible();
  expect(requests.some((url) => /\/map-[0-9a-f]{16}\.js$/.test(url))).toBe(true);
  expect(requests.some((url) => url.endsWith('/map/sample.pmtiles'))).toBe(true);
  // The tiles are painted on canvases; the list is still there, whole.
  expect(await map.locator('canvas').count()).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: WALK })).toBeVisible();

  // Groups close together share a marker, named after them all; Enter on it zooms in,
  // until the first group in the list has a marker of its own, named after it.
  const first = (await page.locator('main h2 a, main h3 a').first().textContent()).trim();
  const marker = map.getByRole('button', { name: first, exact: true });
  const cluster = map.getByRole('button', { name: new RegExp(`groups here: .*${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(cluster.or(marker)).toHaveCount(1);
  await expectAccessible(page, 'results with the map open');
  for (let zoom = 0; zoom < 8 && (await marker.count()) === 0; zoom += 1) {
    await tabTo(page, cluster);
    const zoomedInto = await cluster.getAttribute('aria-label');
    await page.keyboard.press('Enter');
    await expect(map.getByRole('button', { name: zoomedInto, exact: true })).toHaveCount(0);
    await expect(cluster.or(marker)).toHaveCount(1);
    await expect(page.locator('body')).not.toBeFocused();
  }
  await tabTo(page, marker);
  await expectAccessible(page, 'results with the map zoomed in');

  // Escape goes back to the button; Enter on a marker opens its group.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Hide the map' })).toBeFocused();
  await tabTo(page, marker);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
  expect(elsewhere(requests, baseURL), 'no request to another origin').toEqual([]);
});

test('the map pans and zooms with the keys, and is accessible at 320 px and 200% text', async ({ page, requests, baseURL }) => {
  await toResults(page);
  await page.getByRole('link', { name: WALK }).click();
  await page.getByRole('button', { name: 'Show on a map' }).click();
  const map = page.getByRole('region', { name: 'Map' });
  await expect(map).toHaveAttribute('data-drawn', '', { timeout: 15_000 });
  await expect(map.getByRole('button', { name: WALK })).toHaveCount(1);

  await map.focus();
  const position = () => map.locator('.leaflet-map-pane').evaluate((pane) => pane.style.transform);
  const zoomIn = map.getByRole('button', { name: 'Zoom in' });
  const before = await position();
  await page.keyboard.press('ArrowRight');
  await expect.poll(position).not.toBe(before);
  await page.keyboard.press('-');
  await expect(zoomIn).not.toHaveClass(/leaflet-disabled/);

  await page.setViewportSize({ width: 320, height: 640 });
  const undo = await doubleTextSize(page);
  await expectAccessible(page, 'group page map at 320px and 200% text');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await undo();
  expect(elsewhere(requests, baseURL), 'no request to another origin').toEqual([]);
});

test('the basemap is read in byte ranges, which the service worker keeps once seen', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const installed = await page.evaluate(async () => (await caches.keys()).includes('waymark-map'));
  expect(installed, 'nothing of the map is installed').toBe(false);
  await page.goto('/group/' + (await page.evaluate(async () => {
    const dir = await (await fetch('data/somerset-sample.json')).json();
    return (dir.services || dir)[0].id;
  })));
  await page.getByRole('button', { name: 'Show on a map' }).click();
  await expect(page.getByRole('region', { name: 'Map' })).toHaveAttribute('data-drawn', '', { timeout: 15_000 });
  const kept = await page.evaluate(async () => {
    const cache = await caches.open('waymark-map');
    return (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
  });
  expect(kept.some((k) => /^\/map-[0-9a-f]{16}\.js$/.test(k)), `${kept}`).toBe(true);
  expect(kept.some((k) => k.startsWith('/map/sample.pmtiles?waymark-range=bytes')), `${kept}`).toBe(true);
  const range = await page.evaluate(async () => {
    const response = await fetch('map/sample.pmtiles', { headers: { range: 'bytes=0-6' } });
    return { status: response.status, range: response.headers.get('content-range'), text: await response.text() };
  });
  expect(range).toEqual({ status: 206, range: expect.stringMatching(/^bytes 0-6\/\d+$/), text: 'PMTiles' });
});

for (const [problem, config] of [
  ['missing', 'config-map-missing.json'],
  ['broken', 'config-map-broken.json'],
]) {
  test(`a ${problem} basemap says so in place of the map, and the list stays as it was`, async ({ page }) => {
    await page.goto(`/results?config=/__fixtures/${config}`);
    await waitForPage(page);
    const list = page.locator('main ol, main ul').last();
    const before = await list.innerText();
    await page.getByRole('button', { name: 'Show on a map' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Sorry, the map cannot be shown just now. The list below has every group and its address.',
    );
    await expect(page.getByRole('region', { name: 'Map' })).toBeHidden();
    expect(await list.innerText()).toBe(before);
    await expectAccessible(page, `a ${problem} basemap`);
  });
}

test('with no basemap in the config there is no map button, and directions still work', async ({ page }) => {
  await page.goto('/results?config=/__fixtures/config-form.json');
  await waitForPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Support near you' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show on a map' })).toHaveCount(0);
  await page.getByRole('link', { name: WALK }).first().click();
  await expect(page.getByRole('link', { name: `Get directions to ${WALK}` })).toHaveAttribute('href', /openstreetmap\.org\/directions\?to=51\.01289/);
  await expect(page.getByRole('button', { name: 'Show on a map' })).toHaveCount(0);
});
