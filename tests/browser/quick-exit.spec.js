// Quick exit: for someone who may be overlooked. It clears what the widget
// stored (and nothing of the host's) and leaves for a neutral page.
import { test, expect, waitForPage } from '../support/fixtures.js';

async function seedStorage(page) {
  await page.evaluate(() => {
    sessionStorage.setItem('waymark:answers', '{"topics":["loneliness"]}');
    localStorage.setItem('waymark:shortlist', '["walking-group"]');
    localStorage.setItem('host-site-preference', 'keep me');
  });
}

async function storageAfterExit(page) {
  return page.evaluate(() => ({
    session: Object.keys(sessionStorage),
    local: Object.keys(localStorage),
  }));
}

for (const how of ['button', 'Escape key']) {
  test(`quick exit by ${how} clears the widget's storage and leaves`, async ({ page }) => {
    await page.goto('/privacy?config=/__fixtures/config-exit.json');
    await waitForPage(page);
    await seedStorage(page);
    if (how === 'button') {
      await page.getByRole('button', { name: /Exit this page/ }).click();
    } else {
      await page.keyboard.press('Escape');
    }
    await expect(page).toHaveURL(/\/__fixtures\/neutral\.html$/);
    await expect(page.getByRole('heading', { name: "Today's weather" })).toBeVisible();
    const left = await storageAfterExit(page);
    expect(left.session).toEqual([]);
    expect(left.local).toEqual(['host-site-preference']);
  });
}

test('quick exit replaces the page in history, so Back does not show it again', async ({ page }) => {
  await page.goto('/__fixtures/neutral.html');
  await page.goto('/privacy?config=/__fixtures/config-exit.json');
  await waitForPage(page);
  await page.getByRole('button', { name: /Exit this page/ }).click();
  await expect(page).toHaveURL(/neutral\.html$/);
  await page.goBack();
  await expect(page).not.toHaveURL(/privacy/);
});

test('quick exit also drops the data files kept offline, such as the postcode areas searched', async ({ page }) => {
  await page.goto('/privacy?config=/__fixtures/config-exit.json');
  await waitForPage(page);
  const dataKept = () => page.evaluate(async () => (await caches.keys()).includes('waymark-data'));
  await expect.poll(dataKept).toBe(true);
  await page.getByRole('button', { name: /Exit this page/ }).click();
  await expect(page).toHaveURL(/\/__fixtures\/neutral\.html$/);
  await expect.poll(dataKept).toBe(false);
  // The widget itself stays on the phone for next time.
  expect((await page.evaluate(() => caches.keys())).some((name) => name.startsWith('waymark-shell-'))).toBe(true);
});
