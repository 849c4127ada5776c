/**
 * /404.html: what static hosts serve for a page that is not there, at whatever address was
 * asked for; so it names no canonical URL and asks search engines not to index it. Links are
 * site-absolute, so they work at any depth.
 */
import { renderPage } from '../layouts/base.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { PageFeeds } from '../site/pages.ts';
import { paths } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderNotFound(data: PageFeeds, _path: string, { config }: RenderContext): string {
  return renderPage({
    config,
    route: 'notFound',
    title: 'Page not found',
    description: 'The page you asked for is not here.',
    path: paths.notFound,
    feeds: data.feeds,
    main: html`<h1>Page not found</h1>
<p class="lead">If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.</p>
<p>You can find news from the <a href="${sitePath(config, paths.home)}">latest news</a>, the <a href="${sitePath(config, paths.archive)}">archive</a> or by <a href="${sitePath(config, paths.search)}">searching</a>.</p>`,
  });
}
