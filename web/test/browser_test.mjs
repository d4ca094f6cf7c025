// Browser tests of dyad's web UI: a real `dyad serve` on a loopback port with a fresh store,
// Debian's chromium driven by playwright-core. Paste-and-code of examples/iran-iraq-accord.txt
// must show an IRN -> IRQ 057 row; the explorer's filters must change the events table; the
// network, time series and map must draw non-empty SVG. Screenshots go to SCREENSHOT_DIR.
//
// Usage: node browser_test.mjs DYAD_BINARY SOURCE_DIR SCREENSHOT_DIR
// Exit 0 = passed, 1 = failed, 77 = skipped (no chromium or no node_modules: says which).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dyad, sourceDir, shotDir] = process.argv.slice(2);
const CHROMIUM = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}
if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} not found (apt-get install chromium; scripts/install-deps does)`);
if (!existsSync(join(here, '..', 'node_modules', 'playwright-core'))) {
  skip("web/node_modules/playwright-core not found (run 'npm ci' in web/; scripts/install-deps does)");
}
const { chromium } = await import('playwright-core');

let passed = 0, failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}: ${err.message}`);
  }
}
function assert(cond, message) { if (!cond) throw new Error(message); }

// Start the server on a free port; it prints "listening on http://127.0.0.1:PORT/".
const work = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
mkdirSync(shotDir, { recursive: true });
const server = spawn(dyad, ['serve', '--port', '0', '--db', join(work, 'events.db'), '--threads', '2'],
                     { stdio: ['ignore', 'inherit', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let err = '';
  const timer = setTimeout(() => reject(new Error(`dyad serve did not start: ${err}`)), 60000);
  server.stderr.on('data', d => {
    err += d;
    const m = /listening on (http:\/\/[^/]+\/)/.exec(err);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
  server.on('exit', code => reject(new Error(`dyad serve exited with ${code}: ${err}`)));
});

let browser;
try {
  // A small store: the test articles, one month apart.
  const docs = readFileSync(join(here, 'articles.jsonl'), 'utf8').trim().split('\n').map(l => JSON.parse(l));
  const ingest = await fetch(`${base}v1/ingest`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                                   body: JSON.stringify({ documents: docs }) });
  assert(ingest.ok, `ingest failed: ${await ingest.text()}`);

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`); });
  page.on('request', r => { if (!r.url().startsWith(base)) errors.push(`request outside the server: ${r.url()}`); });

  await check('paste and code shows the IRN -> IRQ 057 event', async () => {
    await page.goto(`${base}#code`);
    await page.fill('#article', readFileSync(join(sourceDir, 'examples', 'iran-iraq-accord.txt'), 'utf8'));
    await page.fill('#article-date', '2017-07-23');
    await page.click('#code-button');
    await page.waitForSelector('#coded-events tbody tr[data-event]');
    const rows = await page.$$eval('#coded-events tbody tr', trs => trs.map(tr => [...tr.cells].map(td => td.textContent.trim())));
    assert(rows.some(r => r[0] === 'IRN' && r[1] === '057' && r[2] === 'IRQ'), `no IRN 057 IRQ row in ${JSON.stringify(rows)}`);
    const highlighted = await page.$$eval('#sentences .actor', els => els.map(e => e.textContent));
    assert(highlighted.includes('Iran') && highlighted.includes('Iraq'), `actors not highlighted: ${highlighted}`);
    assert(await page.$$eval('#sentences .verb.coded', els => els.length) > 0, 'no coded verb highlighted');
  });

  await check('hovering an event shows its pattern and the parse', async () => {
    const row = await page.$('#coded-events tbody tr[data-event]');
    await row.hover();
    await page.waitForSelector('#event-detail svg.parse');
    const detail = await page.textContent('#event-detail');
    assert(/Pattern .*\.dyad:\d+/.test(detail), `no pattern in "${detail}"`);
    assert(await page.$$eval('#event-detail svg.parse path.arc', p => p.length) > 3, 'parse has no arcs');
    assert(await page.$$eval('#sentences .hl', els => els.length) > 0, 'event not highlighted in its sentence');
    await page.screenshot({ path: join(shotDir, 'code.png'), fullPage: true });
  });

  let allRows = 0;
  await check('the events table lists the store and filters change it', async () => {
    await page.goto(`${base}#events`);
    await page.waitForSelector('#events-table tbody tr td:nth-child(3)');
    allRows = await page.$$eval('#events-table tbody tr', trs => trs.length);
    assert(allRows >= 8, `only ${allRows} stored events listed`);
    await page.fill('#filters input[name=root]', '05');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(n => document.querySelectorAll('#events-table tbody tr').length !== n, allRows);
    const cameos = await page.$$eval('#events-table tbody tr td:nth-child(3)', tds => tds.map(td => td.textContent));
    assert(cameos.length > 0 && cameos.length < allRows, `root filter left ${cameos.length} of ${allRows} rows`);
    assert(cameos.every(c => c.startsWith('05')), `rows outside root 05: ${cameos}`);
    await page.screenshot({ path: join(shotDir, 'events.png'), fullPage: true });
    await page.click('#filters button[type=reset]');
    await page.waitForFunction(n => document.querySelectorAll('#events-table tbody tr').length === n, allRows);
  });

  await check('CSV download holds every listed event', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-button')]);
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').trim().split('\r\n');
    assert(lines[0].startsWith('id,date,source_code'), `bad header ${lines[0]}`);
    assert(lines.length - 1 === allRows, `${lines.length - 1} CSV rows for ${allRows} events`);
  });

  await check('the dyad network draws countries and pairs', async () => {
    await page.goto(`${base}#network`);
    await page.waitForSelector('#network-chart g.node circle');
    await page.waitForTimeout(1500);  // let the layout settle for the screenshot
    const nodes = await page.$$eval('#network-chart g.node', n => n.map(g => g.textContent));
    assert(nodes.includes('IRN') && nodes.includes('IRQ'), `nodes ${nodes}`);
    assert(await page.$$eval('#network-chart path[marker-end]', p => p.length) > 0, 'no edges');
    await page.screenshot({ path: join(shotDir, 'network.png') });
  });

  await check('the time series draws bars per month and the Goldstein line', async () => {
    await page.goto(`${base}#timeline`);
    await page.waitForFunction(() => [...document.querySelectorAll('#timeline-chart rect')].some(r => +r.getAttribute('height') > 0));
    const bars = await page.$$eval('#timeline-chart g rect', r => r.filter(x => +x.getAttribute('height') > 0).length);
    assert(bars >= 8, `${bars} bars`);
    assert(await page.$$eval('#timeline-chart circle', c => c.length) >= 8, 'fewer than 8 Goldstein points (months)');
    await page.screenshot({ path: join(shotDir, 'timeline.png') });
  });

  await check('the map draws the world offline and says which events have no location', async () => {
    await page.goto(`${base}#map`);
    await page.waitForSelector('#map-chart path.country');
    assert(await page.$$eval('#map-chart path.country', p => p.length) > 150, 'countries missing');
    await page.waitForFunction(() => /events have a location/.test(document.getElementById('map-note').textContent));
    await page.screenshot({ path: join(shotDir, 'map.png') });
  });

  await check('no script errors and no request outside the server', async () => {
    assert(errors.length === 0, errors.join('; '));
  });
} catch (err) {
  failed++;
  console.log(`FAIL setup: ${err.message}`);
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
