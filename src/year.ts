/** /archive/<year>/: every item of one year, month by month, newest first. */
import { renderPage } from '../layouts/base.ts';
import { dayOf } from '../layouts/dates.ts';
import { html } from '../layouts/html.ts';
import { itemHref, linkOutHost, renderLinkOut } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';
import type { NewsItem } from '../lib/model.ts';
import type { YearData } from '../site/pages.ts';
import { paths, yearPath } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderYear(year: YearData, path: string, { config }: RenderContext): string {
  const months = new Map<string, NewsItem[]>();
  for (const item of year.items) {
    const month = item.date.display.replace(/^\d+ /, '').replace(/,.*$/, '');
    months.set(month, [...(months.get(month) ?? []), item]);
  }
  return renderPage({
    config,
    route: 'year',
    title: `News from ${year.year}`,
    description: `The ${year.items.length} items ${config.site.title} published in ${year.year}.`,
    path,
    section: paths.archive,
    feeds: year.feeds,
    main: html`<h1>News from ${year.year}</h1>
<p class="lead">${year.items.length} ${year.items.length === 1 ? 'item' : 'items'}, newest first. <a href="${sitePath(config, paths.archive)}">All years</a></p>
${[...months].map(([month, items]) => html`<h2>${month}</h2>
<ul class="compact-list">${items.map((item) => html`<li><a href="${itemHref(config, item)}">${item.title}</a> <span class="meta">${dayOf(item.date).replace(/ \d{4}$/, '')}${linkOutHost(item) && html` · ${renderLinkOut(linkOutHost(item) as string)}`}</span></li>`)}</ul>`)}
<nav class="pager" aria-label="Years">
${year.newer ? html`<a href="${sitePath(config, yearPath(year.newer))}"><span aria-hidden="true">← </span>${year.newer}</a>` : html`<span></span>`}
${year.older ? html`<a href="${sitePath(config, yearPath(year.older))}">${year.older}<span aria-hidden="true"> →</span></a>` : html`<span></span>`}
</nav>`,
  });
}
