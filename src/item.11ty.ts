/** One page per local item: title, dates, streams, tags, body, attachments. */
import type { NewsItem, NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf } from '../layouts/feeds.ts';
import { html, trusted } from '../layouts/html.ts';

interface Data {
  readonly news: NewsSite;
  readonly item: NewsItem & { readonly path: string };
}

export const data = {
  pagination: {
    data: 'news.items',
    size: 1,
    alias: 'item',
    // Partner items have no page of ours: they link to the original.
    before: (items: readonly NewsItem[]) => items.filter((item) => item.path !== undefined),
  },
  permalink: (data: Data) => data.item.path,
  eleventyExcludeFromCollections: true,
};

export function render({ news, item }: Data): string {
  const streams = item.streams.map((slug) => news.config.streams.find((s) => s.slug === slug)?.title ?? slug);
  return renderPage({
    site: news,
    title: item.title,
    description: item.summary,
    path: item.path,
    feeds: [channelOf(news, item.homeStream), channelOf(news, 'all')],
    main: html`<article class="item">
<h1>${item.title}</h1>
<p class="meta">Published <time datetime="${item.date.iso}">${item.date.display}</time>${item.updated && html`, updated <time datetime="${item.updated.iso}">${item.updated.display}</time>`}</p>
<p class="meta">${streams.join(', ')}${item.organisation && html` · ${item.organisation}`}${item.region && html` · ${item.region}`}</p>
${item.link && html`<p class="link-post">This item points to <a href="${item.link}">${new URL(item.link).hostname}</a>.</p>`}
<div class="body">${trusted(item.contentHtml)}</div>
${item.attachments.length > 0 && html`<h2>Attachments</h2><ul>${item.attachments.map((a) => html`<li><a href="${a.url}">${a.title ?? a.url}</a></li>`)}</ul>`}
${item.tags.length > 0 && html`<p class="tags">Tags: ${item.tags.map((t) => t.name).join(', ')}</p>`}
</article>`,
  });
}
