/** /robots.txt: everything may be crawled; the sitemap says where everything is. */
import type { NewsSite } from '../lib/index.ts';

export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${news.config.site.baseUrl}sitemap.xml\n`;
}
