const BUILD = { version: 'unbuilt', shell: [], data: [] };
// ^ Written by `cargo xtask offline` after every build (xtask/src/offline.rs).
//
// Waymark's service worker keeps the widget on a phone after one visit, so
// the whole journey up to sending a referral works with no signal. The
// widget registers it (src/web/platform/offline.rs), never on a kiosk.
//
// - The shell (the start page, with its stylesheet inlined; the
//   content-hashed JS and wasm; the English words and question set): kept per
//   release and served cache-first. Any other address is served the start
//   page with its content cut out, as the plain shell, which the app draws.
// - Config, directory and postcode files: stale-while-revalidate, so a
//   charity's edits reach phones a visit later without a new release.
// - The staff inbox (/inbox): nothing of it is installed, since the public
//   never uses it; once opened, its page (network first) and its hashed
//   files are kept, so it opens offline too.
// - Every other request, and anything that is not a GET (referrals), goes
//   to the network untouched and is never stored.
//
// A new release installs in the background and waits until no page of the
// old one is open, so a journey in progress never mixes two releases.

const SHELL = `waymark-shell-${BUILD.version}`;
const DATA = 'waymark-data';
const INBOX = 'waymark-inbox';
const inboxFile = /^(inbox|main)-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const MAP = 'waymark-map';
const mapFile = /^map-[0-9a-f]{16}\.(js|css)$/;
const FRESH_MS = 5 * 60 * 1000;
const scope = new URL(self.registration.scope);
const address = (path) => new URL(path, scope).href;
const shellFiles = new Set(BUILD.shell.map(address));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // On a first visit the page has just fetched what it needed: the copy
      // in the browser's cache will do, so no file comes down twice. A new
      // release fetches afresh whatever is not named by its content (Trunk's
      // hashed files never change, so their cached copy is always right).
      const firstVisit = !(await caches.keys()).some((name) => name.startsWith('waymark-shell-'));
      const hashed = (path) => /^[^/]+-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(path);
      const cacheMode = (path) => (firstVisit ? 'force-cache' : hashed(path) ? 'default' : 'reload');
      const shell = await caches.open(SHELL);
      await shell.addAll(BUILD.shell.map((path) => new Request(address(path), { cache: cacheMode(path) })));
      // The browser's copy of the start page may be older than this release
      // (storage cleared but not the HTTP cache, and a visit by a deep link):
      // it must name this release's code, or it is fetched afresh.
      const code = BUILD.shell.find((path) => /^waymark-[0-9a-f]{16}\.js$/.test(path));
      const start = await shell.match(address('index.html'));
      if (code && start && !(await start.text()).includes(code)) {
        await shell.add(new Request(address('index.html'), { cache: 'reload' }));
      }
      const data = await caches.open(DATA);
      for (const path of BUILD.data) {
        const response = await fetch(address(path), { cache: firstVisit ? 'force-cache' : 'reload' }).catch(() => null);
        if (response && response.ok) await data.put(address(path), response);
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('waymark-shell-') && name !== SHELL) await caches.delete(name);
      }
      // The first visit's page is this release: look after it straight away.
      await self.clients.claim();
    })(),
  );
});

