/**
 * The human view of each feed channel, which every feed file points to: what a feed is,
 * how to subscribe, the latest items and the archives. Browsers no longer render feeds
 * (Chromium is removing XSLT), so this page, not the XML, is what people are shown.
 */
import { renderPage } from '../layouts/base.ts';
import { renderFeedAddresses } from '../layouts/feeds.ts';
import { html } from '../layouts/html.ts';
import { renderItemList } from '../layouts/item-list.ts';
import { sitePath } from '../layouts/links.ts';
import type { FeedAboutData } from '../site/pages.ts';
import type { RenderContext } from './context.ts';

export function renderFeedAbout(data: FeedAboutData, path: string, { config }: RenderContext): string {
  const { section, channel } = data;
  const title = section.kind === 'all' ? 'Feeds for all news' : section.kind === 'stream' ? `${section.name}: feeds` : `Tagged “${section.name}”: feeds`;
  return renderPage({
    config,
    route: 'feedAbout',
    title,
    description: `Subscribe to ${channel.title} in a feed reader: RSS, Atom and JSON Feed.`,
    path,
    copyButtons: true,
    feeds: data.feeds,
    main: html`<h1>${title}</h1>
<p class="lead">A feed brings new items from <a href="${sitePath(config, channel.homePath)}">${channel.title}</a> to your feed reader as they are published, so you do not need to visit the site to keep up.</p>
<h2>How to subscribe</h2>
<p>Copy one of these addresses into your feed reader (most readers accept all three; if unsure, use RSS).</p>
${renderFeedAddresses(config, channel)}
<h2>Latest items</h2>
${renderItemList(config, data.latest)}
<h2>Older items</h2>
${data.archives.length === 0
  ? html`<p>The feeds carry every item of ${channel.title}.</p>`
  : html`<p>The feeds carry the ${data.subscriptionSize} items added to the site most recently. Earlier ones are in ${data.archives.length} archive documents, linked from the feeds themselves so that readers can fetch the full history (RFC 5005):</p>
<ul>${data.archives.map((archive) => html`<li>Archive ${archive.number}${archive.number === 1 && ' (oldest)'}: ${archive.files.map(
    (file, index) => html`${index > 0 && ', '}<a href="${sitePath(config, file.path)}">${file.name}</a>`,
  )}</li>`)}</ul>`}`,
  });
}
