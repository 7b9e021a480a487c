// Waymark on a charity's own website, in one line:
//
//   <script src="https://widget.example.org/embed.js" data-waymark
//           data-config="/config.json" data-organisation="<organisation id>"
//           data-title="Find support near you" data-primary="#7c2855"
//           data-text-size="112.5%"></script>
//
// Puts the widget in an iframe where the script tag is, sized to its content
// as the person moves through it. All data-* attributes are optional:
//   data-config        a config file on the widget's site (default config.json)
//   data-organisation  show only this Open Referral UK organisation's services
//   data-lang          the language it opens in (en, cy, pl, ro, pa, ur, bn, ar), if the config offers it
//   data-title         the frame's name for screen readers
//   data-primary, data-primary-dark, data-header-background, data-header-text
//                      colours like #005eb8
//   data-text-size     the host's text size, as a percentage or in px
// Reads nothing from the host page but this tag's attributes and its
// origin; sets no cookies; loads nothing but the widget. Messages from the
// frame are read only from the widget's origin and that frame.
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const widget = new URL('./', script.src);
  const data = script.dataset;
  const query = new URLSearchParams({ embed: location.origin });
  if (data.config) query.set('config', data.config);
  if (data.organisation) query.set('organisation', data.organisation);
  if (data.lang) query.set('lang', data.lang);

  const frame = document.createElement('iframe');
  frame.src = `${widget.href}?${query}`;
  frame.title = data.title || 'Find support near you';
  frame.setAttribute('allow', 'geolocation'); // for "Use my location"
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.style.cssText = 'display:block;width:100%;height:20rem;border:0;';
  script.after(frame);

  const size = String(data.textSize || '').trim();
  const style = {
    waymark: 1,
    type: 'style',
    primary: data.primary,
    primary_dark: data.primaryDark,
    header_background: data.headerBackground,
    header_text: data.headerText,
    text_size: size.endsWith('px') ? (parseFloat(size) / 16) * 100 : parseFloat(size) || undefined,
  };

  window.addEventListener('message', (event) => {
    if (event.origin !== widget.origin || event.source !== frame.contentWindow) return;
    const message = event.data;
    if (!message || message.waymark !== 1) return;
    if (message.type === 'ready') {
      frame.contentWindow.postMessage(style, widget.origin);
    } else if (message.type === 'height' && message.height > 0 && message.height < 100000) {
      frame.style.height = `${Math.ceil(message.height)}px`;
    } else if (message.type === 'page' && frame.getBoundingClientRect().top < 0) {
      // A new page starts at its top: bring it into view if scrolled past.
      frame.scrollIntoView();
    }
  });
})();
