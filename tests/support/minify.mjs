// Minifies the JavaScript every first visit fetches, in a release build's
// staging folder (WAYMARK_DIST), before its pages are written: the
// wasm-bindgen glue (whose `integrity` hash in index.html is written anew),
// boot.js and the service worker (its first line, the build line that
// `cargo xtask offline` writes, is kept as it is). esbuild does the work.
// The JSON the app fetches (questions, words, the sample directory and its
// tiles) is written compact: its indentation is for the people who edit
// public/, and costs every visitor bytes. config.json is left as written,
// for the deployer who edits it in place.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.env.WAYMARK_DIST;
if (!dir) throw new Error('WAYMARK_DIST is not set');

const minify = (code, format) => transformSync(code, { minify: true, format, target: 'es2020' }).code;
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

let saved = 0;
const rewrite = (file, make) => {
  const before = readFileSync(join(dir, file), 'utf8');
  const after = make(before);
  writeFileSync(join(dir, file), after);
  saved += before.length - after.length;
  return { before, after };
};

let page = readFileSync(join(dir, 'index.html'), 'utf8');
for (const glue of readdirSync(dir).filter((f) => /^waymark-[0-9a-f]+\.js$/.test(f))) {
  const { before, after } = rewrite(glue, (code) => minify(code, 'esm'));
  if (!page.includes(integrity(before))) throw new Error(`index.html has no integrity hash for ${glue}`);
  page = page.replaceAll(integrity(before), integrity(after));
}
writeFileSync(join(dir, 'index.html'), page);
rewrite('boot.js', (code) => minify(code, 'esm'));
rewrite('sw.js', (code) => {
  const [buildLine, ...rest] = code.split('\n');
  if (!buildLine.startsWith('const BUILD = ')) throw new Error('sw.js must start with its build line');
  return `${buildLine}\n${minify(rest.join('\n'), undefined)}`;
});
const jsonIn = (folder) => readdirSync(join(dir, folder)).flatMap((name) => {
  const path = join(folder, name);
  if (statSync(join(dir, path)).isDirectory()) return jsonIn(path);
  return name.endsWith('.json') ? [path] : [];
});
for (const file of ['questions', 'locales', 'data'].flatMap(jsonIn)) {
  rewrite(file, (text) => JSON.stringify(JSON.parse(text)));
}
console.log(`minify: the glue, boot.js, sw.js and the app's JSON are ${saved} bytes smaller`);
