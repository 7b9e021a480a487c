// A small Open Referral UK API for the `cargo xtask import` tests, with the
// awkward habits of real feeds: two versions, paging that counts from 0 or
// from 1, a page that fails twice before it answers, a slow page, and
// records the widget cannot show.
//
//   node tests/support/oruk-server.mjs <port>   (0: any free port; the first
//                                                 line printed is `listening <port>`)
//
//   /v1/services?page=&per_page=   v1 envelope, pages counted from 0, list items
//                                  without nested arrays
//   /v1/services/{id}              a full v1 record
//   /v3/services?page=&per_page=   3.0 envelope, pages counted from 1, full records
//   /v1, /v3                       API metadata (as ORUK's `GET /`)
//   /file/directory.json           one v1 directory file ({ "services": [...] })
//   /broken/services               two pages: the first lists a service whose full
//                                  record is missing (404), the second is always 404
//   /stats                         requests so far, per path (and page)
//
// Feeds that are broken the ways real ones are (ORUK 3.0 envelopes, three
// new services a page unless said):
//   /endless/services              never says it has ended: last_page false, no count
//   /huge/services                 claims 1,000,000 pages and never ends
//   /repeating/services            ignores ?page= and answers page 1 for ever
//   /contradictory/services        page 1 says 2 pages; page 2 says it is not the
//                                  last; page 3 says 3 pages and is the last
//   /duplicates/services           one page: one id 128 times (as the ORUK
//                                  validator's own test list has)
//   /files/<name>                  tests/fixtures/feeds/<name> byte for byte (a BOM kept)
//   /outpost/api/v1/services?page= tests/fixtures/feeds/outpost/services-page-<n>.json
//   /outpost/api/v1/services/{id}  tests/fixtures/feeds/outpost/service-<id>.json
//
//   node tests/support/oruk-server.mjs <port> <directory.json>
//   also serves that file's services as a large feed, for measuring an import:
//   /feed/v3/services?page=&per_page=   3.0 envelope, full records (up to 100 a page)
//   /feed/v1/services?page=&per_page=   v1 envelope, list items only (up to 100 a page)
//   /feed/v1/services/{id}              the full record
//
// Pages hold at most PER_PAGE services whatever `per_page` asks for, as real
// servers cap it. The second page fails with 503 twice (the first time with
// Retry-After: 1) and then answers; the last page takes 1.5 s.

import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FEEDS = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/feeds');

const PER_PAGE = 5;
const SLOW_MS = 1500;

const terms = {
  carers: { id: 'esdServiceType:298', name: 'Carers support groups', vocabulary: 'esdServiceTypes' },
  inclusion: { id: 'esdNeed:69', name: 'Social inclusion', vocabulary: 'esdNeeds' },
  befriending: { id: 'wf-befriending', name: 'Befriending', vocabulary: 'Westmorland and Furness local' },
  loneliness: { id: 'som-loneliness', name: 'Loneliness', vocabulary: 'Somerset local' },
  active: { id: 'som-physical-activity', name: 'Physical activity', vocabulary: 'Somerset local' },
  carersGroups: { id: 'wf-carers-groups', name: 'Carers groups', vocabulary: 'Westmorland and Furness local' },
  woodwork: { id: 'som-woodwork', name: 'Woodworking', vocabulary: 'Somerset local' },
};

const place = (name, lat, lon, address, city, postcode) => ({ name, lat, lon, address, city, postcode });

