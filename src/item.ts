/** One page per local item: title, dates, streams, tags, details, body, attachments, related items, neighbours. */
import { renderAttachments } from '../layouts/attachments.ts';
import { renderPage } from '../layouts/base.ts';
import { dayOf, renderDayAndTime } from '../layouts/dates.ts';
import { html, trusted, type SafeHtml } from '../layouts/html.ts';
import { linkOutHost, renderItemList } from '../layouts/item-list.ts';
import { localHtml, localUrl, sitePath } from '../layouts/links.ts';
import { streamTitle, type NewsConfig } from '../lib/config.ts';
import type { NewsItem } from '../lib/model.ts';
import type { ItemData } from '../site/pages.ts';
import { sectionPath } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderItem(page: ItemData, path: string, { config }: RenderContext): string {
  const { item } = page;
  const host = linkOutHost(item);
  return renderPage({
    config,
    route: 'item',
    title: item.title,
    description: item.summary || item.title,
    path,
    section: sectionPath({ kind: 'stream', slug: item.homeStream }),
    feeds: page.feeds,
    item,
    // The search shows each result's date, streams, organisation and, for a link post, where it links to, as lists do (site/search.ts
    // gives partner items the same). Free text is read from attributes: Pagefind's inline `key:value` form would split it at commas.
    main: html`<article class="item" data-pagefind-meta="streams[data-streams]${item.organisation && ', organisation[data-organisation]'}" data-streams="${item.streams.map((slug) => streamTitle(config, slug)).join(' · ')}"${item.organisation && html` data-organisation="${item.organisation}"`}>
<header class="item-header">
<h1>${item.title}</h1>
<p class="meta" data-pagefind-ignore data-pagefind-meta="date[data-day]" data-day="${dayOf(item.date)}">Published ${renderDayAndTime(item.date)}${item.updated && html`, updated ${renderDayAndTime(item.updated)}`}</p>
</header>
${renderDetails(config, item)}
${item.image && html`<p class="lead-image"><img src="${localUrl(config, item.image.url)}" alt="${item.image.alt}"${item.image.width && html` width="${item.image.width}" height="${item.image.height}"`}></p>`}
${item.link && html`<p class="link-post" data-pagefind-ignore data-pagefind-meta="links to[data-host]" data-host="${host}">This item is a link to news published elsewhere. <a href="${item.link}">Read it on ${host}<span aria-hidden="true">&nbsp;↗</span></a></p>`}
<div class="item-body">${trusted(localHtml(config, item.contentHtml))}</div>
${renderAttachments(item.attachments.map((a) => ({ ...a, url: localUrl(config, a.url) })))}
</article>
<div data-pagefind-ignore>
${page.related.length > 0 && html`<h2>Related news</h2>${renderItemList(config, page.related, { level: 3, summaries: false })}`}
${renderNeighbours(config, page)}
</div>`,
  });
}

function renderDetails(config: NewsConfig, item: NewsItem): SafeHtml {
  const partners = item.sources.flatMap((source) => (source.kind === 'feed' ? [source] : []));
  const row = (term: string, value: SafeHtml | string | undefined) => value && html`<dt>${term}</dt><dd>${value}</dd>`;
  const list = (values: SafeHtml[]) => html`${values.map((v, i) => html`${i > 0 && ', '}${v}`)}`;
  // Left out of the search index: search excerpts should quote the news, not the labels.
  return html`<dl class="details" data-pagefind-ignore>
${row(item.streams.length > 1 ? 'Streams' : 'Stream', list(item.streams.map((slug) => html`<a href="${sitePath(config, sectionPath({ kind: 'stream', slug }))}">${streamTitle(config, slug)}</a>`)))}
${row('Organisation', item.organisation)}
${row('Region', item.region)}
${item.authors.length > 0 && row(item.authors.length > 1 ? 'Authors' : 'Author', list(item.authors.map((a) => (a.url ? html`<a href="${a.url}">${a.name}</a>` : html`${a.name}`))))}
${item.tags.length > 0 && row('Tags', list(item.tags.map((t) => html`<a href="${sitePath(config, sectionPath({ kind: 'tag', slug: t.slug }))}">${t.name}</a>`)))}
${partners.length > 0 && row('Also published by', list(partners.map((p) => html`<a href="${p.homepage}">${p.organisation}</a>`)))}
</dl>`;
}

function renderNeighbours(config: NewsConfig, page: ItemData): SafeHtml {
  if (!page.older && !page.newer) return html``;
  const stream = streamTitle(config, page.item.homeStream);
  return html`<nav class="neighbours" aria-label="More from ${stream}">
${page.older && html`<a class="older" href="${sitePath(config, page.older.path)}" rel="prev"><span class="meta">Older in ${stream}</span><br>${page.older.title}</a>`}
${page.newer && html`<a class="newer" href="${sitePath(config, page.newer.path)}" rel="next"><span class="meta">Newer in ${stream}</span><br>${page.newer.title}</a>`}
</nav>`;
}
