// The browser half of `cargo xtask lighthouse`: what a first visit feels like
// on a phone, as the brief's budgets are stated. Lighthouse 12.2.3 (mobile
// preset, devtools throttling: slow 4G, CPU slowed 4×) loads the release build
// from a static server that compresses like a real host (brotli) and sends the
// headers of _headers (the strict Content-Security-Policy), on every kind of
// address a person lands on: the start page `/`, a deep link to `/results`, a
// group page (as from a kiosk's QR code or a shared link) and urgent help.
// Every run is a fresh Chromium with an empty profile, so nothing is cached
// and no service worker is installed. It prints LCP, TBT, time to
// interactive, CLS, FCP and bytes transferred, as the median of 3 runs and
// each run, with the brief's budgets, beside Scout's start page (Scout is not
// published on npm, so its figures are the ones measured for the brief). A
// report, not a test: it fails only when Lighthouse produces no figures
// (twice for the same run), never on a figure over budget.
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import lighthousePackage from 'lighthouse/package.json' with { type: 'json' };
import { chromiumFlags, chromiumPath, contentTypes, pageFor, recommendedHeaders } from './hosting.mjs';

const dist = resolve(process.env.WAYMARK_DIST || new URL('../../dist', import.meta.url).pathname);
const port = 8096;
const runs = 3;
// A group page written into the build: the first of the directory the config names.
const config = JSON.parse(await readFile(join(dist, 'config.json'), 'utf8').catch(() => '{}'));
const directory = config.directory?.url?.endsWith('.json') ? config.directory.url : null;
const listed = directory ? JSON.parse(await readFile(join(dist, directory), 'utf8').catch(() => '{}')) : {};
const group = (listed.services ?? listed.contents ?? [])[0]?.id;
const pages = ['/', '/results', ...(group ? [`/group/${group}`] : []), '/help'];
const chromeFlags = ['--headless', ...chromiumFlags];
// The figures, by Lighthouse audit id, and the brief's budgets for every address.
const metrics = [
  { id: 'largest-contentful-paint', label: 'LCP', unit: 'ms', budget: 1500 },
  { id: 'total-blocking-time', label: 'TBT', unit: 'ms', budget: 200 },
  { id: 'interactive', label: 'interactive', unit: 'ms', budget: 3500 },
  { id: 'cumulative-layout-shift', label: 'CLS', unit: 'score', budget: 0.1 },
  { id: 'first-contentful-paint', label: 'FCP', unit: 'ms' },
  { id: 'total-byte-weight', label: 'transferred', unit: 'bytes' },
];
// Scout's start page, the peer measured beside Waymark for the brief (Lighthouse
// 12.2.3, same preset), leaving out the Google Maps script it loads at start.
const scout = { measured: 'figures of the product brief, 2026', lcp: '4,400 ms', interactive: '4,900 ms', bytes: '178.0 KB' };

/** Every file of the build by URL path, read once. */
async function buildFiles() {
  const files = new Map();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(`/${relative(dist, full)}`, { body: await readFile(full), type: contentTypes[extname(full)] });
  }
  return files;
}

/** A file's brotli form (quality 11, as a host precompresses), made once and kept with it. */
function brotli(file) {
  file.br ??= brotliCompressSync(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return file.br;
}

/** The file a request asks for: by path, or the app shell for a path without an extension. */
function fileFor(url, files) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (files.has(path) || extname(path)) return files.get(path);
  return files.get(pageFor(path, (p) => files.has(p)));
}

/** A static host like a real one: the build's files, its _headers, brotli when the browser accepts it. */
async function startServer() {
  const headers = Object.fromEntries(await recommendedHeaders(dist));
  const files = await buildFiles();
  const server = createServer((req, res) => {
    const file = fileFor(req.url, files);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, {
      ...headers,
      'content-type': file.type ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding',
      ...(br ? { 'content-encoding': 'br' } : {}),
    });
    res.end(br ? brotli(file) : file.body);
  });
  // Compress ahead, so the first run does not wait for brotli at quality 11.
  files.forEach(brotli);
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return server;
}

