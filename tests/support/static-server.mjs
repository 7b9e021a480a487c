// Serves the built widget (dist/) like a static host: files by path, the app
// shell for any other route without a file extension, and test fixtures under
// /__fixtures/ so tests can feed the widget broken config and directory files.
// The widget's files go out with the headers of dist/_headers (the strict
// Content-Security-Policy we recommend), widened only as a deployer would:
// the test receiver may be sent referrals, and the test host page may embed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheControlFor, contentTypes, headerBlocks, pageFor, recommendedHeaders } from './hosting.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.WAYMARK_DIST || join(here, '../../dist'));
const fixtures = resolve(join(here, '../fixtures'));
const port = Number(process.argv[2] || 8090);
// A deployment with files missing, e.g. the widget's own code: paths under these answer 404.
const missing = (process.argv[3] || '').split(',').filter(Boolean).map((p) => `/${p}`);
// The test receivers (support/receiver.mjs): the sample config's, and the sealed-referral tests'.
const receivers = 'http://127.0.0.1:8081 http://127.0.0.1:8083';

/** The recommended headers, widened as a deployer would for these tests. */
async function testHeaders() {
  const headers = await recommendedHeaders(dist);
  return headers.map(([name, value]) => {
    if (name !== 'Content-Security-Policy') return [name, value];
    const widened = value
      .replace(/connect-src ([^;]*)/, `connect-src $1 ${receivers}`)
      .replace(/frame-ancestors ([^;]*)/, `frame-ancestors $1 http://localhost:${port}`);
    return [name, widened];
  });
}
const policyHeaders = Object.fromEntries(await testHeaders());
const blocks = await headerBlocks(dist);

async function fileIn(root, path) {
  try {
    const full = normalize(join(root, decodeURIComponent(path)));
    if (full !== root && !full.startsWith(root + sep)) return null;
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

// With WAYMARK_LOG_REQUESTS=1, every path asked for is kept, and /__requests
// answers the list: a test proves what a visit fetched, service worker included.
const logged = process.env.WAYMARK_LOG_REQUESTS === '1' ? [] : null;
// And /__ranges answers the byte ranges served, as `path start-end`.
const rangesServed = logged && [];

createServer(async (req, res) => {
  let path;
  try {
    path = new URL(req.url, 'http://localhost').pathname;
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('bad request');
    return;
  }
  if (logged && path === '/__requests') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(logged));
    return;
  }
  if (rangesServed && path === '/__ranges') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(rangesServed));
    return;
  }
  logged?.push(path);
  // With WAYMARK_SLOW_WASM_MS, the widget's code arrives that much later, as on a very slow line.
  if (process.env.WAYMARK_SLOW_WASM_MS && path.endsWith('_bg.wasm')) {
    await new Promise((done) => setTimeout(done, Number(process.env.WAYMARK_SLOW_WASM_MS)));
  }
  let file = missing.some((gone) => path.startsWith(gone))
    ? null
    : path.startsWith('/__fixtures/')
    ? await fileIn(fixtures, path.slice('/__fixtures'.length))
    : await fileIn(dist, path);
  if (!file && !extname(path)) {
    const pages = new Set();
    for (const candidate of [`${path.replace(/\/+$/, '')}.html`, '/app.html']) {
      if (await fileIn(dist, candidate)) pages.add(candidate);
    }
    file = join(dist, pageFor(path, (p) => p === '/index.html' || pages.has(p)));
  }
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  // Validators as nginx and Caddy give them (size and time), so a browser
  // keeps a revalidated file as it would from a real host: WebKit stores no
  // `no-cache` answer that it could not revalidate.
  const { size, mtime } = await stat(file);
  const validators = file.startsWith(fixtures)
    ? {}
    : { etag: `"${Math.floor(mtime.getTime() / 1000).toString(16)}-${size.toString(16)}"`, 'last-modified': mtime.toUTCString() };
  const headers = {
    ...(file.startsWith(fixtures) ? {} : policyHeaders),
    'content-type': contentTypes[extname(file)] || 'application/octet-stream',
    // As _headers says: content-hashed files for a year, everything else revalidated.
    'cache-control': file.startsWith(fixtures) ? 'no-store' : cacheControlFor(blocks, `/${relative(dist, file)}`),
    'accept-ranges': 'bytes',
    ...validators,
  };
  if (validators.etag && req.headers['if-none-match'] === validators.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let body = await readFile(file);
  // Byte ranges, as any static host serves them: the map reads its basemap so.
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    rangesServed?.push(`${path} ${start}-${end}`);
    if (start >= size || start > end) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
      res.end();
      return;
    }
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
    res.end(body.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, headers);
  // Host pages among the fixtures embed the widget from this server's own
  // address, which they reach under another name (localhost) to be another origin.
  if (file.startsWith(fixtures) && file.endsWith('.html')) {
    body = body.toString().replaceAll('{{WIDGET}}', `http://127.0.0.1:${port}`);
  }
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${dist} on http://127.0.0.1:${port}`));
