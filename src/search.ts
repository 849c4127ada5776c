/**
 * /search/: full-text search over a static index (Pagefind) of every item page and every
 * partner item, built after the pages, so no server is needed. The page's own script
 * (src/assets/search.js) asks the index and lists the results as the site lists items; the
 * search words live in the address (`/search/?q=telehealth`), so a search can be shared,
 * bookmarked and started from a browser's address bar. Without JavaScript the page offers
 * the archive, tags and streams instead.
 */
import { renderPage } from '../layouts/base.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { PageFeeds } from '../site/pages.ts';
import { paths, sectionPath } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderSearch(data: PageFeeds, _path: string, { config }: RenderContext): string {
  return renderPage({
    config,
    route: 'search',
    title: 'Search',
    description: `Search every item in ${config.site.title}, partners' news included.`,
    path: paths.search,
    section: paths.search,
    feeds: data.feeds,
    head: html`<link rel="stylesheet" href="${sitePath(config, paths.searchStylesheet)}">
<script type="module" src="${sitePath(config, paths.searchScript)}"></script>
`,
    main: html`<h1>Search</h1>
<form class="search-form" role="search" action="${sitePath(config, paths.search)}" method="get" data-index="${sitePath(config, paths.pagefind)}" data-base="${config.site.pathPrefix}">
<label class="search-label" for="search-input">Search all news, partners' items included</label>
<div class="search-row"><input id="search-input" name="q" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search"><button type="submit">Search</button></div>
</form>
<p class="search-status" role="status"></p>
<ol class="item-list search-results" id="search-results"></ol>
<p><button type="button" class="search-more" hidden>Show more results</button></p>
<noscript><p>Search needs JavaScript, which is turned off or not available in your browser.</p></noscript>
<h2>Other ways to find news</h2>
<ul>
<li>The <a href="${sitePath(config, paths.archive)}">archive</a> lists every item, year by year.</li>
<li><a href="${sitePath(config, paths.tags)}">Tags</a> gather the items on one subject.</li>
<li>Each stream has its own page: ${config.streams.map((s, i) => html`${i > 0 && ', '}<a href="${sitePath(config, sectionPath({ kind: 'stream', slug: s.slug }))}">${s.title}</a>`)}.</li>
</ul>`,
  });
}
