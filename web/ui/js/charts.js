// The explorer's charts, drawn with d3 into SVG: the dyad network (countries, arrows per pair),
// the Goldstein / quad-class time series and the world map of event locations.
import { QUAD_NAMES, QUAD_COLORS } from './api.js';

const d3 = window.d3;
const topojson = window.topojson;
const tooltip = () => document.getElementById('tooltip');

function showTip(ev, html) {
  const t = tooltip();
  t.innerHTML = html;
  t.hidden = false;
  t.style.left = `${ev.clientX + 12}px`;
  t.style.top = `${ev.clientY + 12}px`;
}
const hideTip = () => { tooltip().hidden = true; };

function size(svg) {
  const r = svg.getBoundingClientRect();
  return [Math.max(r.width, 600), Math.max(r.height, 400)];
}

function empty(svg, message) {
  const [w, h] = size(svg);
  d3.select(svg).selectAll('*').remove();
  d3.select(svg).attr('viewBox', `0 0 ${w} ${h}`).append('text').attr('x', w / 2).attr('y', h / 2)
    .attr('text-anchor', 'middle').attr('fill', '#667085').text(message);
}

// Goldstein -10 (red) .. +10 (blue).
const goldsteinColor = d3 && d3.scaleDiverging([-10, 0, 10], d3.interpolateRdBu);

