/**
 * The human view of each feed channel, which every feed file points to: what a feed is,
 * how to subscribe, the latest items and the archives. Browsers no longer render feeds
 * (Chromium is removing XSLT), so this page, not the XML, is what people are shown.
 */
import { feedFormats, formatFiles, type FeedChannel, type NewsSite } from '../lib/index.ts';
import { renderPage } from '../layouts/base.ts';
import { channelOf, renderFeedAddresses } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { renderItemList } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';

interface Data {
  readonly news: NewsSite;
  readonly channel: FeedChannel;
}

export const data = {
  pagination: { data: 'news.feedChannels', size: 1, alias: 'channel' },
  permalink: (data: Data) => data.channel.previewPath,
  eleventyExcludeFromCollections: true,
};

export function render({ news, channel }: Data): string {
  const { subscriptionSize } = news.config.feeds;
  const archives = news.feedDocuments.filter((d) => d.channel.key === channel.key && d.format === 'rss' && d.archive !== undefined);
  const title = channel.kind === 'all' ? 'Feeds for all news' : channel.kind === 'stream' ? `${channel.name}: feeds` : `Tagged “${channel.name}”: feeds`;
  return renderPage({
    site: news,
    title,
    description: `Subscribe to ${channel.title} in a feed reader: RSS, Atom and JSON Feed.`,
    path: channel.previewPath,
    copyButtons: true,
    feeds: channel.kind === 'all' ? [channel] : [channel, channelOf(news, 'all')],
    main: html`<h1>${title}</h1>
<p class="lead">A feed brings new items from <a href="${sitePath(news, channel.homePath)}">${channel.title}</a> to your feed reader as they are published, so you do not need to visit the site to keep up.</p>
<h2>How to subscribe</h2>
<p>Copy one of these addresses into your feed reader (most readers accept all three; if unsure, use RSS).</p>
${renderFeedAddresses(news, channel)}
<h2>Latest items</h2>
${renderItemList(news, channel.items.slice(0, 10))}
<h2>Older items</h2>
${archives.length === 0
  ? html`<p>The feeds carry every item of ${channel.title}.</p>`
  : html`<p>The feeds carry the ${subscriptionSize} items added to the site most recently. Earlier ones are in ${archives.length} archive documents, linked from the feeds themselves so that readers can fetch the full history (RFC 5005):</p>
<ul>${archives.map((doc) => html`<li>Archive ${doc.archive}${doc.archive === 1 && ' (oldest)'}: ${feedFormats.map(
    (format, index) => html`${index > 0 && ', '}<a href="${sitePath(news, doc.path.replace(formatFiles.rss.file, formatFiles[format].file))}">${formatFiles[format].name}</a>`,
  )}</li>`)}</ul>`}`,
  });
}
