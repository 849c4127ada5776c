/**
 * One build of the site into a folder, in the steps every writer shares: the stream read
 * (unchanged Markdown files from the cache), the outputs declared, the folder compared
 * with them (site/write.ts), stale files removed, feeds and copies written. What is left
 * are the pages, which Eleventy writes in a build (eleventy.config.ts) and the dev server
 * writes itself after an edit (dev/server.ts); then the manifest is kept for next time.
 * Given a pool of worker threads (pipeline/parallel.ts), the reading and most of the
 * rendering happen on them.
 */
import path from 'node:path';
import { readLocalCache, writeLocalCache } from '../lib/content/cache.ts';
import type { LocalCache } from '../lib/content/local.ts';
import { writeFeeds } from '../lib/feeds/write.ts';
import { buildNews } from '../lib/news.ts';
import { renderOutput, type PageOutput } from '../src/index.ts';
import { buildSite, type Site } from '../site/build.ts';
import { routes, type AnyOutput, type Output } from '../site/outputs.ts';
import { fingerprint, type BodyDigests } from '../site/fingerprint.ts';
import type { BuildPool, RenderJob } from './parallel.ts';
import { itemsCacheFile, type BuildSettings } from './settings.ts';
import { trace } from './trace.ts';
import { buildKey } from '../site/version.ts';
import { makeManifest, manifestFile, planWrite, readManifest, removeStale, searchablePages, writeCopies, writeManifest, type Manifest, type WritePlan } from '../site/write.ts';

/** The parsed files of the content folder, kept between builds. */
export function openCache(settings: BuildSettings): { cache: LocalCache; save: () => Promise<void> } {
  const file = itemsCacheFile(settings);
  const contentRoot = path.resolve(settings.rootDir, settings.contentDir);
  const cache = readLocalCache(file, settings.config, contentRoot);
  return { cache, save: () => writeLocalCache(file, cache, settings.config, contentRoot).then(() => trace('cache written')) };
}

/** What an output folder holds from earlier builds: the key a build now has, and the last manifest, if it can be trusted. */
export interface FolderState {
  readonly key: string;
  readonly manifest?: Manifest;
}

export function readFolderState(settings: BuildSettings, outputDir: string): FolderState {
  const key = buildKey(settings.config, settings.rootDir);
  const manifest = readManifest(manifestFile(path.resolve(settings.rootDir, settings.cacheDir), outputDir));
  return { key, ...(manifest?.key === key && { manifest }) };
}

/**
 * The site of the content as it is now. Throws `NewsContentError` when the content has
 * errors. With a pool and `everythingInto` (an output folder nothing can be kept in: a
 * cold build), its workers start rendering every output as soon as the stream is read.
 */
export async function readSite(settings: BuildSettings, cache: LocalCache, now: Date, pool?: BuildPool, everythingInto?: string): Promise<Site> {
  const options = { config: settings.config, rootDir: settings.rootDir, contentDir: settings.contentDir, now, includeDrafts: settings.includeDrafts, cache, ...(pool && { readMany: pool.readMany }) };
  const stream = await buildNews(options, settings.log ?? console.warn);
  trace('stream read');
  const site = buildSite(stream, { rootDir: settings.rootDir, contentDir: settings.contentDir });
  trace('site made');
  if (pool && everythingInto !== undefined) {
    pool.render(stream, everythingInto, site.outputs.length);
    trace('workers sent the stream');
  }
  return site;
}

/** What a build did to its folder, and the pages still to write. */
export interface PreparedBuild {
  readonly outputDir: string;
  readonly key: string;
  readonly plan: WritePlan;
  /** The changed outputs that are pages or small files (Eleventy's to write). */
  readonly pages: readonly AnyOutput[];
  /** Feed documents written. */
  readonly feeds: number;
  /** A page's content: rendered here, or by the worker it was given to. */
  content(output: PageOutput): string | Promise<string>;
  /** This thread's part of the workers' job once Eleventy is done, and the wait for them: resolves to the fingerprints worked out, by path. */
  finish(): Promise<ReadonlyMap<string, string> | undefined>;
  /** The digests of the items' bodies that the workers worked out, by item id. */
  readonly digests?: BodyDigests;
}

/** Fewer changed outputs than this are rendered on the main thread: handing them over would cost more. */
const worthWorkers = 64;

/**
 * Compares the folder with the site, removes what is stale, hands the workers their share
 * of the changed outputs (unless they have it already), and writes the changed feeds and
 * copies that are not theirs.
 */
export async function prepareBuild(site: Site, settings: BuildSettings, outputDir: string, pool?: BuildPool, state = readFolderState(settings, outputDir)): Promise<PreparedBuild> {
  const plan = await planWrite(site.outputs, outputDir, state.key, state.manifest, pool?.digests);
  await removeStale(outputDir, plan.stale);
  trace('folder compared with the outputs');
  const byWriter = (writer: string) => plan.changed.filter((output) => routes[output.route].writer === writer);
  const pages = byWriter('eleventy');
  const feeds = byWriter('feeds') as Output<'feedRss' | 'feedAtom' | 'feedJson'>[];
  let job: RenderJob | undefined = pool?.job;
  if (pool && job === undefined && pages.length + feeds.length >= worthWorkers) {
    const place = new Map(site.outputs.map((output, i) => [output, i]));
    job = pool.render(site.stream, outputDir, site.outputs.length, plan.changed.map((output) => place.get(output) as number));
  }
  const writer = { config: site.config, siteUpdated: site.stream.updated };
  // Feed documents with items are dated by their items; those without, by the site's latest change.
  const ours = job ? feeds.filter((output) => !job.writes(output)) : feeds;
  await writeFeeds(ours.map((output) => output.data.document), writer, outputDir);
  await writeCopies(byWriter('copy') as Output<'asset' | 'file'>[], outputDir);
  trace('feeds and copies written');
  const context = { config: site.config, rootDir: settings.rootDir };
  const digests = pool?.digests;
  return {
    outputDir, key: state.key, plan, pages, feeds: feeds.length,
    content: (output) => job?.content(site, output) ?? renderOutput(output, context),
    finish: job
      ? () => job.finish(site, (archives) => writeFeeds((archives as Output<'feedRss' | 'feedAtom' | 'feedJson'>[]).map((output) => output.data.document), writer, outputDir), (output) => fingerprint(output, digests))
      : () => Promise.resolve(undefined),
    ...(digests && { digests }),
  };
}

/** Keeps the manifest of the folder once every output is written. */
export async function finishBuild(site: Site, settings: BuildSettings, prepared: PreparedBuild): Promise<void> {
  const fingerprints = await prepared.finish();
  trace('workers done');
  const search = { pages: searchablePages(site.outputs), records: site.searchRecords };
  const manifest = await makeManifest(site.outputs, prepared.outputDir, prepared.key, prepared.plan, search, fingerprints, prepared.digests);
  await writeManifest(manifestFile(path.resolve(settings.rootDir, settings.cacheDir), prepared.outputDir), manifest);
  trace('manifest written');
}
