/**
 * /robots.txt: everything may be crawled; the sitemap says where everything is.
 * Crawlers read robots.txt only at the root of an origin, so under a path prefix this
 * file (at /news/robots.txt) is never read: its lines belong in the origin's own
 * robots.txt, which the file says, and so do the build's summary and the README.
 */
import type { NewsSite } from '../lib/index.ts';

export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  const { baseUrl, pathPrefix } = news.config.site;
  const note = pathPrefix === '/' ? '' : `# Crawlers read only ${new URL('/robots.txt', baseUrl).href}, not this file: copy the lines below into that one.\n`;
  const scope = pathPrefix === '/' ? 'Allow: /' : `Allow: ${pathPrefix}`;
  return `${note}User-agent: *\n${scope}\n\nSitemap: ${baseUrl}sitemap.xml\n`;
}
