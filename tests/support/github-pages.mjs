// The build published as a deployer would publish it to GitHub Pages, and
// served as GitHub Pages serves a site: a copy of dist/ put through
// deploy/github-pages.sh (the policy in every page as a meta element,
// connect-src narrowed to the test receiver), then no headers of the site's
// own; `/a` is a.html or a/index.html, and any other address is 404.html
// with status 404. `node support/github-pages.mjs <port>`.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentTypes } from './hosting.mjs';
import { PAGES_SITE, RECEIVER, repository } from './real-hosts.mjs';

const dist = process.env.WAYMARK_DIST;
if (!dist) throw new Error('WAYMARK_DIST is not set');
const port = Number(process.argv[2]);

rmSync(PAGES_SITE, { recursive: true, force: true });
cpSync(dist, PAGES_SITE, { recursive: true });
execFileSync('sh', ['deploy/github-pages.sh', PAGES_SITE, RECEIVER], { cwd: repository, stdio: 'inherit' });

const isFile = async (path) => (await stat(path).catch(() => null))?.isFile() ?? false;

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  let file = null;
  for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
    const full = normalize(join(PAGES_SITE, candidate));
    if (full.startsWith(PAGES_SITE + sep) && (await isFile(full))) {
      file = full;
      break;
    }
  }
  const status = file ? 200 : 404;
  file ??= join(PAGES_SITE, '404.html');
  // GitHub Pages' own caching, the same for every file.
  res.writeHead(status, { 'content-type': contentTypes[extname(file)] || 'application/octet-stream', 'cache-control': 'max-age=600' });
  res.end(await readFile(file));
}).listen(port, '127.0.0.1', () => console.log(`GitHub Pages as it would serve ${PAGES_SITE}, on http://127.0.0.1:${port}`));
