/**
 * 3ML News as a library: read sources, get one checked, normalised stream, with types.
 * No Eleventy here; `eleventy.config.ts` is one consumer among others.
 */
export { buildNews, collectNews, findStream } from './build.ts';
export type { BuildOptions, NewsSite } from './build.ts';
export { defaultStreams, defineConfig, resolveConfig } from './config.ts';
export type { FeedConfig, NewsConfig, NewsConfigInput, SiteConfig } from './config.ts';
export { parseNewsDate } from './dates.ts';
export { createFeedRenderer, renderFeedSet } from './feeds/document.ts';
export type { FeedRendererOptions } from './feeds/document.ts';
export { feedEntry } from './feeds/entry.ts';
export type { FeedCategory, FeedEntry } from './feeds/entry.ts';
export { renderOpml } from './feeds/opml.ts';
export { feedChannel, feedDocuments, feedFormats, feedPath, formatFiles } from './feeds/spec.ts';
export type { FeedChannel, FeedDocument, FeedFormat } from './feeds/spec.ts';
export type { DateReading } from './dates.ts';
export { defaultItemId, isPermanentId } from './ids.ts';
export type { Attachment, Author, FeedSource, Image, MarkdownSource, NewsDate, NewsItem, Source, Stream, Tag } from './model.ts';
export { chooseTagNames, createMarkdownRenderer, normaliseMarkdownFile } from './normalise.ts';
export { itemPages, listingPages } from './pages.ts';
export { findRelated } from './related.ts';
export { buildSections } from './sections.ts';
export type { Section } from './sections.ts';
export type { ItemPage, ListingPage } from './pages.ts';
export { formatProblem, formatReport, hasErrors, NewsConfigError, NewsContentError, NewsError, sortProblems } from './problems.ts';
export type { Problem, Severity } from './problems.ts';
export { htmlToText, sanitiseBody } from './sanitise.ts';
export { compareNewestFirst, groupByStream, groupByTag, groupByYear, lastChanged, paginate } from './select.ts';
export type { StreamView, TagView, YearView } from './select.ts';
export { slugify } from './slug.ts';
export { formatBuildSummary } from './summary.ts';
export { checkFrontMatter, knownFields } from './sources/front-matter.ts';
export type { AttachmentInput, FrontMatter, FrontMatterContext } from './sources/front-matter.ts';
export { parseMarkdownFile, readMarkdownSource } from './sources/markdown.ts';
export type { MarkdownFile, MarkdownSourceOptions } from './sources/markdown.ts';
export { findCollisions, integrateItems } from './stream.ts';
export { absoluteUrl, isHttpUrl, isSitePath, sitePathOf, siteUrl, toSitePaths } from './urls.ts';
