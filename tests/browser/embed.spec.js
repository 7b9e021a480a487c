// Embedding: a charity's page with the one-line snippet (public/embed.js).
// The host page (tests/fixtures/host.html) is opened as http://localhost,
// while the widget it embeds is served from http://127.0.0.1: two origins,
// as on a real charity site.
import { test, expect, expectAccessible } from '../support/fixtures.js';
import { checkToSuggestions, searchNear } from '../support/journey.js';

const TITLE = 'Find support near you';

/** The host page at another origin than the widget, and the widget's frame in it. */
async function openHost(page, baseURL, path = '/__fixtures/host.html', title = TITLE) {
  const hostURL = new URL(path, baseURL.replace('127.0.0.1', 'localhost')).href;
  await page.goto(hostURL);
  const element = page.getByTitle(title);
  const widget = page.frameLocator(`iframe[title="${title}"]`);
  await expect(widget.getByRole('heading', { level: 1 })).toBeVisible();
  const frame = await (await element.elementHandle()).contentFrame();
  return { element, widget, frame };
}

/** Waits until the frame is exactly as tall as the widget's page, with nothing to scroll inside. */
async function expectFitted({ element, frame }, label) {
  await expect
    .poll(
      async () => {
        const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
        const inner = await frame.evaluate(() => ({
          content: document.documentElement.scrollHeight,
          viewport: window.innerHeight,
        }));
        return Math.abs(outer - inner.content) <= 1 && inner.content <= inner.viewport;
      },
      { message: `the frame fits the widget on ${label}` },
    )
    .toBe(true);
  return element.evaluate((f) => Math.round(f.getBoundingClientRect().height));
}

test('the host page shows the widget at its content height through the whole journey', async ({ page, baseURL }) => {
  const embedded = await openHost(page, baseURL);
  const { widget } = embedded;
  const heights = [await expectFitted(embedded, 'the start page')];
  await expectAccessible(page, 'host page with the widget');

  await checkToSuggestions(widget, ['Getting more active'], null);
  await expect(widget.getByRole('heading', { level: 1, name: 'Support near you' })).toBeVisible();
  heights.push(await expectFitted(embedded, 'the suggestions'));

  await searchNear(widget, 'TA1 2BX');
  await expect(widget.getByRole('link', { name: 'Taunton Riverside Health Walk' })).toBeVisible();
  heights.push(await expectFitted(embedded, 'the results'));
  await expectAccessible(page, 'results inside the frame');

  await widget.getByRole('link', { name: 'Taunton Riverside Health Walk' }).click();
  await expect(widget.getByRole('heading', { level: 1, name: 'Taunton Riverside Health Walk' })).toBeVisible();
  heights.push(await expectFitted(embedded, 'the group page'));
  await expectAccessible(page, 'group page inside the frame');

  await widget.getByRole('button', { name: 'Ask to join' }).click();
  await expect(widget.getByRole('heading', { level: 1, name: 'What you are asking for' })).toBeVisible();
  heights.push(await expectFitted(embedded, 'the first referral page'));
  await expectAccessible(page, 'referral inside the frame');

  // The frame followed the content as it grew and shrank.
  expect(new Set(heights).size, `heights: ${heights}`).toBeGreaterThanOrEqual(4);
  // The host's text after the widget is pushed down, not covered.
  const frameBottom = await embedded.element.evaluate((f) => f.getBoundingClientRect().bottom);
  const after = await page.locator('#after-widget').evaluate((p) => p.getBoundingClientRect().top);
  expect(after).toBeGreaterThanOrEqual(frameBottom);
});

test("the widget takes the host's colours and text size, and its frame has a name", async ({ page, baseURL }) => {
  const { element, frame } = await openHost(page, baseURL);
  await expect(element).toHaveAttribute('title', TITLE);
  const header = frame.locator('.wm-header');
  await expect(header).toHaveCSS('background-color', 'rgb(124, 40, 85)');
  // data-text-size="18px" on a 16px browser default.
  await expect(frame.locator('html')).toHaveCSS('font-size', '18px');
});

test('messages from other origins are ignored by the widget and by the host', async ({ page, baseURL }) => {
  const embedded = await openHost(page, baseURL);
  const { element, frame } = embedded;
  const header = frame.locator('.wm-header');
  const fitted = await expectFitted(embedded, 'the start page');

  // A frame from a third origin (an opaque data: URL) on the same host page
  // tries to restyle the widget and to squash its frame.
  await page.evaluate(() => {
    const intruder = document.createElement('iframe');
    intruder.id = 'intruder';
    const script =
      "parent.frames[0].postMessage({ waymark: 1, type: 'style', header_background: '#ff0000' }, '*');" +
      "parent.postMessage({ waymark: 1, type: 'height', height: 42 }, '*');" +
      "document.title = 'sent';";
    intruder.src = `data:text/html,${encodeURIComponent(`<title>waiting</title><script>${script}</script>`)}`;
    document.body.append(intruder);
  });
  await expect.poll(() => page.frameLocator('#intruder').locator('title').textContent()).toBe('sent');
  // The host page itself is not the widget, so it cannot resize the frame either.
  await page.evaluate(() => window.postMessage({ waymark: 1, type: 'height', height: 42 }, '*'));
  await page.waitForTimeout(300);
  await expect(header).toHaveCSS('background-color', 'rgb(124, 40, 85)');
  expect(await element.evaluate((f) => Math.round(f.getBoundingClientRect().height))).toBe(fitted);

  // The same message from the host, its parent, is taken: the check above could fail.
  await page.evaluate(() =>
    document.querySelector('iframe[title]').contentWindow.postMessage(
      { waymark: 1, type: 'style', header_background: '#00703c' },
      new URL(document.querySelector('iframe[title]').src).origin,
    ),
  );
  await expect(header).toHaveCSS('background-color', 'rgb(0, 112, 60)');
});

test("the example host page shows only its own organisation's groups", async ({ page, baseURL }) => {
  const { widget } = await openHost(page, baseURL, '/embed-example.html', 'Find a walk near you');
  await expectAccessible(page, 'example host page');
  await checkToSuggestions(widget, ['Getting more active', 'Meeting people or feeling less lonely'], null);
  await searchNear(widget, 'TA1 2BX');
  await expect(widget.getByRole('link', { name: 'Taunton Riverside Health Walk' })).toBeVisible();
  const groups = await widget.locator('.wm-card__heading a').allTextContents();
  expect(groups.length).toBeGreaterThan(0);
  for (const group of groups) expect(group, 'only Walking for Wellbeing runs walks').toMatch(/walk/i);
});

test('quick exit inside the frame takes the whole host page away', async ({ page, baseURL }) => {
  const { widget } = await openHost(page, baseURL, '/__fixtures/host-exit.html');
  await widget.getByRole('button', { name: /Exit this page/ }).click();
  await expect(page).toHaveURL(/\/__fixtures\/neutral\.html$/);
  await expect(page.getByRole('heading', { name: "Today's weather" })).toBeVisible();
});
