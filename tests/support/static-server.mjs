// Serves the built widget (dist/) like a static host: files by path, the app
// shell for any route without a file extension, and test fixtures under
// /__fixtures/ so tests can feed the widget broken config and directory files.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.WAYMARK_DIST || join(here, '../../dist'));
const fixtures = resolve(join(here, '../fixtures'));
const port = Number(process.argv[2] || 8090);

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
  const full = normalize(join(root, decodeURIComponent(path)));
  if (!full.startsWith(root)) return null;
  try {
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  let file = path.startsWith('/__fixtures/')
    ? await fileIn(fixtures, path.slice('/__fixtures'.length))
    : await fileIn(dist, path);
  if (!file && !extname(path)) file = join(dist, 'index.html');
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
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
