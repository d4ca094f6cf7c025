// The events explorer: the filter form drives GET /v1/events (cursor pages, CSV download) and the
// charts (charts.js) of the other tabs.
import { api, esc, actorLabel, QUAD_NAMES } from './api.js';

const $ = id => document.getElementById(id);
const PLOVER = ['AGREE', 'ACCUSE', 'ASSAULT', 'COERCE', 'CONSULT', 'DEMAND', 'MOBILIZE', 'PROTEST',
  'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN', 'AID', 'CONCEDE'];

let rows = [];
let cursor = null;

export function initExplore(onChange) {
  const plover = document.querySelector('#filters select[name=plover]');
  plover.innerHTML += PLOVER.sort().map(p => `<option>${p}</option>`).join('');
  $('filters').addEventListener('submit', e => { e.preventDefault(); onChange(); });
  $('filters').addEventListener('reset', () => setTimeout(onChange, 0));
  $('more-button').addEventListener('click', () => loadEvents(true));
  $('csv-button').addEventListener('click', downloadCsv);
}

// The filters as query parameters (empty fields left out).
export function filterParams() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData($('filters'))) if (String(v).trim()) p.set(k, String(v).trim());
  return p;
}

export function setExploreStatus(text, error = false) {
  $('explore-status').textContent = text;
  $('explore-status').classList.toggle('error', error);
}

export async function loadEvents(more = false) {
  const p = filterParams();
  p.set('limit', '200');
  if (more && cursor) p.set('cursor', cursor);
  const page = await api(`/v1/events?${p}`);
  rows = more ? rows.concat(page.events) : page.events;
  cursor = page.next_cursor;
  renderTable();
  return rows;
}

function renderTable() {
  const tbody = $('events-table').querySelector('tbody');
  tbody.innerHTML = rows.map(e => `<tr>
      <td>${esc(e.date ?? '')}</td>
      <td title="${esc(e.source?.text)}">${esc(actorLabel(e.source))}</td>
      <td class="code">${esc(e.cameo)}</td>
      <td title="${esc(e.target?.text)}">${esc(actorLabel(e.target))}</td>
      <td>${esc(e.plover ?? '')}</td>
      <td>${e.goldstein ?? ''}</td>
      <td class="q${e.quad_class}" title="${QUAD_NAMES[e.quad_class] ?? ''}">${e.quad_class}</td>
      <td>${esc(e.location?.name ?? '')}</td>
      <td>${e.num_mentions}</td>
      <td class="sentence-text">${esc(e.text)}</td></tr>`).join('') ||
    '<tr><td colspan="10" class="hint">No stored events match these filters.</td></tr>';
  $('events-count').textContent = `(${rows.length}${cursor ? '+' : ''})`;
  $('more-button').hidden = !cursor;
}

const CSV_COLUMNS = [
  ['id', e => e.id], ['date', e => e.date], ['source_code', e => e.source?.code], ['source_text', e => e.source?.text],
  ['source_country', e => e.source?.country], ['cameo', e => e.cameo], ['root', e => e.root], ['plover', e => e.plover],
  ['target_code', e => e.target?.code], ['target_text', e => e.target?.text], ['target_country', e => e.target?.country],
  ['goldstein', e => e.goldstein], ['quad_class', e => e.quad_class], ['place', e => e.location?.name],
  ['lat', e => e.location?.lat], ['lon', e => e.location?.lon], ['num_mentions', e => e.num_mentions],
  ['doc_id', e => e.doc_id], ['sentence', e => e.sentence], ['pattern', e => e.pattern], ['text', e => e.text]];

function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Every event matching the filters (all pages, up to 100,000), as RFC 4180 CSV.
async function downloadCsv() {
  const p = filterParams();
  p.set('limit', '5000');
  let all = [], next = null;
  setExploreStatus('Preparing CSV...');
  try {
    do {
      if (next) p.set('cursor', next);
      const page = await api(`/v1/events?${p}`);
      all = all.concat(page.events);
      next = page.next_cursor;
    } while (next && all.length < 100000);
  } catch (err) {
    return setExploreStatus(err.message, true);
  }
  const lines = [CSV_COLUMNS.map(c => c[0]).join(',')]
    .concat(all.map(e => CSV_COLUMNS.map(c => csvField(c[1](e))).join(',')));
  const blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'dyad-events.csv';
  a.click();
  URL.revokeObjectURL(a.href);
  setExploreStatus(`${all.length} events written to dyad-events.csv`);
}
