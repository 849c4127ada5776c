/**
 * OPML 2.0: every channel's RSS feed, so a reader can import them all at once. One format
 * per channel: readers subscribe to every outline they import, so listing RSS, Atom and
 * JSON Feed would subscribe people to each channel three times over. RSS is the format
 * every reader takes.
 */
import type { NewsConfig } from '../config.ts';
import type { NewsDate } from '../model.ts';
import { siteUrl } from '../urls.ts';
import { feedPath, type FeedChannel } from './spec.ts';
import { element, xmlText } from './xml.ts';

/** One outline per channel, grouped as the site is: everything, streams, tags. `dateModified`: the site's latest change, if it has items. */
export function renderOpml(channels: readonly FeedChannel[], config: NewsConfig, dateModified: NewsDate | undefined): string {
  const outline = (channel: FeedChannel) =>
    element('outline', {
      type: 'rss', text: channel.title, title: channel.title,
      xmlUrl: siteUrl(config.site.baseUrl, feedPath(channel, 'rss')),
      htmlUrl: siteUrl(config.site.baseUrl, channel.homePath),
      description: channel.description || undefined,
      language: config.site.language,
    });
  const group = (text: string, kind: FeedChannel['kind']) => {
    const members = channels.filter((c) => c.kind === kind).map(outline);
    return members.length === 0 ? [] : [element('outline', { text }, `\n${members.join('\n')}\n`)];
  };
  const body = [...channels.filter((c) => c.kind === 'all').map(outline), ...group('Streams', 'stream'), ...group('Tags', 'tag')];
  const head = [
    element('title', {}, xmlText(`${config.site.title} feeds`)),
    ...(dateModified ? [element('dateModified', {}, new Date(dateModified.epochMs).toUTCString())] : []),
    element('ownerName', {}, xmlText(config.site.title)),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>\n${element('opml', { version: '2.0' }, `\n${element('head', {}, head.join(''))}\n${element('body', {}, `\n${body.join('\n')}\n`)}\n`)}\n`;
}
