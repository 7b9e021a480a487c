// Walking the needs check the quick way, for tests about what comes after it.

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