// One list, written once, served in both shapes. Twelve services: eight the
// widget can show and four it cannot (inactive, no name, a place off the map,
// a repeated id).
const services = [
  { id: 'wf-001', name: 'Kendal Befriending Circle', place: place('Kendal Town Hall', 54.3280, -2.7463, 'Highgate', 'Kendal', 'LA9 4DT'),
    terms: ['befriending', 'inclusion'], byday: 'TU', minAge: 18 },
  { id: 'wf-002', name: 'Carers Coffee Morning', place: place('Kendal Library', 54.3275, -2.7470, 'Stricklandgate', 'Kendal', 'LA9 4PY'),
    terms: ['carers', 'carersGroups'], byday: 'WE' },
  { id: 'som-003', name: 'Walking for Health Taunton', place: place('Vivary Park', 51.0105, -3.1029, 'Wilton Street', 'Taunton', 'TA1 3JR'),
    terms: ['active'], byday: 'TH' },
  { id: 'som-004', name: 'Somerset Chat Line', attending: 'phone', terms: ['loneliness', 'inclusion'] },
  { id: 'som-005', name: "Yeovil Men's Shed", place: place('Yeovil Community Centre', 50.9421, -2.6336, 'Addlewell Lane', 'Yeovil', 'BA20 1QN'),
    terms: ['befriending', 'woodwork'], byday: 'MO,FR' },
  { id: 'som-006', name: 'Closed Lunch Club', status: 'inactive', place: place('Chard Guildhall', 50.8727, -2.9650, 'Fore Street', 'Chard', 'TA20 1PP'),
    terms: ['loneliness'] },
  { id: 'som-007', name: null, place: place('Frome Library', 51.2290, -2.3220, 'Justice Lane', 'Frome', 'BA11 1BE'), terms: ['active'] },
  { id: 'som-008', name: 'Counselling Placeholder', place: place('MyCity Civic Center', 100, 101, '1-30 Main Street', 'MyCity', 'ABC 1234'),
    terms: ['inclusion'] },
  { id: 'wf-001', name: 'Kendal Befriending Circle (listed twice)', place: place('Kendal Town Hall', 54.3280, -2.7463, 'Highgate', 'Kendal', 'LA9 4DT'),
    terms: ['befriending'] },
  { id: 'wf-010', name: 'Online Carers Forum', attending: 'online', terms: ['carers'] },
  { id: 'som-011', name: 'Frome Community Garden', place: place('Edmund Park', 51.2279, -2.3215, 'Weymouth Road', 'Frome', 'BA11 1HA'),
    terms: ['active', 'inclusion'], byday: 'SA' },
  { id: 'som-012', name: 'Bridgwater Chair Yoga', place: place('Blake Hall', 51.1280, -3.0036, 'Mount Street', 'Bridgwater', 'TA6 3ER'),
    terms: ['active'], byday: 'FR', email: 'yoga at bridgwater' },
];

function oneToOne(s) {
  const fields = { id: s.id, name: s.name, description: `${s.name ?? 'A group'}: meet people nearby.`,
    status: s.status ?? 'active', url: `https://example.org.uk/groups/${s.id}`, email: s.email ?? `${s.id}@example.org.uk` };
  if (fields.name === null) delete fields.name;
  return fields;
}

function v1Full(s) {
  const record = { ...oneToOne(s), attending_type: s.attending ?? 'venue', attending_access: 'drop-in',
    deliverable_type: 'Advice', assured_date: '2025-11-03',
    organization: { id: `org-${s.id}`, name: 'Community Trust', description: 'A local charity.' },
    service_taxonomys: s.terms.map((t, i) => ({ id: `${s.id}-st${i}`, taxonomy: { ...terms[t], parent: null } })),
    regular_schedules: s.byday ? [{ id: `${s.id}-rs`, freq: 'WEEKLY', interval: 1, byday: s.byday, opens_at: '10:00', closes_at: '12:00', description: 'Weekly' }] : [],
    eligibilitys: s.minAge ? [{ id: `${s.id}-el`, eligibility: 'adult', minimum_age: s.minAge, maximum_age: null, taxonomys: [] }] : [],
    languages: [{ id: `${s.id}-lang`, language: 'English' }],
    contacts: [{ id: `${s.id}-c`, name: 'Group lead', phones: [{ id: `${s.id}-p`, number: '01539 000000' }] }],
    cost_options: [{ id: `${s.id}-co`, option: 'Free', amount: 0, amount_description: null }],
    service_at_locations: [] };
  if (s.place) {
    const p = s.place;
    record.service_at_locations.push({ id: `${s.id}-sal`, location: { id: `${s.id}-loc`, name: p.name, latitude: p.lat, longitude: p.lon,
      physical_addresses: [{ id: `${s.id}-addr`, address_1: p.address, city: p.city, state_province: 'England', postal_code: p.postcode, country: 'GB' }],
      accessibility_for_disabilities: [{ id: `${s.id}-acc`, accessibility: 'Step-free entrance' }] } });
  }
  return record;
}

