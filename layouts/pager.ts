/** Newer/older links between the pages of a listing. */
import type { NewsConfig } from '../lib/config.ts';
import type { ListingData } from '../site/pages.ts';
import { html, type SafeHtml } from './html.ts';
import { sitePath } from './links.ts';

export function renderPager(config: NewsConfig, page: ListingData): SafeHtml {
  if (page.pageCount === 1) return html``;
  return html`<nav class="pager" aria-label="Pages">
${page.previousPath ? html`<a rel="prev" href="${sitePath(config, page.previousPath)}"><span aria-hidden="true">← </span>Newer items</a>` : html`<span></span>`}
<span>Page ${page.pageNumber} of ${page.pageCount}</span>
${page.nextPath ? html`<a rel="next" href="${sitePath(config, page.nextPath)}">Older items<span aria-hidden="true"> →</span></a>` : html`<span></span>`}
</nav>`;
}
