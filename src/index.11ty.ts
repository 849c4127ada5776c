/** The integrated stream, newest first, one page per `pageSize` items. */
import type { ListingPage, NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { html } from '../layouts/html.ts';
import { renderItemList } from '../layouts/item-list.ts';
import { renderPager } from '../layouts/pager.ts';

interface Data {
  readonly news: NewsSite;
  readonly listing: ListingPage;
}

export const data = {
  pagination: { data: 'news.listing', size: 1, alias: 'listing' },
  permalink: (data: Data) => data.listing.path,
  eleventyExcludeFromCollections: true,
};

export function render({ news, listing }: Data): string {
  const heading = listing.pageNumber === 1 ? 'Latest news' : `Latest news, page ${listing.pageNumber} of ${listing.pageCount}`;
  return renderPage({
    site: news,
    title: heading,
    description: news.config.site.description,
    path: listing.path,
    main: html`<h1>${heading}</h1>
${renderItemList(news, listing.items)}
${renderPager(news, listing)}`,
  });
}
