// What every server and browser of the test tools shares: how a static host
// serves the widget (content types, the headers of the build's _headers file,
// which page each address gets), and how Debian's Chromium is started on this
// closed network.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const contentTypes = {
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

/** The `/*` block of the build's Netlify-style _headers file, as [name, value]
 *  pairs; none for a folder that is not a widget build (the ranking benchmark's). */
export async function recommendedHeaders(dist) {
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
    throw new Error(`${dist}/_headers has no Content-Security-Policy for /*`);
  }
  return headers;
}

/** The page an address with no file gets, as public/_redirects says: `/` is
 *  index.html (the start page written in), any other is app.html (the plain
 *  shell) when the build has one. */
export const pageFor = (path, hasAppShell) => (path !== '/' && hasAppShell ? '/app.html' : '/index.html');

/** Debian's Chromium, headless, with what this closed network needs. */
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
