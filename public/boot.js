// Starts the widget: imports the wasm-bindgen module Trunk built and runs the
// wasm. It is a file rather than Trunk's usual inline <script>, so the widget
// runs under a Content-Security-Policy without 'unsafe-inline'; Trunk.toml's
// `pattern_script` names the two content-hashed files in this tag's data-
// attributes, the same files the page preloads, so neither is fetched twice:
// the wasm is fetched here exactly as its preload asks (no-cors, credentials
// included, its integrity hash; xtask/src/preload.rs), or WebKit fetches it
// again.
// If the widget cannot start at all, the page index.html holds for that
// (the #waymark-stopped template: urgent-help numbers) replaces the page.
const boot = document.querySelector('script[data-waymark-js]');

// "Exit this page" (and Esc) work on the page written at build time too,
// before the app has taken over: they clear what the widget keeps and leave
// for the exit address the build wrote in. Once the app has taken over (the
// written page is gone), the app's own exit answers instead.
// Never on a kiosk, where exit starts afresh rather than leaving the screen on another site.
const onKiosk = new URLSearchParams(location.search).get('mode') === 'kiosk';
const leaveNow = (event) => {
  const page = document.querySelector('#waymark-loading[data-exit]');
  if (!page || onKiosk) return;
  event.preventDefault();
  event.stopPropagation();
  for (const storage of [sessionStorage, localStorage]) {
    try {
      Object.keys(storage).filter((key) => key.startsWith('waymark:')).forEach((key) => storage.removeItem(key));
    } catch {}
  }
  self.caches?.delete('waymark-data').catch(() => {});
  const to = page.dataset.exit;
  try {
    (window.top || window).location.replace(to);
  } catch {
    window.location.replace(to);
  }
};
document.addEventListener('click', (event) => {
  if (event.target.closest?.('#waymark-loading [data-action="exit"]')) leaveNow(event);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') leaveNow(event);
});
// In a frame that embed.js made (`?embed=`), frame.js fits the frame to the
// page and takes the host's colours; anywhere else it is never fetched.
if (window.parent !== window && new URLSearchParams(location.search).has('embed')) {
  document.head.append(Object.assign(document.createElement('script'), { src: new URL('frame.js', document.baseURI).href }));
}
const wasm = boot.dataset.waymarkWasm;
const integrity = document.querySelector(`link[rel="preload"][href="${wasm}"]`)?.integrity || '';
import(boot.dataset.waymarkJs)
  .then((bindings) => bindings.default({ module_or_path: fetch(wasm, { mode: 'no-cors', credentials: 'include', integrity }) }))
  .catch((error) => {
    console.error('Waymark stopped: it could not start.', error);
    const stopped = document.getElementById('waymark-stopped');
    if (!stopped || document.getElementById('waymark-stopped-title')) return;
    document.getElementById('waymark')?.setAttribute('hidden', '');
    document.body.append(stopped.content.cloneNode(true));
  });
