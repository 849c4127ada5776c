/**
 * Turns feed documents into bytes. Each item's entry is rendered and encoded once per
 * format and kind, then copied into every document it appears in (integrated, stream,
 * tag, archive), so the cost of the feeds grows with the number of items, not with the
 * number of feeds they appear in.
 */
import type { NewsConfig } from '../config.ts';
import type { NewsDate, NewsItem } from '../model.ts';
import { latestChange } from '../select.ts';
import { siteUrl } from '../urls.ts';
import { atomFrame, renderAtomEntry } from './atom.ts';
import { feedEntry, type FeedEntry } from './entry.ts';
import { jsonFrame, renderJsonEntry } from './json.ts';
import { renderRssEntry, rssFrame } from './rss.ts';
import type { DocumentContext, DocumentFrame } from './context.ts';
import { channelDocuments, type FeedChannel, type FeedDocument, type FeedFormat } from './spec.ts';

export interface FeedRendererOptions {
  readonly config: NewsConfig;
  /**
   * The latest change of the whole site (`NewsSite.updated`): the date of a document
   * with no items, such as a stream's configured before it has content. Required, though
   * it may be undefined (a site with no items), so that no caller forgets it.
   */
  readonly siteUpdated: NewsDate | undefined;
}

interface FormatRenderer {
  readonly entry: (entry: FeedEntry) => string;
  readonly frame: (context: DocumentContext) => DocumentFrame;
  /** What goes between two entries. */
  readonly separator: Buffer;
}

const renderers: Record<FeedFormat, FormatRenderer> = {
  rss: { entry: renderRssEntry, frame: rssFrame, separator: Buffer.from('\n') },
  atom: { entry: renderAtomEntry, frame: atomFrame, separator: Buffer.from('\n') },
  json: { entry: renderJsonEntry, frame: jsonFrame, separator: Buffer.from(',\n') },
};

/** A renderer for one build: `bytes(document)` gives the file's content (UTF-8), `text(document)` the same as a string. */
export function createFeedRenderer(options: FeedRendererOptions): { bytes: (document: FeedDocument) => Buffer; text: (document: FeedDocument) => string } {
  const { config } = options;
  const absolute = (path: string) => siteUrl(config.site.baseUrl, path);
  // Full entries go in subscription documents, summaries in archives.
  const entries = { full: new WeakMap<NewsItem, FeedEntry>(), short: new WeakMap<NewsItem, FeedEntry>() };
  const entryOf = (item: NewsItem, full: boolean): FeedEntry => {
    const known = full ? entries.full : entries.short;
    let entry = known.get(item);
    if (entry === undefined) known.set(item, (entry = feedEntry(item, config, full)));
    return entry;
  };
  const encoded = new Map<string, WeakMap<NewsItem, Buffer>>();
  const entryBytes = (item: NewsItem, format: FeedFormat, full: boolean): Buffer => {
    const key = `${format}:${full}`;
    let known = encoded.get(key);
    if (known === undefined) encoded.set(key, (known = new WeakMap()));
    let bytes = known.get(item);
    if (bytes === undefined) known.set(item, (bytes = Buffer.from(renderers[format].entry(entryOf(item, full)))));
    return bytes;
  };

  const bytes = (document: FeedDocument): Buffer => {
    const context: DocumentContext = {
      document,
      absolute,
      updated: latestChange(document.items) ?? options.siteUpdated ?? epoch,
      language: config.site.language,
      siteTitle: config.site.title,
      feedId: `${config.feeds.idPrefix}${document.channel.key}`,
      hubs: document.archive === undefined ? config.websub.hubs : [],
    };
    const renderer = renderers[document.format];
    const frame = renderer.frame(context);
    const full = document.archive === undefined;
    const parts: Uint8Array[] = [Buffer.from(frame.before)];
    document.items.forEach((item, index) => {
      if (index > 0) parts.push(renderer.separator);
      parts.push(entryBytes(item, document.format, full));
    });
    parts.push(Buffer.from(frame.after));
    return Buffer.concat(parts);
  };
  return { bytes, text: (document) => bytes(document).toString('utf8') };
}

/** Only a site without a single item has nothing to date its feeds by. */
const epoch: NewsDate = { iso: '1970-01-01T00:00:00Z', epochMs: 0, display: '1 January 1970', hasTime: false };

/** A channel's files in every format, subscription document and archives: items and metadata in, text out. */
export function renderFeedSet(channel: FeedChannel, options: FeedRendererOptions): { path: string; format: FeedFormat; text: string }[] {
  const { text } = createFeedRenderer(options);
  return channelDocuments(channel, options.config.feeds).map((document) => ({
    path: document.path,
    format: document.format,
    text: text(document),
  }));
}
