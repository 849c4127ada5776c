/** A fresh production build of a content folder into a temporary folder: pages, feeds and the search index. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BuiltSite {
  readonly dir: string;
  /** What the two build steps printed on standard output, as `npm run build` prints it. */
  readonly output: string;
  readonly remove: () => void;
}

/** Builds exactly as `npm run build` does, with `env` (e.g. NEWS_PATH_PREFIX) on top of the current environment. */
export async function buildSite(options: { contentDir?: string; env?: Record<string, string> } = {}): Promise<BuiltSite> {
  const base = mkdtempSync(path.join(tmpdir(), '3ml-site-'));
  const dir = path.join(base, 'site');
  const env = { ...process.env, ...(options.contentDir && { NEWS_CONTENT_DIR: options.contentDir }), ...options.env };
  try {
    const site = await run('node', ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=eleventy.config.ts', `--output=${dir}`], { env, maxBuffer: 1 << 26 });
    const search = await run('node', ['--import', 'tsx', 'scripts/build-search.ts', '--site', dir, '--cache', path.join(base, 'search-cache')], { env });
    return { dir, output: site.stdout + search.stdout, remove: () => rmSync(base, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
}

const shared = new Map<string, Promise<BuiltSite>>();

/**
 * One build of the shipped content (with `env`, e.g. a path prefix) for every test file
 * that only reads it: uvu runs the files in one process, so the suite builds each variant
 * once. Tests must not change it; it is removed when the process exits.
 */
export function sharedSite(env: Record<string, string> = {}): Promise<BuiltSite> {
  const key = JSON.stringify(Object.entries(env).sort());
  let site = shared.get(key);
  if (site === undefined) {
    site = buildSite({ env });
    site.then((built) => process.once('exit', built.remove), () => {});
    shared.set(key, site);
  }
  return site;
}

/** The path-prefixed variant the tests share: the site under https://www.example.org/news/. */
export const prefixedEnv = { NEWS_PATH_PREFIX: '/news/', NEWS_ORIGIN: 'https://www.example.org' };
