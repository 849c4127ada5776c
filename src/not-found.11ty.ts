/**
 * /404.html: what static hosts serve for a page that is not there, at whatever address was
 * asked for; so it names no canonical URL and asks search engines not to index it. Links are
 * site-absolute, so they work at any depth.
 */
import type { NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';

export const data = { permalink: '/404.html', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  return renderPage({
    site: news,
    title: 'Page not found',
    description: 'The page you asked for is not here.',
    path: '/404.html',
    noindex: true,
    feeds: [channelOf(news, 'all')],
    main: html`<h1>Page not found</h1>
<p class="lead">If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.</p>
<p>You can find news from the <a href="${sitePath(news, '/')}">latest news</a>, the <a href="${sitePath(news, '/archive/')}">archive</a> or by <a href="${sitePath(news, '/search/')}">searching</a>.</p>`,
  });
}