export function drawNetwork(svg, dyads) {
  if (!dyads.length) return empty(svg, 'No country pairs for these filters.');
  const [w, h] = size(svg);
  const root = d3.select(svg);
  root.selectAll('*').remove();
  root.attr('viewBox', `0 0 ${w} ${h}`);
  const nodes = new Map();
  for (const d of dyads) {
    for (const c of [d.source_country, d.target_country]) {
      if (!nodes.has(c)) nodes.set(c, { id: c, events: 0 });
    }
    nodes.get(d.source_country).events += d.events;
    nodes.get(d.target_country).events += d.events;
  }
  const links = dyads.filter(d => d.source_country !== d.target_country)
    .map(d => ({ source: d.source_country, target: d.target_country, ...d }));
  const maxEvents = d3.max(dyads, d => d.events);
  const width = d3.scaleSqrt([1, maxEvents], [1, 8]);
  const radius = d3.scaleSqrt([1, d3.max([...nodes.values()], n => n.events)], [12, 28]);
  root.append('defs').selectAll('marker').data(['end']).join('marker').attr('id', 'net-arrow')
    .attr('viewBox', '0 -4 8 8').attr('refX', 8).attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 10)
    .attr('markerHeight', 10).attr('orient', 'auto')
    .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', '#8a94a8');
  const sim = d3.forceSimulation([...nodes.values()])
    .force('link', d3.forceLink(links).id(n => n.id).distance(140))
    .force('charge', d3.forceManyBody().strength(-400))
    .force('x', d3.forceX(w / 2).strength(0.08))  // keeps unconnected pairs on screen
    .force('y', d3.forceY(h / 2).strength(0.12))
    .force('collide', d3.forceCollide(n => radius(n.events) + 8));
  const link = root.append('g').selectAll('path').data(links).join('path')
    .attr('fill', 'none').attr('stroke', d => goldsteinColor(d.mean_goldstein)).attr('stroke-opacity', 0.8)
    .attr('stroke-width', d => width(d.events)).attr('marker-end', 'url(#net-arrow)')
    .on('mousemove', (ev, d) => showTip(ev, `${d.source_country} &rarr; ${d.target_country}: ${d.events} events, ${d.mentions} mentions, mean Goldstein ${d.mean_goldstein}`))
    .on('mouseleave', hideTip);
  const node = root.append('g').selectAll('g').data([...nodes.values()]).join('g').attr('class', 'node')
    .call(d3.drag()
      .on('start', (ev, d) => { if (!ev.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
      .on('drag', (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
      .on('end', (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
  node.append('circle').attr('r', n => radius(n.events)).attr('fill', '#35466d');
  node.append('text').text(n => n.id).attr('text-anchor', 'middle').attr('dy', '0.35em').attr('fill', '#fff')
    .attr('font-size', 9);
  sim.on('tick', () => {
    for (const n of nodes.values()) {
      const r = radius(n.events) + 2;
      n.x = Math.max(r, Math.min(w - r, n.x));
      n.y = Math.max(r, Math.min(h - r, n.y));
    }
    link.attr('d', d => {
      const dx = d.target.x - d.source.x, dy = d.target.y - d.source.y, len = Math.hypot(dx, dy) || 1;
      const r = radius(d.target.events) + 3;
      const tx = d.target.x - dx / len * r, ty = d.target.y - dy / len * r;
      return `M${d.source.x},${d.source.y} Q${(d.source.x + tx) / 2 + dy * 0.15},${(d.source.y + ty) / 2 - dx * 0.15} ${tx},${ty}`;
    });
    node.attr('transform', n => `translate(${n.x},${n.y})`);
  });
}

export function drawTimeline(svg, series) {
  const points = series.points;
  if (!points.length) return empty(svg, 'No events for these filters.');
  const [w, h] = size(svg);
  const m = { top: 48, right: 60, bottom: 60, left: 50 };
  const root = d3.select(svg);
  root.selectAll('*').remove();
  root.attr('viewBox', `0 0 ${w} ${h}`);
  const periods = [...new Set(points.map(p => p.period))].sort();
  const byPeriod = new Map(periods.map(p => [p, { period: p, counts: [0, 0, 0, 0, 0], goldSum: 0, n: 0 }]));
  for (const p of points) {
    const r = byPeriod.get(p.period);
    r.counts[p.quad_class] += p.events;
    r.goldSum += p.mean_goldstein * p.events;
    r.n += p.events;
  }
  const rows = [...byPeriod.values()];
  const stack = d3.stack().keys([0, 1, 2, 3, 4]).value((r, k) => r.counts[k])(rows);
  const x = d3.scaleBand(periods, [m.left, w - m.right]).padding(0.15);
  const y = d3.scaleLinear([0, d3.max(rows, r => r.n)], [h - m.bottom, m.top]).nice();
  const g = d3.scaleLinear([-10, 10], [h - m.bottom, m.top]);
  root.append('g').selectAll('g').data(stack).join('g').attr('fill', s => QUAD_COLORS[s.key])
    .selectAll('rect').data(s => s.map(v => ({ v, key: s.key }))).join('rect')
    .attr('x', d => x(d.v.data.period)).attr('width', x.bandwidth())
    .attr('y', d => y(d.v[1])).attr('height', d => y(d.v[0]) - y(d.v[1]))
    .on('mousemove', (ev, d) => showTip(ev, `${d.v.data.period}: ${d.v.data.counts[d.key]} ${QUAD_NAMES[d.key]} events`))
    .on('mouseleave', hideTip);
  const line = d3.line().x(r => x(r.period) + x.bandwidth() / 2).y(r => g(r.goldSum / r.n));
  root.append('path').datum(rows).attr('fill', 'none').attr('stroke', '#1d2330').attr('stroke-width', 2).attr('d', line);
  root.append('g').selectAll('circle').data(rows).join('circle').attr('r', 3.5).attr('fill', '#1d2330')
    .attr('cx', r => x(r.period) + x.bandwidth() / 2).attr('cy', r => g(r.goldSum / r.n))
    .on('mousemove', (ev, r) => showTip(ev, `${r.period}: mean Goldstein ${(r.goldSum / r.n).toFixed(2)} over ${r.n} events`))
    .on('mouseleave', hideTip);
  const ticks = periods.filter((_, i) => i % Math.ceil(periods.length / 14) === 0);
  root.append('g').attr('transform', `translate(0,${h - m.bottom})`).call(d3.axisBottom(x).tickValues(ticks))
    .selectAll('text').attr('transform', 'rotate(-35)').attr('text-anchor', 'end');
  root.append('g').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6));
  root.append('g').attr('transform', `translate(${w - m.right},0)`).call(d3.axisRight(g).ticks(5));
  root.append('text').attr('x', m.left).attr('y', m.top - 10).attr('text-anchor', 'middle').attr('fill', '#667085').text('events');
  root.append('text').attr('x', w - m.right).attr('y', m.top - 10).attr('text-anchor', 'middle').attr('fill', '#667085').text('mean Goldstein');
  const legend = root.append('g').attr('transform', `translate(${m.left + 60},${8})`);
  QUAD_NAMES.forEach((name, i) => {
    const item = legend.append('g').attr('transform', `translate(${i * 150},0)`);
    item.append('rect').attr('width', 12).attr('height', 12).attr('fill', QUAD_COLORS[i]);
    item.append('text').attr('x', 16).attr('y', 10).text(name);
  });
}

let atlas = null;

export async function drawMap(svg, events, note) {
  const [w, h] = size(svg);
  const root = d3.select(svg);
  root.selectAll('*').remove();
  root.attr('viewBox', `0 0 ${w} ${h}`);
  atlas ??= await (await fetch('vendor/countries-110m.json')).json();
  const countries = topojson.feature(atlas, atlas.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([w, h], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  root.append('path').datum({ type: 'Sphere' }).attr('d', path).attr('fill', '#f2f6fb').attr('stroke', '#dde3ec');
  root.append('g').selectAll('path').data(countries.features).join('path').attr('class', 'country').attr('d', path);
  const placed = events.filter(e => e.location && Number.isFinite(e.location.lat) && Number.isFinite(e.location.lon) &&
                                    (e.location.lat !== 0 || e.location.lon !== 0));
  // Events at the same place share one circle, sized by their count.
  const places = d3.rollups(placed, v => v, e => `${e.location.lat},${e.location.lon}`).map(([, v]) => v);
  const r = d3.scaleSqrt([1, d3.max(places, v => v.length) ?? 1], [4, 18]);
  root.append('g').selectAll('circle').data(places).join('circle')
    .attr('cx', v => projection([v[0].location.lon, v[0].location.lat])[0])
    .attr('cy', v => projection([v[0].location.lon, v[0].location.lat])[1])
    .attr('r', v => r(v.length)).attr('fill', v => goldsteinColor(d3.mean(v, e => e.goldstein ?? 0)))
    .attr('fill-opacity', 0.8).attr('stroke', '#1d2330').attr('stroke-width', 0.6)
    .on('mousemove', (ev, v) => showTip(ev, `${v[0].location.name}: ${v.length} events<br>` +
      v.slice(0, 5).map(e => `${e.date ?? ''} ${e.source?.code ?? ''} ${e.cameo} ${e.target?.code ?? ''}`).join('<br>')))
    .on('mouseleave', hideTip);
  const missing = events.length - placed.length;
  note.textContent = events.length === 0 ? 'No events for these filters.'
    : `${placed.length} of ${events.length} events have a location` +
      (missing ? `; ${missing} without one are not on the map.` : '.');
}
