// The needs check: one question per page, safety first, errors that say
// what is wrong and keep what was entered, check your answers, suggestions.
import { test, expect, expectAccessible, doubleTextSize } from '../support/fixtures.js';

const QUESTIONS = {
  safety: 'Do you need urgent help right now?',
  topics: 'What would you like help with?',
  companionship: 'How often do you feel that you lack companionship?',
  leftOut: 'How often do you feel left out?',
  isolated: 'How often do you feel isolated from others?',
  lonely: 'How often do you feel lonely?',
  matters: 'What matters to you?',
  whoFor: 'Who is the support for?',
};

async function heading(page, name) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function checkEveryWay(page, label) {
  await expectAccessible(page, label);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const undoTextSize = await doubleTextSize(page);
  await expectAccessible(page, `${label} at 320px and 200% text`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await undoTextSize();
  await page.setViewportSize(viewport);
}

async function start(page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start now' }).click();
  await heading(page, QUESTIONS.safety);
}

async function pick(page, group, option) {
  await page.getByRole('group', { name: group }).getByLabel(option, { exact: true }).check();
}

async function next(page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a yes to the safety question ends on urgent help, with no way to refer', async ({ page }) => {
  await start(page);
  await pick(page, QUESTIONS.safety, 'Yes');
  await next(page);
  await heading(page, 'Get help now');
  await expect(page.getByRole('link', { name: 'Call 999' })).toBeVisible();
  await expect(page.getByRole('link', { name: /put in touch|refer/i })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

test('a lonely person who wants to get active is offered those first, and nothing leaves the browser', async ({ page, requests }) => {
  // Every question is checked every way (keyboard, 320 px, 200% text, axe): a long walk.
  test.slow();
  await start(page);
  const before = requests.length;
  await checkEveryWay(page, 'safety question');
  await pick(page, QUESTIONS.safety, 'No');
  await next(page);

  await heading(page, QUESTIONS.topics);
  await checkEveryWay(page, 'topics question');
  await pick(page, QUESTIONS.topics, 'Meeting people or feeling less lonely');
  await pick(page, QUESTIONS.topics, 'Getting more active');
  await next(page);

  for (const [question, answer] of [
    [QUESTIONS.companionship, 'Some of the time'],
    [QUESTIONS.leftOut, 'Often'],
    [QUESTIONS.isolated, 'Often'],
    [QUESTIONS.lonely, 'Some of the time'],
  ]) {
    await heading(page, question);
    await checkEveryWay(page, question);
    await pick(page, question, answer);
    await next(page);
  }

  await heading(page, QUESTIONS.matters);
  await expect(page.getByText('is not checked for emergencies')).toBeVisible();
  await checkEveryWay(page, 'free text question');
  await page.getByRole('textbox', { name: QUESTIONS.matters }).fill('Getting back to the allotment');
  await expect(page.getByText('You have 471 characters remaining')).toBeVisible();
  await next(page);

  await heading(page, QUESTIONS.whoFor);
  await checkEveryWay(page, 'who for question');
  await pick(page, QUESTIONS.whoFor, 'Me');
  await next(page);

  await heading(page, 'Check your answers');
  await checkEveryWay(page, 'check your answers');
  await expect(page.getByRole('definition').filter({ hasText: 'Meeting people or feeling less lonely, Getting more active' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Getting back to the allotment' })).toBeVisible();
  await page.getByRole('button', { name: 'See suggestions' }).click();

  await heading(page, 'Support near you');
  await checkEveryWay(page, 'suggestions');
  const suggestions = page.getByRole('heading', { level: 2 });
  await expect(suggestions.nth(0)).toHaveText('Meeting people and feeling less alone');
  await expect(suggestions.nth(1)).toHaveText('Getting more active');
  await expect(page.getByText('You said you often feel left out.')).toBeVisible();
  await expect(page.getByText(/not a diagnosis/)).toBeVisible();
  await expect(page.getByText(/score/i)).toHaveCount(0);

  // On the way the widget fetches its own files (the directory, its
  // offline copy), and nothing else: no other site, and no address that could
  // carry an answer.
  for (const url of requests.slice(before)) {
    const { origin, pathname, search } = new URL(url);
    expect(origin, url).toBe('http://127.0.0.1:8090');
    expect(search, url).toBe('');
    expect(pathname, url).toMatch(/^\/(data\/|config\.json$|locales\/|questions\/|sw\.js$)/);
  }
});

test('the well-being scale pages are accessible, credit ONS, and keep the chosen number', async ({ page }) => {
  await start(page);
  await pick(page, QUESTIONS.safety, 'No');
  await next(page);
  await pick(page, QUESTIONS.topics, 'Looking after someone');
  await next(page);
  const question = 'Overall, how satisfied are you with your life nowadays?';
  await heading(page, question);
  await expect(page.getByText(/Office for National Statistics \(ONS\) personal well-being/)).toBeVisible();
  await checkEveryWay(page, 'ONS4 scale question');
  await next(page);
  await expect(page.locator('#error-summary')).toContainText('Select a number from 0 to 10');
  await page.getByRole('group', { name: question }).getByRole('radio', { name: /^3/ }).check();
  await next(page);
  await heading(page, 'Overall, to what extent do you feel that the things you do in your life are worthwhile?');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByRole('group', { name: question }).getByRole('radio', { name: /^3/ })).toBeChecked();
});

test('the whole check works by keyboard alone', async ({ page }) => {
  await page.goto('/');
  const tabTo = async (locator) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await locator.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`could not reach ${locator} by Tab`);
  };
  // Radios are one Tab stop: arrows move through them and select; checkboxes are ticked with Space.
  const answer = async (question, option) => {
    await heading(page, question);
    const group = page.getByRole('group', { name: question });
    const target = group.getByLabel(option, { exact: true });
    if ((await target.getAttribute('type')) === 'checkbox') {
      await tabTo(target);
      await page.keyboard.press('Space');
    } else {
      await tabTo(group.getByRole('radio').first());
      await page.keyboard.press('Space');
      for (let i = 0; i < 12 && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown');
    }
    await expect(target).toBeChecked();
    await tabTo(page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
  };
  await tabTo(page.getByRole('button', { name: 'Start now' }));
  await page.keyboard.press('Enter');
  await answer(QUESTIONS.safety, 'No');
  await answer(QUESTIONS.topics, 'Meeting people or feeling less lonely');
  await answer(QUESTIONS.companionship, 'Often');
  await answer(QUESTIONS.leftOut, 'Hardly ever or never');
  await answer(QUESTIONS.isolated, 'Some of the time');
  await answer(QUESTIONS.lonely, 'Often or always');
  await heading(page, QUESTIONS.matters);
  await tabTo(page.getByRole('textbox', { name: QUESTIONS.matters }));
  await page.keyboard.type('Company');
  await tabTo(page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await answer(QUESTIONS.whoFor, 'Me');
  await heading(page, 'Check your answers');
  await tabTo(page.getByRole('button', { name: 'See suggestions' }));
  await page.keyboard.press('Enter');
  await heading(page, 'Support near you');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Meeting people and feeling less alone');
});

test('a missing answer shows the error summary, focused, and keeps the page', async ({ page }) => {
  await start(page);
  await next(page);
  const summary = page.locator('#error-summary');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Do you need urgent help right now\?/);
  await expect(page.getByRole('group', { name: QUESTIONS.safety })).toContainText('Select yes or no');
  await expectAccessible(page, 'safety question with an error');
  await summary.getByRole('link', { name: 'Select yes or no' }).click();
  await expect(page.getByLabel('Yes', { exact: true })).toBeFocused();
  await pick(page, QUESTIONS.safety, 'No');
  await next(page);
  await heading(page, QUESTIONS.topics);
});

test('too much text is refused with the text kept', async ({ page }) => {
  await start(page);
  await pick(page, QUESTIONS.safety, 'No');
  await next(page);
  await pick(page, QUESTIONS.topics, 'Getting more active');
  await next(page);
  await heading(page, QUESTIONS.matters);
  const long = 'a'.repeat(505);
  await page.getByRole('textbox', { name: QUESTIONS.matters }).fill(long);
  await expect(page.getByText('You have 5 characters too many')).toBeVisible();
  await next(page);
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.getByRole('textbox', { name: QUESTIONS.matters })).toHaveValue(long);
  await expect(page.locator('#error-summary')).toContainText('Your answer must be 500 characters or fewer');
});

test('back links keep answers, a reload keeps them, and change links return to check your answers', async ({ page }) => {
  await start(page);
  await pick(page, QUESTIONS.safety, 'No');
  await next(page);
  await pick(page, QUESTIONS.topics, 'Meeting people or feeling less lonely');
  await next(page);
  await pick(page, QUESTIONS.companionship, 'Often');
  await next(page);
  await heading(page, QUESTIONS.leftOut);
  await page.getByRole('link', { name: 'Back' }).click();
  await heading(page, QUESTIONS.companionship);
  await expect(page.getByLabel('Often', { exact: true })).toBeChecked();
  await page.reload();
  await heading(page, QUESTIONS.companionship);
  await expect(page.getByLabel('Often', { exact: true })).toBeChecked();
  await next(page);
  for (const question of [QUESTIONS.leftOut, QUESTIONS.isolated]) {
    await pick(page, question, 'Hardly ever or never');
    await next(page);
  }
  await pick(page, QUESTIONS.lonely, 'Never');
  await next(page);
  await next(page); // what matters is optional
  await pick(page, QUESTIONS.whoFor, 'Me');
  await next(page);
  await heading(page, 'Check your answers');

  await page.getByRole('link', { name: `Change ${QUESTIONS.topics}` }).click();
  await heading(page, QUESTIONS.topics);
  await expect(page.getByLabel('Meeting people or feeling less lonely')).toBeChecked();
  await page.getByLabel('Meeting people or feeling less lonely').uncheck();
  await pick(page, QUESTIONS.topics, 'Money, benefits or housing');
  await next(page);
  await heading(page, 'Check your answers');
  await expect(page.getByText(QUESTIONS.leftOut)).toHaveCount(0);
  await page.getByRole('button', { name: 'See suggestions' }).click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Help with money, benefits or housing');
});

test('quick exit clears the answers', async ({ page }) => {
  await page.goto('/?config=/__fixtures/config-exit.json');
  await page.getByRole('button', { name: 'Start now' }).click();
  await pick(page, QUESTIONS.safety, 'No');
  await next(page);
  await heading(page, QUESTIONS.topics);
  expect(await page.evaluate(() => sessionStorage.getItem('waymark:answers'))).toContain('safety');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/neutral\.html$/);
  expect(await page.evaluate(() => sessionStorage.getItem('waymark:answers'))).toBeNull();
});
