/** The paged listing of every section: the integrated stream at /, each stream, each tag. */
import type { ListingPage, NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf, renderFeedChoice } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { renderItemList } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';
import { renderPager } from '../layouts/pager.ts';

interface Data {
  readonly news: NewsSite;
  readonly listing: ListingPage;
}

export const data = {
  pagination: { data: 'news.listings', size: 1, alias: 'listing' },
  permalink: (data: Data) => data.listing.path,
  eleventyExcludeFromCollections: true,
};

export function render({ news, listing }: Data): string {
  const { section } = listing;
  const name = section.kind === 'all' ? 'Latest news' : section.kind === 'stream' ? section.name : `Tagged “${section.name}”`;
  const heading = listing.pageNumber > 1 ? `${name}, page ${listing.pageNumber} of ${listing.pageCount}` : name;
  const channel = channelOf(news, section.key);
  return renderPage({
    site: news,
    title: heading,
    description: section.description,
    path: listing.path,
    ...(section.kind !== 'tag' && { section: section.path }),
    feeds: section.kind === 'all' ? [channel] : [channel, channelOf(news, 'all')],
    main: html`<h1>${heading}</h1>
${listing.pageNumber === 1 && html`<p class="lead">${section.description}</p>`}
${section.kind === 'tag' && html`<p><a href="${sitePath(news, '/tags/')}">All tags</a></p>`}
${renderFeedChoice(news, channel)}
${renderItemList(news, listing.items)}
${renderPager(news, listing)}`,
  });
}
