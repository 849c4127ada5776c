/**
 * OPML 2.0: every channel's RSS feed, so a reader can import them all at once. One format
 * per channel: readers subscribe to every outline they import, so listing RSS, Atom and
 * JSON Feed would subscribe people to each channel three times over. RSS is the format
 * every reader takes.
 */
import type { NewsConfig } from '../config.ts';
import type { NewsDate } from '../model.ts';
import { siteUrl } from '../urls.ts';
import { feedPath, type ChannelInput } from './spec.ts';
import { element, xmlText } from './xml.ts';

/** What an outline says of a channel (its items are not needed). */
export type OpmlChannel = Pick<ChannelInput, 'title' | 'description' | 'homePath' | 'folder' | 'archiveFolder'>;

/** Channels under a heading (`title`), or at the top of the list (no title). */
export interface OpmlGroup {
  readonly title?: string;
  readonly channels: readonly OpmlChannel[];
}

/** One outline per channel, in `groups`; `dateModified`: the site's latest change, if it has items. */
export function renderOpml(groups: readonly OpmlGroup[], config: NewsConfig, dateModified: NewsDate | undefined): string {
  const outline = (channel: OpmlChannel) =>
    element('outline', {
      type: 'rss', text: channel.title, title: channel.title,
      xmlUrl: siteUrl(config.site.baseUrl, feedPath(channel, 'rss')),
      htmlUrl: siteUrl(config.site.baseUrl, channel.homePath),
      description: channel.description || undefined,
      language: config.site.language,
    });
  const body = groups.flatMap((group) => {
    const members = group.channels.map(outline);
    if (group.title === undefined) return members;
    return members.length === 0 ? [] : [element('outline', { text: group.title }, `\n${members.join('\n')}\n`)];
  });
  const head = [
    element('title', {}, xmlText(`${config.site.title} feeds`)),
    ...(dateModified ? [element('dateModified', {}, new Date(dateModified.epochMs).toUTCString())] : []),
    element('ownerName', {}, xmlText(config.site.title)),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>\n${element('opml', { version: '2.0' }, `\n${element('head', {}, head.join(''))}\n${element('body', {}, `\n${body.join('\n')}\n`)}\n`)}\n`;
}
