/**
 * The site's small files that are not pages: sitemap.xml, robots.txt, _headers,
 * feeds.opml, sources.json and the embed script.
 */
import { bundleEmbed } from '../embed/bundle.ts';
import type { EmbedSettings } from '../embed/bundle.ts';
import { escapeHtml } from '../layouts/html.ts';
import { renderOpml } from '../lib/feeds/opml.ts';
import { siteUrl } from '../lib/urls.ts';
import { renderHeadersFile, type HeaderRule } from '../site/headers.ts';
import type { OpmlData, RouteData, SitemapData } from '../site/outputs.ts';
import { paths } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

/** /sitemap.xml: every page the outputs table marks for it, item pages with their last change. */
export function renderSitemap({ entries }: SitemapData, _path: string, { config }: RenderContext): string {
  const base = config.site.baseUrl;
  const urls = entries.map((e) => `<url><loc>${escapeHtml(siteUrl(base, e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * /robots.txt: everything may be crawled; the sitemap says where everything is. Crawlers
 * read robots.txt only at the root of an origin, so under a path prefix this file is never
 * read: its lines belong in the origin's own robots.txt, which the file says, and so does
 * the build's summary.
 */
export function renderRobots(_data: RouteData['robots'], _path: string, { config }: RenderContext): string {
  const { baseUrl, pathPrefix } = config.site;
  const note = pathPrefix === '/' ? '' : `# Crawlers read only ${new URL(paths.robots, baseUrl).href}, not this file: copy the lines below into that one.\n`;
  return `${note}User-agent: *\nAllow: ${pathPrefix}\n\nSitemap: ${siteUrl(baseUrl, paths.sitemap)}\n`;
}

/** /_headers, for the hosts that read it (site/headers.ts). */
export function renderHeaders({ rules }: { readonly rules: readonly HeaderRule[] }): string {
  return renderHeadersFile(rules);
}

/** /feeds.opml: one outline per channel, the RSS feed, for readers that import a list. */
export function renderOpmlFile({ groups, updated }: OpmlData, _path: string, { config }: RenderContext): string {
  return renderOpml(groups, config, updated);
}

/** /sources.json: each partner source's state, for monitoring. */
export function renderSourcesJson({ sources }: RouteData['sourcesJson']): string {
  return `${JSON.stringify({ sources }, null, 2)}\n`;
}

/** /embed/v1/news.js: the embed script. The major version is in the path, so a pasted snippet never breaks. */
export function renderEmbedScript(settings: EmbedSettings, _path: string, { rootDir }: RenderContext): string {
  return bundleEmbed(settings, rootDir);
}
