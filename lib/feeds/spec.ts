/**
 * Feed documents: each channel (a list of items with its titles and places) in three
 * formats, each split into a small subscription document and RFC 5005 archive documents
 * that reach every item. Where the files go is the caller's to say (a channel's
 * `folder` and `archiveFolder`); the file names are the library's:
 *
 *   <folder>rss.xml  <folder>atom.xml  <folder>feed.json        the subscription documents
 *   <archiveFolder>1/rss.xml …                                 archives, 1 the oldest
 *
 * Which document holds an item follows the order items entered the site
 * (`compareLatestEntered`), not their dates: a partner item dated years ago but first
 * seen today is new to subscribers, so it goes to the subscription document, and archives
 * that are full stay as they are. Inside a document, items are listed newest first, as
 * pages list them.
 */
import type { NewsConfig } from '../config.ts';
import type { NewsItem } from '../model.ts';
import { compareLatestEntered, compareNewestFirst, paginate } from '../select.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const feedFormats: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** File name and media type of each format. */
export const formatFiles: Record<FeedFormat, { readonly file: string; readonly mediaType: string; readonly name: string }> = {
  rss: { file: 'rss.xml', mediaType: 'application/rss+xml', name: 'RSS 2.0' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', name: 'Atom 1.0' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', name: 'JSON Feed 1.1' },
};

/** What a channel is made of: its items, names and places. */
export interface ChannelInput {
  /** Unique among the site's channels and permanent: the end of the feed's Atom id, e.g. `all`, `industry`, `tags/telehealth`. */
  readonly key: string;
  /** The feed's title, e.g. `3ML News: Industry`. */
  readonly title: string;
  readonly description: string;
  /** Site path of the page the feed mirrors, e.g. `/industry/`. */
  readonly homePath: string;
  /** Site path of the folder that holds the subscription documents, e.g. `/industry/`. */
  readonly folder: string;
  /** Site path of the folder whose numbered folders hold the archives, e.g. `/industry/feed/archive/`. */
  readonly archiveFolder: string;
  /** Site path of a page for people about the feed, linked from every document (`rel="related"`). */
  readonly aboutPath: string;
  /** Every item, newest first. */
  readonly items: readonly NewsItem[];
}

/** One logical feed: a channel's input, with its items also in the order they entered the site. */
export interface FeedChannel extends ChannelInput {
  /** Every item, most recently entered first: the order of the feed documents. */
  readonly inEntryOrder: readonly NewsItem[];
}

/** One file: a channel's subscription document or one of its archives, in one format. */
export interface FeedDocument {
  readonly channel: FeedChannel;
  readonly format: FeedFormat;
  /** Site path of this file. */
  readonly path: string;
  /** 1 is the oldest archive; absent for the subscription document. */
  readonly archive?: number;
  /** Newest first. */
  readonly items: readonly NewsItem[];
  /** RFC 5005 links (site paths): the subscription document and the neighbouring archives. */
  readonly current: string;
  readonly prevArchive?: string;
  readonly nextArchive?: string;
}

/** A channel from its input. */
export function feedChannel(input: ChannelInput): FeedChannel {
  return { ...input, inEntryOrder: [...input.items].sort(compareLatestEntered) };
}

/** Site path of a channel's document in `format`: the subscription one, or archive `archive`. */
export function feedPath(channel: Pick<ChannelInput, 'folder' | 'archiveFolder'>, format: FeedFormat, archive?: number | string): string {
  const file = formatFiles[format].file;
  return archive === undefined ? `${channel.folder}${file}` : `${channel.archiveFolder}${archive}/${file}`;
}

/**
 * A channel's documents in every format, split once for all three. The
 * `subscriptionSize` items that entered last make the subscription document; the rest
 * fill archives of `archivePageSize` from the first to enter, so an archive, once full, keeps its items whatever arrives later
 * (RFC 5005, section 4), unless a local item dated before its end is added.
 *
 * A channel has archives only once its older items fill more than one: until then the
 * subscription document carries them all. A lone archive could link to no other archive
 * (the subscription document is its `current`, not its `next-archive`), and the W3C
 * validator warns about an archive without archive links; from two on, every archive
 * has a neighbour, and the first one is full from the start.
 */
export function channelDocuments(channel: FeedChannel, sizes: NewsConfig['feeds']): FeedDocument[] {
  const split = splitChannel(channel, sizes);
  return feedFormats.flatMap((format) => documentsOf(channel, split, format));
}

/** Which items go where, the same in every format: the subscription document's, then each archive's, oldest archive first. */
interface ChannelSplit {
  readonly subscription: readonly NewsItem[];
  readonly archives: readonly (readonly NewsItem[])[];
}

function splitChannel(channel: FeedChannel, sizes: NewsConfig['feeds']): ChannelSplit {
  const older = channel.inEntryOrder.slice(sizes.subscriptionSize).reverse();
  if (older.length <= sizes.archivePageSize) return { subscription: channel.items, archives: [] };
  return {
    subscription: channel.inEntryOrder.slice(0, sizes.subscriptionSize).sort(compareNewestFirst),
    archives: paginate(older, sizes.archivePageSize).map((chunk) => chunk.sort(compareNewestFirst)),
  };
}

function documentsOf(channel: FeedChannel, split: ChannelSplit, format: FeedFormat): FeedDocument[] {
  const current = feedPath(channel, format);
  const count = split.archives.length;
  return [
    { channel, format, path: current, current, items: split.subscription, ...(count > 0 && { prevArchive: feedPath(channel, format, count) }) },
    ...split.archives.map((items, index): FeedDocument => ({
      channel, format, path: feedPath(channel, format, index + 1), archive: index + 1, current, items,
      ...(index > 0 && { prevArchive: feedPath(channel, format, index) }),
      ...(index < count - 1 && { nextArchive: feedPath(channel, format, index + 2) }),
    })),
  ];
}
