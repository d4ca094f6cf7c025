// A sentence's dependency parse as an arc diagram: tokens left to right, an arc from each head to
// its dependent labelled with the relation; the root gets a vertical arrow.
import { esc } from './api.js';

export function parseSvg(tokens, highlight = new Set()) {
  const charW = 7.2, pad = 14;
  const xs = [];
  let x = 10;
  for (const t of tokens) {
    const w = Math.max(t.form.length, t.upos.length) * charW;
    xs.push(x + w / 2);
    x += w + pad;
  }
  const spans = tokens.map((t, i) => (t.head > 0 ? Math.abs(t.head - 1 - i) : 0));
  const maxSpan = Math.max(1, ...spans);
  const arcH = d => 14 + 16 * Math.min(d, 8);
  const top = arcH(Math.min(maxSpan, 8)) + 16;
  const h = top + 40;
  let out = `<svg class="parse" width="${x}" height="${h}" viewBox="0 0 ${x} ${h}" role="img" aria-label="dependency parse">`;
  tokens.forEach((t, i) => {
    const cls = highlight.has(i) ? ' font-weight="700" fill="#2f5bd3"' : '';
    out += `<text x="${xs[i]}" y="${top + 14}" text-anchor="middle"${cls}>${esc(t.form)}</text>`;
    out += `<text x="${xs[i]}" y="${top + 28}" text-anchor="middle" fill="#98a2b3" font-size="9">${esc(t.upos)}</text>`;
    if (t.head === 0) {
      out += `<line class="arc" x1="${xs[i]}" y1="4" x2="${xs[i]}" y2="${top}" marker-end="url(#arrow)"/>`;
      out += `<text class="arc-label" x="${xs[i] + 3}" y="12">root</text>`;
      return;
    }
    if (t.head < 1) return;
    const a = xs[t.head - 1], b = xs[i], ah = arcH(spans[i]);
    const y = top - ah;
    out += `<path class="arc" d="M${a},${top} C${a},${y} ${b},${y} ${b},${top - 2}" marker-end="url(#arrow)"/>`;
    out += `<text class="arc-label" x="${(a + b) / 2}" y="${y + ah * 0.25 - 2}" text-anchor="middle">${esc(t.deprel)}</text>`;
  });
  out += '<defs><marker id="arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#8a94a8"/></marker></defs>';
  return out + '</svg>';
}
