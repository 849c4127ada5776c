/**
 * The thin adapter: the library builds the stream once per build, Eleventy writes
 * the pages the templates in src/ make of it. No content logic lives here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNews, formatBuildSummary, NewsContentError, NewsError, resolveConfig, type NewsSite } from './lib/index.ts';
import newsConfig from './news.config.ts';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

/** The parts of Eleventy's configuration API this adapter uses. */
interface EleventyConfig {
  addGlobalData(name: string, value: () => NewsSite): void;
  addWatchTarget(target: string): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
  addExtension(extension: string, options: { key: string }): void;
  addTemplateFormats(format: string): void;
  on(event: 'eleventy.before', listener: (event: { runMode: string }) => void): void;
  on(event: 'eleventy.after', listener: (event: { results: readonly { url: string | false }[] }) => void): void;
  setQuietMode(quiet: boolean): void;
}

/** Stops the build after the report; Eleventy prints it without a stack. */
class ContentHasErrors extends NewsError {
  readonly skipOriginalStack = true;
}

export default function (eleventyConfig: EleventyConfig): void {
  const config = resolveConfig(newsConfig);
  // Another content folder (a test corpus, a benchmark) can be built without touching content/.
  const contentDir = process.env.NEWS_CONTENT_DIR ?? 'content';
  let site: NewsSite | undefined;
  // Drafts appear only on the dev server; `npm run build` never publishes them.
  eleventyConfig.on('eleventy.before', ({ runMode }) => {
    try {
      site = buildNews({ config, rootDir, contentDir, now: new Date(), includeDrafts: runMode !== 'build' });
    } catch (error) {
      if (!(error instanceof NewsContentError)) throw error;
      // The report is printed once here; Eleventy repeats the short error below it.
      console.error(error.message);
      throw new ContentHasErrors(`3ML News: ${contentDir}/ has errors (listed above), so nothing was published. Run npm run check after fixing them.`);
    }
  });
  // One summary instead of a line per file: thousands of files are written.
  eleventyConfig.setQuietMode(true);
  eleventyConfig.on('eleventy.after', ({ results }) => {
    if (site) console.log(formatBuildSummary(site, results.flatMap((r) => (r.url === false ? [] : [r.url.endsWith('/') ? `${r.url}index.html` : r.url]))));
  });
  eleventyConfig.addGlobalData('news', () => {
    if (site === undefined) throw new Error('3ML News: the stream was not built before the templates ran');
    return site;
  });
  eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
  eleventyConfig.addPassthroughCopy({ [`${contentDir}/${config.files.dir}`]: config.files.urlPath.slice(1, -1), 'src/assets': 'assets', 'src/_headers': '_headers' });
  for (const target of [`${contentDir}/`, 'lib/', 'layouts/', 'embed/', 'news.config.ts']) eleventyConfig.addWatchTarget(target);
}

export const config = {
  dir: { input: 'src', output: '_site' },
  templateFormats: ['11ty.ts'],
};
