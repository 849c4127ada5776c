/**
 * Items per stream per year as stacked horizontal bars, drawn as inline SVG at build time:
 * no script, no image request, and a data table below it as the text alternative.
 * One bar per year, oldest at the top. Positions across are percentages of the width and
 * text is in CSS pixels (the SVG has no viewBox), so the bars fill any screen from 320 px
 * up while the labels keep their size.
 */
import type { NewsConfig } from '../lib/config.ts';
import type { Stream } from '../lib/model.ts';
import type { YearCounts } from '../site/pages.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * Colours with at least 3:1 contrast against white (WCAG 1.4.11), from the NHS palette. The
 * key's swatches are drawn as the bars are, with `fill`: a style attribute would be blocked
 * by the pages' Content-Security-Policy.
 */
const colours = ['#005eb8', '#007f3b', '#330072', '#ae2573', '#425563', '#8a1538', '#00a499'];

/** Each row: the year and its total on one line, the bar below it. */
const row = { height: 56, label: 18, bar: 26, barHeight: 22 };
const axisHeight = 28;

export function renderChart(config: NewsConfig, rows: readonly YearCounts[]): SafeHtml {
  const streams = config.streams;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const step = niceStep(max);
  const scaleMax = Math.ceil(max / step) * step;
  const percent = (value: number) => `${((100 * value) / scaleMax).toFixed(2).replace(/\.?0+$/, '')}%`;
  const plotHeight = rows.length * row.height;
  const gridValues = Array.from({ length: scaleMax / step + 1 }, (_, i) => i * step);
  const anchor = (v: number) => (v === 0 ? 'start' : v === scaleMax ? 'end' : 'middle');
  const busiest = [...rows].sort((a, b) => b.total - a.total)[0];
  const summary = `Items published each year by stream, from ${rows[0]?.year ?? ''} to ${rows.at(-1)?.year ?? ''}. The busiest year was ${busiest?.year ?? ''}, with ${busiest?.total ?? 0} items. The table below gives the figures.`;
  return html`<figure class="chart">
<svg width="100%" height="${plotHeight + axisHeight}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Items per stream per year</title>
<desc id="chart-desc">${summary}</desc>
${gridValues.map((v) => html`<line x1="${percent(v)}" x2="${percent(v)}" y1="0" y2="${plotHeight}" stroke="#d8dde0"/><text x="${percent(v)}" y="${plotHeight + 20}" text-anchor="${anchor(v)}" font-size="14" fill="#4c6272">${v}</text>`)}
${rows.map((r, index) => {
  const top = index * row.height;
  let running = 0;
  return html`<g><text x="0" y="${top + row.label}" font-size="15" fill="#212b32"><tspan font-weight="700">${r.year}</tspan>: ${r.total} ${r.total === 1 ? 'item' : 'items'}</text>${r.counts.map((count, s) => {
    if (count === 0) return html``;
    const from = running;
    running += count;
    return html`<rect x="${percent(from)}" y="${top + row.bar}" width="${percent(count)}" height="${row.barHeight}" fill="${colours[s % colours.length]}" stroke="#fff" stroke-width="1"/>`;
  })}</g>`;
})}
</svg>
<figcaption>
<ul class="chart-key">${streams.map((stream, s) => html`<li><svg width="16" height="16" aria-hidden="true"><rect width="100%" height="100%" fill="${colours[s % colours.length]}"/></svg>${stream.title}</li>`)}</ul>
</figcaption>
</figure>
${renderTable(streams, rows)}`;
}

/**
 * The figures as a table. On a screen too narrow for it, it scrolls sideways inside its
 * box, a shadow at its edge says so, and the page's script (table-scroll.js) makes the box
 * a tab stop and shows a note only then, so keyboard users can scroll it without meeting a
 * stop that does nothing on wider screens. The caption stays outside the box, so it is
 * never scrolled out of sight.
 */
function renderTable(streams: readonly Stream[], rows: readonly YearCounts[]): SafeHtml {
  return html`<p class="table-caption" id="chart-table-caption">Items per stream per year (by each item's home stream)</p>
<div class="table-scroll" role="region" aria-labelledby="chart-table-caption" data-focus-when-scrolling>
<table class="data-table" aria-labelledby="chart-table-caption">
<thead><tr><th scope="col">Year</th>${streams.map((s) => html`<th scope="col">${s.title}</th>`)}<th scope="col">All</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.year}</th>${r.counts.map((c) => html`<td>${c}</td>`)}<td>${r.total}</td></tr>`)}</tbody>
</table>
</div>
<p class="table-scroll-note">The table is wider than the screen: scroll it sideways to see every stream.</p>`;
}

/** A round step for the value axis: 1, 2 or 5 times a power of ten, about five lines. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= rough) ?? 10;
  return Math.max(1, multiple * power);
}
