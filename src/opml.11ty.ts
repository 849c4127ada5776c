/** /feeds.opml: every channel's feed for readers that import a list. */
import { renderOpml, type NewsSite } from '../lib/index.ts';

export const data = { permalink: '/feeds.opml', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  const newest = news.items[0]?.updated ?? news.items[0]?.date;
  return renderOpml(news.feedChannels, news.config, newest?.iso ?? '1970-01-01T00:00:00Z');
}