function v3Full(s) {
  const record = { ...oneToOne(s), assured_date: '2025-11-03', organization_id: `org-${s.id}`,
    organization: { id: `org-${s.id}`, name: 'Community Trust', description: 'A local charity.' },
    attributes: s.terms.map((t, i) => ({ id: `${s.id}-at${i}`, link_type: 'service_type', taxonomy_term_id: terms[t].id,
      taxonomy_term: { id: terms[t].id, name: terms[t].name, description: terms[t].name, taxonomy: terms[t].vocabulary } })),
    schedules: s.byday ? [{ id: `${s.id}-sc`, freq: 'WEEKLY', interval: 1, byday: s.byday, opens_at: '10:00', closes_at: '12:00' }] : [],
    cost_options: [{ id: `${s.id}-co`, option: 'Free', amount: 0 }],
    service_at_locations: [] };
  if (s.minAge) record.minimum_age = s.minAge;
  if (s.attending) {
    record.service_at_locations.push({ id: `${s.id}-sal`, location: { id: `${s.id}-loc`, location_type: 'virtual',
      name: s.attending === 'phone' ? 'By phone' : 'Online' } });
  }
  if (s.place) {
    const p = s.place;
    record.service_at_locations.push({ id: `${s.id}-sal`, location: { id: `${s.id}-loc`, location_type: 'physical', name: p.name,
      latitude: p.lat, longitude: p.lon,
      addresses: [{ id: `${s.id}-addr`, address_1: p.address, city: p.city, state_province: 'England', postal_code: p.postcode, country: 'GB', address_type: 'physical' }],
      accessibility: [{ id: `${s.id}-acc`, description: 'Step-free entrance' }] } });
  }
  return record;
}

const totalPages = Math.ceil(services.length / PER_PAGE);

function page(version, requested) {
  const first = version === 'v1' ? 0 : 1;
  const index = Number.isInteger(requested) ? requested - first : 0;
  const items = index >= 0 ? services.slice(index * PER_PAGE, (index + 1) * PER_PAGE) : [];
  const last = index >= totalPages - 1;
  if (version === 'v1') {
    return { totalElements: services.length, totalPages, number: requested, size: PER_PAGE, first: index === 0, last,
      content: items.map(oneToOne) };
  }
  return { total_items: services.length, total_pages: totalPages, page_number: requested, size: PER_PAGE,
    first_page: index === 0, last_page: last, empty: items.length === 0, contents: items.map(v3Full) };
}

// A large feed from a file, served without the deliberate failures.
const feedFile = process.argv[3];
const feed = feedFile ? JSON.parse(readFileSync(feedFile, 'utf8')) : null;
const feedServices = feed ? (Array.isArray(feed) ? feed : feed.services ?? feed.contents ?? []) : [];
const feedById = new Map(feedServices.map((s) => [String(s.id), s]));

function feedPage(version, requested, perPage) {
  const size = Math.min(Math.max(perPage || 100, 1), 100);
  const pages = Math.ceil(feedServices.length / size);
  const index = requested - 1;
  const items = index >= 0 ? feedServices.slice(index * size, (index + 1) * size) : [];
  const last = index >= pages - 1;
  if (version === 'v1') {
    return { totalElements: feedServices.length, totalPages: pages, number: requested, size, first: index === 0, last,
      content: items.map((s) => ({ id: s.id, name: s.name, status: s.status ?? 'active' })) };
  }
  return { total_items: feedServices.length, total_pages: pages, page_number: requested, size,
    first_page: index === 0, last_page: last, empty: items.length === 0, contents: items };
}

/** A v3 record the widget can show, near Taunton. */
const walk = (id, name) => ({ id, name, status: 'active',
  service_at_locations: [{ id: `${id}-sal`, location: { id: `${id}-loc`, location_type: 'physical', name: 'Vivary Park',
    latitude: 51.0105, longitude: -3.1029 } }] });

/** Page `n` of a broken feed at `path`, or null for none of them. */
function brokenPage(path, n) {
  const v3 = (extra, contents) => ({ size: contents.length, first_page: n === 1, empty: contents.length === 0, ...extra, contents });
  const three = (prefix) => [1, 2, 3].map((i) => walk(`${prefix}-${n}-${i}`, `Walk ${n}.${i}`));
  switch (path) {
    case '/endless/services': return v3({ page_number: n, last_page: false }, three('endless'));
    case '/huge/services': return v3({ total_items: 3_000_000, total_pages: 1_000_000, page_number: n, last_page: false }, three('huge'));
    case '/repeating/services': return v3({ page_number: 1, last_page: false }, [1, 2, 3].map((i) => walk(`rep-${i}`, `Walk ${i}`)));
    case '/contradictory/services': {
      if (n > 3) return v3({ total_pages: 3, page_number: n, last_page: true }, []);
      return v3({ total_pages: n === 3 ? 3 : 2, page_number: n, last_page: n === 3 }, three('contra'));
    }
    case '/duplicates/services':
      return v3({ total_items: 128, total_pages: 1, page_number: 1, last_page: true },
        Array.from({ length: 128 }, (_, i) => walk('validator-dup', `Repeated ${i + 1}`)));
    default: return null;
  }
}

