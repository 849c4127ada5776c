/** /tags/: every tag, with how many items carry it. */
import type { NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';

export const data = { permalink: '/tags/', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  return renderPage({
    site: news,
    title: 'Tags',
    description: `Every tag used in ${news.config.site.title}, with the number of items for each.`,
    path: '/tags/',
    feeds: [channelOf(news, 'all')],
    main: html`<h1>Tags</h1>
<p class="lead">Every item carries tags for what it is about. Each tag has its own page and feeds.</p>
<ul class="tag-list">${news.tags.map((t) => html`<li><a href="${sitePath(news, `/tags/${t.tag.slug}/`)}">${t.tag.name} <span class="meta">(${t.items.length})</span></a></li>`)}</ul>`,
  });
}
