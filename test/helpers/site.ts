/**
 * Builds of a content folder into a temporary folder, each with a cache folder of its
 * own (never the repository's .cache/): in this process through the same Eleventy
 * adapter `npm run build:site` runs (the fast tier), or with the commands themselves,
 * search index included (the full tier).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildWithEleventy } from '../../eleventy.config.ts';
import { settingsFromEnvironment } from '../../pipeline/settings.ts';
import { resolveConfig, type NewsConfigInput } from '../../lib/config.ts';
import { formatProblem, NewsConfigError } from '../../lib/problems.ts';
import newsConfig from '../../news.config.ts';

const run = promisify(execFile);

export interface BuiltSite {
  readonly dir: string;
  /** The build's own cache folder (its manifest is there). */
  readonly cacheDir: string;
  /** What the build printed, as `npm run build` prints it. */
  readonly output: string;
  readonly remove: () => void;
}

/**
 * The fictional partners the tests read the shipped content with: production's
 * content/sources.yaml names real feeds, whose store a fresh clone does not hold.
 */
export const sampleSources = 'examples/sample-partners/sources.yaml';

export interface BuildOptions {
  /** Default the shipped content/. */
  readonly contentDir?: string;
  /** Default the sample partners with the shipped content, and the content folder's own sources.yaml with another. */
  readonly sourcesFile?: string;
  /** The site's address, as NEWS_ORIGIN and NEWS_PATH_PREFIX give it. */
  readonly site?: { readonly origin?: string; readonly pathPrefix?: string };
  readonly includeDrafts?: boolean;
}

function temporaryFolders(): { base: string; dir: string; cacheDir: string } {
  const base = mkdtempSync(path.join(tmpdir(), '3ml-site-'));
  return { base, dir: path.join(base, 'site'), cacheDir: path.join(base, 'cache') };
}

/** The problems `resolveConfig` finds in `input`, as report lines; none when it takes it. */
export function configProblems(input: NewsConfigInput): string[] {
  try {
    resolveConfig(input);
  } catch (error) {
    if (!(error instanceof NewsConfigError)) throw error;
    return error.problems.map(formatProblem);
  }
  return [];
}

/** The configuration of news.config.ts, at another address. */
export function configAt(site: BuildOptions['site'] = {}) {
  const input: NewsConfigInput = { ...newsConfig, site: { ...newsConfig.site, ...site } };
  return resolveConfig(input);
}

/** A build in this process, as `npm run build:site` makes it (no search index). */
export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const { base, dir, cacheDir } = temporaryFolders();
  const lines: string[] = [];
  const settings = settingsFromEnvironment({
    config: configAt(options.site), cacheDir, includeDrafts: options.includeDrafts ?? false, log: (text) => lines.push(text),
    ...(options.contentDir && { contentDir: options.contentDir }),
    sourcesFile: sourcesFileFor(options),
  });
  try {
    await buildWithEleventy(settings, dir);
    return { dir, cacheDir, output: `${lines.join('\n')}\n`, remove: () => rmSync(base, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
}

function sourcesFileFor(options: { readonly contentDir?: string; readonly sourcesFile?: string }): string | undefined {
  return options.sourcesFile ?? (options.contentDir === undefined ? sampleSources : undefined);
}

/** A build with the commands, `npm run build:site` then `npm run build:search`, with `env` on top of the current environment. */
export async function buildSiteWithCommands(options: { contentDir?: string; sourcesFile?: string; env?: Record<string, string> } = {}): Promise<BuiltSite> {
  const { base, dir, cacheDir } = temporaryFolders();
  // An empty NEWS_SOURCES_FILE is none: the content folder's own sources.yaml.
  const env = { ...process.env, NEWS_CACHE_DIR: cacheDir, ...(options.contentDir && { NEWS_CONTENT_DIR: options.contentDir }), NEWS_SOURCES_FILE: sourcesFileFor(options) ?? '', ...options.env };
  try {
    const site = await run(process.execPath, ['scripts/run.mjs', 'scripts/build-site.ts', '--output', dir], { env, maxBuffer: 1 << 26 });
    const search = await run(process.execPath, ['scripts/run.mjs', 'scripts/build-search.ts', '--site', dir], { env });
    return { dir, cacheDir, output: site.stdout + search.stdout, remove: () => rmSync(base, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
}

const shared = new Map<string, Promise<BuiltSite>>();

/**
 * One build of the shipped content, with the sample partners, per variant for every test file that only reads it:
 * the runner loads the files into one process, so each variant is built once. Tests must
 * not change it; it is removed when the process exits. `commands` builds it with the
 * commands, search index included (the full tier's browser tests need the search).
 */
export function sharedSite(options: { prefixed?: boolean; commands?: boolean } = {}): Promise<BuiltSite> {
  const key = `${options.prefixed ? 'prefixed' : 'root'} ${options.commands ? 'commands' : 'in-process'}`;
  let site = shared.get(key);
  if (site === undefined) {
    site = options.commands ? buildSiteWithCommands({ env: options.prefixed ? prefixedEnv : {} }) : buildSite(options.prefixed ? { site: prefixedSite } : {});
    site.then((built) => process.once('exit', built.remove), () => {});
    shared.set(key, site);
  }
  return site;
}

/** The path-prefixed variant the tests share: the site under https://www.example.org/news/. */
export const prefixedSite = { origin: 'https://www.example.org', pathPrefix: '/news/' };
export const prefixedEnv = { NEWS_ORIGIN: prefixedSite.origin, NEWS_PATH_PREFIX: prefixedSite.pathPrefix };
