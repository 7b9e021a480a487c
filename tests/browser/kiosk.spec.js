// Kiosk mode: a shared touch screen in a GP waiting room, one person after
// another. Nothing of one person may be left for the next. The page clock
// is Playwright's, so the idle time passes without waiting for it.
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { test, expect, expectAccessible, waitForPage } from '../support/fixtures.js';
import { checkToSuggestions, searchNear, continueButton, touchToStart } from '../support/journey.js';

const KIOSK = '/?mode=kiosk';
const WALK = 'Taunton Riverside Health Walk';
const SERVICE = 'Waymark';

/** What a browser keeps for this site, besides the page itself. */
async function keptInBrowser(page) {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
}

test('after the idle time the countdown appears, and the reset leaves nothing of the person behind', async ({ page }) => {
  await page.clock.install();
  await page.goto(KIOSK);
  await expect(page.getByRole('dialog', { name: 'Find support near you' })).toBeVisible();
  await expectAccessible(page, 'kiosk start screen');
  const historyAtStart = await page.evaluate(() => history.length);
  await touchToStart(page);

  // A person answers the check, saves a group and starts a referral.
  await checkToSuggestions(page, ['Meeting people or feeling less lonely', 'Getting more active'], null);
  await searchNear(page, 'TA1 2BX');
  await page.getByRole('link', { name: WALK }).click();
  await page.getByRole('button', { name: 'Save to your shortlist' }).click();
  await page.getByRole('button', { name: 'Ask to join' }).click();
  // The check asked who it is for: the referral goes on to consent.
  await continueButton(page).click();
  await page.getByLabel(/I agree to/).check();
  await continueButton(page).click();
  await page.getByLabel('What is your name?').fill('Sam Jones');
  await expectAccessible(page, 'a referral page on the kiosk');
  // Whatever a page or a host script might have stored under the widget's name goes too.
  await page.evaluate(() => {
    sessionStorage.setItem('waymark:answers', '{"topics":["loneliness"]}');
    localStorage.setItem('waymark:shortlist', 'walk');
  });

  // Two minutes untouched (the sample config's kiosk.idle_seconds).
  await page.clock.fastForward('02:01');
  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible();
  const secondsLeft = async () => Number(await warning.getByRole('timer').textContent());
  const atFirst = await secondsLeft();
  expect(atFirst).toBeGreaterThan(25);
  expect(atFirst).toBeLessThanOrEqual(30);
  await expect(warning).toContainText('this screen will clear everything and start again');
  await expectAccessible(page, 'are you still there');
  const before = await secondsLeft();
  await page.clock.fastForward('00:10');
  await expect.poll(secondsLeft).toBeLessThanOrEqual(before - 10);

  // The countdown runs out: a fresh start screen.
  await page.clock.fastForward('00:25');
  await expect(page.getByRole('dialog', { name: 'Find support near you' })).toBeVisible();
  await expect(page).toHaveURL(/\/\?mode=kiosk$/);
  expect(await keptInBrowser(page)).toEqual({ local: [], session: [], caches: [], workers: 0 });
  await expect(page.getByText('Sam Jones')).toHaveCount(0);

  // The next person finds no answers, no shortlist and no referral.
  await touchToStart(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.getByLabel('No', { exact: true }).check();
  await continueButton(page).click();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await page.getByRole('banner').getByRole('link', { name: SERVICE }).click();
  await checkToSuggestions(page, ['Getting more active'], null);
  await searchNear(page, 'TA1 2BX');
  await expect(page.getByLabel('Your postcode')).toHaveValue('TA1 2BX');
  await page.getByRole('link', { name: WALK }).click();
  await expect(page.getByRole('button', { name: 'Save to your shortlist' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Your shortlist \(1\)/ })).toHaveCount(0);

  // Every page replaced the last, so the history is as long as at the start,
  // and Back leads nowhere the last person went.
  expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  await page.goBack().catch(() => {});
  await expect(page).not.toHaveURL(/group|refer|results|check/);
  await expect(page.getByText('Sam Jones')).toHaveCount(0);
});

test('"I\'m still here" keeps the person\'s answers and starts the idle time again', async ({ page }) => {
  await page.clock.install();
  await page.goto(KIOSK);
  await touchToStart(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await continueButton(page).click();
  await page.getByLabel('Getting more active').check();

  await page.clock.fastForward('02:01');
  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible();
  // Touching the warning anywhere but its buttons is not an answer: the count goes on.
  const secondsLeft = async () => Number(await warning.getByRole('timer').textContent());
  const before = await secondsLeft();
  await warning.getByRole('heading').click();
  await page.keyboard.press('Shift');
  await page.clock.fastForward('00:05');
  await expect.poll(secondsLeft).toBeLessThanOrEqual(before - 5);
  await page.getByRole('button', { name: "I'm still here" }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByLabel('Getting more active')).toBeChecked();

  // Focus is back where the person was.
  await expect(page.getByLabel('Getting more active')).toBeFocused();

  await page.clock.fastForward('01:50');
  await expect(warning).toBeHidden();
  await page.clock.fastForward('00:15');
  await expect(warning).toBeVisible();
});

test('links that would leave the screen are shown as a QR code to scan, not opened', async ({ page }) => {
  await page.goto(KIOSK);
  await touchToStart(page);
  // Larger text and targets for a screen read standing up.
  await expect(page.locator('html')).toHaveCSS('font-size', '20px');

  await page.getByRole('link', { name: 'Need help now?' }).first().click();
  await page.getByRole('link', { name: /Call 999/ }).click();
  const handover = page.getByRole('dialog', { name: 'Open this on your phone' });
  await expect(handover).toBeVisible();
  await expect(handover.getByText('999', { exact: true })).toBeVisible();
  const code = handover.getByRole('img', { name: 'QR code for 999' });
  const png = PNG.sync.read(await code.screenshot());
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe('tel:999');
  await expectAccessible(page, 'link handed over as a QR code');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(handover).toBeHidden();
  await expect(page).toHaveURL(/\/help\?mode=kiosk$/);

  // Directions to a group, from its page, likewise.
  await page.goto(`/?mode=kiosk`);
  await touchToStart(page);
  await checkToSuggestions(page, ['Getting more active'], null);
  await page.getByRole('link', { name: WALK }).click();
  await page.getByRole('link', { name: /directions/i }).first().click();
  await expect(handover).toBeVisible();
  await expect(handover.getByText(/^www\.openstreetmap\.org\//)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(handover).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: WALK })).toBeVisible();
});

test('quick exit on a kiosk starts again instead of leaving for another site', async ({ page }) => {
  await page.goto('/privacy?mode=kiosk');
  await touchToStart(page);
  await page.evaluate(() => sessionStorage.setItem('waymark:answers', '{}'));
  await page.getByRole('button', { name: /Exit this page/ }).click();
  await expect(page.getByRole('dialog', { name: 'Find support near you' })).toBeVisible();
  await expect(page).toHaveURL(/\/\?mode=kiosk$/);
  expect((await keptInBrowser(page)).session).toEqual([]);
});

test('a kiosk config turns kiosk mode on too, and wipes any offline copy from earlier use', async ({ page }) => {
  // The browser was once used outside kiosk mode: the widget kept itself offline.
  await page.goto('/');
  await waitForPage(page);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  expect((await keptInBrowser(page)).caches.length).toBeGreaterThan(0);

  await page.goto('/?config=/__fixtures/config-kiosk.json');
  await touchToStart(page);
  await expectAccessible(page, 'kiosk start page');
  await expect.poll(() => keptInBrowser(page)).toEqual({ local: [], session: [], caches: [], workers: 0 });
});

// A kiosk fails closed: if its set-up cannot load, the screen must not
// serve anyone without the idle reset, so the next person could see the
// last one's answers. It says so, and still gives the urgent-help numbers.

async function expectOutOfOrder(page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Sorry, this screen is out of order' })).toBeVisible();
  await expect(page.getByText('Please ask at reception for help.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call Samaritans on 116 123' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 999' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start now' })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page, 'kiosk out of order');
}

test('a kiosk whose set-up cannot load is out of order', async ({ page }) => {
  await page.goto(`${KIOSK}&config=/__fixtures/config-malformed.json`);
  await expectOutOfOrder(page);
  // Going straight to a page deeper in the journey is no way round it.
  await page.goto(`/check?mode=kiosk&config=/__fixtures/config-malformed.json`);
  await expectOutOfOrder(page);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectOutOfOrder(page);
});
