// The smoke suite for the engines Playwright cannot drive from Debian's
// packages: WebKitGTK (Safari's engine, through WebKitWebDriver and the
// small browser beside this file, webkit-browser.py) and Firefox ESR (through
// geckodriver), over WebDriver with selenium-webdriver. The Chromium suite
// (tests/browser/) is the full one; this is the person's whole way in each
// engine, found by role and accessible name as there.
//
//   xvfb-run -a node engines/smoke.mjs webkit|firefox      (from tests/, WAYMARK_DIST set)
//
// It starts its own static server, test receiver and driver, on ports of its
// own, and fails (never skips) when an engine cannot be started. `cargo xtask
// test` runs it in both engines.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key, until } from 'selenium-webdriver';

const here = dirname(fileURLToPath(import.meta.url));
const ENGINES = {
  webkit: {
    name: 'WebKit',
    driver: ['WebKitWebDriver', ['--port=4451']],
    port: 4451,
    capabilities: {
      browserName: 'WaymarkWebKit',
      'webkitgtk:browserOptions': { binary: join(here, 'webkit-browser.py'), args: [] },
    },
  },
  firefox: {
    name: 'Firefox',
    driver: ['geckodriver', ['--port', '4452', '--binary', '/usr/bin/firefox-esr']],
    port: 4452,
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'], prefs: { 'network.proxy.type': 0 } },
    },
  },
};
const engine = ENGINES[process.argv[2]];
if (!engine) throw new Error(`usage: node engines/smoke.mjs ${Object.keys(ENGINES).join('|')}`);
const SITE = 'http://127.0.0.1:8140';
const CONTROL = 'http://127.0.0.1:8082';

