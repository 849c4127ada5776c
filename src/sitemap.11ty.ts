/**
 * /sitemap.xml for search engines: every page, with item pages' last change. Not 404.html
 * and not the embed frames, which ask not to be indexed (they are fragments for partners'
 * pages); a test holds the list to the pages the build writes.
 */
import { lastChanged, type NewsSite } from '../lib/index.ts';
import { escapeHtml } from '../layouts/html.ts';

export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  const base = news.config.site.baseUrl;
  const entry = (path: string, lastmod?: string) => `<url><loc>${escapeHtml(base + path.slice(1))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  const paths = [
    ...news.listings.map((l) => l.path),
    '/tags/', '/archive/', ...news.years.map((y) => `/archive/${y.year}/`), '/about/', '/feeds/', '/search/', '/sources/', '/embed/',
    ...news.feedChannels.map((c) => c.previewPath),
  ];
  const urls = [...paths.map((p) => entry(p)), ...news.itemPages.map((p) => entry(p.item.path, lastChanged(p.item).iso))];
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
