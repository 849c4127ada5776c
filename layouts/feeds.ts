/** Feed links for pages: autodiscovery, a line offering a section's feeds, and a channel's addresses. */
import type { NewsConfig } from '../lib/config.ts';
import { siteUrl } from '../lib/urls.ts';
import type { FeedLinks } from '../site/sections.ts';
import { html, type SafeHtml } from './html.ts';
import { renderWrappingUrl, sitePath } from './links.ts';

/** `<link rel="alternate">` autodiscovery tags for the channels a page belongs to. */
export function renderFeedLinks(config: NewsConfig, channels: readonly FeedLinks[]): SafeHtml {
  return html`${channels.flatMap((channel) =>
    channel.files.map((file) => html`<link rel="alternate" type="${file.mediaType}" title="${channel.title} (${file.name})" href="${siteUrl(config.site.baseUrl, file.path)}">\n`),
  )}`;
}

/** A line offering a section's feeds, with a link to the page that explains them. */
export function renderFeedChoice(config: NewsConfig, channel: FeedLinks, isAll: boolean): SafeHtml {
  return html`<p class="feed-choice">Follow ${isAll ? 'all news' : 'this'} in a feed reader: ${channel.files.map(
    (file, index) => html`${index > 0 && ', '}<a href="${sitePath(config, file.path)}">${file.name}</a>`,
  )} (<a href="${sitePath(config, channel.aboutPath)}">about these feeds</a>)</p>`;
}

/** A channel's three feed addresses, each in full and with a copy button where scripts run. */
export function renderFeedAddresses(config: NewsConfig, channel: FeedLinks): SafeHtml {
  return html`<dl class="feed-addresses">${channel.files.map((file) => {
    const url = siteUrl(config.site.baseUrl, file.path);
    return html`<dt>${file.name}</dt>
<dd><a class="feed-url" href="${url}">${renderWrappingUrl(url)}</a> <button type="button" class="copy" data-copy="${url}" hidden>Copy<span class="visually-hidden"> the ${file.name} address</span></button></dd>`;
  })}</dl>`;
}
