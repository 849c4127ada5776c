/** A list of items as shown on index pages: title, date, streams, organisation, summary. */
import type { NewsItem, NewsSite } from '../lib/index.ts';
import { html, type SafeHtml } from './html.ts';
import { sitePath } from './links.ts';

export function renderItemList(site: NewsSite, items: readonly NewsItem[]): SafeHtml {
  return html`<ol class="item-list">${items.map((item) => renderSummary(site, item))}</ol>`;
}

function renderSummary(site: NewsSite, item: NewsItem): SafeHtml {
  const href = item.path === undefined ? item.url : sitePath(site, item.path);
  const streams = item.streams.map((slug) => site.config.streams.find((s) => s.slug === slug)?.title ?? slug);
  return html`<li class="item-summary">
<article>
<h2><a href="${href}">${item.title}</a></h2>
<p class="meta"><time datetime="${item.date.iso}">${item.date.display}</time>${streams.map((s) => html` · <span class="stream">${s}</span>`)}${item.organisation && html` · ${item.organisation}`}</p>
${item.summary && html`<p>${item.summary}</p>`}
</article>
</li>`;
}
