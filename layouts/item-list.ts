/**
 * Items as listings show them: title, date, streams, organisation, summary, and a mark
 * on items whose news lives on another site (link posts and partner items).
 */
import { streamTitle, type NewsConfig } from '../lib/config.ts';
import type { NewsItem } from '../lib/model.ts';
import { sectionPath } from '../site/paths.ts';
import { linkOutHost } from '../site/search.ts';
import { renderDay } from './dates.ts';
import { html, type SafeHtml } from './html.ts';
import { sitePath } from './links.ts';

export { linkOutHost };

export interface ListOptions {
  /** The heading level of each item's title: 2 under a page's h1, 3 under a section's h2. */
  readonly level?: 2 | 3;
  readonly summaries?: boolean;
}

export function renderItemList(config: NewsConfig, items: readonly NewsItem[], options: ListOptions = {}): SafeHtml {
  if (items.length === 0) return html`<p>There are no items here yet.</p>`;
  return html`<ol class="item-list">${items.map((item) => html`<li class="item-summary">${renderSummary(config, item, options)}</li>`)}</ol>`;
}

/** Where an item's title leads: its page here, or the partner's original. */
export function itemHref(config: NewsConfig, item: NewsItem): string {
  return item.path === undefined ? item.url : sitePath(config, item.path);
}

function renderSummary(config: NewsConfig, item: NewsItem, options: ListOptions): SafeHtml {
  const heading = options.level === 3 ? 'h3' : 'h2';
  const host = linkOutHost(item);
  const title = html`<a href="${itemHref(config, item)}">${item.title}</a>`;
  return html`<article>
${heading === 'h3' ? html`<h3>${title}</h3>` : html`<h2>${title}</h2>`}
<p class="meta">${renderDay(item.date)}${renderStreams(config, item)}${item.organisation && html` · ${item.organisation}`}${host && html` · ${renderLinkOut(host)}`}</p>
${options.summaries !== false && item.summary && html`<p>${item.summary}</p>`}
</article>`;
}

/**
 * "Links to bmj.com ↗": on one line where it fits, else broken before the host, never at
 * a hyphen in it (both are inline blocks), and the arrow is never alone on a line. The
 * arrow is not read out.
 */
export function renderLinkOut(host: string): SafeHtml {
  return html`<span class="link-out">Links to <span class="link-out-host">${host}<span aria-hidden="true">&nbsp;↗</span></span></span>`;
}

/** The item's streams as links, each after a middle dot. */
export function renderStreams(config: NewsConfig, item: NewsItem): SafeHtml {
  return html`${item.streams.map((slug) => html` · <a href="${sitePath(config, sectionPath({ kind: 'stream', slug }))}">${streamTitle(config, slug)}</a>`)}`;
}
