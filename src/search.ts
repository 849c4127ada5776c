/**
 * /search/: full-text search with Pagefind, a static index built after the pages (no
 * server) of every item page and every partner item. Without JavaScript the page offers
 * the archive, tags and streams instead.
 */
import { renderPage } from '../layouts/base.ts';
import { html, trusted } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { PageFeeds } from '../site/pages.ts';
import { paths, sectionPath } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderSearch(data: PageFeeds, _path: string, { config }: RenderContext): string {
  const bundle = sitePath(config, paths.pagefind);
  const options = {
    element: '#search',
    bundlePath: bundle,
    baseUrl: config.site.pathPrefix,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    // The visible label names the box; a placeholder would only repeat it, in grey.
    translations: { placeholder: '' },
  };
  const script = JSON.stringify(options).replace(/</g, '\\u003c');
  return renderPage({
    config,
    route: 'search',
    title: 'Search',
    description: `Search every item in ${config.site.title}, partners' news included.`,
    path: paths.search,
    section: paths.search,
    feeds: data.feeds,
    head: html`<link rel="stylesheet" href="${bundle}pagefind-ui.css">
<link rel="stylesheet" href="${sitePath(config, paths.searchStylesheet)}">
<script src="${bundle}pagefind-ui.js" defer></script>
`,
    main: html`<h1>Search</h1>
<div class="search-area">
<label class="search-label" for="search-input" hidden>Search all news, partners' items included</label>
<div id="search" class="search"></div>
</div>
<noscript><p>Search needs JavaScript, which is turned off or not available in your browser.</p></noscript>
<h2>Other ways to find news</h2>
<ul>
<li>The <a href="${sitePath(config, paths.archive)}">archive</a> lists every item, year by year.</li>
<li><a href="${sitePath(config, paths.tags)}">Tags</a> gather the items on one subject.</li>
<li>Each stream has its own page: ${config.streams.map((s, i) => html`${i > 0 && ', '}<a href="${sitePath(config, sectionPath({ kind: 'stream', slug: s.slug }))}">${s.title}</a>`)}.</li>
</ul>
<script>window.addEventListener('DOMContentLoaded', () => {
  if (!window.PagefindUI) return;
  new PagefindUI(${trusted(script)});
  // Pagefind's box has no id of its own: give it the one the label points to, then show the label.
  const input = document.querySelector('#search input');
  if (!input) return;
  input.id = 'search-input';
  input.removeAttribute('title');
  document.querySelector('.search-label').hidden = false;
});</script>`,
  });
}
