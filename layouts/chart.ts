/**
 * Items per stream per year as a stacked bar chart, drawn as inline SVG at build time:
 * no script, no image request, and a data table beside it as the text alternative.
 */
import type { NewsSite, Stream } from '../lib/index.ts';
import { html, type SafeHtml } from './html.ts';

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), from the NHS palette. */
const colours = ['#005eb8', '#007f3b', '#330072', '#ae2573', '#425563', '#8a1538', '#00a499'];

export interface YearCounts {
  readonly year: number;
  /** Items whose home stream is each stream, in configuration order. */
  readonly counts: readonly number[];
  readonly total: number;
}

/** Counts by home stream, so that each item is counted once and the bars add up to the year's total. */
export function countByYearAndStream(site: NewsSite): YearCounts[] {
  const streams = site.config.streams;
  return [...site.years].reverse().map(({ year, items }) => {
    const counts = streams.map((s) => items.filter((item) => item.homeStream === s.slug).length);
    return { year, counts, total: items.length };
  });
}

export function renderChart(site: NewsSite, rows: readonly YearCounts[]): SafeHtml {
  const streams = site.config.streams;
  const width = 640;
  const height = 300;
  const left = 44;
  const bottom = 32;
  const top = 24;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const step = niceStep(max);
  const scaleMax = Math.ceil(max / step) * step;
  const band = (width - left - 8) / Math.max(1, rows.length);
  const barWidth = Math.min(48, band * 0.7);
  const y = (value: number) => top + (height - top - bottom) * (1 - value / scaleMax);
  const gridValues = Array.from({ length: scaleMax / step + 1 }, (_, i) => i * step);
  const summary = `Items published each year by stream, from ${rows[0]?.year ?? ''} to ${rows.at(-1)?.year ?? ''}. The busiest year was ${[...rows].sort((a, b) => b.total - a.total)[0]?.year ?? ''}. The table below gives the figures.`;
  return html`<figure class="chart">
<div class="chart-scroll" tabindex="0" role="group" aria-label="Chart of items per stream per year; scroll sideways on small screens">
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Items per stream per year</title>
<desc id="chart-desc">${summary}</desc>
${gridValues.map((v) => html`<line x1="${left}" x2="${width - 8}" y1="${y(v)}" y2="${y(v)}" stroke="#d8dde0"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="13" fill="#4c6272">${v}</text>`)}
${rows.map((row, index) => {
  const x = left + band * index + (band - barWidth) / 2;
  let running = 0;
  return html`<g>${row.counts.map((count, s) => {
    if (count === 0) return html``;
    const from = running;
    running += count;
    return html`<rect x="${x.toFixed(1)}" y="${y(running).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(from) - y(running)).toFixed(1)}" fill="${colours[s % colours.length]}" stroke="#fff" stroke-width="1"/>`;
  })}<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y(row.total) - 6).toFixed(1)}" text-anchor="middle" font-size="13" fill="#212b32">${row.total}</text><text x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom + 20}" text-anchor="middle" font-size="13" fill="#212b32">${row.year}</text></g>`;
})}
</svg>
</div>
<figcaption>
<ul class="chart-key">${streams.map((stream, s) => html`<li><span style="background:${colours[s % colours.length]}" aria-hidden="true"></span>${stream.title}</li>`)}</ul>
</figcaption>
</figure>
${renderTable(streams, rows)}`;
}

function renderTable(streams: readonly Stream[], rows: readonly YearCounts[]): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="chart-table-caption">
<table class="data-table">
<caption id="chart-table-caption">Items per stream per year (by each item's home stream)</caption>
<thead><tr><th scope="col">Year</th>${streams.map((s) => html`<th scope="col">${s.title}</th>`)}<th scope="col">All</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${row.year}</th>${row.counts.map((c) => html`<td>${c}</td>`)}<td>${row.total}</td></tr>`)}</tbody>
</table>
</div>`;
}

/** A round step for the value axis: 1, 2 or 5 times a power of ten, about five lines. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= rough) ?? 10;
  return Math.max(1, multiple * power);
}
