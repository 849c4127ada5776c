/**
 * Turns feed documents into text. Each item's entry is rendered once per format and
 * reused in every document it appears in (integrated, stream, tag, archive), so the
 * cost of the feeds grows with the number of items, not with the number of feeds.
 */
import type { NewsConfig } from '../config.ts';
import type { NewsDate, NewsItem } from '../model.ts';
import { lastChanged } from '../select.ts';
import { siteUrl } from '../urls.ts';
import { renderAtomDocument, renderAtomEntry } from './atom.ts';
import { feedEntry, type FeedEntry } from './entry.ts';
import { renderJsonDocument, renderJsonEntry } from './json.ts';
import { renderRssDocument, renderRssEntry } from './rss.ts';
import type { DocumentContext } from './context.ts';
import { feedDocuments, feedFormats, type FeedChannel, type FeedDocument, type FeedFormat } from './spec.ts';

export interface FeedRendererOptions {
  readonly config: NewsConfig;
  /** Site path of an XSL stylesheet for browsers that still apply XSLT (an enhancement only). */
  readonly stylesheetPath?: string;
}

const renderers: Record<FeedFormat, { entry: (entry: FeedEntry) => string; document: (context: DocumentContext, entries: readonly string[]) => string }> = {
  rss: { entry: renderRssEntry, document: renderRssDocument },
  atom: { entry: renderAtomEntry, document: renderAtomDocument },
  json: { entry: renderJsonEntry, document: renderJsonDocument },
};

/** A renderer for one build: `render(document)` gives the file's text. */
export function createFeedRenderer(options: FeedRendererOptions): { render: (document: FeedDocument) => string } {
  const { config } = options;
  const absolute = (path: string) => siteUrl(config.site.baseUrl, path);
  const entries = new WeakMap<NewsItem, FeedEntry>();
  const rendered: Record<FeedFormat, WeakMap<NewsItem, string>> = { rss: new WeakMap(), atom: new WeakMap(), json: new WeakMap() };

  const entryText = (item: NewsItem, format: FeedFormat): string => {
    let text = rendered[format].get(item);
    if (text === undefined) {
      let entry = entries.get(item);
      if (entry === undefined) entries.set(item, (entry = feedEntry(item, config)));
      text = renderers[format].entry(entry);
      rendered[format].set(item, text);
    }
    return text;
  };

  const render = (document: FeedDocument): string => {
    const context: DocumentContext = {
      document,
      absolute,
      updated: newestChange(document.items) ?? newestChange(document.channel.items) ?? epoch,
      language: config.site.language,
      siteTitle: config.site.title,
      feedId: `${config.feeds.idPrefix}${document.channel.key}`,
      ...(options.stylesheetPath && { stylesheet: config.site.pathPrefix + options.stylesheetPath.replace(/^\//, '') }),
    };
    return renderers[document.format].document(context, document.items.map((item) => entryText(item, document.format)));
  };
  return { render };
}

function newestChange(items: readonly NewsItem[]): NewsDate | undefined {
  let newest: NewsDate | undefined;
  for (const item of items) {
    const changed = lastChanged(item);
    if (newest === undefined || changed.epochMs > newest.epochMs) newest = changed;
  }
  return newest;
}

const epoch: NewsDate = { iso: '1970-01-01T00:00:00Z', epochMs: 0, display: '1 January 1970', hasTime: false };

/** A channel's files in every format, subscription document and archives: items and metadata in, text out. */
export function renderFeedSet(channel: FeedChannel, options: FeedRendererOptions): { path: string; format: FeedFormat; text: string }[] {
  const { render } = createFeedRenderer(options);
  return feedFormats.flatMap((format) => feedDocuments(channel, format, options.config.feeds)).map((document) => ({
    path: document.path,
    format: document.format,
    text: render(document),
  }));
}
