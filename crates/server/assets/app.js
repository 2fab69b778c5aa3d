// Dateline web UI: one plain script, no framework, no build step, no external requests.
// Every string that comes from the API reaches the page through text nodes or attributes
// (never innerHTML): article text and quotes are untrusted.
'use strict';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
// Cooperation in greens/blues, conflict in oranges/reds, so a stacked bar reads at a glance.
const TYPE_COLORS = {
  AGREE: '#2e7d32', CONSULT: '#1f77b4', SUPPORT: '#17becf', CONCEDE: '#9ccc65',
  COOPERATE: '#3949ab', AID: '#00897b', RETREAT: '#afb42b', REQUEST: '#7e57c2',
  ACCUSE: '#f9a825', REJECT: '#ef6c00', THREATEN: '#d81b60', PROTEST: '#8d6e63',
  SANCTION: '#5d4037', MOBILIZE: '#546e7a', COERCE: '#c62828', ASSAULT: '#6a0000',
};
const FILTER_KEYS = ['actor', 'type', 'from', 'to', 'place', 'source', 'text'];
const PAGE = 50;
const SVGNS = 'http://www.w3.org/2000/svg';

const $ = (sel, root = document) => root.querySelector(sel);
const typeColor = (t) => TYPE_COLORS[t] || '#888';

// ---------- DOM helpers ----------

function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k == null || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}

function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k in el) el[k] = v;
    else el.setAttribute(k, v);
  }
  return append(el, kids);
}

function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  return append(el, kids);
}

function typeBadge(type) {
  const b = h('span', { class: 'type-badge' }, type || '?');
  b.style.background = typeColor(type);
  return b;
}

function actorLabel(a) {
  if (!a) return h('span', { class: 'muted' }, '—');
  const extra = [a.code, a.country].filter(Boolean).join(' · ');
  return h('span', { class: 'actor', title: extra }, a.name || a.code || '?');
}

const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '–');

// ---------- API and errors ----------

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '') qs.set(k, v);
  const url = path + (qs.toString() ? '?' + qs : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (_) { /* an error page need not be JSON */ }
  if (!res.ok) {
    const msg = body && body.error && body.error.message;
    throw new Error(msg ? `${msg} (${res.status})` : `${url}: HTTP ${res.status}`);
  }
  if (body == null) throw new Error(`${url}: the reply is not JSON`);
  return body;
}

function showError(err) {
  $('#error-message').textContent = err && err.message ? err.message : String(err);
  $('#error-banner').hidden = false;
}
function hideError() { $('#error-banner').hidden = true; }

// ---------- routing; the filter state lives only in the hash query ----------

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const qi = raw.indexOf('?');
  const query = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
  let parts = (qi < 0 ? raw : raw.slice(0, qi)).split('/').filter(Boolean);
  try { parts = parts.map(decodeURIComponent); } catch (_) { /* keep it raw */ }
  return { view: parts[0] || 'events', arg: parts[1] || null, query };
}

function link(view, params, arg) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '') qs.set(k, v);
  const q = qs.toString();
  return '#/' + view + (arg ? '/' + encodeURIComponent(arg) : '') + (q ? '?' + q : '');
}