/** A child process that must keep running, once `ready` (a URL) answers; a readable failure otherwise. */
async function start(command, args, ready, env = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  let gone = null;
  child.on('error', (e) => { gone = `${command} could not be started: ${e.message}`; });
  child.on('exit', (code) => { gone ??= `${command} stopped at once (exit ${code})`; });
  for (let tries = 0; tries < 100; tries += 1) {
    if (gone) throw new Error(gone);
    if (await fetch(ready).then(() => true, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${command} did not answer at ${ready} within 10 s`);
}

const servers = [
  await start('node', [join(here, '../support/static-server.mjs'), '8140'], `${SITE}/__requests`, { WAYMARK_LOG_REQUESTS: '1' }),
  await start('node', [join(here, '../support/receiver.mjs'), '8081'], `${CONTROL}/`),
  await start(...engine.driver, `http://127.0.0.1:${engine.port}/status`),
];
let driver;
try {
  driver = await new Builder().usingServer(`http://127.0.0.1:${engine.port}`).withCapabilities(engine.capabilities).build();
} catch (e) {
  servers.forEach((s) => s.kill());
  throw new Error(`${engine.name} could not be driven: ${e.message}`);
}

/** Elements a role's name can be: what a person would call a button, a link… */
const CANDIDATES = {
  button: 'button, [role="button"], input[type="submit"], input[type="button"]',
  link: 'a[href], [role="link"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  radio: 'input[type="radio"], [role="radio"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="search"], textarea',
};

/** The one displayed element with this role and accessible name (a string, exactly, or a pattern), as the engine computes them. */
async function byRole(role, name, { timeout = 10_000 } = {}) {
  const matches = (text) => (typeof name === 'string' ? text.trim() === name : name.test(text));
  let last = [];
  const found = await driver.wait(async () => {
    last = [];
    for (const element of await driver.findElements(By.css(CANDIDATES[role]))) {
      try {
        if (!(await element.isDisplayed())) continue;
        const [computedRole, label] = await Promise.all([element.getAriaRole(), element.getAccessibleName()]);
        last.push(`${computedRole} "${label}"`);
        if (computedRole === role && matches(label)) return element;
      } catch {
        // Redrawn while asked: looked for again on the next round.
      }
    }
    return null;
  }, timeout).catch(() => null);
  if (!found) throw new Error(`no ${role} named ${name} (saw: ${last.join(', ') || 'none'})`);
  return found;
}

/** As a person does it: scrolled to, then pressed (in WebKit a Continue below the window's edge was pressed to no effect). */
async function click(role, name) {
  const element = await byRole(role, name);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
  await element.click();
}
const heading = async () => (await driver.findElement(By.css('h1')).getText()).trim();
/** The app has taken over the prerendered page once its config is applied to <html>. */
const appReady = () => driver.wait(async () => /^(ltr|rtl)$/.test((await driver.executeScript('return document.documentElement.getAttribute("dir") || ""')) || ''), 20_000);
async function next() {
  const before = await heading();
  await click('button', 'Continue');
  await driver.wait(async () => (await heading()) !== before, 10_000);
}
const received = async () => (await (await fetch(`${CONTROL}/received`)).json()).filter((r) => r.origin === SITE);

const tests = [];
const test = (title, body) => tests.push({ title, body });

test('no file of the first load is fetched twice', async () => {
  await driver.get(`${SITE}/`);
  await appReady();
  // The service worker's install fetches alongside the page: once it is
  // active, its install has kept every file it keeps.
  await driver.manage().setTimeouts({ script: 20_000 });
  const installed = await driver.executeAsyncScript(
    'const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then((r) => done(Boolean(r.active)), () => done(false));',
  );
  if (!installed) throw new Error('the service worker was not installed, so what it fetches was not counted');
  const paths = await (await fetch(`${SITE}/__requests`)).json();
  const wasm = paths.find((p) => p.endsWith('_bg.wasm'));
  if (!wasm || !paths.includes('/config.json')) throw new Error(`the first load fetched neither the wasm nor config.json: ${paths.join(', ')}`);
  const twice = [...new Set(paths.filter((p, i) => paths.indexOf(p) !== i))];
  if (twice.length) throw new Error(`fetched more than once: ${twice.join(', ')} (all: ${paths.join(', ')})`);
});

test('the check, the results near a postcode, a group, and a referral arriving exactly once', async () => {
  await fetch(`${CONTROL}/reset`, { method: 'POST' });
  await driver.get(`${SITE}/`);
  await appReady();
  await click('button', 'Start now');
  await click('radio', 'No');
  await next();
  await click('checkbox', 'Meeting people or feeling less lonely');
  await click('checkbox', 'Getting more active');
  await next();
  while (!/Check your answers/.test(await heading())) {
    if (/Who is the support for/.test(await heading())) await click('radio', 'Me');
    else if ((await driver.findElements(By.css('input[type="radio"]'))).length) await (await driver.findElement(By.css('input[type="radio"]'))).click();
    await next();
  }
  await click('button', 'See suggestions');
  await driver.wait(async () => (await heading()) === 'Support near you', 10_000);
  await (await byRole('textbox', 'Your postcode')).sendKeys('TA1 2BX');
  await click('button', 'Find groups');
  await click('link', 'Taunton Riverside Health Walk');
  await byRole('heading', 'Taunton Riverside Health Walk');
  await appReady();
  await click('button', 'Ask to join');
  await byRole('heading', 'What you are asking for');
  await next();
  await click('checkbox', /I agree to Somerset Community Connect/);
  await next();
  await (await byRole('textbox', 'What is your name?')).sendKeys('Sam Jones');
  await next();
  await click('checkbox', 'Email');
  await (await byRole('textbox', 'Email address')).sendKeys('sam@example.org');
  await next();
  await next(); // the postcode searched from is filled in already
  await next(); // date of birth and first-visit notes are optional
  await byRole('heading', 'Check your answers before sending');
  await click('button', 'Send');
  await byRole('heading', 'Your request has been sent', { timeout: 15_000 });
  const arrived = await received();
  if (arrived.length !== 1 || arrived[0].status !== 201) throw new Error(`the receiver has ${JSON.stringify(arrived.map((r) => r.status))}`);
});

test('quick exit clears what the widget stored and leaves', async () => {
  await driver.get(`${SITE}/privacy?config=/__fixtures/config-exit.json`);
  await appReady();
  await driver.executeScript(() => {
    sessionStorage.setItem('waymark:answers', '{"topics":["loneliness"]}');
    localStorage.setItem('waymark:shortlist', '["walking-group"]');
    localStorage.setItem('host-site-preference', 'keep me');
  });
  await driver.findElement(By.css('body')).sendKeys(Key.ESCAPE);
  await driver.wait(until.urlMatches(/\/__fixtures\/neutral\.html$/), 10_000);
  const left = await driver.executeScript(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
  if (left.session.length || JSON.stringify(left.local) !== '["host-site-preference"]') throw new Error(`left behind: ${JSON.stringify(left)}`);
});

let failed = 0;
for (const { title, body } of tests) {
  try {
    await body();
    console.log(`  ✓ ${engine.name}: ${title}`);
  } catch (e) {
    failed += 1;
    // Where the person was when it failed: the address, the page's heading, and a picture.
    const where = await Promise.all([driver.getCurrentUrl(), heading()]).catch(() => ['?', '?']);
    const picture = join(here, `../test-results/${process.argv[2]}-${failed}.png`);
    await mkdir(dirname(picture), { recursive: true });
    await driver.takeScreenshot().then((png) => writeFile(picture, png, 'base64')).catch(() => {});
    const message = `${e.message}\nat ${where[0]}, heading "${where[1]}" (${picture})`;
    console.log(`  ✘ ${engine.name}: ${title}\n      ${message.split('\n').join('\n      ')}`);
  }
}
await driver.quit().catch(() => {});
servers.forEach((s) => s.kill());
console.log(`${engine.name} smoke suite: ${tests.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
