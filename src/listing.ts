/** The paged listing of every section: the integrated stream at /, each stream, each tag. */
import { renderPage } from '../layouts/base.ts';
import { renderFeedChoice } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { renderItemList } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';
import { renderPager } from '../layouts/pager.ts';
import type { ListingData } from '../site/pages.ts';
import { paths } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderListing(listing: ListingData, path: string, { config }: RenderContext): string {
  const { section } = listing;
  const name = section.kind === 'all' ? 'Latest news' : section.kind === 'stream' ? section.name : `Tagged “${section.name}”`;
  const heading = listing.pageNumber > 1 ? `${name}, page ${listing.pageNumber} of ${listing.pageCount}` : name;
  const [channel] = listing.feeds;
  return renderPage({
    config,
    route: 'listing',
    title: heading,
    description: section.description,
    path,
    ...(section.kind !== 'tag' && { section: section.path }),
    feeds: listing.feeds,
    main: html`<h1>${heading}</h1>
${listing.pageNumber === 1 && section.kind !== 'tag' && html`<p class="lead">${section.description}</p>`}
${section.kind === 'tag' && html`<p><a href="${sitePath(config, paths.tags)}">All tags</a></p>`}
${channel && renderFeedChoice(config, channel, section.kind === 'all')}
${renderItemList(config, listing.items)}
${renderPager(config, listing)}`,
  });
}
