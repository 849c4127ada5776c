/** What the bench's parts share: where things are, the rows, the corpus, the commands. */
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const benchDir = path.join(root, 'bench');
export const eleventyCli = 'node_modules/@11ty/eleventy/cmd.cjs';

/** A failure the person running the bench can act on; printed without a stack. */
export class BenchError extends Error {
  override readonly name = 'BenchError';
}

export type BuildKind = 'ours' | 'baseline' | 'warm' | 'search' | 'search-reused' | 'watch' | 'shipped';

/** One measured run; the watch row has no memory figure. */
export interface Sample {
  readonly seconds: number;
  readonly maxRssKiB?: number;
}

export interface Row {
  readonly items: number;
  readonly build: BuildKind;
  readonly samples: Sample[];
  files?: number;
  failed?: string;
}

/** The table's label for each row, and the short one for progress lines. */
export const labels: Record<BuildKind, readonly [table: string, progress: string]> = {
  ours: ['ours, cold build:site', 'ours cold'],
  baseline: ['baseline, plain Eleventy', 'baseline cold'],
  warm: ['ours, warm build:site', 'ours warm'],
  search: ['search index, cold', 'search index cold'],
  'search-reused': ['search index, no item changed', 'search index reused'],
  watch: ['one-item edit, dev server', 'one-item edit'],
  shipped: ['shipped content, npm run build', 'shipped content build'],
};

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * Where the bench works: a folder of its own in memory (/dev/shm), as disk writes on
 * these machines are throttled and drift from run to run; the system's temporary folder,
 * said so, where there is no /dev/shm to write to. Everything a build reads or writes is
 * there: the corpus (copied), the output folders and the caches (NEWS_CACHE_DIR).
 */
export function makeWorkDir(requested?: string): { dir: string; note: string } {
  const base = requested ?? (writable('/dev/shm') ? '/dev/shm' : os.tmpdir());
  const dir = mkdtempSync(path.join(base, '3ml-bench-'));
  const note = base === '/dev/shm' ? `in memory (${dir}, tmpfs)` : requested !== undefined ? `in ${dir}, as asked` : `on disk (${dir}): /dev/shm is not writable here, so disk speed counts in every figure`;
  return { dir, note };
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A build's caches (NEWS_CACHE_DIR), emptied: the next build is cold. The compiled commands (scripts/run.mjs, .cache/program/) are kept, as they depend on the code alone. */
export function freshCache(workDir: string, name: string): string {
  const dir = path.join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/**
 * The corpus of `items` items in the work folder: generated once into bench/corpus/<N>/
 * (kept between runs), copied from there.
 */
export function readyCorpus(items: number, workDir: string): string {
  const dir = path.join(benchDir, 'corpus', String(items), 'content');
  if (listFiles(dir).filter((file) => file.endsWith('.md')).length !== items) {
    progress(`${items}: generating the corpus in ${path.relative(root, dir)}`);
    generateCorpus({ dir, items });
  }
  const copy = path.join(workDir, `corpus-${items}`);
  if (!existsSync(copy)) cpSync(dir, copy, { recursive: true });
  return copy;
}

/** Our `npm run build:site` into `out`, as npm runs it. */
export function oursCommand(out: string): string[] {
  return [process.execPath, 'scripts/run.mjs', 'scripts/build-site.ts', '--output', out];
}

/** Our `npm run build` (the site, then its search index) into `out`. */
export function shippedCommand(out: string): string[] {
  return [process.execPath, 'scripts/run.mjs', 'scripts/build.ts', '--output', out];
}

/** Undo steps for an interrupted bench: a running watcher, the temporary folder. */
export const pendingCleanups = new Set<() => void>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const cleanup of [...pendingCleanups].reverse()) cleanup();
    process.exit(130);
  });
}

