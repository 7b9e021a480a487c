// A link worker who breaks a data file sees which file, which field and what
// is wrong; never a blank page, never a panic. Urgent help still works. The
// directory is fetched only when results are needed, so its problems show there.
import { test, expect, expectAccessible } from '../support/fixtures.js';

const cases = [
  ['a missing config file', '/?config=/__fixtures/no-such-config.json', 'no-such-config.json', null, /was not found/],
  ['a config that is not JSON', '/?config=/__fixtures/config-malformed.json', 'config-malformed.json', null, /not valid JSON \(line \d+, column \d+\)/],
  ['an unencrypted referral address', '/?config=/__fixtures/config-http-endpoint.json', 'config-http-endpoint.json', 'referral.endpoint', /must start with https:\/\//],
  ['a missing directory file', '/results?config=/__fixtures/config-missing-directory.json', 'no-such-directory.json', null, /was not found/],
  ['a directory that is not JSON', '/results?config=/__fixtures/config-bad-directory.json', 'directory-malformed.json', null, /not valid JSON \(line 1, column \d+\)/],
  ['a directory of the wrong shape', '/results?config=/__fixtures/config-shapeless-directory.json', 'directory-shapeless.json', 'services', /must be a list/],
];

for (const [what, url, file, field, problem] of cases) {
  test(`${what} is named on the set-up error page`, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sorry, there is a problem with this service' })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert.getByText(file)).toBeVisible();
    if (field) await expect(alert.getByText(field, { exact: true })).toBeVisible();
    await expect(alert).toContainText(problem);
    await expectAccessible(page);
    await page.getByRole('main').getByRole('link', { name: 'Need help now?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
  });
}

test('a config override from another site is ignored', async ({ page, requests }) => {
  await page.goto('/?config=https://evil.example/config.json');
  await expect(page.getByRole('heading', { level: 1, name: 'Find support near you' })).toBeVisible();
  expect(requests.filter((u) => new URL(u).hostname.endsWith('evil.example'))).toEqual([]);
});

// Links a stranger could put on a poster or in a text message. Each must
// leave the widget on its own config: the privacy notice names the real
// organisation, and no request goes to any other origin.
const crafted = [
  '/%09/evil.example/c.json',
  '/%0A/evil.example/c.json',
  '/%0D/evil.example/c.json',
  '/%5Cevil.example/c.json',
  '%5C%5Cevil.example%5Cc.json',
  '//evil.example/c.json',
  '/%252F/evil.example/c.json',
  '/%09%5C%252F/evil.example/c.json',
  'https://127.0.0.1:8090@evil.example/c.json',
];
for (const value of crafted) {
  test(`a crafted config link (${value}) reads no other site's config`, async ({ page, requests, baseURL }) => {
    await page.goto(`/privacy?config=${value}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
    await expect(page.getByText('This service is run by Somerset Community Connect (sample)')).toBeVisible();
    const origin = new URL(baseURL).origin;
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  });
}
