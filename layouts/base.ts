/** The page shell every page shares: head, skip link, header with navigation, main, footer. */
import { latin1Html, siteUrl, type FeedChannel, type NewsItem, type NewsSite } from '../lib/index.ts';
import { renderFeedLinks } from './feeds.ts';
import { html, type SafeHtml } from './html.ts';
import { sitePath } from './links.ts';
import { renderArticleMeta, renderSiteMeta } from './meta.ts';

export interface PageShell {
  readonly site: NewsSite;
  /** The page's own title; the site's name follows it in the browser tab. */
  readonly title: string;
  readonly description: string;
  /** Site path of the page, e.g. `/pathfinder/2013/worcester-business-case/`. */
  readonly path: string;
  /** The feeds this page belongs to, for autodiscovery: the most specific first. */
  readonly feeds: readonly FeedChannel[];
  readonly main: SafeHtml;
  /** The navigation entry to mark as current: `/`, a stream's path, `/archive/`, `/search/`. */
  readonly section?: string;
  /** An item page: Open Graph article tags and schema.org NewsArticle data. */
  readonly item?: NewsItem;
  /** Only item pages are indexed for search (see README: what readers search for). */
  readonly searchable?: boolean;
  /** The page has copy buttons (`button.copy`), which need copy.js; no other page loads it. */
  readonly copyButtons?: boolean;
  /** Extra elements for the head, e.g. the search page's stylesheet. */
  readonly head?: SafeHtml;
  /** A page that is not a page of the site (404.html): kept out of search engines, with no canonical URL. */
  readonly noindex?: boolean;
}


export function renderPage(page: PageShell): string {
  const { site } = page.site.config;
  const fullTitle = page.path === '/' ? `${site.title}: ${page.title}` : `${page.title} – ${site.title}`;
  const navigation = [
    { path: '/', label: 'All news' },
    ...page.site.config.streams.map((stream) => ({ path: `/${stream.slug}/`, label: stream.title })),
    { path: '/archive/', label: 'Archive' },
    { path: '/search/', label: 'Search' },
  ];
  return latin1Html(`<!doctype html>\n${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
${page.noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${siteUrl(site.baseUrl, page.path)}">`}
${renderSiteMeta(page.site, page.title, page.description, page.noindex ? undefined : page.path, page.item)}
${page.item && renderArticleMeta(page.site, page.item)}
<link rel="stylesheet" href="${sitePath(page.site, '/assets/site.css')}">
<link rel="icon" href="${sitePath(page.site, '/assets/icon.svg')}" type="image/svg+xml">
${renderFeedLinks(page.site, page.feeds)}${page.head}${page.copyButtons && html`<script src="${sitePath(page.site, '/assets/copy.js')}" defer></script>\n`}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="width">
<a class="site-name" href="${sitePath(page.site, '/')}">${site.title}</a>
<p class="site-tagline">Technology-enabled care news from the 3millionlives programme</p>
<nav class="site-nav" aria-label="Main">
<ul>
${navigation.map((entry) => html`<li><a href="${sitePath(page.site, entry.path)}"${entry.path === page.section && html` aria-current="page"`}>${entry.label}</a></li>`)}
</ul>
</nav>
</div>
</header>
<div class="width main-wrap">
<main id="main" tabindex="-1"${page.searchable && html` data-pagefind-body`}>
${page.main}
</main>
</div>
<footer class="site-footer">
<div class="width">
<ul>
<li><a href="${sitePath(page.site, '/about/')}">About ${site.title}</a></li>
<li><a href="${sitePath(page.site, '/feeds/')}">Feeds</a></li>
<li><a href="${sitePath(page.site, '/tags/')}">Tags</a></li>
<li><a href="${sitePath(page.site, '/archive/')}">Archive</a></li>
<li><a href="${sitePath(page.site, '/search/')}">Search</a></li>
<li><a href="${sitePath(page.site, '/sources/')}">Partner sources</a></li>
<li><a href="${sitePath(page.site, '/embed/')}">Embed our news</a></li>
</ul>
<p>${site.title} brings together news from industry, pathfinder sites, social care and public health.</p>
</div>
</footer>
</body>
</html>
`}`);
}
