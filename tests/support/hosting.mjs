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
  '.pmtiles': 'application/vnd.pmtiles',
};

/** Every block of the build's Netlify-style _headers file, as { pattern, headers }
 *  with headers as [name, value] pairs; `*` matches any characters, as on
 *  Netlify and Cloudflare Pages. */
export async function headerBlocks(dist) {
  const text = await readFile(join(dist, '_headers'), 'utf8').catch(() => '');
  const blocks = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const glob = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
      blocks.push({ pattern, glob, headers: [] });
      continue;
    }
    const at = line.indexOf(':');
    if (blocks.length && at > 0) blocks.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return blocks;
}

/** The `/*` block of the build's _headers, as [name, value] pairs; none for a
 *  folder that is not a widget build (the ranking benchmark's). */
export async function recommendedHeaders(dist) {
  const blocks = await headerBlocks(dist);
  if (!blocks.length) return [];
  const headers = blocks.find((b) => b.pattern === '/*')?.headers ?? [];
  if (!headers.some(([name]) => name === 'Content-Security-Policy')) {
    throw new Error(`${dist}/_headers has no Content-Security-Policy for /*`);
  }
  return headers;
}

/** The Cache-Control _headers gives `path`: the last block that matches and says one. */
export function cacheControlFor(blocks, path) {
  let value = 'no-cache';
  for (const block of blocks) {
    const said = block.headers.find(([name]) => name.toLowerCase() === 'cache-control');
    if (said && block.glob.test(path)) value = said[1];
  }
  return value;
}

/** The page an address with no file gets, as a static host serves it: the
 *  page written for that address (`/help` is help.html, `/` is index.html),
 *  else app.html, the plain shell, when the build has one. `has(path)` says
 *  whether the build has a file. */
export function pageFor(path, has) {
  const own = path === '/' ? '/index.html' : `${path.replace(/\/+$/, '')}.html`;
  if (has(own)) return own;
  return has('/app.html') ? '/app.html' : '/index.html';
}

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
