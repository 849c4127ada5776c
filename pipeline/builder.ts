/**
 * One build of the site into a folder, in the steps every writer shares: the stream read
 * (unchanged Markdown files from the cache), the outputs declared, the folder compared
 * with them (site/write.ts), stale files removed, feeds and copies written. What is left
 * are the pages, which Eleventy writes in a build (eleventy.config.ts) and the dev server
 * writes itself after an edit (dev/server.ts); then the manifest is kept for next time.
 * Given a pool of worker threads (pipeline/parallel.ts), the reading is shared with them.
 */
import path from 'node:path';
import { readLocalCache, writeLocalCache } from '../lib/content/cache.ts';
import type { LocalCache } from '../lib/content/local.ts';
import { writeFeeds } from '../lib/feeds/write.ts';
import { buildNews } from '../lib/news.ts';
import { buildSite, type Site } from '../site/build.ts';
import { routes, type AnyOutput, type Output } from '../site/outputs.ts';
import type { BodyDigests } from '../site/fingerprint.ts';
import type { BuildPool } from './parallel.ts';
import { itemsCacheFile, type BuildSettings } from './settings.ts';
import { trace } from './trace.ts';
import { buildKey } from '../site/version.ts';
import { makeManifest, manifestFile, planWrite, readManifest, removeStale, searchablePages, writeCopies, writeManifest, type Manifest, type WritePlan } from '../site/write.ts';

/** The parsed files of the content folder, kept between builds. */
/** The items cache kept between builds, and how to save it. */
export interface OpenedCache {
  readonly cache: LocalCache;
  save(): Promise<void>;
}

export function openCache(settings: BuildSettings): OpenedCache {
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

/** The site of the content as it is now. Throws `NewsContentError` when the content has errors. */
export async function readSite(settings: BuildSettings, cache: LocalCache, now: Date, pool?: BuildPool): Promise<Site> {
  const { config, rootDir, contentDir, sourcesFile, includeDrafts } = settings;
  const options = { config, rootDir, contentDir, sourcesFile, now, includeDrafts, cache, ...(pool && { readMany: pool.readMany }) };
  const stream = await buildNews(options, settings.log ?? console.warn);
  trace('stream read');
  const site = buildSite(stream, { rootDir: settings.rootDir, contentDir: settings.contentDir, ...(settings.localBackend && { localBackend: settings.localBackend }) });
  trace('site made');
  return site;
}

/** What a build did to its folder, and the pages still to write. */
export interface PreparedBuild {
  readonly outputDir: string;
  readonly key: string;
  readonly plan: WritePlan;
  /** The changed outputs that are pages or small files (Eleventy's to write). */
  readonly pages: readonly AnyOutput[];
  /** The digests of the items' bodies that reading threads worked out, by item id. */
  readonly digests?: BodyDigests;
}

/** Compares the folder with the site, removes what is stale, writes the changed feeds and copies. */
export async function prepareBuild(site: Site, settings: BuildSettings, outputDir: string, state = readFolderState(settings, outputDir), digests?: BodyDigests): Promise<PreparedBuild> {
  const plan = await planWrite(site.outputs, outputDir, state.key, state.manifest, digests);
  await removeStale(outputDir, plan.stale);
  trace('folder compared with the outputs');
  const byWriter = (writer: string) => plan.changed.filter((output) => routes[output.route].writer === writer);
  const feeds = byWriter('feeds') as Output<'feedRss' | 'feedAtom' | 'feedJson'>[];
  // Feed documents with items are dated by their items; those without, by the site's latest change.
  await writeFeeds(feeds.map((output) => output.data.document), { config: site.config, siteUpdated: site.stream.updated }, outputDir);
  await writeCopies(byWriter('copy') as Output<'asset' | 'file' | 'decap'>[], outputDir);
  trace('feeds and copies written');
  return { outputDir, key: state.key, plan, pages: byWriter('eleventy'), ...(digests && { digests }) };
}

/** Keeps the manifest of the folder once every output is written; resolves to the folder's state now, for a next build in this process. */
export async function finishBuild(site: Site, settings: BuildSettings, prepared: PreparedBuild): Promise<FolderState> {
  const search = { pages: searchablePages(site.outputs), records: site.searchRecords };
  const manifest = await makeManifest(site.outputs, prepared.outputDir, prepared.key, prepared.plan, search, prepared.digests);
  await writeManifest(manifestFile(path.resolve(settings.rootDir, settings.cacheDir), prepared.outputDir), manifest);
  trace('manifest written');
  return { key: prepared.key, manifest };
}