// Re-submitting an unchanged form must still reload, and hashchange won't fire for it.
function navigate(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

function filtersFrom(query) {
  const f = {};
  for (const k of FILTER_KEYS) { const v = (query.get(k) || '').trim(); if (v) f[k] = v; }
  return f;
}

const FILTERED_VIEWS = ['events', 'timeline', 'map', 'network'];
let stats = null;
let seq = 0;          // bumped per route so that late replies of an old view are dropped
let docState = null;  // the article on screen, so that selecting an event needs no refetch

function updateNav(r) {
  const f = FILTERED_VIEWS.includes(r.view) ? filtersFrom(r.query) : {};
  for (const a of document.querySelectorAll('#nav a')) {
    const v = a.dataset.view;
    a.classList.toggle('active', v === r.view || (v === 'documents' && r.view === 'doc'));
    a.href = link(v, FILTERED_VIEWS.includes(v) ? f : {});
  }
}

const VIEWS = {
  events: viewEvents, timeline: viewTimeline, map: viewMap, network: viewNetwork,
  documents: viewDocuments, doc: viewDoc, search: viewSearch,
};

async function route() {
  const r = parseHash();
  hideError();
  updateNav(r);
  if (r.view === 'doc' && docState && docState.id === r.arg) { applySelection(r.query); return; }
  const token = ++seq;
  const main = $('#view');
  main.classList.add('busy');
  try {
    const view = VIEWS[r.view];
    if (!view) throw new Error(`unknown page "${r.view}"`);
    const out = await view(r);
    if (token !== seq) return;
    docState = null;
    main.replaceChildren(out.node || out);
    if (out.after) out.after();
  } catch (err) {
    if (token === seq) showError(err);
  } finally {
    if (token === seq) main.classList.remove('busy');
  }
}

async function loadStats() {
  try {
    stats = await api('/api/stats');
    $('#stat-documents').textContent = fmt(stats.documents);
    $('#stat-events').textContent = fmt(stats.events);
    $('#stat-quotes').textContent = fmt(stats.quotes);
    $('#stat-days').textContent = stats.first_day ? `${stats.first_day} – ${stats.last_day}` : '';
    // The type list may have been drawn before the counts arrived.
    const sel = $('#filter-type');
    if (sel) for (const o of sel.options) if (o.value) o.textContent = typeOptionLabel(o.value);
  } catch (err) { showError(err); }
}

// ---------- shared filter form ----------

function typeOptionLabel(t) {
  const n = stats && stats.by_type ? stats.by_type[t] : null;
  return n ? `${t} (${fmt(n)})` : t;
}

function filterForm(f, view) {
  const input = (key, label, type, placeholder) => h('label', { for: 'filter-' + key },
    h('span', null, label),
    h('input', { id: 'filter-' + key, name: key, type, placeholder, value: f[key] || '',
      min: type === 'date' && stats ? stats.first_day : null,
      max: type === 'date' && stats ? stats.last_day : null }));
  const select = h('select', { id: 'filter-type', name: 'type' },
    h('option', { value: '' }, 'any'),
    TYPES.map((t) => h('option', { value: t, selected: f.type === t }, typeOptionLabel(t))));
  const form = h('form', { id: 'event-filters', class: 'filters', autocomplete: 'off',
    onsubmit: (e) => {
      e.preventDefault();
      const values = {};
      for (const k of FILTER_KEYS) values[k] = (form.elements[k].value || '').trim();
      navigate(link(view, values));
    } },
  input('actor', 'Actor', 'search', 'name or code'),
  h('label', { for: 'filter-type' }, h('span', null, 'Type'), select),
  input('from', 'From', 'date'), input('to', 'To', 'date'),
  input('place', 'Place', 'search', 'place name'),
  input('source', 'Source', 'search', 'outlet, e.g. AFP'),
  input('text', 'Text', 'search', 'words in the sentence'),
  h('div', { class: 'buttons' },
    h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    h('button', { type: 'button', onclick: () => navigate(link(view, {})) }, 'Reset')));
  return form;
}

// `exact` false: the server stopped counting at `total` (a broad filter), so there is more.
function pager(total, offset, shown, limit, go, totalId, exact = true) {
  const first = shown ? offset + 1 : 0;
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'prev', disabled: offset <= 0,
      onclick: () => go(Math.max(0, offset - limit)) }, '‹ Prev'),
    h('span', { class: 'range' }, `${fmt(first)}–${fmt(offset + shown)} of `,
      h('span', { id: totalId }, String(total)), exact ? '' : '+'),
    h('button', { type: 'button', class: 'next',
      disabled: exact ? offset + limit >= total : shown < limit,
      onclick: () => go(offset + limit) }, 'Next ›'));
}

// ---------- Events ----------

async function viewEvents(r) {
  const f = filtersFrom(r.query);
  const offset = Math.max(0, parseInt(r.query.get('offset'), 10) || 0);
  const data = await api('/api/events', { ...f, limit: PAGE, offset });
  const items = data.items || [];
  const total = typeof data.total === 'number' ? data.total : items.length;
  const open = (ev) => navigate(link('doc', { event: ev.id }, ev.doc_id));
  const rows = items.map((ev) => h('tr', {
    class: 'event-row', tabIndex: 0, dataset: { doc: ev.doc_id, event: ev.id, type: ev.type },
    onclick: () => open(ev), onkeydown: (e) => { if (e.key === 'Enter') open(ev); },
  },
  h('td', { class: 'col-day' }, ev.day || ev.date || ''),
  h('td', { class: 'col-type' }, typeBadge(ev.type)),
  h('td', { class: 'col-actors' }, actorLabel(ev.source), ' → ', actorLabel(ev.target)),
  h('td', { class: 'col-trigger', title: ev.sentence || '' }, ev.trigger || ''),
  h('td', { class: 'col-modality' }, ev.modality || '',
    ev.polarity === 'negative' ? h('span', { class: 'neg' }, ' negated') : null),
  h('td', { class: 'col-place' }, ev.place ? ev.place.name : ''),
  h('td', { class: 'col-title', title: [ev.doc_source, ev.published].filter(Boolean).join(' · ') },
    ev.title || ev.doc_id)));
  const go = (o) => navigate(link('events', { ...f, offset: o || null }));
  return h('section', { class: 'view-events' },
    filterForm(f, 'events'),
    pager(total, offset, items.length, PAGE, go, 'events-total', data.total_exact !== false),
    h('table', { id: 'events-table', class: 'grid' },
      h('thead', null, h('tr', null, ['Day', 'Type', 'Source → Target', 'Trigger', 'Modality',
        'Place', 'Document'].map((c) => h('th', null, c)))),
      h('tbody', null, rows.length ? rows
        : h('tr', null, h('td', { colSpan: 7, class: 'empty' }, 'No events match these filters.')))));
}

