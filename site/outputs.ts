/**
 * Every output of the site, declared once. `routes` says, for each kind of output, what
 * it is (a page, a feed document, a file), who writes it, the path patterns it is
 * written at, whether it is in the sitemap, asks not to be indexed or is searched, and
 * which response headers it needs. `Output` is one file: its route, its path and the
 * data it is made from (its declared inputs).
 *
 * Everything that lists paths is derived from here: the sitemap and `_headers`
 * (site/headers.ts), the server examples in docs/hosting.md, the stream slugs the
 * configuration may not use, what a build writes and removes (site/write.ts), what the
 * dev server writes again after an edit, the search index's pages, the link
 * checker's expectations and the feeds `npm run ping` announces (all three read the
 * build's manifest).
 */
import type { EditorSettings } from '../cms/bundle.ts';
import type { CmsConfigOptions } from '../cms/config.ts';
import type { EmbedSettings } from '../embed/bundle.ts';
import type { NewsConfig } from '../lib/config.ts';
import { feedFormats, feedPath, type FeedDocument, type FeedFormat } from '../lib/feeds/spec.ts';
import type { NewsDate } from '../lib/model.ts';
import type { Problem } from '../lib/problems.ts';
import type { HeaderRule } from './headers.ts';
import type {
  ArchiveData, EmbedData, EmbedFrameData, FeedAboutData, FeedsData, ItemData, ListingData, PageFeeds, SourcesData, TagsData, YearData,
} from './pages.ts';
import { embedFramePath, feedAboutPath, feedArchiveFolder, itemPath, listingPath, paths, sectionPath, yearPath } from './paths.ts';
import type { SourceHealth } from '../lib/partners/items.ts';
import type { FeedLinks } from './sections.ts';

/** The header sets of pages: each has a Content-Security-Policy of its own (site/policy.ts). */
export type PageHeaderSet = 'page' | 'search-page' | 'embed-frame';

/** The response headers an output needs besides those every response gets (site/headers.ts). */
export type HeaderSet = PageHeaderSet | 'json-feed' | 'embed-script' | 'asset' | 'admin';

/** Who writes an output's file: Eleventy (pages and small files), the library's feed writer, a copy of a file, or the search step. */
export type Writer = 'eleventy' | 'feeds' | 'copy' | 'search';

export interface RouteTraits {
  readonly kind: 'page' | 'feed' | 'file';
  readonly writer: Writer;
  /** Listed in sitemap.xml. */
  readonly sitemap: boolean;
  /** Asks search engines not to index it, and has no canonical URL of its own. */
  readonly noindex: boolean;
  /** Indexed by the site's search. */
  readonly search: boolean;
  readonly headers?: HeaderSet;
  /** Where its files go: `:name` stands for one path segment, a final `*` for anything below. */
  readonly patterns: (config: NewsConfig) => readonly string[];
}

