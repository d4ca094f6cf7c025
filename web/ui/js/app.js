// dyad's web UI: tabs, the server's health line and the wiring between the filter form and the
// explorer views. Plain ES modules; d3 and topojson-client come from vendor/ (copied from npm at
// build time), nothing is fetched from elsewhere.
import { api } from './api.js';
import { initCodeView } from './code_view.js';
import { initExplore, loadEvents, filterParams, setExploreStatus } from './explore.js';
import { drawNetwork, drawTimeline, drawMap } from './charts.js';

const $ = id => document.getElementById(id);
let hasStore = false;

function showTab(name) {
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.tab === name));
  $('tab-code').hidden = name !== 'code';
  $('explore').hidden = name === 'code';
  for (const t of ['events', 'network', 'timeline', 'map']) $(`tab-${t}`).hidden = name !== t;
  if (name !== 'code') refresh(name);
}

function currentTab() {
  const name = location.hash.slice(1);
  return ['code', 'events', 'network', 'timeline', 'map'].includes(name) ? name : 'code';
}

async function refresh(name = currentTab()) {
  if (!hasStore) {
    return setExploreStatus('This server has no event store: start it with "dyad serve --db FILE" to explore stored events.', true);
  }
  setExploreStatus('Loading...');
  try {
    const p = filterParams();
    if (name === 'events') await loadEvents();
    if (name === 'network') drawNetwork($('network-chart'), (await api(`/v1/stats/dyads?${p}&limit=60`)).dyads);
    if (name === 'timeline') {
      p.set('period', $('period').value);
      drawTimeline($('timeline-chart'), await api(`/v1/stats/timeseries?${p}`));
    }
    if (name === 'map') {
      p.set('limit', '5000');
      drawMap($('map-chart'), (await api(`/v1/events?${p}`)).events, $('map-note'));
    }
    setExploreStatus('');
  } catch (err) {
    setExploreStatus(err.message, true);
  }
}

async function init() {
  initCodeView();
  initExplore(() => refresh());
  $('period').addEventListener('change', () => refresh('timeline'));
  try {
    const h = await api('/healthz');
    hasStore = h.store;
    $('health').textContent = `dyad ${h.version}${h.store ? ' · store' : ' · no store'}`;
  } catch (err) {
    $('health').textContent = `server unreachable: ${err.message}`;
  }
  window.addEventListener('hashchange', () => showTab(currentTab()));
  showTab(currentTab());
}

init();
