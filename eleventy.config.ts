/**
 * The thin adapter. Before Eleventy renders, the site is built once (pipeline/builder.ts):
 * the stream read, the outputs declared, the output folder brought to exactly those
 * outputs but for the pages, with the feeds and copies written. Eleventy then writes
 * the changed pages through one template paginated over the outputs table, each at the
 * path the table gives it, with the renderers in src/.
 *
 * `npm run build:site` runs it (scripts/build-site.ts); so can Eleventy's own command,
 * `node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts`.
 */
import Eleventy from '@11ty/eleventy';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { NewsConfigError, NewsContentError, NewsError } from './lib/problems.ts';
import { finishBuild, openCache, prepareBuild, readFolderState, readSite, type OpenedCache, type PreparedBuild } from './pipeline/builder.ts';
import type { BuildPool } from './pipeline/parallel.ts';
import { settingsFromEnvironment, type BuildSettings } from './pipeline/settings.ts';
import { trace } from './pipeline/trace.ts';
import type { Site } from './site/build.ts';
import { formatBuildSummary } from './pipeline/summary.ts';
import { outputFile } from './site/write.ts';
import { isPageOutput, renderOutput, type PageOutput, type RenderContext } from './src/index.ts';

/** The parts of Eleventy's configuration API this adapter uses. */
export interface EleventyConfig {
  addGlobalData(name: string, value: () => unknown): void;
  addTemplate(path: string, template: object): void;
  on(event: 'eleventy.before', listener: (event: { outputMode: string; directories: { output: string } }) => Promise<void>): void;
  on(event: 'eleventy.after', listener: () => Promise<void>): void;
  setQuietMode(quiet: boolean): void;
}

/** Stops the build after the report; Eleventy prints its message without a stack. */
export class ContentHasErrors extends NewsError {
  readonly skipOriginalStack = true;
}

/** What the one template is given: the outputs to write, and what every renderer shares. */
interface TemplateData {
  readonly news: { readonly pages: readonly PageOutput[]; readonly context: RenderContext };
  readonly output: PageOutput;
}

/** What a build from code may be given: reading threads, and the items cache when the caller has it open already. */
export interface BuildOptions {
  readonly pool?: BuildPool;
  readonly opened?: OpenedCache;
}

/**
 * The site as an Eleventy configuration; `settings` default to the environment's. With
 * `pool`, its worker threads share the reading; `built.site` is set to the site made.
 */
export function newsSite(settings: BuildSettings = settingsFromEnvironment(), { pool, opened }: BuildOptions = {}, built: { site?: Site } = {}) {
  return function configure(eleventyConfig: EleventyConfig): void {
    const context: RenderContext = { config: settings.config, rootDir: settings.rootDir };
    const { cache, save } = opened ?? openCache(settings);
    let site: Site | undefined;
    let prepared: PreparedBuild | undefined;
    let pages: readonly PageOutput[] = [];
    let cacheSaved: Promise<void> = Promise.resolve();

    eleventyConfig.on('eleventy.before', async ({ directories, outputMode }) => {
      try {
        site = await readSite(settings, cache, pool?.now ?? new Date(), pool);
      } catch (error) {
        if (!(error instanceof NewsContentError)) throw error;
        throw new ContentHasErrors(error.message, { cause: error });
      }
      // A JSON run (tests, tools) gets every page in memory and leaves the disk alone.
      if (outputMode !== 'fs') {
        prepared = undefined;
        pages = site.outputs.filter(isPageOutput);
        return;
      }
      cacheSaved = save();
      prepared = await prepareBuild(site, settings, directories.output, readFolderState(settings, directories.output), pool?.digests);
      pages = prepared.pages.filter(isPageOutput);
      // Eleventy makes each page's folder with a synchronous mkdir as it writes it; made here first, in the background, that costs its thread nothing.
      await Promise.all([...new Set(pages.map((page) => path.dirname(path.join(directories.output, outputFile(page.path)))))].map((dir) => mkdir(dir, { recursive: true })));
    });
    eleventyConfig.on('eleventy.after', async () => {
      trace('Eleventy wrote the pages');
      await cacheSaved;
      if (site === undefined || prepared === undefined) return;
      await finishBuild(site, settings, prepared);
      built.site = site;
      (settings.log ?? console.log)(formatBuildSummary(site, prepared));
    });
    // One summary instead of a line per file: thousands of files are written.
    eleventyConfig.setQuietMode(true);
    eleventyConfig.addGlobalData('news', () => ({ pages, context }));
    eleventyConfig.addTemplate('outputs.11ty.js', {
      data: {
        pagination: { data: 'news.pages', size: 1, alias: 'output' },
        permalink: (data: TemplateData) => data.output.path,
        eleventyExcludeFromCollections: true,
        // /_headers has no extension, and is meant to have none.
        eleventyAllowMissingExtension: true,
      },
      render: (data: TemplateData) => renderOutput(data.output, data.news.context),
    });
  };
}

/**
 * A build with Eleventy from code (`npm run build:site`, the dev server, tests): the
 * adapter as its configuration, no template files read from the input folder (the outputs
 * table gives them all), and Eleventy's own console output left out, as the build prints
 * its summary and a content error's report itself. Resolves to the site it made; a content
 * or configuration error is thrown as itself, not as the error Eleventy wraps it in.
 */
export async function buildWithEleventy(settings: BuildSettings, outputDir: string, options: BuildOptions = {}): Promise<Site | undefined> {
  const built: { site?: Site } = {};
  const eleventy = new Eleventy('src', outputDir, { configPath: false, config: newsSite(settings, options, built), quietMode: true });
  eleventy.disableLogger();
  try {
    await eleventy.write();
  } catch (error) {
    throw [error, (error as Error).cause].find((e) => e instanceof ContentHasErrors || e instanceof NewsConfigError) ?? error;
  }
  return built.site;
}

/** The configuration Eleventy's own command loads: the settings from the environment as it is when Eleventy runs. */
export default function configure(eleventyConfig: EleventyConfig): void {
  newsSite(settingsFromEnvironment())(eleventyConfig);
}

export const config = {
  dir: { input: 'src', output: '_site' },
};
