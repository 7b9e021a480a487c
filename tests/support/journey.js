// Walking the needs check the quick way, for tests about what comes after it.
import { expect } from "@playwright/test";

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
 *  "How often do you feel lonely?"), says it is for "Me", and opens the
 *  suggestions. */
export async function checkToSuggestions(page, topics, start = '/') {
  const heading = page.getByRole('heading', { level: 1 });
  const next = async () => {
    const before = await heading.textContent();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(heading).not.toHaveText(before);
  };
  await page.goto(start);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await next();
  for (const topic of topics) await page.getByLabel(topic).check();
  await next();
  while (!/Check your answers/.test(await heading.textContent())) {
    if (/Who is the support for/.test(await heading.textContent())) {
      await page.getByLabel('Me', { exact: true }).check();
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
