// Headless-browser check of the Dateline web UI against a running server.
//
//   DATELINE_URL=http://127.0.0.1:8123 node ui.mjs
//
// Env: DATELINE_URL (required), CHROMIUM (default /usr/bin/chromium), SCREENSHOT (optional
// PNG path). Needs no internet: every request outside DATELINE_URL is blocked and fails the test.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = (process.env.DATELINE_URL || '').replace(/\/+$/, '');
const EXE = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT = process.env.SCREENSHOT || '';
const TIMEOUT = 15000;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!/^https?:\/\//.test(BASE)) {
  console.error('browser test: set DATELINE_URL, e.g. DATELINE_URL=http://127.0.0.1:8123');
  process.exit(1);
}

let checks = 0;
const pageErrors = [];
const outside = [];
let context = null;
let profile = null;

async function cleanup() {
  try { if (context) await context.close(); } catch (_) { /* already gone */ }
  try { if (profile) rmSync(profile, { recursive: true, force: true }); } catch (_) { /* best effort */ }
}

async function fail(msg) {
  console.error(`browser test: FAILED: ${msg}`);
  if (pageErrors.length) console.error('page errors:\n  ' + pageErrors.join('\n  '));
  await cleanup();
  process.exit(1);
}

async function check(cond, msg) {
  if (!cond) await fail(msg);
  checks++;
}

// Step boundaries re-check the page's console, so that a failure is reported where it happened.
async function noErrorsSoFar(step) {
  if (pageErrors.length) await fail(`${step}: the page logged errors`);
  if (outside.length) await fail(`${step}: the page requested something outside ${BASE}: ${outside.join(', ')}`);
  checks++;
}

async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: TIMEOUT });
  } catch (err) {
    await fail(`${what} (waited ${TIMEOUT / 1000} s: ${String(err.message).split('\n')[0]})`);
  }
}

async function getJson(path) {
  const res = await fetch(BASE + path);
  if (!res.ok) await fail(`GET ${path}: HTTP ${res.status}`);
  return res.json();
}

const norm = (t) => String(t || '').replace(/\s+/g, ' ').trim();

try {
  profile = mkdtempSync(join(tmpdir(), 'dateline-ui-'));
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: EXE, headless: true, args: ARGS, viewport: { width: 1280, height: 900 },
      timeout: 30000,
    });
  } catch (err) {
    await fail(`could not start ${EXE} (set CHROMIUM): ${String(err.message).split('\n')[0]}`);
  }
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = (msg.location() && msg.location().url) || '';
    if (/\/favicon\.ico$/.test(url)) return;   // not the page's doing
    pageErrors.push(`${msg.text()}${url ? ' @ ' + url : ''}`);
  });
  page.on('pageerror', (err) => pageErrors.push(`uncaught: ${err.message}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(BASE + '/') || url === BASE || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });

  // (a) the default view lists events
  try {
    await page.goto(BASE + '/', { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
  } catch (err) {
    await fail(`(a) cannot load ${BASE}/: ${String(err.message).split('\n')[0]}`);
  }
  await waitFor(page, () => document.querySelector('#events-table tr.event-row'), null,
    '(a) no tr.event-row appeared in #events-table on /');
  const total0 = parseInt((await page.textContent('#events-total')).replace(/\D/g, ''), 10);
  await check(total0 > 0, `(a) #events-total should be > 0, got ${total0}`);
  await noErrorsSoFar('(a)');

  // (b) filtering by the first row's type
  const type = await page.getAttribute('tr.event-row', 'data-type');
  await check(!!type, '(b) the first tr.event-row has no data-type');
  await page.selectOption('#filter-type', type);
  await page.click('#event-filters button[type="submit"]');
  await waitFor(page, (t) => {
    const rows = [...document.querySelectorAll('#events-table tr.event-row')];
    return location.hash.includes('type=' + t) && rows.length > 0 && rows.every((r) => r.dataset.type === t);
  }, type, `(b) after filtering by type ${type}, the rows did not all become ${type}`);
  const shown = await page.$$eval('#events-table tr.event-row td.col-type', (tds) => tds.map((td) => td.textContent.trim()));
  const wrong = shown.filter((t) => t !== type);
  await check(shown.length > 0 && wrong.length === 0, `(b) rows with another type than ${type}: ${wrong.join(', ')}`);
  const total1 = parseInt((await page.textContent('#events-total')).replace(/\D/g, ''), 10);
  await check(total1 > 0 && total1 <= total0, `(b) #events-total ${total1} should be in 1..${total0}`);
  await check(await page.inputValue('#filter-type') === type, '(b) #filter-type lost its value after applying');
  await noErrorsSoFar('(b)');

  // (c) the article view highlights the event's clause
  const docId = await page.getAttribute('tr.event-row', 'data-doc');
  const eventId = await page.getAttribute('tr.event-row', 'data-event');
  await page.click('tr.event-row');
  await waitFor(page, () => location.hash.startsWith('#/doc/') && document.querySelector('#doc-text .hl-event'), null,
    `(c) the article view of ${docId} showed no #doc-text .hl-event for ${eventId}`);
  const mark = page.locator('#doc-text .hl-event').first();
  await check(await mark.isVisible(), '(c) .hl-event is not visible');
  const clause = norm(await mark.textContent());
  await check(clause.length > 0, '(c) .hl-event is empty');
  let row = (await getJson(`/api/events?doc=${encodeURIComponent(docId)}&limit=1000`)).items
    .find((e) => e.doc_id === docId && e.id === eventId);
  if (!row) {
    row = (await getJson(`/api/events?type=${encodeURIComponent(type)}&limit=1000`)).items
      .find((e) => e.doc_id === docId && e.id === eventId);
  }
  await check(!!row, `(c) GET /api/events did not return event ${eventId} of ${docId}`);
  await check(norm(row.sentence).includes(clause),
    `(c) the highlighted clause is not in the event's sentence:\n  clause:   ${clause}\n  sentence: ${norm(row.sentence)}`);
  await check(await page.locator(`#doc-events .doc-event.selected[data-event="${eventId}"]`).count() === 1,
    `(c) ${eventId} is not marked selected in the side list`);
  await noErrorsSoFar('(c)');

  // (d) map, timeline, network
  await page.evaluate(() => { location.hash = '#/map'; });
  await waitFor(page, () => document.querySelectorAll('#world-map path.country').length > 100 &&
    document.querySelectorAll('#world-map circle.event-dot').length >= 1, null,
  '(d) #/map should show > 100 path.country and >= 1 circle.event-dot');
  checks++;
  await page.evaluate(() => { location.hash = '#/timeline'; });
  await waitFor(page, () => document.querySelectorAll('#timeline-chart rect.bar').length >= 1, null,
    '(d) #/timeline should show >= 1 rect.bar');
  checks++;
  await page.evaluate(() => { location.hash = '#/network'; });
  await waitFor(page, () => document.querySelectorAll('#network-chart circle.node').length >= 1, null,
    '(d) #/network should show >= 1 circle.node');
  checks++;
  await noErrorsSoFar('(d)');

  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await cleanup();
  console.log(`browser test: ok (${checks} checks)`);
  process.exit(0);
} catch (err) {
  await fail(`unexpected: ${err && err.stack ? err.stack : err}`);
}
