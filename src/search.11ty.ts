/**
 * /search/: full-text search with Pagefind, a static index built after the pages (no
 * server). Without JavaScript the page offers the archive, tags and streams instead.
 */
import type { NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf } from '../layouts/feeds.ts';
import { html, trusted } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';

export const data = { permalink: '/search/', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  const bundle = sitePath(news, '/pagefind/');
  const options = JSON.stringify({ element: '#search', bundlePath: bundle, baseUrl: news.config.site.pathPrefix, showSubResults: false, showImages: false, resetStyles: false }).replace(/</g, '\\u003c');
  return renderPage({
    site: news,
    title: 'Search',
    description: `Search every item in ${news.config.site.title}.`,
    path: '/search/',
    section: '/search/',
    feeds: [channelOf(news, 'all')],
    head: html`<link rel="stylesheet" href="${bundle}pagefind-ui.css">
<script src="${bundle}pagefind-ui.js" defer></script>
`,
    main: html`<h1>Search</h1>
<div id="search" class="search"></div>
<noscript><p>Search needs JavaScript, which is turned off or not available in your browser.</p></noscript>
<h2>Other ways to find news</h2>
<ul>
<li>The <a href="${sitePath(news, '/archive/')}">archive</a> lists every item, year by year.</li>
<li><a href="${sitePath(news, '/tags/')}">Tags</a> gather the items on one subject.</li>
<li>Each stream has its own page: ${news.config.streams.map((s, i) => html`${i > 0 && ', '}<a href="${sitePath(news, `/${s.slug}/`)}">${s.title}</a>`)}.</li>
</ul>
<script>window.addEventListener('DOMContentLoaded', () => { if (window.PagefindUI) new PagefindUI(${trusted(options)}); });</script>`,
  });
}
