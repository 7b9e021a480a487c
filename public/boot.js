// Starts the widget: imports the wasm-bindgen module Trunk built and runs the
// wasm. It is a file rather than Trunk's usual inline <script>, so the widget
// runs under a Content-Security-Policy without 'unsafe-inline'; Trunk.toml's
// `pattern_script` names the two content-hashed files in this tag's data-
// attributes, the same files the page preloads, so neither is fetched twice.
// If the widget cannot start at all, the page index.html holds for that
// (the #waymark-stopped template: urgent-help numbers) replaces the page.
const boot = document.querySelector('script[data-waymark-js]');
// In a frame that embed.js made (`?embed=`), frame.js fits the frame to the
// page and takes the host's colours; anywhere else it is never fetched.
if (window.parent !== window && new URLSearchParams(location.search).has('embed')) {
  document.head.append(Object.assign(document.createElement('script'), { src: new URL('frame.js', document.baseURI).href }));
}
import(boot.dataset.waymarkJs)
  .then((bindings) => bindings.default({ module_or_path: boot.dataset.waymarkWasm }))
  .catch((error) => {
    console.error('Waymark stopped: it could not start.', error);
    const stopped = document.getElementById('waymark-stopped');
    if (!stopped || document.getElementById('waymark-stopped-title')) return;
    document.getElementById('waymark')?.setAttribute('hidden', '');
    document.body.append(stopped.content.cloneNode(true));
  });
