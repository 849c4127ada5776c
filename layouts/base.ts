/** The page shell every page shares: head, skip link, header with navigation, main, footer. */
import type { NewsConfig } from '../lib/config.ts';
import type { NewsItem } from '../lib/model.ts';
import { siteUrl } from '../lib/urls.ts';
import { routes, type RouteName } from '../site/outputs.ts';
import { paths, sectionPath } from '../site/paths.ts';
import type { FeedLinks } from '../site/sections.ts';
import { renderFeedLinks } from './feeds.ts';
import { html, latin1Html, type SafeHtml } from './html.ts';
import { sitePath } from './links.ts';
import { renderArticleMeta, renderPolicyMeta, renderSiteMeta } from './meta.ts';

export interface PageShell {
  readonly config: NewsConfig;
  /** The page's route: whether it asks not to be indexed, whether it is searched. */
  readonly route: RouteName;
  /** The page's own title; the site's name follows it in the browser tab. */
  readonly title: string;
  readonly description: string;
  /** Site path of the page, e.g. `/pathfinder/2013/worcester-business-case/`. */
  readonly path: string;
  /** The feeds this page belongs to, for autodiscovery: the most specific first. */
  readonly feeds: readonly FeedLinks[];
  readonly main: SafeHtml;
  /** The navigation entry to mark as current: `/`, a stream's path, `/archive/`, `/search/`. */
  readonly section?: string;
  /** An item page: Open Graph article tags and schema.org NewsArticle data. */
  readonly item?: NewsItem;
  /** The page has copy buttons (`button.copy`), which need copy.js; no other page loads it. */
  readonly copyButtons?: boolean;
  /** Extra elements for the head, e.g. the search page's stylesheet. */
  readonly head?: SafeHtml;
}


export function renderPage(page: PageShell): string {
  const { config } = page;
  const { site } = config;
  const { noindex, search } = routes[page.route];
  const fullTitle = page.path === paths.home ? `${site.title}: ${page.title}` : `${page.title} – ${site.title}`;
  const navigation = [
    { path: paths.home, label: 'All news' },
    ...config.streams.map((stream) => ({ path: sectionPath({ kind: 'stream', slug: stream.slug }), label: stream.title })),
    { path: paths.archive, label: 'Archive' },
    { path: paths.search, label: 'Search' },
  ];
  return latin1Html(`<!doctype html>\n${html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
${renderPolicyMeta(page.route)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
${noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${siteUrl(site.baseUrl, page.path)}">`}
${renderSiteMeta(config, page.title, page.description, noindex ? undefined : page.path, page.item)}
${page.item && renderArticleMeta(config, page.item)}
<link rel="stylesheet" href="${sitePath(config, paths.stylesheet)}">
<link rel="icon" href="${sitePath(config, paths.icon)}" type="image/svg+xml">
${renderFeedLinks(config, page.feeds)}${page.head}${page.copyButtons && html`<script src="${sitePath(config, paths.copyScript)}" defer></script>\n`}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="width">
<a class="site-name" href="${sitePath(config, paths.home)}">${site.title}</a>
<p class="site-tagline">Technology-enabled care news from the 3millionlives programme</p>
<nav class="site-nav" aria-label="Main">
<ul>
${navigation.map((entry) => html`<li><a href="${sitePath(config, entry.path)}"${entry.path === page.section && html` aria-current="page"`}>${entry.label}</a></li>`)}
</ul>
</nav>
</div>
</header>
<div class="width main-wrap">
<main id="main" tabindex="-1"${search && html` data-pagefind-body`}>
${page.main}
</main>
</div>
<footer class="site-footer">
<div class="width">
<ul>
<li><a href="${sitePath(config, paths.about)}">About ${site.title}</a></li>
<li><a href="${sitePath(config, paths.feeds)}">Feeds</a></li>
<li><a href="${sitePath(config, paths.tags)}">Tags</a></li>
<li><a href="${sitePath(config, paths.archive)}">Archive</a></li>
<li><a href="${sitePath(config, paths.search)}">Search</a></li>
<li><a href="${sitePath(config, paths.sources)}">Partner sources</a></li>
<li><a href="${sitePath(config, paths.embed)}">Embed our news</a></li>
</ul>
<p>${site.title} brings together news from industry, pathfinder sites, social care and public health.</p>
</div>
</footer>
</body>
</html>
`}`);
}
