/** What the bench's parts share: where things are, the rows, the corpus, the commands. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
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

export type BuildKind = 'ours' | 'baseline' | 'warm' | 'search' | 'search-reused' | 'watch';

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
  watch: ['one-item change (watch)', 'one-item change'],
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
 * Our build's caches. Kept: `.cache/hostile/`, `npm run feeds:hostile`'s output, which someone
 * may be using, and `.cache/program/`, the compiled commands (scripts/run.mjs), which depend
 * on the code alone, as tsx's cache of compiled files did when the commands ran through it.
 */
export function removeCaches(): void {
  rmSync(path.join(root, 'node_modules', '.cache'), { recursive: true, force: true });
  const cache = path.join(root, '.cache');
  if (!existsSync(cache)) return;
  for (const entry of readdirSync(cache)) if (entry !== 'hostile' && entry !== 'program') rmSync(path.join(cache, entry), { recursive: true, force: true });
}

/** Generates bench/corpus/<items>/content unless it already holds that many items. */
export function readyCorpus(items: number): string {
  const dir = path.join(benchDir, 'corpus', String(items), 'content');
  if (listFiles(dir).filter((file) => file.endsWith('.md')).length === items) return dir;
  progress(`${items}: generating the corpus in ${path.relative(root, dir)}`);
  generateCorpus({ dir, items });
  return dir;
}

/** Our `npm run build:site` into `out`. */
export function oursCommand(out: string): string[] {
  return [process.execPath, 'scripts/run.mjs', 'scripts/build-site.ts', '--output', out];
}

/** Undo steps for an interrupted bench: a running watcher, the temporary folder. */
export const pendingCleanups = new Set<() => void>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const cleanup of [...pendingCleanups].reverse()) cleanup();
    process.exit(130);
  });
}

