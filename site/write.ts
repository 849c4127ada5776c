/**
 * Writing the declared outputs into a folder, and nothing else. Each build compares the
 * outputs' fingerprints (site/fingerprint.ts) with the manifest the last build into the
 * same folder left in the cache: an output is written when its inputs changed, or when
 * its file is missing or not as that build left it; every file no output declares is
 * removed (stale pages of deleted items, drafts from a preview, anything put there by
 * hand), but for the search index, which `npm run build:search` keeps. So after any
 * build, the folder holds exactly the current outputs.
 *
 * The manifest also tells the search step which pages to index and the link checker
 * which files to expect.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fingerprint, type BodyDigests } from './fingerprint.ts';
import { isSearchIndexFile, routes, type AnyOutput, type Output } from './outputs.ts';
import type { SearchRecord } from './search.ts';

/** What a build into a folder left there. */
export interface Manifest {
  /** What the build was made with (configuration and code): another key, and nothing in the folder is trusted. */
  readonly key: string;
  readonly outputs: Readonly<Record<string, ManifestEntry>>;
  /** What `npm run build:search` indexes: the searchable pages, and the partner items. */
  readonly search: { readonly pages: readonly string[]; readonly records: readonly SearchRecord[] };
}

export interface ManifestEntry {
  readonly route: AnyOutput['route'];
  readonly fingerprint: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The file an output's site path is written to, relative to the output folder: `/industry/` is `industry/index.html`. */
export function outputFile(sitePath: string): string {
  const relative = sitePath.replace(/^\//, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** Where the manifest of a build into `outputDir` is kept, in the cache folder. */
export function manifestFile(cacheDir: string, outputDir: string): string {
  const id = createHash('sha1').update(path.resolve(outputDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'outputs', `${id}.json`);
}

export function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** What a build must do to a folder. */
export interface WritePlan {
  /** Outputs to write, in declaration order. */
  readonly changed: readonly AnyOutput[];
  readonly unchanged: number;
  /** Files no output declares, relative to the folder, to remove. */
  readonly stale: readonly string[];
  /** The fingerprints worked out to compare outputs, by path: none when nothing could be kept (they are worked out for the manifest then). */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** The size and time of each file kept as it is, by output path: its manifest entry stays as it was. */
  readonly kept: ReadonlyMap<string, FileStats>;
}

interface FileStats {
  readonly size: number;
  readonly mtimeMs: number;
}

/** Compares the outputs with the folder and its last manifest (none, or another build key's: every output is written). */
export async function planWrite(outputs: readonly AnyOutput[], outputDir: string, key: string, previous: Manifest | undefined, digests?: BodyDigests): Promise<WritePlan> {
  const present = listFiles(outputDir);
  const trusted = previous?.key === key ? previous.outputs : undefined;
  const declared = new Set<string>();
  const changed: AnyOutput[] = [];
  const fingerprints = new Map<string, string>();
  const kept = new Map<string, FileStats>();
  for (const output of outputs) {
    const file = outputFile(output.path);
    declared.add(file);
    const before = trusted?.[output.path];
    const now = present.get(file);
    if (before === undefined || now === undefined || before.size !== now.size || before.mtimeMs !== now.mtimeMs) {
      changed.push(output);
      continue;
    }
    const print = fingerprint(output, digests);
    fingerprints.set(output.path, print);
    if (before.fingerprint !== print) changed.push(output);
    else kept.set(output.path, now);
  }
  const stale = [...present.keys()].filter((file) => !declared.has(file) && !isSearchIndexFile(file)).sort();
  return { changed, unchanged: outputs.length - changed.length, stale, fingerprints, kept };
}

/** Removes the stale files, and the folders they leave empty. */
export async function removeStale(outputDir: string, stale: readonly string[]): Promise<void> {
  await Promise.all(stale.map((file) => rm(path.join(outputDir, file), { force: true })));
  const folders = [...new Set(stale.map((file) => path.dirname(file)))].sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    for (let dir = folder; dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
      try {
        await rmdir(path.join(outputDir, dir));
      } catch {
        break;
      }
    }
  }
}

/** Copies the files of copy outputs. */
export async function writeCopies(outputs: readonly Output<'asset' | 'file' | 'decap'>[], outputDir: string): Promise<void> {
  await Promise.all(outputs.map(async (output) => {
    const target = path.join(outputDir, outputFile(output.path));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(output.data.source, target);
  }));
}

/** Writes rendered outputs (the dev server, which does not go through Eleventy for an edit). */
export async function writeRendered(files: readonly { readonly path: string; readonly content: string | Uint8Array }[], outputDir: string): Promise<void> {
  await Promise.all(files.map(async (file) => {
    const target = path.join(outputDir, outputFile(file.path));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }));
}

/**
 * The manifest of a folder once every output is written: each file's size and time, as
 * the plan found it for a file kept, as it is now for a file written, and each output's
 * fingerprint, as the plan has it or worked out here.
 */
export async function makeManifest(outputs: readonly AnyOutput[], outputDir: string, key: string, plan: WritePlan, search: Manifest['search'], digests?: BodyDigests): Promise<Manifest> {
  const root = path.resolve(outputDir);
  const entries: Record<string, ManifestEntry> = {};
  for (const output of outputs) {
    const file = plan.kept.get(output.path) ?? statSync(path.join(root, outputFile(output.path)), { throwIfNoEntry: false });
    if (file === undefined) continue;
    const print = plan.fingerprints.get(output.path) ?? fingerprint(output, digests);
    entries[output.path] = { route: output.route, fingerprint: print, size: file.size, mtimeMs: file.mtimeMs };
  }
  return { key, outputs: entries, search };
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest));
  const { rename } = await import('node:fs/promises');
  await rename(temporary, file);
}

/** The searchable pages of a site, for its manifest. */
export function searchablePages(outputs: readonly AnyOutput[]): string[] {
  return outputs.filter((output) => routes[output.route].search).map((output) => output.path);
}

/**
 * Every file under `dir` (relative, `/`-separated) with its size and time; none when it
 * does not exist. One synchronous call per file: for tens of thousands of files, several
 * times faster than as many promises.
 */
export function listFiles(dir: string): Map<string, FileStats> {
  const files = new Map<string, FileStats>();
  const root = path.resolve(dir);
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  const prefix = root.length + 1;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const stats = statSync(full, { throwIfNoEntry: false });
    if (stats) files.set(full.slice(prefix).split(path.sep).join('/'), { size: stats.size, mtimeMs: stats.mtimeMs });
  }
  return files;
}
