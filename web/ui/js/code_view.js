// "Code an article": paste or upload text, POST /v1/code, show the sentences with actors and verbs
// highlighted and the coded events; hovering an event shows the pattern that coded it and the
// sentence's parse.
import { api, esc, actorLabel, QUAD_NAMES } from './api.js';
import { parseSvg } from './parse_view.js';

const $ = id => document.getElementById(id);
let token = '';

export function initCodeView() {
  $('article-date').value = new Date().toISOString().slice(0, 10);
  $('article-file').addEventListener('change', async e => {
    const file = e.target.files[0];
    if (file) $('article').value = await file.text();
  });
  $('code-form').addEventListener('submit', e => { e.preventDefault(); code(); });
  $('ingest-button').addEventListener('click', ingest);
}

function setStatus(text, error = false) {
  $('code-status').textContent = text;
  $('code-status').classList.toggle('error', error);
}

async function code() {
  const text = $('article').value;
  if (!text.trim()) return setStatus('Paste an article first.', true);
  setStatus('Coding...');
  $('code-button').disabled = true;
  const t0 = performance.now();
  try {
    const date = $('article-date').value;
    const res = await api(`/v1/code${date ? `?date=${date}` : ''}`, { method: 'POST', body: text, type: 'text/plain' });
    render(res);
    setStatus(`${res.sentences.length} sentences, ${res.events.length} events, ${Math.round(performance.now() - t0)} ms`);
  } catch (err) {
    setStatus(err.message, true);
  } finally {
    $('code-button').disabled = false;
  }
}

async function ingest() {
  const text = $('article').value;
  if (!text.trim()) return setStatus('Paste an article first.', true);
  const doc = { text, date: $('article-date').value || undefined, doc_id: `ui:${Date.now()}` };
  for (;;) {
    try {
      const r = await api('/v1/ingest', { method: 'POST', body: JSON.stringify(doc), type: 'application/json', token });
      return setStatus(`Stored: ${r.documents_added} document, ${r.mentions_added} event mentions.`);
    } catch (err) {
      if (/bearer token/.test(err.message)) {
        const t = prompt('This server needs a token to store events:');
        if (t) { token = t; continue; }
      }
      return setStatus(err.message, true);
    }
  }
}

function render(res) {
  $('code-results').hidden = false;
  const sentencesEl = $('sentences');
  sentencesEl.innerHTML = res.sentences.map(s => sentenceHtml(s, res.events)).join('');
  $('event-count').textContent = `(${res.events.length})`;
  const tbody = $('coded-events').querySelector('tbody');
  tbody.innerHTML = res.events.map((e, i) => `<tr data-event="${i}">
      <td title="${esc(e.source.text)}">${esc(actorLabel(e.source))}</td>
      <td class="code">${esc(e.cameo)}</td>
      <td title="${esc(e.target?.text)}">${esc(actorLabel(e.target))}</td>
      <td>${esc(e.plover ?? '')}</td>
      <td>${e.goldstein ?? ''}</td>
      <td class="q${e.quad_class}" title="${QUAD_NAMES[e.quad_class] ?? ''}">${e.quad_class}</td>
      <td>${esc(e.verb.text)}</td></tr>`).join('') ||
    '<tr><td colspan="7" class="hint">No events coded in this text.</td></tr>';
  tbody.querySelectorAll('tr[data-event]').forEach(tr => {
    tr.addEventListener('mouseenter', () => showEvent(res, +tr.dataset.event));
    tr.addEventListener('focus', () => showEvent(res, +tr.dataset.event));
    tr.tabIndex = 0;
  });
}

function sentenceHtml(s, events) {
  const tokens = s.tokens;
  if (!tokens.length) return '';
  const base = tokens[0].start;  // a sentence's text starts at its first token
  const cls = tokens.map(() => []);
  for (const m of s.mentions ?? []) for (let t = m.begin; t < m.end; t++) cls[t].push(m.kind);
  for (const v of s.verbs ?? []) cls[v.token].push('verb');
  const coded = new Set(s.events.map(i => events[i].verb.start));
  tokens.forEach((t, i) => { if (coded.has(t.start)) cls[i].push('coded'); });
  let html = '', end = base;
  tokens.forEach((t, i) => {
    html += esc(s.text.slice(end - base, t.start - base));
    const surface = esc(s.text.slice(t.start - base, t.end - base));
    const mention = (s.mentions ?? []).find(m => i >= m.begin && i < m.end);
    const title = mention ? ` title="${esc(mention.code)} (${esc(mention.where)})"` : '';
    html += cls[i].length ? `<span class="${cls[i].join(' ')}" data-start="${t.start}"${title}>${surface}</span>`
                          : `<span data-start="${t.start}">${surface}</span>`;
    end = t.end;
  });
  const notProse = s.dateline || s.link_line;
  return `<div class="sentence${s.events.length ? ' has-events' : ''}${notProse ? ' not-prose' : ''}" data-sentence="${s.sentence}" data-doc="${esc(s.doc_id)}">` +
         `<span class="idx">${s.sentence}</span>${html}</div>`;
}

function showEvent(res, i) {
  const e = res.events[i];
  const s = res.sentences.find(x => x.doc_id === e.doc_id && x.sentence === e.sentence);
  document.querySelectorAll('#sentences .hl').forEach(el => el.classList.remove('hl'));
  const el = document.querySelector(`#sentences .sentence[data-sentence="${e.sentence}"]`);
  const marks = [e.source, e.target, e.verb].filter(Boolean);
  const hlTokens = new Set();
  if (el && s) {
    s.tokens.forEach((t, k) => {
      if (marks.some(m => t.start >= m.start && t.end <= m.end)) {
        hlTokens.add(k);
        el.querySelector(`[data-start="${t.start}"]`)?.classList.add('hl');
      }
    });
  }
  const verb = s?.verbs?.find(v => s.tokens[v.token]?.start === e.verb.start);
  const trial = verb?.patterns.find(p => p.matched && p.where === e.pattern) ?? verb?.patterns.find(p => p.matched);
  $('event-detail').innerHTML = `
    <p><b>${esc(actorLabel(e.source))}</b> &rarr; <span class="code">${esc(e.cameo)}</span> ${esc(e.plover ?? '')} &rarr; <b>${esc(actorLabel(e.target))}</b>
       &middot; Goldstein ${e.goldstein ?? '-'} &middot; ${QUAD_NAMES[e.quad_class] ?? ''}</p>
    <p>Pattern <span class="code">${esc(e.pattern)}</span>${trial ? `: <span class="pattern">${esc(trial.pattern)}</span>` : ''}</p>
    ${verb ? `<p class="hint">verb '${esc(verb.lemma)}' (block ${esc(verb.block)}): ${esc(verb.outcome)}</p>` : ''}
    ${s ? parseSvg(s.tokens, hlTokens) : ''}`;
}
