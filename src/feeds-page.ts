/**
 * /feeds/: every feed the site publishes, in a few screens. At the top, what most people
 * want: the feeds of all news, each address with a Copy button, and the OPML file of every
 * feed. Then a row per stream and per tag: its page, its feed in each format and the page
 * about it, where its addresses can be copied too.
 */
import { renderPage } from '../layouts/base.ts';
import { renderFeedAddresses } from '../layouts/feeds.ts';
import { html, type SafeHtml } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { NewsConfig } from '../lib/config.ts';
import type { FeedsData } from '../site/pages.ts';
import { paths } from '../site/paths.ts';
import type { FeedLinks } from '../site/sections.ts';
import type { RenderContext } from './context.ts';

/** The short names of the formats, in the table's headings and links (JSON is JSON Feed, as the lead says). */
const shortNames: Record<string, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON' };

function renderTable(config: NewsConfig, caption: string, channels: readonly FeedLinks[], nameOf: (channel: FeedLinks) => string): SafeHtml {
  return html`<table class="feed-table">
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Feed</th>${channels[0]?.files.map((file) => html`<th scope="col">${shortNames[file.format]}</th>`)}<th scope="col"><span class="visually-hidden">About the feed</span></th></tr></thead>
<tbody>${channels.map((channel) => {
    const name = nameOf(channel);
    return html`<tr><th scope="row"><a href="${sitePath(config, channel.homePath)}">${name}</a></th>${channel.files.map((file) => html`<td><a href="${sitePath(config, file.path)}">${shortNames[file.format]}<span class="visually-hidden"> feed of ${name}</span></a></td>`)}<td><a href="${sitePath(config, channel.aboutPath)}">About<span class="visually-hidden"> the feeds of ${name}</span></a></td></tr>`;
  })}</tbody>
</table>`;
}

export function renderFeedsPage(data: FeedsData, _path: string, { config }: RenderContext): string {
  const name = (prefix: string) => (channel: FeedLinks) => channel.title.slice(prefix.length);
  const prefix = `${config.site.title}: `;
  return renderPage({
    config,
    route: 'feeds',
    title: 'Feeds',
    description: `Every feed ${config.site.title} publishes: the whole stream, each stream and each tag, in RSS, Atom and JSON Feed.`,
    path: paths.feeds,
    copyButtons: true,
    feeds: data.feeds,
    main: html`<h1>Feeds</h1>
<p class="lead">Follow ${config.site.title} in any feed reader: copy a feed's address into it. Every feed comes in three formats, RSS 2.0, Atom 1.0 and JSON Feed 1.1; if unsure, use RSS.</p>
<h2>All news</h2>
${renderFeedAddresses(config, data.all)}
<p>To follow every stream and tag at once, import the <a href="${sitePath(config, paths.opml)}">OPML file of every feed</a> into your reader. <a href="${sitePath(config, data.all.aboutPath)}">About the feeds of all news</a>, and their archives.</p>
<h2>Streams</h2>
${renderTable(config, 'The feeds of each stream', data.streams, name(prefix))}
<h2>Tags</h2>
${renderTable(config, 'The feeds of each tag', data.tags, name(prefix))}`,
  });
}
