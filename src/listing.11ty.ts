/** The paged listing of every section: the integrated stream at /, each stream, each tag. */
import type { ListingPage, NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf, renderFeedChoice } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { renderItemList } from '../layouts/item-list.ts';
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

const headings = { all: 'Latest news', stream: '%s', tag: 'Tagged “%s”' } as const;

export function render({ news, listing }: Data): string {
  const { section } = listing;
  const name = headings[section.kind].replace('%s', section.name);
  const heading = listing.pageCount > 1 && listing.pageNumber > 1 ? `${name}, page ${listing.pageNumber} of ${listing.pageCount}` : name;
  const channel = channelOf(news, section.key);
  return renderPage({
    site: news,
    title: heading,
    description: section.description,
    path: listing.path,
    feeds: section.kind === 'all' ? [channel] : [channel, channelOf(news, 'all')],
    main: html`<h1>${heading}</h1>
${section.kind !== 'all' && html`<p class="lead">${section.description}</p>`}
${renderFeedChoice(news, channel)}
${renderItemList(news, listing.items)}
${renderPager(news, listing)}`,
  });
}
