/** /feeds/: every feed the site publishes, with its address, and the OPML file of them all. */
import type { FeedChannel, NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf, renderFeedAddresses } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';

export const data = { permalink: '/feeds/', eleventyExcludeFromCollections: true };

export function render({ news }: { news: NewsSite }): string {
  const group = (kind: FeedChannel['kind']) => news.feedChannels.filter((c) => c.kind === kind);
  const entry = (channel: FeedChannel) => html`<section class="feed-entry" aria-labelledby="feed-${channel.key.replace('/', '-')}">
<h3 id="feed-${channel.key.replace('/', '-')}"><a href="${sitePath(news, channel.homePath)}">${channel.title}</a></h3>
${renderFeedAddresses(news, channel)}
<p><a href="${sitePath(news, channel.previewPath)}">About this feed and its archives</a></p>
</section>`;
  return renderPage({
    site: news,
    title: 'Feeds',
    description: `Every feed ${news.config.site.title} publishes: the whole stream, each stream and each tag, in RSS, Atom and JSON Feed.`,
    path: '/feeds/',
    copyButtons: true,
    feeds: [channelOf(news, 'all')],
    main: html`<h1>Feeds</h1>
<p class="lead">Follow ${news.config.site.title} in any feed reader. Every feed comes in three formats: RSS 2.0, Atom 1.0 and JSON Feed 1.1. To add them all at once, import the <a href="${sitePath(news, '/feeds.opml')}">OPML file of every feed</a>.</p>
<h2>Everything</h2>
${group('all').map(entry)}
<h2>Streams</h2>
${group('stream').map(entry)}
<h2>Tags</h2>
${group('tag').map(entry)}`,
  });
}
