/** /feeds/: every feed the site publishes, with its address, and the OPML file of them all. */
import { renderPage } from '../layouts/base.ts';
import { renderFeedAddresses } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import type { FeedsData } from '../site/pages.ts';
import { paths } from '../site/paths.ts';
import type { FeedLinks } from '../site/sections.ts';
import type { RenderContext } from './context.ts';

export function renderFeedsPage(data: FeedsData, _path: string, { config }: RenderContext): string {
  const entry = (channel: FeedLinks) => html`<section class="feed-entry" aria-labelledby="feed-${channel.key.replace('/', '-')}">
<h3 id="feed-${channel.key.replace('/', '-')}"><a href="${sitePath(config, channel.homePath)}">${channel.title}</a></h3>
${renderFeedAddresses(config, channel)}
<p><a href="${sitePath(config, channel.aboutPath)}">About this feed and its archives</a></p>
</section>`;
  return renderPage({
    config,
    route: 'feeds',
    title: 'Feeds',
    description: `Every feed ${config.site.title} publishes: the whole stream, each stream and each tag, in RSS, Atom and JSON Feed.`,
    path: paths.feeds,
    copyButtons: true,
    feeds: data.feeds,
    main: html`<h1>Feeds</h1>
<p class="lead">Follow ${config.site.title} in any feed reader. Every feed comes in three formats: RSS 2.0, Atom 1.0 and JSON Feed 1.1. To add them all at once, import the <a href="${sitePath(config, paths.opml)}">OPML file of every feed</a>.</p>
<h2>Everything</h2>
${entry(data.all)}
<h2>Streams</h2>
${data.streams.map(entry)}
<h2>Tags</h2>
${data.tags.map(entry)}`,
  });
}
