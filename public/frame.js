// The widget's side of embedding; public/embed.js is the host site's side.
// It acts only in an iframe that embed.js made, which names the host's
// origin in `?embed=`: it reports the page's height so the host can fit
// the frame to it (no inner scrollbar), says when the page changes, and
// takes the host's colours and text size. Messages go to that origin only,
// and only messages from it, sent by the parent window, are read.
(() => {
  const host = new URLSearchParams(location.search).get('embed');
  if (!host || window.parent === window) return;
  let origin;
  try {
    origin = new URL(host).origin;
  } catch {
    return;
  }
  // Where the browser says who the parent is, it must be the named host.
  const parent = location.ancestorOrigins && location.ancestorOrigins[0];
  if (origin !== host || (parent !== undefined && parent !== origin)) return;
  const root = document.documentElement;
  root.classList.add('wm-embedded');
  const send = (message) => window.parent.postMessage({ waymark: 1, ...message }, origin);

  let reported = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height !== reported) send({ type: 'height', height: (reported = height) });
  }).observe(root);

  // The widget titles each page; the first title is the first page, not a change.
  let titles = 0;
  new MutationObserver(() => {
    if (++titles > 1) send({ type: 'page' });
  }).observe(document.querySelector('title'), { childList: true, characterData: true, subtree: true });

  const colour = /^#([0-9a-f]{3}){1,2}$/i;
  const properties = {
    primary: '--wm-color-primary',
    primary_dark: '--wm-color-primary-dark',
    header_background: '--wm-color-header-bg',
    header_text: '--wm-color-header-text',
  };
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    const message = event.data;
    if (!message || message.waymark !== 1 || message.type !== 'style') return;
    // Through the CSSOM, which a strict Content-Security-Policy allows (a
    // <style> element or a style attribute would need 'unsafe-inline').
    // On body, so the host's colours win over the config's (set on <html>).
    for (const [key, property] of Object.entries(properties)) {
      const value = String(message[key] || '');
      if (colour.test(value)) document.body.style.setProperty(property, value);
      else document.body.style.removeProperty(property);
    }
    const size = Number(message.text_size);
    if (size >= 75 && size <= 200) root.style.setProperty('--wm-host-text', `${size}%`);
    else root.style.removeProperty('--wm-host-text');
  });
  send({ type: 'ready' });
})();
