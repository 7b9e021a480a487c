// Languages: the control on every page, Welsh and Arabic (right to left)
// journeys by keyboard with axe on every page, and the choice kept on the
// device but not on a kiosk. (A referral in Polish is in refer.spec.js, which
// has the test receiver to itself.) Names come from the locale files
// themselves, so the tests find things by the words a Welsh or Arabic reader sees.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, waitForPage } from '../support/fixtures.js';
import { tabTo } from '../support/journey.js';

const read = (path) => JSON.parse(readFileSync(new URL(`../../public/${path}`, import.meta.url), 'utf8'));
const words = (code) => read(`locales/${code}.json`);
const questions = (code) => read(code === 'en' ? 'questions/default.json' : `questions/default.${code}.json`);
const question = (set, id) => set.questions.find((q) => q.id === id);
const option = (set, id, value) => question(set, id).options.find((o) => o.value === value).label;


test('the start page lists every language in its own name and script, each marked with its language', async ({ page }) => {
  await page.goto('/');
  await waitForPage(page);
  const control = page.getByRole('navigation', { name: 'Choose a language' });
  for (const [code, name] of [['cy', 'Cymraeg'], ['pl', 'Polski'], ['ro', 'Română'], ['pa', 'ਪੰਜਾਬੀ'], ['ur', 'اردو'], ['bn', 'বাংলা'], ['ar', 'العربية']]) {
    const link = control.getByRole('link', { name });
    await expect(link).toHaveAttribute('lang', code);
    await expect(link).toHaveAttribute('href', new RegExp(`[?&]lang=${code}$`));
  }
  // The language the page is in is said, not linked.
  await expect(control.getByText('English')).toHaveAttribute('aria-current', 'true');
  await expectAccessible(page, 'start page with the language control');
});

test('the whole check in Welsh, by keyboard, with axe on every page', async ({ page }) => {
  const cy = words('cy');
  const set = questions('cy');
  await page.goto('/');
  await waitForPage(page);
  await tabTo(page, page.getByRole('link', { name: 'Cymraeg' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cy['start.title']);
  // A draft translation says so, in Welsh.
  await expect(page.getByText(cy['language.draft_notice'])).toBeVisible();
  await expectAccessible(page, 'Welsh start page');

  const heading = page.getByRole('heading', { level: 1 });
  const go = async (name) => {
    await tabTo(page, page.getByRole('button', { name }));
    await page.keyboard.press('Enter');
  };
  await go(cy['start.button']);
  await expect(heading).toHaveText(question(set, 'safety').text);
  await expectAccessible(page, 'Welsh safety question');
  // Radios are one Tab stop: the arrow moves from "yes" to "no" and selects it.
  await tabTo(page, page.getByRole('radio', { name: option(set, 'safety', 'yes'), exact: true }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: option(set, 'safety', 'no'), exact: true })).toBeChecked();
  await go(cy['check.continue']);

  await expect(heading).toHaveText(question(set, 'topics').text);
  await tabTo(page, page.getByRole('checkbox', { name: option(set, 'topics', 'getting-active') }));
  await page.keyboard.press('Space');
  await expectAccessible(page, 'Welsh topics');
  await go(cy['check.continue']);

  await expect(heading).toHaveText(question(set, 'what_matters').text);
  await expectAccessible(page, 'Welsh what matters');
  await go(cy['check.continue']);

  await expect(heading).toHaveText(question(set, 'who_for').text);
  await tabTo(page, page.getByRole('radio', { name: option(set, 'who_for', 'me'), exact: true }));
  await page.keyboard.press('Space');
  await expectAccessible(page, 'Welsh who for');
  await go(cy['check.continue']);

  await expect(heading).toHaveText(cy['check.answers_title']);
  await expectAccessible(page, 'Welsh check your answers');
  await go(cy['check.see_suggestions']);

  await expect(heading).toHaveText(cy['results.title']);
  await tabTo(page, page.getByLabel(cy['nearby.postcode_label']));
  await page.keyboard.type('TA1 2BX');
  await page.keyboard.press('Enter');
  // Focus moves to the count of what was found, written in Welsh.
  const count = page.getByRole('status').getByText(/\d/);
  await expect(count).toBeFocused();
  expect(await count.textContent()).not.toMatch(/groups and services/);
  await expectAccessible(page, 'Welsh results');
});

test('in Arabic the page reads right to left, and mirrors', async ({ page }) => {
  const ar = words('ar');
  const set = questions('ar');
  await page.goto('/?lang=ar');
  await waitForPage(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['start.title']);
  await expectAccessible(page, 'Arabic start page');
  await tabTo(page, page.getByRole('button', { name: ar['start.button'] }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(question(set, 'safety').text);
  // Continue with no answer: the error summary and the field's error, mirrored.
  await tabTo(page, page.getByRole('button', { name: ar['check.continue'] }));
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert');
  await expect(summary).toBeVisible();
  await expectAccessible(page, 'Arabic error summary');
  const group = page.locator('.wm-form-group--error');
  const edges = await group.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.borderRightWidth, style.borderLeftWidth];
  });
  expect(edges).toEqual(['4px', '0px']);
  // The back link's arrow points right, the way back in a right-to-left page.
  const arrow = await page.locator('.wm-back-link').evaluate((el) => getComputedStyle(el, '::before').content);
  expect(arrow).toBe('"›"');
});

test('the language chosen is kept after a reload, and the link keeps the page', async ({ page }) => {
  await page.goto('/help');
  await waitForPage(page);
  await page.getByRole('navigation', { name: 'Choose a language' }).getByRole('link', { name: 'Polski' }).click();
  await expect(page).toHaveURL(/\/help\?lang=pl$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('pl')['start.title']);
  // Back to English the same way.
  await page.getByRole('navigation', { name: 'Wybierz język' }).getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('on a kiosk the language is for this session only', async ({ page }) => {
  await page.goto('/?mode=kiosk&lang=cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('waymark:language'))).toBeNull();
  // The next person's session starts in the config's language.
  await page.goto('/?mode=kiosk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('on a phone the languages fold behind the current one, one tap away', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await waitForPage(page);
  const control = page.getByRole('navigation', { name: 'Choose a language' });
  await expect(control.getByRole('link', { name: 'Cymraeg' })).toBeHidden();
  await tabTo(page, control.getByText('English: Choose a language'));
  await page.keyboard.press('Enter');
  await expect(control.getByRole('link', { name: 'Cymraeg' })).toBeVisible();
  await expectAccessible(page, 'language control open on a phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