// ---------- Timeline ----------

const DAY_MS = 86400000;
const dayNum = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY_MS;
const dayStr = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

function niceStep(max, ticks) {
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return Math.max(1, p * (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10));
}

async function viewTimeline(r) {
  const f = filtersFrom(r.query);
  const data = await api('/api/timeline', f);
  const items = (data.items || []).filter((it) => /^\d{4}-\d\d-\d\d/.test(it.day || ''));
  const byDay = new Map();
  for (const it of items) {
    const d = it.day.slice(0, 10);
    if (!byDay.has(d)) byDay.set(d, {});
    byDay.get(d)[it.type] = (byDay.get(d)[it.type] || 0) + it.count;
  }
  let days = [...byDay.keys()].sort();
  // Empty days are real information (nothing happened), so show them unless the span is huge.
  if (days.length > 1) {
    const a = dayNum(days[0]), b = dayNum(days[days.length - 1]);
    if (b - a < 1500) { days = []; for (let n = a; n <= b; n++) days.push(dayStr(n)); }
  }
  const present = TYPES.filter((t) => items.some((it) => it.type === t));
  const total = items.reduce((acc, it) => acc + it.count, 0);
  return h('section', { class: 'view-timeline' },
    filterForm(f, 'timeline'),
    h('p', { class: 'summary' }, `${fmt(total)} events on ${fmt(byDay.size)} days`),
    days.length ? timelineChart(days, byDay, f) : h('p', { class: 'empty' }, 'No dated events match.'),
    h('div', { class: 'legend' }, present.map((t) => h('span', { class: 'legend-item' },
      typeBadge(t), ' ', fmt(items.filter((it) => it.type === t).reduce((a, it) => a + it.count, 0))))));
}

