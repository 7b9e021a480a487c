// The shipped server configs (deploy/nginx/waymark.conf, deploy/Caddyfile),
// run for real: the headers of public/_headers on every page, every app
// address answered with its page, a missing file answered 404, caching by
// content hash, compression, the basemap in byte ranges, and a referral
// through the host arriving once.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../support/fixtures.js';
import { fillReferral, sendAndFindReceived, startReferral } from '../support/journey.js';
import { RECEIVER } from '../support/real-hosts.mjs';

const dist = process.env.WAYMARK_DIST;
const WALK = 'cbc9bd44-45ae-54b6-82ec-cf29cf4cb5a3';
const wasm = `/${readdirSync(dist).find((f) => /^waymark-[0-9a-f]+_bg\.wasm$/.test(f))}`;
const shipped = readFileSync(join(dist, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];

test('every page carries the policy and the headers of public/_headers', async ({ request }) => {
  for (const path of ['/', '/results', `/group/${WALK}`, '/help', '/inbox']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    // The shipped policy, with only the test receiver's origin added to connect-src.
    expect(headers['content-security-policy'], path).toBe(shipped.replace("connect-src 'self' https:", `connect-src 'self' https: ${RECEIVER}`));
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(headers['permissions-policy'], path).toContain('geolocation=(self)');
    expect(headers['cache-control'], path).toBe('no-cache');
    expect(headers['content-type'], path).toMatch(/^text\/html/);
  }
  expect((await request.get('/inbox')).headers()['x-robots-tag']).toBe('noindex, nofollow');
});

test('an app address with no page of its own is the app; a missing file is 404', async ({ request }) => {
  const deep = await request.get('/group/255_-11~not-in-the-sample');
  expect(deep.status()).toBe(200);
  expect(await deep.text()).toBe(readFileSync(join(dist, 'app.html'), 'utf8'));
  const walk = await request.get(`/group/${WALK}`);
  expect(await walk.text()).toBe(readFileSync(join(dist, `group/${WALK}.html`), 'utf8'));
  for (const missing of ['/missing.js', '/data/nope.json', '/waymark-0000000000000000_bg.wasm', '/postcodes/ZZ.txt', '/_headers', '/_headers.nginx']) {
    const response = await request.get(missing);
    expect(response.status(), missing).toBe(404);
    expect(response.headers()['content-security-policy'], missing).toBeTruthy();
  }
});

test('hashed code is kept a year, the rest revalidated, the worker never cached', async ({ request }) => {
  const code = await request.get(wasm);
  expect(code.headers()['content-type']).toBe('application/wasm');
  expect(code.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  for (const path of ['/config.json', '/questions/default.json', '/locales/en.json', '/data/somerset-sample.json']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe('no-cache');
  }
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-store');
});

test('the code and the data are sent compressed: brotli where the browser takes it, else gzip', async ({ request }) => {
  // Neither server compresses brotli per request (nginx has only brotli_static,
  // Caddy's encode here only zstd and gzip): a brotli answer is the build's .br
  // copy, the bytes the size budget counts.
  for (const [accepted, sent] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']]) {
    for (const path of [wasm, '/data/somerset-sample.json', '/']) {
      const response = await request.get(path, { headers: { 'Accept-Encoding': accepted } });
      expect(response.ok(), path).toBe(true);
      expect(response.headers()['content-encoding'], `${path} for ${accepted}`).toBe(sent);
      expect(response.headers()['vary'], path).toMatch(/Accept-Encoding/i);
    }
    // Byte for byte what the build wrote, once unpacked.
    const unpacked = await (await request.get(wasm, { headers: { 'Accept-Encoding': accepted } })).body();
    expect(unpacked.equals(readFileSync(join(dist, wasm))), `the wasm, ${sent}`).toBe(true);
  }
});

test('the basemap is served in byte ranges, uncompressed, as the map reads it', async ({ request }) => {
  const whole = readFileSync(join(dist, 'map/sample.pmtiles'));
  // The map asks for its header first, then for tiles further in.
  for (const [start, end] of [[0, 126], [16384, 16384 + 511]]) {
    const response = await request.get('/map/sample.pmtiles', {
      headers: { Range: `bytes=${start}-${end}`, 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(response.status()).toBe(206);
    expect(response.headers()['content-range']).toBe(`bytes ${start}-${end}/${whole.length}`);
    expect(response.headers()['content-encoding']).toBeUndefined();
    expect((await response.body()).equals(whole.subarray(start, end + 1))).toBe(true);
  }
});

test('a referral sent through this host arrives exactly once', async ({ page, request, baseURL }) => {
  await startReferral(page);
  await fillReferral(page);
  const mine = await sendAndFindReceived(page, request, baseURL);
  expect(mine).toHaveLength(1);
  expect(mine[0].status).toBe(201);
});
