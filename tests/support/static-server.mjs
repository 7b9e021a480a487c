// Serves the built widget (dist/) like a static host: files by path, the app
// shell for any other route without a file extension, and test fixtures under
// /__fixtures/ so tests can feed the widget broken config and directory files.
// The widget's files go out with the headers of dist/_headers (the strict
// Content-Security-Policy we recommend), widened only as a deployer would:
// the test receiver may be sent referrals, and the test host page may embed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypes, pageFor, recommendedHeaders } from './hosting.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.WAYMARK_DIST || join(here, '../../dist'));
const fixtures = resolve(join(here, '../fixtures'));
const port = Number(process.argv[2] || 8090);
// A deployment with files missing, e.g. the widget's own code: paths under these answer 404.
const missing = (process.argv[3] || '').split(',').filter(Boolean).map((p) => `/${p}`);
const receiver = 'http://127.0.0.1:8081';

/** The recommended headers, widened as a deployer would for these tests. */
async function testHeaders() {
  const headers = await recommendedHeaders(dist);
  return headers.map(([name, value]) => {
    if (name !== 'Content-Security-Policy') return [name, value];
    const widened = value
      .replace(/connect-src ([^;]*)/, `connect-src $1 ${receiver}`)
      .replace(/frame-ancestors ([^;]*)/, `frame-ancestors $1 http://localhost:${port}`);
    return [name, widened];
  });
}
const policyHeaders = Object.fromEntries(await testHeaders());

async function fileIn(root, path) {
  try {
    const full = normalize(join(root, decodeURIComponent(path)));
    if (!full.startsWith(root)) return null;
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  let path;
  try {
    path = new URL(req.url, 'http://localhost').pathname;
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('bad request');
    return;
  }
  let file = missing.some((gone) => path.startsWith(gone))
    ? null
    : path.startsWith('/__fixtures/')
    ? await fileIn(fixtures, path.slice('/__fixtures'.length))
    : await fileIn(dist, path);
  if (!file && !extname(path)) file = join(dist, pageFor(path, Boolean(await fileIn(dist, '/app.html'))));
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    ...(file.startsWith(fixtures) ? {} : policyHeaders),
    'content-type': contentTypes[extname(file)] || 'application/octet-stream',
    'cache-control': 'no-store',
  });
  let body = await readFile(file);
  // Host pages among the fixtures embed the widget from this server's own
  // address, which they reach under another name (localhost) to be another origin.
  if (file.startsWith(fixtures) && file.endsWith('.html')) {
    body = body.toString().replaceAll('{{WIDGET}}', `http://127.0.0.1:${port}`);
  }
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${dist} on http://127.0.0.1:${port}`));
