// Walking the journey the quick way (the needs check, a search, a referral), for tests about what comes after.
import { expect } from "@playwright/test";
import { expectAccessible } from "./fixtures.js";

/** On a kiosk: the start screen that opens every visit, touched away. */
export async function touchToStart(page) {
  const start = page.getByRole('dialog', { name: 'Find support near you' });
  await expect(start).toBeVisible();
  await page.getByRole('button', { name: 'Touch to start' }).click();
  await expect(start).toBeHidden();
}

/** Answers "no" to the safety question, ticks `topics`, skips the optional
 *  question, answers "Me", and opens the suggestions. Only for topics that
 *  bring no extra questions (e.g. getting active, cancer, money). */
export async function checkStraightToSuggestions(page, topics) {
  const next = () => page.getByRole('button', { name: 'Continue' }).click();
  await page.goto('/');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await next();
  for (const topic of topics) await page.getByLabel(topic).check();
  await next();
  await page.getByRole('heading', { level: 1, name: 'What matters to you?' }).waitFor();
  await next();
  await page.getByLabel('Me', { exact: true }).check();
  await next();
  await page.getByRole('button', { name: 'See suggestions' }).click();
}

/** Answers "no" to the safety question, ticks `topics`, takes the first
 *  answer to any follow-up question (for loneliness, "Often or always" to
 *  "How often do you feel lonely?"), says who it is for (`whoFor`, "Me"
 *  unless told), and opens the suggestions. `page` may be a frame locator
 *  (an embedded widget), with `start` null to begin from the start page
 *  already shown. */
export async function checkToSuggestions(page, topics, start = '/', { whoFor = 'Me' } = {}) {
  const heading = page.getByRole('heading', { level: 1 });
  const next = async () => {
    const before = await heading.textContent();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(heading).not.toHaveText(before);
  };
  if (start !== null) await page.goto(start);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await next();
  for (const topic of topics) await page.getByLabel(topic).check();
  await next();
  while (!/Check your answers/.test(await heading.textContent())) {
    if (/Who is the support for/.test(await heading.textContent())) {
      await page.getByLabel(whoFor, { exact: whoFor === 'Me' }).check();
    } else if ((await page.getByRole('radio').count()) > 0) {
      await page.getByRole('radio').first().check();
    }
    await next();
  }
  await page.getByRole('button', { name: 'See suggestions' }).click();
  await expect(heading).toHaveText('Support near you');
}

/** Searches from `postcode` on the suggestions page. */
export async function searchNear(page, postcode) {
  await page.getByLabel('Your postcode').fill(postcode);
  await page.getByRole('button', { name: 'Find groups' }).click();
}

export const continueButton = (page) => page.getByRole('button', { name: 'Continue' });

/** From the check to the referral's first page, asking to join the Taunton walk. */
export async function startReferral(page, start = '/', options = {}) {
  await checkToSuggestions(page, ['Meeting people or feeling less lonely', 'Getting more active'], start, options);
  await searchNear(page, 'TA1 2BX');
  await page.getByRole('link', { name: 'Taunton Riverside Health Walk' }).click();
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
}

/** From a group page to the referral's first page: the group's name as the page shows it. */
export async function askToJoin(page) {
  const ask = page.getByRole('button', { name: 'Ask to join' });
  await expect(ask).toBeVisible();
  // The page is prerendered: a click before the app has taken over (once
  // its config is applied to <html>) would be lost.
  await expect(page.locator('html')).toHaveAttribute('dir', /^(ltr|rtl)$/);
  const group = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  await ask.click();
  await expect(page.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
  return group;
}

/** Who fills the referral in, unless a test names someone else. */
export const SAM = { name: 'Sam Jones', email: 'sam@example.org', phone: '07700 900123', firstVisit: 'I use a wheelchair' };

/** Fills every page as `person` referring themselves, checking each with axe.
 *  After the check (`checked`), which asked who it is for, the referral does
 *  not ask again; without it, the referral asks and "Me" is the answer. */
export async function fillReferral(page, { axe = false, searched = true, checked = true, person = SAM } = {}) {
  const check = async (label) => axe && (await expectAccessible(page, label));
  await check('what you are asking for');
  await continueButton(page).click();
  if (!checked) {
    await page.getByLabel('Me', { exact: true }).check();
    await check('who is the support for');
    await continueButton(page).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: /Sending your details to/ })).toBeVisible();
  await page.getByLabel(/I agree to Somerset Community Connect/).check();
  await check('consent');
  await continueButton(page).click();
  await page.getByLabel('What is your name?').fill(person.name);
  await check('name');
  await continueButton(page).click();
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Phone call').check();
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('UK phone number').fill(person.phone);
  await page.getByLabel('Mornings').check();
  await page.getByRole('group', { name: 'Can we leave a message?' }).getByLabel('Yes').check();
  await check('contact');
  await continueButton(page).click();
  // The postcode searched from is filled in already.
  if (searched) await expect(page.getByLabel('What is your postcode?')).toHaveValue('TA1 2BX');
  else await page.getByLabel('What is your postcode?').fill('TA1 2BX');
  await check('postcode');
  await continueButton(page).click();
  await page.getByLabel('Day').fill('2');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('1950');
  await page.getByLabel('Anything that would help at a first visit (optional)').fill(person.firstVisit);
  await check('optional details');
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending' })).toBeVisible();
  await check('check your answers');
}

/** Presses Tab until `target` has keyboard focus, as a keyboard user would. */
export async function tabTo(page, target, { backwards = false, most = 60 } = {}) {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} was not reached by ${most} presses of Tab`);
}

/** Presses Send on the check page, waits for the confirmation, and gives what
 *  the test receiver (support/receiver.mjs) holds of this referral from
 *  `origin`, found by its reference: other tests send to the same receiver at once. */
export async function sendAndFindReceived(page, request, origin) {
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request has been sent' })).toBeVisible();
  const reference = (await page.locator('.wm-panel__body strong').textContent()).trim();
  const all = await (await request.get('http://127.0.0.1:8082/received')).json();
  return all.filter((r) => r.origin === origin && r.body.includes(reference));
}