/** A fixture file's bytes, or null. Names are one path segment, never `..`. */
function fixture(...parts) {
  if (parts.some((p) => !/^[A-Za-z0-9._-]+$/.test(p) || p.startsWith('.'))) return null;
  const file = join(FEEDS, ...parts);
  return existsSync(file) ? readFileSync(file) : null;
}

function sendBytes(res, status, bytes) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(bytes);
}

const counts = {};
const failuresLeft = {};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', ...headers });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const pageParam = url.searchParams.get('page');
  const key = pageParam === null ? path : `${path}?page=${pageParam}`;
  if (path !== '/stats') counts[key] = (counts[key] ?? 0) + 1;

  if (path === '/stats') return send(res, 200, counts);
  const broken = brokenPage(path, Number(pageParam ?? 1));
  if (broken) return send(res, 200, broken);
  const file = path.match(/^\/files\/([^/]+)$/);
  if (file) {
    const bytes = fixture(file[1]);
    return bytes ? sendBytes(res, 200, bytes) : send(res, 404, { error: 'no such file' });
  }
  if (path === '/outpost/api/v1/services') {
    const bytes = fixture('outpost', `services-page-${Number(pageParam ?? 1)}.json`);
    // Past the last page Outpost answers an empty page, as Spring does.
    return bytes ? sendBytes(res, 200, bytes)
      : send(res, 200, { content: [], totalPages: 2, totalElements: 5, number: Number(pageParam), size: 3, first: false, last: true });
  }
  const outpostOne = path.match(/^\/outpost\/api\/v1\/services\/([^/]+)$/);
  if (outpostOne) {
    const bytes = fixture('outpost', `service-${outpostOne[1]}.json`);
    return bytes ? sendBytes(res, 200, bytes) : send(res, 404, { error: 'Not found' });
  }
  const feedList = path.match(/^\/feed\/(v1|v3)\/services$/);
  if (feedList) return send(res, 200, feedPage(feedList[1], Number(pageParam ?? 1), Number(url.searchParams.get('per_page'))));
  const feedOne = path.match(/^\/feed\/v1\/services\/(.+)$/);
  if (feedOne) {
    const found = feedById.get(decodeURIComponent(feedOne[1]));
    return found ? send(res, 200, found) : send(res, 404, { error: 'no such service' });
  }
  const root = path.match(/^\/(v1|v3)$/);
  if (root) return send(res, 200, { version: root[1] === 'v1' ? 'HSDS-UK-1.0' : 'HSDS-UK-3.0', profile: 'https://example.org.uk/profile', openapi_url: 'https://example.org.uk/openapi.json' });
  if (path === '/file/directory.json') return send(res, 200, { services: services.map(v1Full) });

  if (path === '/broken/services') {
    if (pageParam !== '1') return send(res, 404, { error: 'no such page' });
    return send(res, 200, { total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false,
      empty: false, contents: [{ id: 'gone-1', name: 'Listed but gone', status: 'active' }] });
  }
  const list = path.match(/^\/(v1|v3)\/services$/);
  if (list) {
    const version = list[1];
    const requested = pageParam === null ? (version === 'v1' ? 0 : 1) : Number(pageParam);
    const first = version === 'v1' ? 0 : 1;
    const index = requested - first;
    if (index === 1) {
      // The second page: busy twice, then fine.
      failuresLeft[key] ??= 2;
      if (failuresLeft[key] > 0) {
        failuresLeft[key] -= 1;
        return send(res, 503, { error: 'busy' }, failuresLeft[key] === 1 ? { 'Retry-After': '1' } : {});
      }
    }
    const body = page(version, requested);
    if (index === totalPages - 1) return setTimeout(() => send(res, 200, body), SLOW_MS);
    return send(res, 200, body);
  }
  const one = path.match(/^\/(v1|v3)\/services\/(.+)$/);
  if (one) {
    const id = decodeURIComponent(one[2]);
    const found = services.find((s) => s.id === id);
    if (!found) return send(res, 404, { error: `no service ${id}` });
    return send(res, 200, one[1] === 'v1' ? v1Full(found) : v3Full(found));
  }
  return send(res, 404, { error: 'not found' });
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
