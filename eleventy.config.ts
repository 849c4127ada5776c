/**
 * The thin adapter: the library builds the stream once per build, Eleventy writes the
 * pages the templates in src/ make of it, and the library writes the feed files beside
 * them. On the dev server, content edits skip Eleventy's full rebuild (dev/live-content.ts).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplates, watchContent, writeChanges } from './dev/live-content.ts';
import { stylesheetPath } from './layouts/feeds.ts';
import {
  buildNews, cacheKey, defaultCacheFile, formatBuildSummary, formatReport, NewsContentError, NewsError, readLocalCache, resolveConfig, writeFeeds, writeLocalCache,
  type LocalCache, type NewsSite,
} from './lib/index.ts';
import newsConfig from './news.config.ts';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

/** The parts of Eleventy's configuration API this adapter uses. */
interface EleventyConfig {
  addGlobalData(name: string, value: () => NewsSite): void;
  addWatchTarget(target: string): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
  addExtension(extension: string, options: { key: string }): void;
  addTemplateFormats(format: string): void;
  on(event: 'eleventy.before', listener: (event: { runMode: string; outputMode: string; directories: { output: string } }) => Promise<void>): void;
  on(event: 'eleventy.after', listener: (event: { results: readonly { url: string | false }[] }) => Promise<void>): void;
  setQuietMode(quiet: boolean): void;
  setServerOptions(options: { watch: string[] }): void;
}

/** Stops the build after the report; Eleventy prints it without a stack. */
class ContentHasErrors extends NewsError {
  readonly skipOriginalStack = true;
}

export default function (eleventyConfig: EleventyConfig): void {
  const config = resolveConfig(newsConfig);
  // Another content folder (a test corpus, a benchmark) can be built without touching content/.
  const contentDir = process.env.NEWS_CONTENT_DIR ?? 'content';
  // Serving or watching: drafts shown, and content edits applied without a full rebuild.
  const live = process.env.ELEVENTY_RUN_MODE !== undefined && process.env.ELEVENTY_RUN_MODE !== 'build';
  const cacheFile = defaultCacheFile(rootDir);
  const key = cacheKey(config, path.resolve(rootDir, contentDir));
  const cache: LocalCache = readLocalCache(cacheFile, key);
  const options = { config, rootDir, contentDir, includeDrafts: live, cache };
  let site: NewsSite | undefined;
  let outputDir = '_site';
  let feedsWritten: string[] = [];
  let cacheWritten: Promise<void> = Promise.resolve();
  let foldersMade: Promise<unknown> = Promise.resolve();

  // Set when Eleventy writes files; a JSON run (tests, tools) gets its pages in memory and
  // leaves the disk alone, feeds and cache included.
  let writing = false;

  // The first build's stream is started at once: its worker threads read the Markdown
  // while Eleventy is still loading. Later builds (watch mode) start their own.
  let firstBuild: Promise<NewsSite> | undefined = buildNews({ ...options, now: new Date() });
  // Its errors are met in the first eleventy.before, not as an unhandled rejection before it.
  firstBuild.catch(() => {});

  eleventyConfig.on('eleventy.before', async ({ directories, outputMode }) => {
    outputDir = directories.output;
    writing = outputMode === 'fs';
    const building = firstBuild ?? buildNews({ ...options, now: new Date() });
    firstBuild = undefined;
    try {
      site = await building;
    } catch (error) {
      if (!(error instanceof NewsContentError)) throw error;
      // The report is printed once here; Eleventy repeats the short error below it.
      console.error(error.message);
      throw new ContentHasErrors(`3ML News: ${contentDir}/ has errors (listed above), so nothing was published. Run npm run check after fixing them.`);
    }
    if (!writing) return;
    // The cache and the feed files are written before the pages, so that their memory is
    // free again before Eleventy holds thousands of pages.
    cacheWritten = writeLocalCache(cacheFile, key, cache);
    foldersMade = makePageFolders(outputDir, site);
    feedsWritten = await writeFeeds(site, outputDir, stylesheetPath);
  });
  // One summary instead of a line per file: thousands of files are written.
  eleventyConfig.setQuietMode(true);
  eleventyConfig.on('eleventy.after', async ({ results }) => {
    await Promise.all([cacheWritten, foldersMade]);
    const pages = results.flatMap((r) => (r.url === false ? [] : [r.url.endsWith('/') ? `${r.url}index.html` : r.url]));
    if (site && writing) console.log(formatBuildSummary(site, [...pages, ...feedsWritten]));
  });
  eleventyConfig.addGlobalData('news', () => {
    if (site === undefined) throw new Error('3ML News: the stream was not built before the templates ran');
    return site;
  });
  eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
  eleventyConfig.addPassthroughCopy({ [`${contentDir}/${config.files.dir}`]: config.files.urlPath.slice(1, -1), 'src/assets': 'assets' });
  for (const target of ['lib/', 'layouts/', 'embed/', 'news.config.ts']) eleventyConfig.addWatchTarget(target);
  if (live) watchLiveContent();

  /** Content edits: the changed files read again, the changed pages and feeds written, the browser reloaded. */
  function watchLiveContent(): void {
    const refreshed = path.join(rootDir, '.cache', 'news', 'refreshed');
    mkdirSync(path.dirname(refreshed), { recursive: true });
    eleventyConfig.setServerOptions({ watch: [refreshed] });
    const templates = loadTemplates(path.join(rootDir, 'src'));
    let running = Promise.resolve();
    watchContent(path.resolve(rootDir, contentDir), () => {
      running = running.then(async () => {
        const previous = site;
        if (previous === undefined) return;
        try {
          site = await buildNews({ ...options, now: new Date() }, () => {});
        } catch (error) {
          if (error instanceof NewsContentError) console.error(formatReport(contentDir, error.problems));
          else console.error(error);
          return;
        }
        const started = performance.now();
        const written = await writeChanges(previous, site, await templates, outputDir, stylesheetPath);
        writeFileSync(refreshed, String(Date.now()));
        console.log(`[3ML News] ${contentDir}/ changed: wrote ${written.length} files in ${Math.round(performance.now() - started)} ms`);
      });
    });
  }
}

/**
 * Makes the folders of the item and listing pages in the background, before Eleventy
 * writes the pages. Eleventy makes each page's folder with a synchronous mkdir as it
 * writes the page, on the thread that renders the pages; at thousands of pages that is
 * a large share of the build. A folder Eleventy finds already made, it leaves alone.
 */
function makePageFolders(outputDir: string, site: NewsSite): Promise<unknown> {
  const folders = [...site.itemPages.map((page) => page.item.path), ...site.listings.map((page) => page.path)];
  return Promise.all(folders.map((folder) => mkdir(path.join(outputDir, folder), { recursive: true })));
}

export const config = {
  dir: { input: 'src', output: '_site' },
  templateFormats: ['11ty.ts'],
};
