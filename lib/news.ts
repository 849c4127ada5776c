/**
 * The single orchestrator: sources in, one checked and normalised stream out.
 * Nothing below this module reads the clock or the environment; `now` and the
 * folders are passed in, so the same content always gives the same stream.
 */
import path from 'node:path';
import type { NewsConfig } from './config.ts';
import { readLocalItems, type LocalCache, type ReadMany } from './content/local.ts';
import { dedupeItems, type Merge } from './dedupe.ts';
import { deepFreeze } from './freeze.ts';
import type { NewsDate, NewsItem } from './model.ts';
import { readSourcesConfig } from './partners/config.ts';
import { readPartnerItems, withMergeCounts, type SourceHealth } from './partners/items.ts';
import { partnerFiles } from './partners/store.ts';
import { formatReport, hasErrors, NewsContentError, type Problem } from './problems.ts';
import { latestChange } from './select.ts';
import { integrateItems } from './stream.ts';

/** Where the news is, and how to read it. */
export interface ReadOptions {
  readonly config: NewsConfig;
  /** The project root: reported paths are relative to it. */
  readonly rootDir: string;
  /** The Markdown folder, relative to the root. Default `content`. */
  readonly contentDir?: string;
  /** The partner sources file, relative to the root. Default `sources.yaml` in the content folder; there it may be missing, elsewhere it must exist. */
  readonly sourcesFile?: string;
  /** The partner store, relative to the root. Default the `partners/` folder beside the sources file. */
  readonly storeDir?: string;
  /** The moment of the reading, for the future-date check and partner sources' staleness (never the feeds). */
  readonly now: Date;
  /** Drafts are published only where this is true (a preview). */
  readonly includeDrafts: boolean;
  /** Parsed files from earlier readings: unchanged files are not read again (it is brought up to date). */
  readonly cache?: LocalCache;
  /** Threads that read Markdown, this one included; default one per CPU. */
  readonly threads?: number;
  /** Reads the Markdown files that need reading, instead of the library's own threads (a site build with threads of its own). */
  readonly readMany?: ReadMany;
}

/** The integrated stream, as plain readonly data. */
export interface NewsStream {
  readonly config: NewsConfig;
  /** Every published item, local and partner, newest first. */
  readonly items: readonly NewsItem[];
  /** The latest instant an item entered the site or changed; absent when there are no items. */
  readonly updated?: NewsDate;
  /** Every problem found, errors first when formatted; with an error, nothing should be published. */
  readonly problems: readonly Problem[];
  /** Drafts found and left out (zero when drafts are included). */
  readonly draftsLeftOut: number;
  /** Each partner source's state, from the store. */
  readonly partnerSources: readonly SourceHealth[];
  /** Partner items merged into another item that tells the same story. */
  readonly merges: readonly Merge[];
}

/**
 * Reads, checks and normalises every source: local Markdown (shared among threads) and
 * the partner store (never the network). Content problems are returned, never thrown.
 */
export async function readNews(options: ReadOptions): Promise<NewsStream> {
  const contentDir = options.contentDir ?? 'content';
  const sharing = { ...(options.threads && { threads: options.threads }), ...(options.readMany && { readMany: options.readMany }) };
  const local = await readLocalItems({ config: options.config, rootDir: options.rootDir, contentDir, now: options.now }, options.cache, sharing);
  const partners = readPartners(options, contentDir);
  const published = local.items.filter((item) => options.includeDrafts || !item.draft);
  const { items, merges } = dedupeItems(published, partners.items);
  const integrated = integrateItems(items, options.config);
  const updated = latestChange(integrated);
  return {
    config: options.config,
    items: integrated,
    ...(updated && { updated }),
    problems: [...local.problems, ...partners.problems],
    draftsLeftOut: local.items.length - published.length,
    partnerSources: withMergeCounts(partners.health, merges),
    merges,
  };
}

/** Partner items from the store (never the network), and each source's health. */
function readPartners(options: ReadOptions, contentDir: string): { items: NewsItem[]; health: SourceHealth[]; problems: Problem[] } {
  const streams = options.config.streams.map((s) => s.slug);
  const { sourcesFile, storeDir, required } = partnerFiles(contentDir, options);
  const configured = readSourcesConfig(path.resolve(options.rootDir, sourcesFile), sourcesFile, streams, { required });
  const read = readPartnerItems(configured.sources, path.resolve(options.rootDir, storeDir), options.config, options.now);
  const relative = (problem: Problem): Problem => ({ ...problem, file: path.isAbsolute(problem.file) ? path.relative(options.rootDir, problem.file) : problem.file });
  return { items: read.items, health: read.health, problems: [...configured.problems, ...read.problems].map(relative) };
}

/**
 * The stream for publishing: `readNews`, frozen, and one `NewsContentError` listing every
 * error when there is any, so invalid content is never published. Warnings go to `log`,
 * at most 20 of them (`npm run check` lists them all).
 */
export async function buildNews(options: ReadOptions, log: (text: string) => void = console.warn): Promise<NewsStream> {
  const stream = await readNews(options);
  if (hasErrors(stream.problems)) throw new NewsContentError(stream.problems);
  deepFreeze(stream);
  if (stream.problems.length > 0) log(formatReport(options.contentDir ?? 'content', stream.problems, 20));
  return stream;
}
