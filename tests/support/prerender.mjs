// Writes each page of the widget into the build as real HTML, so every
// address paints its own content before the wasm arrives; the app then takes
// over, replacing it. Each page is the app's own rendering of that address
// with the build's config and words, read from Chromium, so it can never
// drift from what the app draws. Which pages, in which files, preloading
// which data, is decided in one place, core::route (WAYMARK_PAGES, written
// by `cargo xtask prerender`).
//
// Each written page carries the stylesheet in a <style> element, so it paints
// with one round trip fewer; the policy in _headers allows that one element
// by its hash, which is written in here. The plain shell, app.html, for
// every other address, links the stylesheet file instead. The page's own
// content sits between two markers, so the service worker can serve the
// start page as the plain shell offline (public/sw.js).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './hosting.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.WAYMARK_DIST;
const pages = JSON.parse(await readFile(process.env.WAYMARK_PAGES, 'utf8'));
const LOADING = '<p class="wm-loading" id="waymark-loading" role="status">Loading…</p>';

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function serve(port) {
  const server = spawn('node', [join(here, 'static-server.mjs'), String(port)], {
    env: { ...process.env, WAYMARK_DIST: dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    server.stdout.once('data', resolve);
    server.once('exit', (code) => reject(new Error(`the static server stopped (${code})`)));
  });
  return server;
}

/** The app's rendering of `path`: what it puts in #waymark, and the tab title. */
async function render(page, port, path, loadingTitle) {
  await page.goto(`http://127.0.0.1:${port}${path}`);
  await page.locator('#waymark-loading').waitFor({ state: 'detached', timeout: 30_000 });
  // A page that shows services first says "Loading" while the directory arrives.
  await page.waitForFunction((loading) => {
    const h1 = document.querySelector('#main-content h1');
    return h1 && h1.textContent.trim() !== loading;
  }, loadingTitle);
  const html = await page.$eval('#waymark', (root) => {
    // Until the app takes over, a form submitted would go to the server as an
    // address holding what was typed: in the copy, a form submits nowhere.
    for (const form of root.querySelectorAll('form')) form.setAttribute('method', 'dialog');
    return Array.from(root.children).filter((e) => e.tagName !== 'NOSCRIPT').map((e) => e.outerHTML).join('\n');
  });
  return { html, title: await page.title() };
}

/** Preload links for the files a page fetches at start, asked for as the app
 *  fetches them (src/web/platform/fetch.rs: no-cors, credentials included),
 *  so every engine hands the preloaded copy over. */
const preloads = (files) =>
  files.map((file) => `<link rel="preload" href="${file.replace(/^\//, '')}" as="fetch">`).join('\n  ');

const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const shell = await readFile(join(dist, 'index.html'), 'utf8');
if (!shell.includes(LOADING)) throw new Error('index.html has no loading message to replace');
const withPreloads = (files) => shell.replace('</head>', `  ${preloads(files)}\n</head>`);

// The stylesheet Trunk linked, inlined, and its hash allowed by the policy.
const stylesheet = shell.match(/<link rel="stylesheet" href="\/?([^"]+\.css)"[^>]*>/);
if (!stylesheet) throw new Error('index.html links no stylesheet to inline');
const css = await readFile(join(dist, stylesheet[1]), 'utf8');
if (css.includes('</style')) throw new Error(`${stylesheet[1]} cannot be inlined`);
const cssHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
const headers = await readFile(join(dist, '_headers'), 'utf8');
if (!/style-src 'self'/.test(headers)) throw new Error("_headers has no style-src 'self' to allow the inlined stylesheet in");
const builtHeaders = headers.replace(/style-src 'self'/g, `style-src 'self' ${cssHash}`);
await writeFile(join(dist, '_headers'), builtHeaders);

// The same headers for the servers a council runs, whose configs this project
// ships (deploy/nginx/waymark.conf, deploy/Caddyfile) and which include these
// files: written with every build, so the stylesheet's hash in the policy is
// always this build's. The "/*" block of _headers, every page's headers.
const everyPage = [];
let inEveryPage = false;
for (const line of builtHeaders.split('\n')) {
  if (!/^\s/.test(line)) inEveryPage = line.trim() === '/*';
  const header = inEveryPage && line.match(/^\s+([A-Za-z-]+):\s*(.+?)\s*$/);
  if (header) everyPage.push([header[1], header[2]]);
}
if (!everyPage.some(([name]) => name === 'Content-Security-Policy')) throw new Error('_headers gives every page no Content-Security-Policy');
const written = '# Written by the build from _headers (every page\'s headers, this build\'s stylesheet hash in the\n# policy): edit public/_headers and build again, rather than this file.\n';
await writeFile(join(dist, '_headers.nginx'),
  `${written}${everyPage.map(([name, value]) => `add_header ${name} "${value}" always;`).join('\n')}\n`);
await writeFile(join(dist, '_headers.caddy'),
  `${written}header {\n${everyPage.map(([name, value]) => `\t${name} "${value}"`).join('\n')}\n}\n`);
const inlined = (html) => html.replace(stylesheet[0], () => `<style>${css}</style>`);
const start = pages.find((p) => p.path === '/');
await writeFile(join(dist, 'app.html'), withPreloads(start.preload));

// Where "Exit this page" leaves for, so boot.js can leave before the app has
// taken over (a plain https address or one on this site; else the app's default).
const config = JSON.parse(await readFile(join(dist, 'config.json'), 'utf8'));
const exit =
  !config.kiosk?.enabled && typeof config.quick_exit_url === 'string' && /^(https:\/\/|\/[^/])/.test(config.quick_exit_url)
    ? config.quick_exit_url
    : '';
const exitAttribute = exit ? ` data-exit="${exit.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"` : '';

const words = JSON.parse(await readFile(join(dist, start.preload.find((f) => f.startsWith('locales/'))), 'utf8'));
const loadingTitle = words['shell.loading'] || 'Loading…';
const port = await freePort();
const server = await serve(port);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
try {
  const context = await browser.newContext();
  // Two at a time: the machine's two cores.
  const queue = [...pages];
  const rendered = [];
  const worker = async () => {
    const page = await context.newPage();
    for (let next = queue.shift(); next; next = queue.shift()) {
      rendered.push({ ...next, ...(await render(page, port, next.path, loadingTitle)) });
    }
  };
  await Promise.all([worker(), worker()]);
  // Written once all are drawn, so every page was drawn from the plain shell.
  for (const { file, preload, html, title } of rendered) {
    const written = inlined(withPreloads(preload))
      .replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`)
      .replace(LOADING, () => `<!--waymark:page--><div id="waymark-loading" data-prerendered${exitAttribute}>\n${html}\n</div><!--/waymark:page-->`);
    await mkdir(dirname(join(dist, file)), { recursive: true });
    await writeFile(join(dist, file), written);
  }
  console.log(`prerender: ${pages.length} pages written as HTML; app.html is the shell for other addresses`);
} finally {
  await browser.close();
  server.kill();
}