function timelineChart(days, byDay, f) {
  const W = 1200, H = 340, L = 44, R = 10, T = 10, B = 44;
  const pw = W - L - R, ph = H - T - B;
  const totals = days.map((d) => Object.values(byDay.get(d) || {}).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const step = niceStep(max, 5);
  const top = Math.ceil(max / step) * step;
  const y = (v) => T + ph - (v / top) * ph;
  const bw = pw / days.length;
  const svg = s('svg', { id: 'timeline-chart', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': 'Events per day by type' });
  for (let v = 0; v <= top; v += step) {
    svg.append(s('line', { class: 'grid-line', x1: L, x2: W - R, y1: y(v), y2: y(v) }),
      s('text', { class: 'axis', x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)));
  }
  const every = Math.max(1, Math.ceil(days.length / 14));
  days.forEach((d, i) => {
    const x = L + i * bw;
    let acc = 0;
    const counts = byDay.get(d) || {};
    for (const t of TYPES) {
      const c = counts[t];
      if (!c) continue;
      const rect = s('rect', { class: 'bar', x: (x + bw * 0.08).toFixed(2), y: y(acc + c).toFixed(2),
        width: Math.max(1, bw * 0.84).toFixed(2), height: Math.max(0.5, y(acc) - y(acc + c)).toFixed(2),
        fill: typeColor(t), 'data-day': d, 'data-type': t,
        onclick: () => navigate(link('events', { ...f, from: d, to: d, type: t })) },
      s('title', null, `${d} ${t}: ${c}`));
      svg.append(rect);
      acc += c;
    }
    if (i % every === 0) {
      svg.append(s('text', { class: 'axis', x: x + bw / 2, y: H - B + 16, 'text-anchor': 'middle' },
        every > 1 || days.length > 20 ? d.slice(5) : d));
    }
  });
  svg.append(s('text', { class: 'axis', x: L, y: H - 6 }, days[0]),
    s('text', { class: 'axis', x: W - R, y: H - 6, 'text-anchor': 'end' }, days[days.length - 1]));
  return svg;
}

// ---------- Map ----------

// TopoJSON: arcs are delta-encoded integers when the topology is quantized; rings name arcs
// by index, ~i meaning arc i walked backwards.
function topoFeatures(topo, objectName) {
  const tf = topo.transform;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map((p) => {
      if (!tf) return [p[0], p[1]];
      x += p[0]; y += p[1];
      return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
    });
  });
  const ring = (idx) => {
    const pts = [];
    for (const i of idx) {
      const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      // Consecutive arcs share their joining point.
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return pts;
  };
  const obj = topo.objects[objectName];
  const geoms = obj.type === 'GeometryCollection' ? obj.geometries : [obj];
  return geoms.map((g) => {
    let rings = [];
    if (g.type === 'Polygon') rings = g.arcs.map(ring);
    else if (g.type === 'MultiPolygon') rings = g.arcs.flatMap((poly) => poly.map(ring));
    return { id: g.id, name: (g.properties && g.properties.name) || '', rings };
  });
}

const MAP_W = 1000, MAP_H = 500;
const projX = (lon) => ((lon + 180) / 360) * MAP_W;
const projY = (lat) => ((90 - lat) / 180) * MAP_H;

// world-atlas v2 is not cut at the antimeridian (Russia, Fiji, Antarctica wrap around), so
// rings are unwrapped into continuous longitudes, closed over the pole when they encircle it,
// and drawn again shifted by 360° wherever they spill over the edge.
function ringPath(pts) {
  if (pts.length < 3) return '';
  const un = [[pts[0][0], pts[0][1]]];
  for (let i = 1; i < pts.length; i++) {
    let lon = pts[i][0];
    const prev = un[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (prev - lon > 180) lon += 360;
    un.push([lon, pts[i][1]]);
  }
  const drift = un[un.length - 1][0] - un[0][0];
  if (Math.abs(drift) > 180) {
    const pole = un.reduce((a, p) => a + p[1], 0) < 0 ? -90 : 90;
    un.push([un[un.length - 1][0], pole], [un[0][0], pole]);
  }
  const lons = un.map((p) => p[0]);
  const lo = Math.min(...lons), hi = Math.max(...lons);
  let d = '';
  for (const shift of [-360, 0, 360]) {
    if (hi + shift < -180 || lo + shift > 180) continue;
    d += 'M' + un.map((p) => `${projX(p[0] + shift).toFixed(1)},${projY(p[1]).toFixed(1)}`).join('L') + 'Z';
  }
  return d;
}

let worldPromise = null;
function loadWorld() {
  if (!worldPromise) {
    worldPromise = fetch('/assets/world-110m.json')
      .then((res) => { if (!res.ok) throw new Error(`world map: HTTP ${res.status}`); return res.json(); })
      .then((topo) => topoFeatures(topo, 'countries'))
      .catch((err) => { worldPromise = null; throw err; });
  }
  return worldPromise;
}

// /api/places has no filters, so with filters set the points come from the matching events.
async function mapPoints(f) {
  if (!Object.keys(f).length) {
    const data = await api('/api/places', { limit: 1000 });
    return { points: (data.items || []).filter((p) => p.lat != null && p.lon != null), note: '' };
  }
  const data = await api('/api/events', { ...f, limit: 1000 });
  const agg = new Map();
  for (const ev of data.items || []) {
    const p = ev.place;
    if (!p || p.lat == null || p.lon == null) continue;
    const key = `${p.name}|${p.lat}|${p.lon}`;
    if (!agg.has(key)) agg.set(key, { name: p.name, country: p.country, lat: p.lat, lon: p.lon, events: 0 });
    agg.get(key).events++;
  }
  const items = data.items || [];
  const note = data.total > items.length ? `places of the first ${fmt(items.length)} of ${fmt(data.total)} events` : '';
  return { points: [...agg.values()], note };
}

async function viewMap(r) {
  const f = filtersFrom(r.query);
  const [world, { points, note }] = await Promise.all([loadWorld(), mapPoints(f)]);
  const svg = s('svg', { id: 'world-map', viewBox: `0 ${projY(84)} ${MAP_W} ${projY(-58) - projY(84)}`,
    role: 'img', 'aria-label': 'Event locations' });
  svg.append(s('rect', { class: 'ocean', x: 0, y: 0, width: MAP_W, height: MAP_H }));
  const land = s('g', { class: 'countries' });
  for (const c of world) {
    land.append(s('path', { class: 'country', d: c.rings.map(ringPath).join(''), 'data-id': c.id },
      s('title', null, c.name)));
  }
  svg.append(land);
  const max = Math.max(1, ...points.map((p) => p.events || 0));
  const radius = (n) => 2.5 + 18 * Math.sqrt(n / max);
  const dots = s('g', { class: 'dots' });
  // Big circles first, so that small ones stay clickable on top of them.
  for (const p of points.slice().sort((a, b) => (b.events || 0) - (a.events || 0) || (b.mentions || 0) - (a.mentions || 0))) {
    const n = p.events || 0;
    const tip = `${p.name}${p.country ? ' (' + p.country + ')' : ''}: ${fmt(n)} events` +
      (p.mentions != null ? `, ${fmt(p.mentions)} mentions` : '');
    dots.append(s('circle', { class: n ? 'event-dot' : 'place-dot', cx: projX(p.lon).toFixed(1),
      cy: projY(p.lat).toFixed(1), r: n ? radius(n).toFixed(1) : 2, 'data-place': p.name,
      onclick: () => navigate(link('events', { ...f, place: p.name })) }, s('title', null, tip)));
  }
  svg.append(dots);
  const top = points.filter((p) => p.events).sort((a, b) => b.events - a.events).slice(0, 15);
  return h('section', { class: 'view-map' },
    filterForm(f, 'map'),
    h('p', { class: 'summary' }, `${fmt(points.filter((p) => p.events).length)} event locations`,
      note ? ` (${note})` : '', points.some((p) => !p.events) ? ' · grey dots: places mentioned without an event' : ''),
    h('div', { class: 'map-wrap' }, svg,
      top.length ? h('table', { class: 'grid compact top-places' },
        h('thead', null, h('tr', null, h('th', null, 'Place'), h('th', null, 'Events'))),
        h('tbody', null, top.map((p) => h('tr', { class: 'clickable',
          onclick: () => navigate(link('events', { ...f, place: p.name })) },
        h('td', null, p.name, p.country ? h('span', { class: 'muted' }, ' ' + p.country) : null),
        h('td', { class: 'num' }, fmt(p.events)))))) : null));
}

// ---------- Network ----------

async function viewNetwork(r) {
  const f = filtersFrom(r.query);
  const data = await api('/api/network', f);
  const MAX_NODES = 60;
  const all = (data.nodes || []).slice().sort((a, b) => b.count - a.count);
  // Sorting the kept nodes by id keeps codes of one country (RUSGOV, RUSMIL) side by side.
  const nodes = all.slice(0, MAX_NODES).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const W = 1200, H = 760, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 120;
  const maxCount = Math.max(1, ...nodes.map((n) => n.count || 0));
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    pos.set(n.id, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a,
      r: 4 + 14 * Math.sqrt((n.count || 0) / maxCount), node: n });
  });
  const edges = (data.edges || []).filter((e) => pos.has(e.source) && pos.has(e.target));
  const svg = s('svg', { id: 'network-chart', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': 'Actor network' });
  const defs = s('defs');
  for (const t of TYPES) {
    defs.append(s('marker', { id: 'arrow-' + t, viewBox: '0 0 10 10', refX: 9, refY: 5,
      // Fixed-size heads: scaled with the stroke they would swamp the thick edges.
      markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' },
    s('path', { d: 'M0,0L10,5L0,10z', fill: typeColor(t) })));
  }
  svg.append(defs);
  const gEdges = s('g', { class: 'edges' });
  const pairSeen = new Map();
  for (const e of edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    const key = e.source + '>' + e.target;
    const k = pairSeen.get(key) || 0;
    pairSeen.set(key, k + 1);
    const ttl = `${a.node.label || e.source} → ${b.node.label || e.target}: ${e.type} ×${e.count}`;
    if (a === b) {  // an actor acting on itself: a small loop outside the circle
      const ox = Math.cos(a.a) * (a.r + 14 + 6 * k), oy = Math.sin(a.a) * (a.r + 14 + 6 * k);
      gEdges.append(s('circle', { class: 'edge', cx: a.x + ox, cy: a.y + oy, r: 8 + 3 * k,
        stroke: typeColor(e.type), fill: 'none', 'data-source': e.source, 'data-target': e.target },
      s('title', null, ttl)));
      continue;
    }
    // Curving to the right of the direction of travel keeps A→B and B→A apart.
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    const bend = 18 + 14 * k;
    const qx = (a.x + b.x) / 2 - (dy / len) * bend, qy = (a.y + b.y) / 2 + (dx / len) * bend;
    const cut = (p, rad) => {
      const ux = qx - p.x, uy = qy - p.y, l = Math.hypot(ux, uy) || 1;
      return [p.x + (ux / l) * rad, p.y + (uy / l) * rad];
    };
    const [x1, y1] = cut(a, a.r + 1), [x2, y2] = cut(b, b.r + 3);
    gEdges.append(s('path', { class: 'edge', d: `M${x1.toFixed(1)},${y1.toFixed(1)}Q${qx.toFixed(1)},${qy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
      stroke: typeColor(e.type), 'stroke-width': Math.min(8, 1 + 1.5 * Math.log2(e.count || 1)).toFixed(1),
      fill: 'none', 'marker-end': `url(#arrow-${TYPES.includes(e.type) ? e.type : 'CONSULT'})`,
      'data-source': e.source, 'data-target': e.target }, s('title', null, ttl)));
  }
  svg.append(gEdges);
  const gNodes = s('g', { class: 'nodes' });
  for (const p of pos.values()) {
    const n = p.node;
    const right = Math.cos(p.a) >= 0;
    const lx = p.x + Math.cos(p.a) * (p.r + 6), ly = p.y + Math.sin(p.a) * (p.r + 6);
    const deg = (p.a * 180) / Math.PI + (right ? 0 : 180);
    const label = String(n.label || n.id);
    const g = s('g', { class: 'node-group', 'data-id': n.id,
      onclick: () => navigate(link('events', { ...f, actor: n.id })),
      onmouseenter: () => focusNode(svg, n.id), onmouseleave: () => focusNode(svg, null) },
    s('circle', { class: 'node', cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: p.r.toFixed(1) }),
    s('text', { class: 'node-label', x: lx.toFixed(1), y: ly.toFixed(1), dy: '0.32em',
      'text-anchor': right ? 'start' : 'end', transform: `rotate(${deg.toFixed(1)} ${lx.toFixed(1)} ${ly.toFixed(1)})` },
    label.length > 28 ? label.slice(0, 27) + '…' : label),
    s('title', null, `${label}${n.label && n.label !== n.id ? ' [' + n.id + ']' : ''}: ${fmt(n.count)} events`));
    gNodes.append(g);
  }
  svg.append(gNodes);
  const present = TYPES.filter((t) => edges.some((e) => e.type === t));
  return h('section', { class: 'view-network' },
    filterForm(f, 'network'),
    h('p', { class: 'summary' }, `${fmt(nodes.length)} actors`,
      all.length > nodes.length ? ` (the ${MAX_NODES} most active of ${fmt(all.length)})` : '',
      `, ${fmt(edges.length)} links · click an actor to list its events`),
    nodes.length ? svg : h('p', { class: 'empty' }, 'No actors match.'),
    h('div', { class: 'legend' }, present.map((t) => h('span', { class: 'legend-item' }, typeBadge(t)))));
}

function focusNode(svg, id) {
  svg.classList.toggle('focused', id != null);
  for (const e of svg.querySelectorAll('.edge')) {
    e.classList.toggle('hot', id != null && (e.dataset.source === id || e.dataset.target === id));
  }
}

// ---------- Documents ----------

async function viewDocuments(r) {
  const offset = Math.max(0, parseInt(r.query.get('offset'), 10) || 0);
  const data = await api('/api/documents', { limit: PAGE, offset });
  const items = data.items || [];
  const open = (d) => navigate(link('doc', {}, d.id));
  return h('section', { class: 'view-documents' },
    pager(data.total != null ? data.total : items.length, offset, items.length, PAGE,
      (o) => navigate(link('documents', { offset: o || null })), 'documents-total'),
    h('table', { id: 'documents-table', class: 'grid' },
      h('thead', null, h('tr', null, ['Title', 'Source', 'Published', 'Events', 'Quotes'].map((c) => h('th', null, c)))),
      h('tbody', null, items.map((d) => h('tr', { class: 'doc-row', tabIndex: 0, dataset: { doc: d.id },
        onclick: () => open(d), onkeydown: (e) => { if (e.key === 'Enter') open(d); } },
      h('td', null, d.title || h('span', { class: 'muted' }, d.id)),
      h('td', null, d.source || ''), h('td', null, d.published || ''),
      h('td', { class: 'num' }, fmt(d.events)), h('td', { class: 'num' }, fmt(d.quotes)))))));
}

// ---------- Article ----------

function buildSpans(a) {
  const spans = [];
  const add = (start, end, cls, title, data) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ start, end, cls, title, data });
  };
  for (const e of a.entities || []) {
    const title = [e.name, e.type, e.country, e.sector].filter(Boolean).join(' · ');
    for (const m of e.mentions || []) add(m.start, m.end, 'hl-entity', title, { entity: e.id });
  }
  for (const q of a.quotes || []) {
    add(q.start, q.end, 'hl-quote', `${q.id} ${q.kind || ''} quote` + (q.speaker ? ` — ${q.speaker.name}` : ''), { quote: q.id });
  }
  for (const t of a.times || []) add(t.start, t.end, 'hl-time', t.value || t.type || '', { time: t.id });
  for (const p of a.places || []) {
    add(p.start, p.end, 'hl-place', [p.name, p.country, p.feature].filter(Boolean).join(' · '), { place: p.id });
  }
  for (const ev of a.events || []) {
    if (ev.trigger) add(ev.trigger.start, ev.trigger.end, 'hl-trigger', `${ev.id} ${ev.type} · ${ev.modality || ''}`, { event: ev.id });
  }
  return spans;
}

// Spans may nest or overlap, so the text is cut at every span boundary and each piece gets the
// classes of all spans covering it; the selection is one wrapper whose bounds are also cuts.
function renderText(chars, spans, sel) {
  const n = chars.length;
  const clamp = (x) => Math.max(0, Math.min(n, x));
  const cuts = new Set([0, n]);
  for (const sp of spans) { cuts.add(clamp(sp.start)); cuts.add(clamp(sp.end)); }
  const s0 = sel ? clamp(sel.start) : -1, s1 = sel ? clamp(sel.end) : -1;
  if (sel && s1 > s0) { cuts.add(s0); cuts.add(s1); }
  const bounds = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  let target = frag;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    if (a === s1) target = frag;
    if (a === s0 && s1 > s0) {
      target = h('mark', { class: sel.cls, id: 'selected-span' });
      frag.append(target);
    }
    const text = chars.slice(a, b).join('');
    const cover = spans.filter((sp) => sp.start <= a && sp.end >= b);
    if (!cover.length) { target.append(text); continue; }
    const seg = h('span', { class: [...new Set(cover.map((c) => c.cls))].join(' '),
      title: [...new Set(cover.map((c) => c.title))].join('\n') }, text);
    for (const c of cover) for (const [k, v] of Object.entries(c.data)) if (!(k in seg.dataset)) seg.dataset[k] = v;
    target.append(seg);
  }
  return frag;
}

