/** Newer/older links between the pages of a listing. */
import type { ListingPage, NewsSite } from '../lib/index.ts';
import { html, type SafeHtml } from './html.ts';
import { sitePath } from './links.ts';

export function renderPager(site: NewsSite, page: ListingPage): SafeHtml {
  if (page.pageCount === 1) return html``;
  return html`<nav class="pager" aria-label="Pages">
${page.previousPath ? html`<a rel="prev" href="${sitePath(site, page.previousPath)}"><span aria-hidden="true">← </span>Newer items</a>` : html`<span></span>`}
<span>Page ${page.pageNumber} of ${page.pageCount}</span>
${page.nextPath ? html`<a rel="next" href="${sitePath(site, page.nextPath)}">Older items<span aria-hidden="true"> →</span></a>` : html`<span></span>`}
</nav>`;
}
