// Writes the start page into the built index.html as real HTML, so the
// heading, the urgent-help link and "Exit this page" paint before the wasm
// arrives; the app then takes over, replacing it. The page is the app's own
// rendering of `/` with the build's config and words, read from Chromium,
// so it can never drift from what the app draws.
//
// The plain shell is kept as app.html, for every other address: a deep link
// such as /results must not show the start page while the app loads. Both
// pages preload the files the config names for the start, so they are fetched at once.
//
// Run by `cargo xtask post-build` (release builds only) with WAYMARK_DIST set.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './hosting.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.WAYMARK_DIST;
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

/** The app's rendering of the start page: what it puts in #waymark, and the tab title. */
async function renderStartPage(port) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumFlags,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('#waymark-loading').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('#main-content h1').waitFor();
    const html = await page.$eval('#waymark', (root) =>
      Array.from(root.children).filter((e) => e.tagName !== 'NOSCRIPT').map((e) => e.outerHTML).join('\n'),
    );
    return { html, title: await page.title() };
  } finally {
    await browser.close();
  }
}

/** Preload links for the files the config names, fetched as the app fetches them. */
function preloads(config) {
  const files = ['config.json', `locales/${config.language || 'en'}.json`];
  if (config.questions?.url) files.push(config.questions.url);
  // Not the directory: it is fetched only when results are needed.
  return files
    .filter((file) => !/^[a-z]+:/i.test(file))
    .map((file) => `<link rel="preload" href="${file.replace(/^\//, '')}" as="fetch" crossorigin>`)
    .join('\n  ');
}

const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const shell = await readFile(join(dist, 'index.html'), 'utf8');
if (!shell.includes(LOADING)) throw new Error('index.html has no loading message to replace');
const config = JSON.parse(await readFile(join(dist, 'config.json'), 'utf8'));
const withPreloads = shell.replace('</head>', `  ${preloads(config)}\n</head>`);
await writeFile(join(dist, 'app.html'), withPreloads);

const port = await freePort();
const server = await serve(port);
try {
  const { html, title } = await renderStartPage(port);
  const start = withPreloads
    .replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`)
    .replace(LOADING, `<div id="waymark-loading" data-prerendered>\n${html}\n</div>`);
  await writeFile(join(dist, 'index.html'), start);
  console.log(`index.html: the start page written in (${html.length} characters); app.html: the shell for other addresses`);
} finally {
  server.kill();
}
