import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
test('debug', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/results');
  await page.getByLabel('Your postcode').fill('TA1 2BX');
  await page.getByRole('button', { name: 'Find groups' }).click();
  await page.getByRole('button', { name: 'Show on a map' }).click();
  await page.waitForTimeout(3000);
  const r = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  for (const v of r.violations) for (const n of v.nodes.slice(0, 4)) console.log(n.target.join(' '), JSON.stringify(n.any.map((a) => a.message)), JSON.stringify(n.none.map((a) => a.message)));
  console.log(await page.locator('.leaflet-marker-pane').evaluate((p) => [...p.children].slice(0,4).map((c) => c.outerHTML).join('\n')));
  await page.locator('.wm-map').screenshot({ path: '/tmp/wt-map-debug.png' });
});
