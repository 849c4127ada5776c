/** /sources.json: each partner source's state, for monitoring. */
import type { NewsSite } from '../lib/index.ts';

export const data = { permalink: '/sources.json', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  return `${JSON.stringify({ sources: news.partnerSources }, null, 2)}\n`;
}