async function viewDoc(r) {
  const id = r.arg;
  if (!id) throw new Error('no document id in the address');
  const a = await api('/api/documents/' + encodeURIComponent(id));
  const d = a.document || {};
  const state = { id, a, chars: Array.from(d.text || ''), spans: buildSpans(a) };
  const places = new Map((a.places || []).map((p) => [p.id, p]));
  const times = new Map((a.times || []).map((t) => [t.id, t]));
  const select = (params) => navigate(link('doc', params, id));

  const events = (a.events || []).map((ev) => {
    const pl = ev.place && places.get(ev.place.place);
    const date = ev.date && (ev.date.value || (times.get(ev.date.time) || {}).value);
    return h('li', { class: 'doc-event', tabIndex: 0, dataset: { event: ev.id },
      onclick: () => select({ event: ev.id }), onkeydown: (e) => { if (e.key === 'Enter') select({ event: ev.id }); } },
    h('div', { class: 'line' }, typeBadge(ev.type), ' ', actorLabel(ev.source), ' → ', actorLabel(ev.target)),
    h('div', { class: 'meta' },
      [ev.id, ev.polarity === 'negative' ? 'negated' : null, ev.modality, date,
        pl ? `${pl.name}${ev.place.role ? ' (' + ev.place.role + ')' : ''}` : null,
        ev.cameo ? 'CAMEO ' + ev.cameo : null,
        typeof ev.confidence === 'number' ? 'conf ' + ev.confidence.toFixed(2) : null].filter(Boolean).join(' · ')),
    ev.why ? h('code', { class: 'why' }, ev.why) : null);
  });

  const bySpeaker = new Map();
  for (const q of a.quotes || []) {
    const who = q.speaker ? q.speaker.name : q.anonymous ? 'anonymous source' : 'unattributed';
    if (!bySpeaker.has(who)) bySpeaker.set(who, []);
    bySpeaker.get(who).push(q);
  }
  const quotes = [...bySpeaker.entries()].sort((x, y) => y[1].length - x[1].length).map(([who, qs]) =>
    h('li', { class: 'speaker' }, h('div', { class: 'speaker-name' }, who, h('span', { class: 'muted' }, ` ${qs.length}`)),
      h('ul', null, qs.map((q) => h('li', { class: 'doc-quote', dataset: { quote: q.id }, onclick: () => select({ quote: q.id }) },
        h('span', { class: 'muted' }, q.kind === 'direct' ? '“' : q.kind === 'partial' ? '‘' : '≈ '),
        q.text.length > 220 ? q.text.slice(0, 219) + '…' : q.text)))));

  const textEl = h('div', { id: 'doc-text', class: 'doc-text',
    onclick: (e) => {
      const t = e.target.closest('[data-event]');
      if (t && !window.getSelection().toString()) select({ event: t.dataset.event });
    } });
  const section = (title, count, body) => h('section', { class: 'side-section' },
    h('h3', null, title, h('span', { class: 'muted' }, ` ${count}`)), body);
  const node = h('div', { class: 'view-doc' },
    h('article', { class: 'doc-main' },
      h('h2', { id: 'doc-title' }, d.title || '(untitled)'),
      h('p', { class: 'doc-meta' }, [d.source, d.published, d.language].filter(Boolean).join(' · '),
        d.url && /^https?:\/\//i.test(d.url) ? [' · ', h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null,
        a.tone && typeof a.tone.score === 'number' ? ` · tone ${a.tone.score.toFixed(1)}` : null),
      // The key uses its own classes so that selectors like .hl-event only ever match the text.
      h('p', { class: 'hl-key' }, ['entity', 'place', 'time', 'quote', 'trigger', 'event'].map((k) =>
        h('span', { class: 'key-' + k }, k === 'event' ? 'selected event' : k))),
      textEl),
    h('aside', { class: 'doc-side' },
      section('Events', events.length, h('ol', { id: 'doc-events' }, events)),
      section('Quotes', (a.quotes || []).length, h('ul', { class: 'quotes' }, quotes)),
      section('Times', (a.times || []).length, h('ul', null, (a.times || []).map((t) =>
        h('li', null, t.text, h('span', { class: 'muted' }, ` → ${t.value || t.type || '?'}`))))),
      section('Places', (a.places || []).length, h('ul', null, (a.places || []).map((p) =>
        h('li', null, p.text, h('span', { class: 'muted' }, ` → ${[p.name, p.country, p.feature].filter(Boolean).join(', ')}`))))),
      section('Entities', (a.entities || []).length, h('ul', null, (a.entities || []).map((e) =>
        h('li', null, e.name, h('span', { class: 'muted' }, ` ${[e.type, e.country, e.sector].filter(Boolean).join(' ')} ×${(e.mentions || []).length}`)))))));
  return { node, after: () => { docState = state; applySelection(r.query); } };
}

