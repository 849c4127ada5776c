/** /archive/: the years, a chart of items per stream over time, and the way into each year. */
import type { NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { countByYearAndStream, renderChart } from '../layouts/chart.ts';
import { channelOf } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';

export const data = { permalink: '/archive/', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  return renderPage({
    site: news,
    title: 'Archive',
    description: `Every item in ${news.config.site.title}, year by year.`,
    path: '/archive/',
    section: '/archive/',
    feeds: [channelOf(news, 'all')],
    main: html`<h1>Archive</h1>
<p class="lead">All ${news.items.length} items, year by year. You can also browse by <a href="${sitePath(news, '/tags/')}">tag</a> or by stream.</p>
<h2>Years</h2>
<ul class="tag-list">${news.years.map((y) => html`<li><a href="${sitePath(news, `/archive/${y.year}/`)}">${y.year} <span class="meta">(${y.items.length})</span></a></li>`)}</ul>
<h2>Items per stream over time</h2>
${renderChart(news, countByYearAndStream(news))}`,
  });
}
