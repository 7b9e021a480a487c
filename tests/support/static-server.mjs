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

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.WAYMARK_DIST || join(here, '../../dist'));
const fixtures = resolve(join(here, '../fixtures'));
const port = Number(process.argv[2] || 8090);
// A deployment with files missing, e.g. `modules/kiosk`: paths under these answer 404.
const missing = (process.argv[3] || '').split(',').filter(Boolean).map((p) => `/${p}`);
const receiver = 'http://127.0.0.1:8081';

/** The `/*` block of a Netlify-style _headers file, as [name, value] pairs. */
async function recommendedHeaders() {
  // A folder that is not a widget build (the ranking benchmark's) has none.
  const text = await readFile(join(dist, '_headers'), 'utf8').catch(() => '');
  if (!text) return [];
  const headers = [];
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inBlock && at > 0) headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  if (!headers.some(([name]) => name === 'Content-Security-Policy')) {
    throw new Error('dist/_headers has no Content-Security-Policy for /*');
  }
  return headers.map(([name, value]) => {
    if (name !== 'Content-Security-Policy') return [name, value];
    const widened = value
      .replace(/connect-src ([^;]*)/, `connect-src $1 ${receiver}`)
      .replace(/frame-ancestors ([^;]*)/, `frame-ancestors $1 http://localhost:${port}`);
    return [name, widened];
  });
}
const policyHeaders = Object.fromEntries(await recommendedHeaders());

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

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
  // Like public/_redirects: / is index.html (the start page written in), and
  // every other address without a file is app.html (the plain shell), when
  // the build has one.
  if (!file && !extname(path)) {
    const shell = path === '/' ? null : await fileIn(dist, '/app.html');
    file = shell || join(dist, 'index.html');
  }
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    ...(file.startsWith(fixtures) ? {} : policyHeaders),
    'content-type': types[extname(file)] || 'application/octet-stream',
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
