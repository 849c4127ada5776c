/**
 * 3ML News as a library: read news from Markdown and partner feeds, get one checked,
 * normalised stream of plain data, and render it as RSS 2.0, Atom 1.0 and JSON Feed 1.1.
 * It knows nothing of Eleventy or of any site: docs/library.md shows it in use, and each
 * value below is documented where it is declared.
 */

// Configuration.
export { defaultStreams, defineConfig, resolveConfig } from './config.ts';
export type { FeedConfig, NewsConfig, NewsConfigInput, SiteConfig, WebSubConfig } from './config.ts';

// Reading and checking: the stream, and every problem found on the way.
export { buildNews, readNews } from './news.ts';
export type { NewsStream, ReadOptions } from './news.ts';
export { readLocalCache, writeLocalCache } from './content/cache.ts';
export type { LocalCache } from './content/local.ts';
export { formatReport, hasErrors, NewsConfigError, NewsContentError, NewsError } from './problems.ts';
export type { Problem, Severity } from './problems.ts';

// The model.
export type { Attachment, Author, FeedSource, Image, MarkdownSource, NewsDate, NewsItem, Source, Stream, Tag } from './model.ts';
export { parseNewsDate } from './dates.ts';
export { slugify } from './slug.ts';
export { groupByStream, groupByTag, groupByYear } from './select.ts';
export type { StreamView, TagView, YearView } from './select.ts';

// Partner feeds: fetched into a store that readNews reads.
export { fetchPartners, formatFetchSummary, formatSourceReport } from './partners/fetch.ts';
export type { FetchOptions, SourceReport } from './partners/fetch.ts';
export { readSourcesConfig } from './partners/config.ts';
export type { PartnerSource } from './partners/config.ts';
export type { SourceHealth } from './partners/items.ts';
export type { Merge } from './dedupe.ts';

// Feeds out.
export { channelDocuments, feedChannel } from './feeds/spec.ts';
export type { ChannelInput, FeedChannel, FeedDocument, FeedFormat } from './feeds/spec.ts';
export { renderFeedSet } from './feeds/document.ts';
export type { FeedRendererOptions } from './feeds/document.ts';
export { writeFeeds } from './feeds/write.ts';
export { renderOpml } from './feeds/opml.ts';
export type { OpmlGroup } from './feeds/opml.ts';

// WebSub: telling the hubs the feeds name that feeds changed.
export { publishToHub } from './websub.ts';
export type { HubReport, PublishOptions } from './websub.ts';