/** A copy of a file as it is, e.g. a stylesheet or a PDF from content/files. */
export interface CopyData {
  /** Absolute path of the file copied. */
  readonly source: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface SitemapData {
  readonly entries: readonly { readonly path: string; readonly lastmod?: string }[];
}

export interface OpmlData {
  readonly groups: readonly { readonly title?: string; readonly channels: readonly FeedLinks[] }[];
  readonly updated?: NewsDate;
}

/** A feed document, and the site's latest change, which dates a document without items. */
export interface FeedOutputData {
  readonly document: FeedDocument;
  readonly siteUpdated?: NewsDate;
}

/** What each route's outputs are made from. */
export interface RouteData {
  readonly listing: ListingData;
  readonly item: ItemData;
  readonly tags: TagsData;
  readonly archive: ArchiveData;
  readonly year: YearData;
  readonly feeds: FeedsData;
  readonly feedAbout: FeedAboutData;
  readonly about: PageFeeds;
  readonly search: PageFeeds;
  readonly sources: SourcesData;
  readonly embed: EmbedData;
  readonly embedFrame: EmbedFrameData;
  readonly notFound: PageFeeds;
  readonly sitemap: SitemapData;
  readonly robots: Record<string, never>;
  readonly headers: { readonly rules: readonly HeaderRule[] };
  readonly opml: OpmlData;
  readonly sourcesJson: { readonly sources: readonly SourceHealth[] };
  readonly embedScript: EmbedSettings;
  readonly feedRss: FeedOutputData;
  readonly feedAtom: FeedOutputData;
  readonly feedJson: FeedOutputData;
  readonly asset: CopyData;
  readonly file: CopyData;
  readonly admin: Record<string, never>;
  readonly adminConfig: CmsConfigOptions;
  readonly adminScript: EditorSettings;
  readonly decap: CopyData;
}

export type RouteName = keyof RouteData;

/** One file the site publishes. */
export interface Output<R extends RouteName = RouteName> {
  readonly route: R;
  /** Site path, e.g. `/industry/` (written as `industry/index.html`) or `/rss.xml`. */
  readonly path: string;
  readonly data: RouteData[R];
}

/** Any output, its data typed by its route. */
export type AnyOutput = { [R in RouteName]: Output<R> }[RouteName];

/** The paths of every section, as patterns: `/`, `/:stream/`, `/tags/:tag/`. */
const sectionPatterns = [sectionPath({ kind: 'all' }), sectionPath({ kind: 'stream', slug: ':stream' }), sectionPath({ kind: 'tag', slug: ':tag' })];

const page = { kind: 'page', writer: 'eleventy', sitemap: true, noindex: false, search: false, headers: 'page' } as const;
const file = { kind: 'file', writer: 'eleventy', sitemap: false, noindex: false, search: false } as const;
const fixed = (path: string) => () => [path];

/**
 * A format's feed documents as path patterns: each section's subscription document
 * (`/rss.xml`, `/:stream/rss.xml`, `/tags/:tag/rss.xml`), which subscribers poll and WebSub
 * announces, and its archives, which never change once full.
 */
export function feedPatterns(format: FeedFormat): { readonly subscription: readonly string[]; readonly archives: readonly string[] } {
  const channels = sectionPatterns.map((section) => ({ folder: section, archiveFolder: feedArchiveFolder(section) }));
  return { subscription: channels.map((channel) => feedPath(channel, format)), archives: channels.map((channel) => feedPath(channel, format, ':page')) };
}

function feedRoute(format: FeedFormat, headers?: HeaderSet): RouteTraits {
  return {
    kind: 'feed', writer: 'feeds', sitemap: false, noindex: false, search: false, ...(headers && { headers }),
    patterns: () => {
      const { subscription, archives } = feedPatterns(format);
      return [...subscription, ...archives];
    },
  };
}

export const routes: { readonly [R in RouteName]: RouteTraits } = {
  listing: { ...page, patterns: () => sectionPatterns.flatMap((section) => [section, listingPath(section, ':page')]) },
  item: { ...page, search: true, patterns: () => [itemPath(':stream', ':year', ':slug')] },
  tags: { ...page, patterns: fixed(paths.tags) },
  archive: { ...page, patterns: fixed(paths.archive) },
  year: { ...page, patterns: () => [yearPath(':year')] },
  feeds: { ...page, patterns: fixed(paths.feeds) },
  feedAbout: { ...page, patterns: () => sectionPatterns.map(feedAboutPath) },
  about: { ...page, patterns: fixed(paths.about) },
  search: { ...page, headers: 'search-page', patterns: fixed(paths.search) },
  sources: { ...page, patterns: fixed(paths.sources) },
  embed: { ...page, patterns: fixed(paths.embed) },
  // Fragments shown inside partners' pages: not pages of this site for search engines.
  embedFrame: { ...page, sitemap: false, noindex: true, headers: 'embed-frame', patterns: () => sectionPatterns.map(embedFramePath) },
  // Hosts serve it at whatever address was asked for, so it has no address of its own.
  notFound: { ...page, sitemap: false, noindex: true, patterns: fixed(paths.notFound) },
  sitemap: { ...file, patterns: fixed(paths.sitemap) },
  robots: { ...file, patterns: fixed(paths.robots) },
  headers: { ...file, patterns: fixed(paths.headers) },
  opml: { ...file, patterns: fixed(paths.opml) },
  sourcesJson: { ...file, patterns: fixed(paths.sourcesJson) },
  embedScript: { ...file, headers: 'embed-script', patterns: () => [`${paths.embedScript.slice(0, paths.embedScript.lastIndexOf('/') + 1)}*`] },
  feedRss: feedRoute('rss'),
  feedAtom: feedRoute('atom'),
  feedJson: feedRoute('json', 'json-feed'),
  asset: { ...file, writer: 'copy', headers: 'asset', patterns: () => [`${paths.assets}*`] },
  file: { ...file, writer: 'copy', patterns: (config) => [`${config.files.urlPath}*`] },
  // The CMS, when the site has one: for editors, not readers, so never indexed.
  admin: { ...page, sitemap: false, noindex: true, headers: 'admin', patterns: fixed(paths.admin) },
  adminConfig: { ...file, patterns: fixed(paths.adminConfig) },
  adminScript: { ...file, patterns: fixed(paths.adminScript) },
  decap: { ...file, writer: 'copy', patterns: () => [`${paths.decap}*`] },
};

/** The search index is the search step's output, kept by the site build (site/write.ts). */
export const searchIndexPattern = `${paths.pagefind}*`;

/** Whether a file of the built folder (relative, `/`-separated) is part of the search index. */
export function isSearchIndexFile(file: string): boolean {
  return file.startsWith(paths.pagefind.slice(1));
}

/** The route that writes each feed format. */
export const feedRoutes: Record<FeedFormat, 'feedRss' | 'feedAtom' | 'feedJson'> = { rss: 'feedRss', atom: 'feedAtom', json: 'feedJson' };

/** A path pattern as the source of a regular expression over a path: `:name` is one segment, `*` anything. */
export function patternSource(pattern: string): string {
  return pattern.split(/(:[a-z]+|\*)/).map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
}

const subscriptionFeed = new RegExp(`^(?:${feedFormats.flatMap((format) => feedPatterns(format).subscription).map(patternSource).join('|')})$`);

/** Whether a site path (without the path prefix) is a subscription feed document, in any format: what WebSub announces. */
export function isSubscriptionFeedPath(path: string): boolean {
  return subscriptionFeed.test(path);
}

/**
 * First path segments a stream may not take, as its pages would be written over the
 * site's own (or its own over the site's): every route's fixed first segment, and the
 * search index's.
 */
export function reservedSegments(config: NewsConfig): string[] {
  const patterns = [...Object.values(routes).flatMap((route) => route.patterns(config)), searchIndexPattern];
  // Only segments a stream slug could be: `rss.xml`, `_headers` and placeholders never are.
  const first = patterns.map((pattern) => pattern.split('/')[1] ?? '').filter((segment) => /^[a-z0-9-]+$/.test(segment));
  return [...new Set(first)].sort();
}

/** Streams named like one of the site's own paths, reported against the configuration. */
export function checkStreamSlugs(config: NewsConfig, file = 'news.config.ts'): Problem[] {
  const reserved = reservedSegments(config);
  return config.streams.flatMap((stream, index): Problem[] => reserved.includes(stream.slug)
    ? [{
      severity: 'error', file, field: `streams.${index}.slug`,
      message: `"${stream.slug}" is a path the site uses for itself, so the stream's pages would collide with the site's ${sectionPath({ kind: 'stream', slug: stream.slug })}`,
      hint: `choose another slug; these are the site's: ${reserved.join(', ')}`,
    }]
    : []);
}
