// Cuts the sample basemap's vector tiles (`cargo xtask basemap`, which packs
// them into one PMTiles file with the PyPI `pmtiles` writer). Open data only,
// from the package registries: Natural Earth's land and borders at 1:10m (npm
// `world-atlas`, public domain) and the postcode districts of the areas the
// sample directory covers, as place labels (public/postcodes, from OS
// Code-Point Open, OGL v3). The layers are named as the Protomaps basemap
// names them (earth, boundaries, places), so the renderer's own style draws
// them. Usage: WAYMARK_BASEMAP_TILES=<out-folder> node support/basemap.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { feature, mesh } from 'topojson-client';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.WAYMARK_BASEMAP_TILES;
if (!out) throw new Error('WAYMARK_BASEMAP_TILES (the folder for the tiles) is not set');

// Great Britain at small scales; the sample's county, and its neighbours, close up.
const COUNTRY = { west: -8.7, south: 49.8, east: 2.0, north: 61.0, maxZoom: 8 };
const COUNTY = { west: -4.0, south: 50.6, east: -2.0, north: 51.6, maxZoom: 13 };
const AREAS = ['TA', 'BA', 'BS', 'EX', 'DT'];

const atlas = (name) => JSON.parse(readFileSync(join(here, '../node_modules/world-atlas', name), 'utf8'));
const land = atlas('land-10m.json');
const countries = atlas('countries-10m.json');
const earth = feature(land, land.objects.land);
earth.features.forEach((f) => (f.properties = { kind: 'earth' }));
const borders = mesh(countries, countries.objects.countries, (a, b) => a !== b);
const boundaries = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { kind: 'country', kind_detail: 2 }, geometry: borders }],
};
const places = { type: 'FeatureCollection', features: [] };
for (const area of AREAS) {
  const table = readFileSync(join(here, '../../public/postcodes', `${area}.txt`), 'utf8');
  for (const line of table.split('\n')) {
    const [name, lat, lon] = line.split(',');
    if (!lat || line.startsWith('#') || name.includes(' ')) continue;
    places.features.push({
      type: 'Feature',
      properties: { kind: 'locality', name, min_zoom: 9 },
      geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] },
    });
  }
}

const options = { maxZoom: COUNTY.maxZoom, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 };
const layers = {
  earth: new GeoJSONVT(earth, options),
  boundaries: new GeoJSONVT(boundaries, options),
  places: new GeoJSONVT(places, options),
};

const tileRange = (box, z) => {
  const n = 2 ** z;
  const x = (lon) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return { x0: x(box.west), x1: x(box.east), y0: y(box.north), y1: y(box.south) };
};

rmSync(out, { recursive: true, force: true });
let count = 0;
for (let z = 0; z <= COUNTY.maxZoom; z++) {
  const box = z <= COUNTRY.maxZoom ? COUNTRY : COUNTY;
  const { x0, x1, y0, y1 } = tileRange(box, z);
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const tile = {};
      for (const [name, index] of Object.entries(layers)) {
        const cut = index.getTile(z, x, y);
        if (cut && cut.features.length) tile[name] = cut;
      }
      if (!Object.keys(tile).length) continue;
      // The pbf's own byte order is deterministic; gzip with no timestamp is too.
      const bytes = gzipSync(Buffer.from(vtpbf.fromGeojsonVt(tile, { version: 2 })), { level: 9 });
      mkdirSync(join(out, `${z}/${x}`), { recursive: true });
      writeFileSync(join(out, `${z}/${x}/${y}.mvt`), bytes);
      count++;
    }
  }
}
writeFileSync(
  join(out, 'bounds.json'),
  JSON.stringify({ ...COUNTRY, maxZoom: COUNTY.maxZoom, center: [-3.1, 51.0, 9] }),
);
console.log(`basemap: ${count} tiles in ${out}`);