// The inbox names its page and files once the worker is there (its first
// visit fetched them before): kept then, so it opens offline next time.
self.addEventListener('message', (event) => {
  const keep = Array.isArray(event.data?.keepInbox) ? event.data.keepInbox : [];
  const inboxAddress = (href) => {
    const url = new URL(href, scope);
    const last = url.pathname.split('/').pop();
    return url.origin === scope.origin && (last === 'inbox' || inboxFile.test(last));
  };
  event.waitUntil(caches.open(INBOX).then((cache) => cache.addAll(keep.filter(inboxAddress))).catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const last = url.pathname.split('/').pop();
  if (last === 'inbox' || last === 'inbox.html') {
    event.respondWith(inboxPage(request));
  } else if (request.mode === 'navigate' && !last.includes('.')) {
    // The start page for `/`; any other address gets the start page with its
    // own content cut out (between the markers xtask prerender writes), as
    // the plain shell, which the app draws the address into.
    event.respondWith(url.pathname === scope.pathname ? fromShell(address('index.html'), request) : plainShell(request));
  } else if (shellFiles.has(url.origin + url.pathname)) {
    event.respondWith(fromShell(url.origin + url.pathname, request));
  } else if (inboxFile.test(last)) {
    event.respondWith(inboxCode(request));
  } else if (mapFile.test(last)) {
    event.respondWith(keptOnceFetched(request, MAP));
  } else if (last.endsWith('.pmtiles')) {
    event.respondWith(basemapRange(request));
  } else if (/\/(locales|questions)\/[^/]+\.json$/.test(url.pathname)) {
    // Another language's words, kept with this release only: a new release's
    // code never reads the last release's messages.
    event.respondWith(staleWhileRevalidate(event, request, SHELL));
  } else if (/\.(json|txt)$/.test(url.pathname)) {
    event.respondWith(staleWhileRevalidate(event, request, DATA));
  }
});

// The inbox's page from the network, kept for offline; a new page lets go
// of the files the last one named.
async function inboxPage(request) {
  const cache = await caches.open(INBOX);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const page = await response.clone().text();
      await cache.put(request, response.clone());
      for (const kept of await cache.keys()) {
        const name = new URL(kept.url).pathname.split('/').pop();
        if (inboxFile.test(name) && !page.includes(name)) await cache.delete(kept);
      }
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function inboxCode(request) {
  const cache = await caches.open(INBOX);
  const cached = (await caches.match(request, { cacheName: SHELL })) || (await cache.match(request));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function keptOnceFetched(request, cacheName) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// The basemap is read in byte ranges. The Cache API keeps no partial
// response, so each range seen is kept whole under a key of its own and
// given back as the partial response it was. A reader that asks afresh
// (the file changed on the server) gets the network, and the old ranges go.
async function basemapRange(request) {
  const range = request.headers.get('range');
  if (!range) return fetch(request);
  const cache = await caches.open(MAP);
  const file = request.url.split('#')[0];
  const key = `${file}${file.includes('?') ? '&' : '?'}waymark-range=${encodeURIComponent(range)}`;
  if (request.cache === 'reload' || request.cache === 'no-store') {
    for (const kept of await cache.keys()) {
      if (kept.url.startsWith(`${file}${file.includes('?') ? '&' : '?'}waymark-range=`)) await cache.delete(kept);
    }
  } else {
    const kept = await cache.match(key);
    if (kept) return new Response(kept.body, { status: 206, headers: kept.headers });
  }
  const response = await fetch(request);
  if (response.status === 206) {
    const whole = new Response(await response.clone().arrayBuffer(), { headers: response.headers });
    await cache.put(key, whole);
  }
  return response;
}

async function plainShell(request) {
  const cached = await caches.match(address('index.html'), { cacheName: SHELL });
  if (!cached) return fetch(request);
  const page = (await cached.text()).replace(
    /<!--waymark:page-->[\s\S]*<!--\/waymark:page-->/,
    '<p class="wm-loading" id="waymark-loading" role="status">Loading…</p>',
  );
  // The same headers (the policy allows the inlined stylesheet), but not
  // those that described the stored body's length or encoding.
  const headers = new Headers(cached.headers);
  for (const name of ['content-length', 'content-encoding']) headers.delete(name);
  return new Response(page, { headers });
}

async function fromShell(key, request) {
  const cached = await caches.match(key, { cacheName: SHELL });
  return cached || fetch(request);
}

async function staleWhileRevalidate(event, request, cacheName) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  // Kept in the last few minutes (by the install, on a first visit): fresh
  // enough, and asking again would fetch the same file twice.
  const age = Date.now() - Date.parse(cached?.headers.get('date') || '');
  if (cached && age >= 0 && age < FRESH_MS) return cached;
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (!cached) return fresh;
  event.waitUntil(fresh.catch(() => {}));
  return cached;
}
