/**
 * The settings of a build: the configuration, the folders, drafts or not. Read from the
 * environment (NEWS_CONTENT_DIR, NEWS_SOURCES_FILE, NEWS_CACHE_DIR) by the commands,
 * given by tests. Apart from Eleventy, so that commands which do not build (check,
 * sources) never load it.
 */
import path from 'node:path';
import type { NewsConfig } from '../lib/config.ts';
import { resolveConfig } from '../lib/config.ts';
import newsConfig from '../news.config.ts';

export interface BuildSettings {
  readonly config: NewsConfig;
  /** The project root: content, src/assets and the code are found from it. */
  readonly rootDir: string;
  /** The content folder, relative to the root. */
  readonly contentDir: string;
  /** The partner sources file, relative to the root, which must exist; default `sources.yaml` in the content folder, which may be missing. Its store is beside it. */
  readonly sourcesFile?: string;
  /** Where the parsed-items cache and the manifests live, relative to the root. */
  readonly cacheDir: string;
  /** A preview shows drafts; a build for publishing never does. */
  readonly includeDrafts: boolean;
  /** decap-server's API, which the CMS of `npm run edit`'s dev server saves through (scripts/edit.ts); never set for a build to publish. */
  readonly localBackend?: string;
  /** Where the build's lines go (its summary, and warnings as a short report); default the console. */
  readonly log?: (text: string) => void;
}

/** The settings of a build from the environment: NEWS_CONTENT_DIR, NEWS_SOURCES_FILE, NEWS_CACHE_DIR. */
export function settingsFromEnvironment(overrides: Partial<BuildSettings> = {}): BuildSettings {
  return {
    config: resolveConfig(newsConfig),
    rootDir: process.cwd(),
    // Another content folder (a test corpus, a benchmark) can be built without touching content/.
    contentDir: process.env.NEWS_CONTENT_DIR ?? 'content',
    // The sample partners (examples/sample-partners/) are built offline without touching content/sources.yaml.
    ...(process.env.NEWS_SOURCES_FILE && { sourcesFile: process.env.NEWS_SOURCES_FILE }),
    cacheDir: process.env.NEWS_CACHE_DIR ?? '.cache',
    includeDrafts: false,
    ...overrides,
  };
}

/** Where the dev server builds the preview, in the cache folder `cacheDir`: never `_site/`, so a preview is never published. */
export function previewDir(cacheDir: string): string {
  return path.join(cacheDir, 'dev', 'site');
}

/** Where a build keeps the parsed Markdown files (lib/content/cache.ts) between builds. */
export function itemsCacheFile(settings: BuildSettings): string {
  return path.resolve(settings.rootDir, settings.cacheDir, 'news', 'items.v8');
}
