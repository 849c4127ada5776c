/** /archive/: the years, a chart of items per stream over time, and the way into each year. */
import { renderPage } from '../layouts/base.ts';
import { renderChart } from '../layouts/chart.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { ArchiveData } from '../site/pages.ts';
import { paths, yearPath } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderArchive(data: ArchiveData, _path: string, { config }: RenderContext): string {
  return renderPage({
    config,
    route: 'archive',
    title: 'Archive',
    description: `Every item in ${config.site.title}, year by year.`,
    path: paths.archive,
    section: paths.archive,
    feeds: data.feeds,
    head: html`<script src="${sitePath(config, paths.tableScrollScript)}" defer></script>\n`,
    main: html`<h1>Archive</h1>
<p class="lead">All ${data.total} items, year by year. You can also browse by <a href="${sitePath(config, paths.tags)}">tag</a> or by stream.</p>
<h2>Years</h2>
<ul class="tag-list">${[...data.years].reverse().map((y) => html`<li><a href="${sitePath(config, yearPath(y.year))}">${y.year} <span class="meta">(${y.total})</span></a></li>`)}</ul>
<h2>Items per stream over time</h2>
${renderChart(config, data.years)}`,
  });
}
