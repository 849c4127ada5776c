/**
 * One build of the site into a folder, in the steps every writer shares: the stream read
 * (unchanged Markdown files from the cache), the outputs declared, the folder compared
 * with them (site/write.ts), stale files removed, feeds and copies written. What is left
 * are the pages, which Eleventy writes in a build (eleventy.config.ts) and the dev server
 * writes itself after an edit (dev/server.ts); then the manifest is kept for next time.
 */
import path from 'node:path';
import type { NewsConfig } from '../lib/config.ts';
import { readLocalCache, writeLocalCache } from '../lib/content/cache.ts';
import type { LocalCache } from '../lib/content/local.ts';
import { writeFeeds } from '../lib/feeds/write.ts';
import { buildNews } from '../lib/news.ts';
import { buildSite, type Site } from './build.ts';
import { routes, type AnyOutput, type Output } from './outputs.ts';
import { buildKey } from './version.ts';
import { makeManifest, manifestFile, planWrite, readManifest, removeStale, searchablePages, writeCopies, writeManifest, type WritePlan } from './write.ts';

export interface BuildSettings {
  readonly config: NewsConfig;
  /** The project root: content, src/assets and the code are found from it. */
  readonly rootDir: string;
  /** The content folder, relative to the root. */
  readonly contentDir: string;
  /** Where the parsed-items cache and the manifests live, relative to the root. */
  readonly cacheDir: string;
  /** A preview shows drafts; a build for publishing never does. */
  readonly includeDrafts: boolean;
  /** Where the build's lines go (its summary, and warnings as a short report); default the console. */
  readonly log?: (text: string) => void;
}

/** The parsed files of the content folder, kept between builds. */
export function openCache(settings: BuildSettings): { cache: LocalCache; save: () => Promise<void> } {
  const file = path.resolve(settings.rootDir, settings.cacheDir, 'news', 'items.v8');
  const contentRoot = path.resolve(settings.rootDir, settings.contentDir);
  const cache = readLocalCache(file, settings.config, contentRoot);
  return { cache, save: () => writeLocalCache(file, cache, settings.config, contentRoot) };
}

/** The site of the content as it is now. Throws `NewsContentError` when the content has errors. */
export async function readSite(settings: BuildSettings, cache: LocalCache, now: Date): Promise<Site> {
  const stream = await buildNews({ config: settings.config, rootDir: settings.rootDir, contentDir: settings.contentDir, now, includeDrafts: settings.includeDrafts, cache }, settings.log ?? console.warn);
  return buildSite(stream, { rootDir: settings.rootDir, contentDir: settings.contentDir });
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
}

/** Compares the folder with the site, removes what is stale, writes the changed feeds and copies. */
export async function prepareBuild(site: Site, settings: BuildSettings, outputDir: string): Promise<PreparedBuild> {
  const key = buildKey(site.config, settings.rootDir);
  const plan = await planWrite(site.outputs, outputDir, key, readManifest(manifestFile(path.resolve(settings.rootDir, settings.cacheDir), outputDir)));
  await removeStale(outputDir, plan.stale);
  const byWriter = (writer: string) => plan.changed.filter((output) => routes[output.route].writer === writer);
  const feeds = byWriter('feeds') as Output<'feedRss' | 'feedAtom' | 'feedJson'>[];
  // Feed documents with items are dated by their items; those without, by the site's latest change.
  await writeFeeds(feeds.map((output) => output.data.document), { config: site.config, siteUpdated: site.stream.updated }, outputDir);
  await writeCopies(byWriter('copy') as Output<'asset' | 'file'>[], outputDir);
  return { outputDir, key, plan, pages: byWriter('eleventy'), feeds: feeds.length };
}

/** Keeps the manifest of the folder once every output is written. */
export async function finishBuild(site: Site, settings: BuildSettings, prepared: PreparedBuild): Promise<void> {
  const manifest = await makeManifest(site.outputs, prepared.outputDir, prepared.key, prepared.plan, { pages: searchablePages(site.outputs), records: site.searchRecords });
  await writeManifest(manifestFile(path.resolve(settings.rootDir, settings.cacheDir), prepared.outputDir), manifest);
}
