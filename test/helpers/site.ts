/** A fresh production build of a content folder into a temporary folder: pages, feeds and the search index. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BuiltSite {
  readonly dir: string;
  readonly remove: () => void;
}

/** Builds exactly as `npm run build` does, with `env` (e.g. NEWS_PATH_PREFIX) on top of the current environment. */
export async function buildSite(options: { contentDir?: string; env?: Record<string, string> } = {}): Promise<BuiltSite> {
  const base = mkdtempSync(path.join(tmpdir(), '3ml-site-'));
  const dir = path.join(base, 'site');
  const env = { ...process.env, ...(options.contentDir && { NEWS_CONTENT_DIR: options.contentDir }), ...options.env };
  try {
    await run('node', ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=eleventy.config.ts', `--output=${dir}`], { env, maxBuffer: 1 << 26 });
    await run('node', ['--import', 'tsx', 'scripts/build-search.ts', '--site', dir, '--cache', path.join(base, 'search-cache')], { env });
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}
