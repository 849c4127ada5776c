/** /about/: the programme, the streams, and how the news gets here. */
import { renderPage } from '../layouts/base.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { PageFeeds } from '../site/pages.ts';
import { paths, sectionPath } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderAbout(data: PageFeeds, _path: string, { config }: RenderContext): string {
  const title = config.site.title;
  return renderPage({
    config,
    route: 'about',
    title: `About ${title}`,
    description: `What ${title} is: the 3millionlives programme's news in one place, and how it is organised.`,
    path: paths.about,
    feeds: data.feeds,
    main: html`<h1>About ${title}</h1>
<p class="lead">${title} brings the news of the 3millionlives programme together in one place, and lets you follow all of it or only the part you need.</p>
<h2>The programme</h2>
<p>3millionlives (3ML) is the UK programme that promotes technology-enabled care: telehealth, telecare and telecoaching for people with long-term conditions and social-care needs. It began in 2012, after the Whole System Demonstrator trials, as a partnership between the Department of Health, the NHS, local government and industry, with the ambition of improving the lives of three million people. In 2013 it moved into NHS England.</p>
<p>Its news comes from many places: industry partners, the pathfinder sites rolling out services, social care and public health. Until now those sources never met. Here they form one stream, newest first.</p>
<h2>The streams</h2>
<dl>${config.streams.map((stream) => html`<dt><a href="${sitePath(config, sectionPath({ kind: 'stream', slug: stream.slug }))}">${stream.title}</a></dt><dd>${stream.description}</dd>`)}</dl>
<p>An item can belong to more than one stream: a pathfinder's business case may matter to social care too. Every item also carries <a href="${sitePath(config, paths.tags)}">tags</a> for what it is about.</p>
<h2>Following the news</h2>
<ul>
<li>Subscribe in a feed reader: every stream and every tag has <a href="${sitePath(config, paths.feeds)}">RSS, Atom and JSON feeds</a>.</li>
<li>Browse the <a href="${sitePath(config, paths.archive)}">archive</a> year by year, or <a href="${sitePath(config, paths.search)}">search</a> it.</li>
</ul>
<h2>Where the news comes from</h2>
<p>The programme's editors write items for this site. Items that point to news published elsewhere say so, and link to the original.</p>`,
  });
}
