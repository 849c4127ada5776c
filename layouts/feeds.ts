/** Feed links for pages, and where the feeds' XSL stylesheet lives. */
import { feedFormats, feedPath, formatFiles, siteUrl, type FeedChannel, type NewsSite } from '../lib/index.ts';
import { html, type SafeHtml } from './html.ts';
import { renderWrappingUrl, sitePath } from './links.ts';

export const stylesheetPath = '/assets/feed.xsl';

/** `<link rel="alternate">` autodiscovery tags for the channels a page belongs to. */
export function renderFeedLinks(site: NewsSite, channels: readonly FeedChannel[]): SafeHtml {
  return html`${channels.flatMap((channel) =>
    feedFormats.map((format) => html`<link rel="alternate" type="${formatFiles[format].mediaType}" title="${channel.title} (${formatFiles[format].name})" href="${siteUrl(site.config.site.baseUrl, feedPath(channel, format))}">\n`),
  )}`;
}

/** The channel for the integrated stream, a stream slug or `tags/<slug>`. */
export function channelOf(site: NewsSite, key: string): FeedChannel {
  const channel = site.feedChannels.find((c) => c.key === key);
  if (channel === undefined) throw new Error(`3ML News: no feed channel "${key}"`);
  return channel;
}

/** A site path for a feed file, with the path prefix. */
export function feedHref(site: NewsSite, channel: FeedChannel, format: (typeof feedFormats)[number]): string {
  return sitePath(site, feedPath(channel, format));
}

/** A line offering a section's feeds, with a link to the page that explains them. */
export function renderFeedChoice(site: NewsSite, channel: FeedChannel): SafeHtml {
  return html`<p class="feed-choice">Follow ${channel.kind === 'all' ? 'all news' : 'this'} in a feed reader: ${feedFormats.map(
    (format, index) => html`${index > 0 && ', '}<a href="${feedHref(site, channel, format)}">${formatFiles[format].name}</a>`,
  )} (<a href="${sitePath(site, channel.previewPath)}">about these feeds</a>)</p>`;
}

/** A channel's three feed addresses, each in full and with a copy button where scripts run. */
export function renderFeedAddresses(site: NewsSite, channel: FeedChannel): SafeHtml {
  return html`<dl class="feed-addresses">${feedFormats.map((format) => {
    const url = siteUrl(site.config.site.baseUrl, feedPath(channel, format));
    return html`<dt>${formatFiles[format].name}</dt>
<dd><a class="feed-url" href="${url}">${renderWrappingUrl(url)}</a> <button type="button" class="copy" data-copy="${url}" hidden>Copy<span class="visually-hidden"> the ${formatFiles[format].name} address</span></button></dd>`;
  })}</dl>`;
}
