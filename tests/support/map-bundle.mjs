// Builds the map's code for a release build's staging folder (WAYMARK_DIST),
// before its pages are written: src/web/platform/map.js with Leaflet and
// protomaps-leaflet (npm, exact versions in tests/package-lock.json) into one
// minified map-<hash>.js, and their stylesheet into map-<hash>.css, both
// named by their content like Trunk's files. The start page's boot script
// is told the code's name (data-waymark-map), so every page written from
// it can load the map on demand; nothing fetches it before then.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const dir = process.env.WAYMARK_DIST;
if (!dir) throw new Error('WAYMARK_DIST is not set');
const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '../../src/web/platform');
const hashed = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const common = { bundle: true, minify: true, write: false, nodePaths: [join(here, '../node_modules')], legalComments: 'none' };

const css = buildSync({ ...common, entryPoints: [join(source, 'map.css')], loader: { '.png': 'empty', '.svg': 'empty' } })
  .outputFiles[0].text;
const cssName = `map-${hashed(css)}.css`;
const js = buildSync({
  ...common,
  entryPoints: [join(source, 'map.js')],
  format: 'esm',
  target: 'es2020',
  define: { MAP_STYLESHEET: JSON.stringify(`./${cssName}`) },
}).outputFiles[0].text;
const jsName = `map-${hashed(js)}.js`;
writeFileSync(join(dir, cssName), css);
writeFileSync(join(dir, jsName), js);

const page = readFileSync(join(dir, 'index.html'), 'utf8');
const boot = /(<script type="module" src="[^"]*boot\.js" data-waymark-js="([^"]*?)waymark-[0-9a-f]+\.js")/;
const found = page.match(boot);
if (!found) throw new Error('index.html has no boot script to name the map code on');
writeFileSync(join(dir, 'index.html'), page.replace(boot, `$1 data-waymark-map="${found[2]}${jsName}"`));
console.log(`map: ${jsName} (${js.length} bytes) and ${cssName} (${css.length} bytes), loaded only when asked for`);
