/** Every feed file: RSS, Atom and JSON Feed for every channel, subscription documents and archives. */
import type { FeedDocument, NewsSite } from '../lib/index.ts';
import { renderFeedFile } from '../layouts/feeds.ts';

interface Data {
  readonly news: NewsSite;
  readonly feed: FeedDocument;
}

export const data = {
  pagination: { data: 'news.feedDocuments', size: 1, alias: 'feed' },
  permalink: (data: Data) => data.feed.path,
  eleventyExcludeFromCollections: true,
};

export function render({ news, feed }: Data): string {
  return renderFeedFile(news, feed);
}