/** One Lighthouse run in a fresh Chromium (its temporary files in `scratch`): the figures by audit id. */
async function measure(url, scratch) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags,
    envVars: { ...process.env, TMPDIR: scratch },
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, logLevel: 'error', onlyAudits: metrics.map((m) => m.id) },
      { extends: 'lighthouse:default', settings: { formFactor: 'mobile', throttlingMethod: 'devtools' } },
    );
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) {
      throw new Error(`Lighthouse failed on ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`);
    }
    return Object.fromEntries(metrics.map(({ id }) => [id, figure(lhr, id, url)]));
  } finally {
    await chrome.kill();
  }
}

/** A run, tried once more if Lighthouse could not record it (a trace lost on a busy machine asks for that). */
async function measureOrRetry(url, scratch) {
  try {
    return await measure(url, scratch);
  } catch (e) {
    console.error(`${e.message}\nlighthouse: trying that run once more`);
    return measure(url, scratch);
  }
}

/** One audit's figure; a run without it is a failure of Lighthouse, not of the widget. */
function figure(lhr, id, url) {
  const audit = lhr.audits[id];
  if (!Number.isFinite(audit?.numericValue)) {
    throw new Error(`Lighthouse gave no ${id} for ${url}: ${audit?.errorMessage ?? 'audit missing'}`);
  }
  return audit.numericValue;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds, or bytes in KB of 1,024 (as `cargo xtask size` counts them). */
function format(value, unit) {
  if (unit === 'bytes') return `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'score') return value.toFixed(3);
  return `${Math.round(value).toLocaleString('en-GB')} ms`;
}

function withBudget(value, { unit, budget }) {
  if (budget === undefined) return format(value, unit);
  return `${format(value, unit)} (budget ${format(budget, unit)}: ${value <= budget ? 'met' : 'over'})`;
}

const row = (cells) => `| ${cells.join(' | ')} |`;

/** The medians, with the start page's budgets beside them, then every run. */
function report(results) {
  const labels = metrics.map((m) => m.label);
  const right = metrics.map(() => '---:');
  const conditions = 'mobile, devtools throttling (slow 4G, CPU slowed 4×), brotli';
  console.log(`\nFirst visit, Lighthouse ${lighthousePackage.version}, ${conditions}`);
  console.log(`\nMedian of ${runs} runs\n\n${row(['page', ...labels])}\n${row(['---', ...right])}`);
  for (const [page, each] of results) {
    const medians = metrics.map((m) => [median(each.map((run) => run[m.id])), m]);
    const cells = medians.map(([value, m]) => withBudget(value, m));
    console.log(row([`\`${page}\``, ...cells]));
  }
  const missing = labels.map((label) =>
    label === 'LCP' ? scout.lcp : label === 'interactive' ? scout.interactive : label === 'transferred' ? scout.bytes : '',
  );
  console.log(row(['Scout, start page', ...missing]));
  console.log(`\n(Scout: ${scout.measured}.)`);
  console.log(`\nEach run\n\n${row(['page', 'run', ...labels])}\n${row(['---', '---:', ...right])}`);
  for (const [page, each] of results) {
    each.forEach((run, i) => {
      console.log(row([`\`${page}\``, i + 1, ...metrics.map((m) => format(run[m.id], m.unit))]));
    });
  }
}

const server = await startServer();
// Chromium is killed after each run, so it leaves its lock files behind: here, removed at the end.
const scratch = await mkdtemp(join(tmpdir(), 'waymark-lighthouse-'));
try {
  const results = new Map();
  for (const page of pages) {
    const each = [];
    for (let run = 1; run <= runs; run++) {
      console.error(`lighthouse: ${page}, run ${run} of ${runs}`);
      each.push(await measureOrRetry(`http://127.0.0.1:${port}${page}`, scratch));
    }
    results.set(page, each);
  }
  report(results);
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  server.close();
  await rm(scratch, { recursive: true, force: true });
}
