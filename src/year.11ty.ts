/** /archive/<year>/: every item of one year, month by month, newest first. */
import type { NewsItem, NewsSite, YearView } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { itemHref, linkOutHost, renderLinkOut } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';

interface Data {
  readonly news: NewsSite;
  readonly year: YearView;
}

export const data = {
  pagination: { data: 'news.years', size: 1, alias: 'year' },
  permalink: (data: Data) => `/archive/${data.year.year}/`,
  eleventyExcludeFromCollections: true,
};

export function render({ news, year }: Data): string {
  const months = new Map<string, NewsItem[]>();
  for (const item of year.items) {
    const month = item.date.display.replace(/^\d+ /, '').replace(/,.*$/, '');
    months.set(month, [...(months.get(month) ?? []), item]);
  }
  const index = news.years.findIndex((y) => y.year === year.year);
  const newer = news.years[index - 1];
  const older = news.years[index + 1];
  return renderPage({
    site: news,
    title: `News from ${year.year}`,
    description: `The ${year.items.length} items ${news.config.site.title} published in ${year.year}.`,
    path: `/archive/${year.year}/`,
    section: '/archive/',
    feeds: [channelOf(news, 'all')],
    main: html`<h1>News from ${year.year}</h1>
<p class="lead">${year.items.length} ${year.items.length === 1 ? 'item' : 'items'}, newest first. <a href="${sitePath(news, '/archive/')}">All years</a></p>
${[...months].map(([month, items]) => html`<h2>${month}</h2>
<ul class="compact-list">${items.map((item) => html`<li><a href="${itemHref(news, item)}">${item.title}</a> <span class="meta">${item.date.display.replace(/ \d{4}(,|$)/, '$1')}${linkOutHost(item) && html` · ${renderLinkOut(linkOutHost(item) as string)}`}</span></li>`)}</ul>`)}
<nav class="pager" aria-label="Years">
${newer ? html`<a href="${sitePath(news, `/archive/${newer.year}/`)}"><span aria-hidden="true">← </span>${newer.year}</a>` : html`<span></span>`}
${older ? html`<a href="${sitePath(news, `/archive/${older.year}/`)}">${older.year}<span aria-hidden="true"> →</span></a>` : html`<span></span>`}
</nav>`,
  });
}
