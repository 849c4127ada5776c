/** The page shell every page shares: head, skip link, header, main, footer. */
import type { FeedChannel, NewsSite } from '../lib/index.ts';
import { renderFeedLinks } from './feeds.ts';
import { html, type SafeHtml } from './html.ts';
import { sitePath } from './links.ts';

export interface PageShell {
  readonly site: NewsSite;
  /** The page's own title; the site title is added after it. */
  readonly title: string;
  readonly description: string;
  /** Site path of the page, e.g. `/pathfinder/2013/worcester-business-case/`. */
  readonly path: string;
  /** The feeds this page belongs to, for autodiscovery: the most specific first. */
  readonly feeds: readonly FeedChannel[];
  readonly main: SafeHtml;
}

export function renderPage(page: PageShell): string {
  const { site } = page.site.config;
  const fullTitle = page.path === '/' ? site.title : `${page.title} – ${site.title}`;
  return `<!doctype html>\n${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
<link rel="canonical" href="${site.baseUrl}${page.path.slice(1)}">
<link rel="stylesheet" href="${sitePath(page.site, '/assets/site.css')}">
<script src="${sitePath(page.site, '/assets/copy.js')}" defer></script>
${renderFeedLinks(page.site, page.feeds)}</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="width">
<a class="site-name" href="${sitePath(page.site, '/')}">${site.title}</a>
<p class="site-tagline">Technology-enabled care news from the 3millionlives programme</p>
<nav aria-label="Sections">
<ul class="site-nav">
<li><a href="${sitePath(page.site, '/')}">All news</a></li>
${page.site.config.streams.map((stream) => html`<li><a href="${sitePath(page.site, `/${stream.slug}/`)}">${stream.title}</a></li>`)}
<li><a href="${sitePath(page.site, '/feeds/')}">Feeds</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="width" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<div class="width">
<p>${site.title} brings together news from industry, pathfinder sites, social care and public health.</p>
</div>
</footer>
</body>
</html>
`}`;
}