function applySelection(query) {
  const st = docState;
  if (!st) return;
  const evId = query.get('event'), qId = query.get('quote');
  let sel = null;
  if (evId) {
    const ev = (st.a.events || []).find((e) => e.id === evId);
    if (ev) sel = { start: ev.start, end: ev.end, cls: 'hl-event' };
    else showError(new Error(`event ${evId} is not in this document`));
  } else if (qId) {
    const q = (st.a.quotes || []).find((x) => x.id === qId);
    if (q) sel = { start: q.start, end: q.end, cls: 'hl-focus' };
  }
  $('#doc-text').replaceChildren(renderText(st.chars, st.spans, sel));
  for (const li of document.querySelectorAll('#doc-events .doc-event, .doc-quote')) {
    li.classList.toggle('selected', li.dataset.event === evId || (!!qId && li.dataset.quote === qId));
  }
  const mark = $('#selected-span');
  if (mark) mark.scrollIntoView({ block: 'center' });
  const item = $('.doc-side .selected');
  if (item) item.scrollIntoView({ block: 'nearest' });
}

// ---------- Search ----------

// The server marks hits as [word]; everything else stays plain text.
function snippet(text) {
  const out = [];
  const re = /\[([^\][]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    out.push(text.slice(last, m.index), h('mark', null, m[1]));
    last = re.lastIndex;
  }
  out.push(text.slice(last));
  return out;
}

async function viewSearch(r) {
  const q = (r.query.get('q') || '').trim();
  const data = q ? await api('/api/search', { q, limit: 100 }) : { items: [] };
  const input = h('input', { id: 'search-q', name: 'q', type: 'search', value: q,
    placeholder: 'words in articles and quotes' });
  const form = h('form', { id: 'search-form', class: 'filters',
    onsubmit: (e) => { e.preventDefault(); navigate(link('search', { q: input.value.trim() })); } },
  h('label', { for: 'search-q', class: 'wide' }, h('span', null, 'Search'), input),
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Search')));
  const items = data.items || [];
  const open = (it) => navigate(link('doc', it.kind === 'quote' && it.id ? { quote: it.id } : {}, it.doc_id));
  return {
    node: h('section', { class: 'view-search' }, form,
      q ? h('p', { class: 'summary' }, `${fmt(items.length)} results for “${q}”`) : null,
      h('ol', { id: 'search-results' }, items.map((it) => h('li', { class: 'search-result', tabIndex: 0,
        dataset: { doc: it.doc_id }, onclick: () => open(it), onkeydown: (e) => { if (e.key === 'Enter') open(it); } },
      h('div', { class: 'line' }, h('span', { class: 'kind' }, it.kind === 'quote' ? `quote ${it.id || ''}` : 'document'),
        ' ', h('strong', null, it.title || it.doc_id)),
      h('div', { class: 'snippet' }, snippet(it.snippet || '')))))),
    after: () => input.focus(),
  };
}

// ---------- start ----------

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', () => {
  $('#error-close').addEventListener('click', hideError);
  loadStats();
  route();
});
