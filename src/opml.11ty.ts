/** /feeds.opml: every channel's feed for readers that import a list. */
import { renderOpml, type NewsSite } from '../lib/index.ts';

export const data = { permalink: '/feeds.opml', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  return renderOpml(news.feedChannels, news.config, news.updated);
}
