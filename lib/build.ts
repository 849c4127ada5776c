/**
 * The single orchestrator: sources in, one checked and normalised stream out.
 * Nothing below this module reads the clock or the environment; `now` and the
 * folders are passed in, so the same content always gives the same stream.
 */
import path from 'node:path';
import type { NewsConfig } from './config.ts';
import { dedupeItems, type Merge } from './dedupe.ts';
import { deepFreeze } from './freeze.ts';
import type { NewsDate, NewsItem } from './model.ts';
import { collectLocalItems, readLocalItems, type LocalCache, type LocalOptions } from './local.ts';
import { channelDocuments, feedChannel, type FeedChannel, type FeedDocument } from './feeds/spec.ts';
import { itemPages, listingPages, type ItemPage, type ListingPage } from './pages.ts';
import { findRelated } from './related.ts';
import { buildSections, type Section } from './sections.ts';
import { formatReport, hasErrors, NewsContentError, type Problem } from './problems.ts';
import { groupByStream, groupByTag, groupByYear, latestChange, type StreamView, type TagView, type YearView } from './select.ts';
import { readSourcesConfig } from './partners/config.ts';
import { defaultStoreDir } from './partners/store.ts';
import { readPartnerItems, withMergeCounts, type SourceHealth } from './partners/items.ts';
import { integrateItems } from './stream.ts';

export interface BuildOptions {
  readonly config: NewsConfig;
  /** The project root: reported paths are relative to it. */
  readonly rootDir: string;
  /** The Markdown folder, relative to the root. Default `content`. */
  readonly contentDir?: string;
  /** The partner sources file, relative to the root. Default `sources.yaml` in the content folder; there it may be missing, elsewhere it must exist. */
  readonly sourcesFile?: string;
  /** The partner store, relative to the root. Default the `partners/` folder beside the sources file. */
  readonly storeDir?: string;
  /** The moment of the build, for the future-date check and partner sources' staleness (never the feeds). */
  readonly now: Date;
  /** Drafts are published only where this is true (the dev server). */
  readonly includeDrafts: boolean;
  /** Parsed files from earlier builds: unchanged files are not read again (it is brought up to date). */
  readonly cache?: LocalCache;
}

/** The integrated stream and its views, as plain data. */
export interface NewsSite {
  readonly config: NewsConfig;
  /** Every published item, newest first. */
  readonly items: readonly NewsItem[];
  /** The latest instant an item entered the site or changed; absent when there are no items. */
  readonly updated?: NewsDate;
  readonly streams: readonly StreamView[];
  readonly tags: readonly TagView[];
  readonly years: readonly YearView[];
  /** The integrated stream, each stream and each tag. */
  readonly sections: readonly Section[];
  /** Every section's pages. */
  readonly listings: readonly ListingPage[];
  /** One page per local item, with its neighbours and related items. */
  readonly itemPages: readonly ItemPage[];
  /** The integrated stream, each stream and each tag, as feeds. */
  readonly feedChannels: readonly FeedChannel[];
  /** Every feed file: each channel's subscription document and archives, in each format. */
  readonly feedDocuments: readonly FeedDocument[];
  /** Warnings found on the way (errors stop the build instead). */
  readonly problems: readonly Problem[];
  /** Drafts found and left out (zero when drafts are included). */
  readonly draftsLeftOut: number;
  /** Each partner source's state, from the store. */
  readonly partnerSources: readonly SourceHealth[];
  /** Partner items merged into another item that tells the same story. */
  readonly merges: readonly Merge[];
}

/** Reads, checks and normalises every source, returning all problems instead of throwing. */
export function collectNews(options: BuildOptions): { site: NewsSite; problems: Problem[] } {
  return assembleNews(collectLocalItems(localOptions(options), options.cache), options);
}

function localOptions(options: BuildOptions): LocalOptions {
  return { config: options.config, rootDir: options.rootDir, contentDir: options.contentDir ?? 'content', now: options.now };
}

function assembleNews(local: { items: NewsItem[]; problems: Problem[] }, options: BuildOptions): { site: NewsSite; problems: Problem[] } {
  const partners = collectPartnerItems(options);
  const published = local.items.filter((item) => options.includeDrafts || !item.draft);
  const { items: deduplicated, merges } = dedupeItems(published, partners.items);
  const site = assembleSite(options.config, integrateItems(deduplicated, options.config), {
    partnerSources: withMergeCounts(partners.health, merges),
    merges,
    draftsLeftOut: local.items.length - published.length,
  });
  const problems = [...local.problems, ...partners.problems];
  return { site: { ...site, problems: problems.filter((p) => p.severity === 'warning') }, problems };
}

/** Partner items from the store (never the network), and each source's health. */
function collectPartnerItems(options: BuildOptions): { items: NewsItem[]; health: SourceHealth[]; problems: Problem[] } {
  const streams = options.config.streams.map((s) => s.slug);
  const sourcesFile = options.sourcesFile ?? path.join(options.contentDir ?? 'content', 'sources.yaml');
  const storeDir = options.storeDir ?? defaultStoreDir(sourcesFile);
  const configured = readSourcesConfig(path.resolve(options.rootDir, sourcesFile), sourcesFile, streams, { required: options.sourcesFile !== undefined });
  const read = readPartnerItems(configured.sources, path.resolve(options.rootDir, storeDir), options.config, options.now);
  const relative = (problem: Problem): Problem => ({ ...problem, file: path.isAbsolute(problem.file) ? path.relative(options.rootDir, problem.file) : problem.file });
  return { items: read.items, health: read.health, problems: [...configured.problems, ...read.problems].map(relative) };
}

/** The stream's views: streams, tags, years, sections and their pages, item pages, feeds. */
function assembleSite(config: NewsConfig, items: NewsItem[], extra: Pick<NewsSite, 'partnerSources' | 'merges' | 'draftsLeftOut'>): NewsSite {
  const streams = groupByStream(items, config.streams);
  const tags = groupByTag(items);
  const sections = buildSections(config, items, streams, tags);
  const channels = sections.map((section) => feedChannel(section, config.site.title));
  return {
    config,
    items,
    updated: latestChange(items),
    streams,
    tags,
    years: groupByYear(items, config.site.timeZone),
    sections,
    listings: sections.flatMap((section) => listingPages(section, config.pageSize)),
    itemPages: itemPages(items, streams, findRelated(items, streams, tags)),
    feedChannels: channels,
    feedDocuments: channels.flatMap((channel) => channelDocuments(channel, config.feeds)),
    problems: [],
    ...extra,
  };
}

/**
 * Builds the stream for publishing. Throws one `NewsContentError` listing every error
 * when there is any, so invalid content is never published; warnings go to `log`.
 */
export async function buildNews(options: BuildOptions, log: (text: string) => void = console.warn): Promise<NewsSite> {
  const { site, problems } = assembleNews(await readLocalItems(localOptions(options), options.cache), options);
  if (hasErrors(problems)) throw new NewsContentError(problems);
  deepFreeze(site);
  // A build is not the place to read thousands of warnings; `npm run check` lists them all.
  if (site.problems.length > 0) log(formatReport('content', site.problems, 20));
  return site;
}
