// The map, fetched only when a person presses "Show on a map"
// (src/web/platform/map.rs adds it as a script). Leaflet draws the map and
// its markers; protomaps-leaflet paints the deployment's own PMTiles basemap,
// read with HTTP range requests, onto canvas tiles in the system's fonts. So
// nothing comes from another site, and no worker or WebGL is needed, which
// suits old phones and kiosks. The build bundles this file with both
// libraries into map-<hash>.js, beside its stylesheet (tests/support/map-bundle.mjs).
// Groups close together are drawn as one marker (Leaflet.markercluster), so
// no marker hides another and each stays a target a finger can hit.
import * as Leaflet from 'leaflet';

// protomaps-leaflet and Leaflet.markercluster use, and extend, the Leaflet
// they find on the page; the bundle runs them only once it is there.
const L = { ...Leaflet };
globalThis.L = L;
const plugins = Promise.all([import('protomaps-leaflet'), import('leaflet.markercluster')]);

/* global MAP_STYLESHEET */
function addStylesheet() {
  const href = new URL(MAP_STYLESHEET, import.meta.url).href;
  if ([...document.styleSheets].some((sheet) => sheet.href === href)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((done, failed) => {
    link.onload = done;
    link.onerror = () => failed(new Error('the map stylesheet did not load'));
  });
  document.head.append(link);
  return loaded;
}

// A marker is a named button: Tab reaches it, and Enter or a touch opens
// its group (Leaflet makes Enter a click), or zooms in on a cluster.
const NamedIcon = L.DivIcon.extend({
  createIcon(old) {
    const icon = L.DivIcon.prototype.createIcon.call(this, old);
    icon.setAttribute('aria-label', this.options.label);
    if (this.options.group !== undefined) icon.dataset.group = this.options.group;
    return icon;
  },
});

function groupIcon({ name, id }) {
  return new NamedIcon({ className: 'wm-map-marker', iconSize: [28, 28], iconAnchor: [14, 28], label: name, group: id });
}

function clusterIcon(cluster, words) {
  const names = cluster.getAllChildMarkers().map((marker) => marker.options.title);
  const count = document.createElement('span');
  count.textContent = String(names.length);
  const label = words.replace('{count}', names.length).replace('{names}', names.join(', '));
  return new NamedIcon({ className: 'wm-map-cluster', html: count, iconSize: [40, 40], label });
}

function searchIcon() {
  return L.divIcon({ className: 'wm-map-search-point', iconSize: [20, 20], iconAnchor: [10, 10] });
}

const drawn = new WeakMap();

function remove(element) {
  drawn.get(element)?.remove();
  drawn.delete(element);
  element.removeAttribute('data-drawn');
}

/**
 * Draws the map in `element`, in place of any map drawn there before. Resolves once the basemap has answered (so a
 * missing or broken one is reported, and the list is left as it was), with
 * nothing; `remove(element)` takes the map away again.
 *
 * options: { basemap, attribution, cluster (words with {count} and {names}),
 *            search: {lat, lon, name} | null, groups: [{id, name, lat, lon}],
 *            open(id), button (where Escape returns focus) }
 */
async function open(element, options) {
  const [{ leafletLayer, PmtilesSource }] = await plugins;
  const source = new PmtilesSource(new URL(options.basemap, document.baseURI).href, true);
  const [header] = await Promise.all([source.p.getHeader(), addStylesheet()]);
  remove(element);
  const map = L.map(element, {
    attributionControl: false,
    zoomSnap: 1,
    minZoom: Math.max(header.minZoom, 5),
    maxZoom: 16,
    keyboardPanDelta: 120,
  });
  // The basemap's own credit (for an OpenStreetMap one, the ODbL's), as text only.
  const metadata = await source.p.getMetadata().catch(() => ({}));
  const credit = new DOMParser().parseFromString(String(metadata.attribution || ''), 'text/html').body.textContent;
  const text = document.createElement('span');
  text.textContent = credit.trim() || options.attribution;
  L.control.attribution({ prefix: false }).addAttribution(text.innerHTML).addTo(map);
  const basemap = leafletLayer({
    url: source.p,
    flavor: 'light',
    lang: document.documentElement.lang || 'en',
    maxDataZoom: header.maxZoom,
    attribution: '',
  });
  basemap.addTo(map);
  basemap.once('load', () => element.setAttribute('data-drawn', ''));

  // The view first: Leaflet makes a marker's element only once the map has one.
  const { search, groups } = options;
  const places = [...(search ? [search] : []), ...groups].map(({ lat, lon }) => [lat, lon]);
  if (places.length > 1) {
    map.fitBounds(places, { padding: [32, 32], maxZoom: 14 });
  } else if (places.length === 1) {
    map.setView(places[0], 14);
  } else {
    map.setView([header.centerLat, header.centerLon], header.centerZoom);
  }
  if (search) {
    L.marker([search.lat, search.lon], { icon: searchIcon(), keyboard: false, interactive: false, title: search.name })
      .addTo(map);
  }
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 48,
    showCoverageOnHover: false,
    iconCreateFunction: (cluster) => clusterIcon(cluster, options.cluster),
  });
  for (const group of groups) {
    const marker = L.marker([group.lat, group.lon], { icon: groupIcon(group), title: group.name });
    marker.on('click', () => options.open(group.id));
    clusters.addLayer(marker);
  }
  clusters.addTo(map);
  // A cluster zoomed into is gone: focus stays on the map, never on the page's body.
  map.on('zoomend', () => {
    if (!element.contains(document.activeElement)) map.getContainer().focus();
  });
  // Escape in the map goes back to its button, and only a second Escape
  // there is the page's quick exit.
  map.getContainer().addEventListener('keydown', (event) => {
    const group = event.target.dataset?.group;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      options.button.focus();
    } else if (event.key === 'Enter' && group !== undefined) {
      event.preventDefault();
      options.open(Number(group));
    }
  });
  drawn.set(element, map);
}

globalThis.waymarkMap = { open, remove };
