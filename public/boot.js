// Starts the widget: imports the wasm-bindgen module Trunk built and runs the
// wasm. It is a file rather than Trunk's usual inline <script>, so the widget
// runs under a Content-Security-Policy without 'unsafe-inline'; Trunk.toml's
// `pattern_script` names the two hashed files in this tag's data- attributes.
// An address that shows services (results, a group, the shortlist, the
// referral; core::route's `needs_directory`) starts the journey bundle
// instead, which has those pages, so a link to a group downloads one bundle.
// If the widget cannot start at all, the page index.html holds for that
// (the #waymark-stopped template: urgent-help numbers) replaces "Loading…".
const boot = document.querySelector('script[data-waymark-js]');
const base = new URL(document.baseURI).pathname;
const page = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
const journey = /^(results|shortlist|refer)\/?$|^group\/[^/]+\/?$/.test(page);
const start = journey
  ? import(new URL('journey/waymark-journey.js', document.baseURI).href).then((bindings) => bindings.default())
  : import(boot.dataset.waymarkJs).then((bindings) => bindings.default({ module_or_path: boot.dataset.waymarkWasm }));
start.catch((error) => {
  console.error('Waymark stopped: it could not start.', error);
  const stopped = document.getElementById('waymark-stopped');
  if (!stopped || document.getElementById('waymark-stopped-title')) return;
  document.getElementById('waymark')?.setAttribute('hidden', '');
  document.body.append(stopped.content.cloneNode(true));
});
