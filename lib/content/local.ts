/**
 * The site's own items: every Markdown file read, checked and normalised, one at a time
 * so that each body is let go as soon as it is rendered. With a cache, a file that has
 * not changed since the last build (same size and modification time) is not read
 * again: a warm build, and the dev server after an edit, re-read only what changed.
 * A cold build of many files shares them out among worker threads, one per CPU.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { NewsConfig } from '../config.ts';
import { createMarkdownRenderer } from './render.ts';
import type { NewsItem } from '../model.ts';
import { chooseTagNames, findTagClashes, normaliseMarkdownFile, type NormaliseContext, type TagUse } from './normalise.ts';
import type { Problem } from '../problems.ts';
import { listMarkdownFiles } from './listing.ts';
import { createMarkdownReader, parseMarkdownFile, readMarkdownFile, type MarkdownReader } from './markdown.ts';
import { findCollisions } from '../stream.ts';
import { filesWorthThreads, startWorker } from './threads.ts';
import { siteUrl } from '../urls.ts';
import { lineOfField, type FieldLines } from '../yaml.ts';

export interface LocalOptions {
  readonly config: NewsConfig;
  readonly rootDir: string;
  readonly contentDir: string;
  readonly now: Date;
}

/** What one file yields, before tag spellings and collisions are settled across all files. */
export interface FileResult {
  /** Its item, with tags spelled as in the file; absent when the file has errors. */
  readonly item?: NewsItem;
  readonly problems: readonly Problem[];
  /** Every tag as written, for choosing the spelling shown and finding spellings that clash. */
  readonly tagUses: readonly TagUse[];
  /** The lines a collision is reported at: the `id` field's, else the `date` field's. */
  readonly lines: { readonly id?: number; readonly date?: number };
}

/** Results by file (relative to the content folder), with the size and time they were read at. */
export type LocalCache = Map<string, { readonly size: number; readonly mtimeMs: number; readonly result: FileResult }>;

/** Reads, checks and normalises one file (relative to the content folder). */
export function readLocalFile(relative: string, reader: MarkdownReader, context: NormaliseContext): FileResult {
  const read = readMarkdownFile(relative, reader);
  if (read.file === undefined) return { problems: read.problems, tagUses: [], lines: {} };
  const { file } = read;
  const id = file.lines.get('id');
  const date = file.lines.get('date');
  const result = normaliseMarkdownFile(file, context);
  return {
    ...(result.item && { item: result.item }),
    problems: [...read.problems, ...result.problems],
    tagUses: file.fields.tags.map((spelling, index) => ({ spelling, file: file.file, index })),
    lines: { ...(id !== undefined && { id }), ...(date !== undefined && { date }) },
  };
}

/** A reader of single files (paths relative to the content folder), with what every file shares made once. */
export function createLocalReader(options: LocalOptions): (relative: string) => FileResult {
  const reader = createMarkdownReader(options);
  const filesUrl = siteUrl(options.config.site.baseUrl, options.config.files.urlPath);
  const context: NormaliseContext = {
    config: options.config,
    markdown: createMarkdownRenderer(),
    dimensionsOf: (url) => (url.startsWith(filesUrl) ? reader.localFiles.dimensions(decodeURIComponent(url.slice(filesUrl.length).split(/[?#]/)[0] ?? '')) : undefined),
  };
  return (relative) => readLocalFile(relative, reader, context);
}

/**
 * Reads many files (relative to the content folder), each as `readLocalFile` does, and
 * resolves to their results in the same order: a caller with threads of its own (the site's
 * build, pipeline/parallel.ts) reads on them instead of this module's.
 */
export type ReadMany = (files: readonly string[]) => Promise<readonly FileResult[]>;

/** How `readLocalItems` shares the work. */
export interface ThreadOptions {
  /** Threads in all, this one included; default: the CPUs there are. */
  readonly threads?: number;
  /** Every worker starts reading before this thread does (for tests and measurements); by default none is waited for. */
  readonly waitForWorkers?: boolean;
  /** Reads the files to read instead of this module's threads. */
  readonly readMany?: ReadMany;
}

/**
 * Every Markdown item, checked and normalised, drafts included; tags shown in their most
 * used spelling. `cache`, when given, is used and brought up to date; a file with any
 * problem is always read again, as time alone can settle some (a date in the future).
 * The files to read are shared among this thread and worker threads when there are
 * many and more than one CPU. Each thread claims the next
 * unread file from a shared counter, so a worker still loading takes none and none
 * waits for another; the results are the same, in the same order. `filesRead` is how
 * many files each thread read, this one first.
 */
export async function readLocalItems(options: LocalOptions, cache?: LocalCache, sharing: ThreadOptions = {}): Promise<{ items: NewsItem[]; problems: Problem[]; filesRead: number[] }> {
  const threads = sharing.threads ?? availableParallelism();
  const plan = planReads(options, cache);
  const files = plan.unread.map((file) => file.relative);
  if (sharing.readMany) return { ...finishReads(plan, await sharing.readMany(files), options, cache), filesRead: [files.length] };
  const read = createLocalReader(options);
  if (threads < 2 || files.length < filesWorthThreads) return { ...finishReads(plan, files.map(read), options, cache), filesRead: [files.length] };
  // [0]: the next file to claim; [w]: set by worker w once it is ready to claim.
  const shared = new Int32Array(new SharedArrayBuffer(4 * threads));
  const workers = Array.from({ length: threads - 1 }, (_, w) => startWorker<[number, FileResult][]>(new URL('./worker.ts', import.meta.url), { options, files, shared, slot: w + 1 }));
  if (sharing.waitForWorkers) for (let slot = 1; slot < threads; slot++) Atomics.wait(shared, slot, 0, 60_000);
  const results: (FileResult | undefined)[] = [];
  let readHere = 0;
  claimFiles(files, shared, (index, file) => {
    results[index] = read(file);
    readHere++;
  });
  // A worker that was not ready before every file was claimed has none: no need to wait for it.
  const working = workers.map((worker, w) => {
    const ready = Atomics.load(shared, w + 1) === 1;
    if (!ready) worker.stop();
    return ready ? worker.answer : Promise.resolve([]);
  });
  const answers = await Promise.all(working);
  for (const answer of answers) for (const [index, result] of answer) results[index] = result;
  return { ...finishReads(plan, results as FileResult[], options, cache), filesRead: [readHere, ...answers.map((answer) => answer.length)] };
}

/** Calls `onFile` for each file whose index this thread claims from `shared[0]`, until none is left. */
export function claimFiles(files: readonly string[], shared: Int32Array, onFile: (index: number, file: string) => void): void {
  for (let index = Atomics.add(shared, 0, 1); index < files.length; index = Atomics.add(shared, 0, 1)) onFile(index, files[index] as string);
}

interface ReadPlan {
  readonly listed: { readonly files: readonly string[]; readonly problems: readonly Problem[] };
  /** Results still valid from the cache, by file. */
  readonly known: ReadonlyMap<string, FileResult>;
  /** Files to read, in listed order, with their size and time when there is a cache to keep. */
  readonly unread: readonly { readonly relative: string; readonly stats?: { readonly size: number; readonly mtimeMs: number } }[];
}

function planReads(options: LocalOptions, cache: LocalCache | undefined): ReadPlan {
  const listed = listMarkdownFiles(options);
  const contentRoot = path.resolve(options.rootDir, options.contentDir);
  const known = new Map<string, FileResult>();
  const unread: ReadPlan['unread'][number][] = [];
  for (const relative of listed.files) {
    const stats = cache && statSync(path.join(contentRoot, relative));
    const cached = cache?.get(relative);
    if (stats && cached && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs && cached.result.problems.length === 0) known.set(relative, cached.result);
    else unread.push({ relative, ...(stats && { stats: { size: stats.size, mtimeMs: stats.mtimeMs } }) });
  }
  return { listed, known, unread };
}

/** The plan's results in listed order, the cache brought up to date, tags and collisions settled. */
function finishReads(plan: ReadPlan, fresh: readonly FileResult[], options: LocalOptions, cache: LocalCache | undefined): { items: NewsItem[]; problems: Problem[] } {
  const read = new Map<string, FileResult>();
  plan.unread.forEach((file, index) => {
    const result = fresh[index];
    if (result === undefined) return;
    read.set(file.relative, result);
    if (file.stats) cache?.set(file.relative, { ...file.stats, result });
  });
  const results = new Map<string, FileResult>();
  for (const relative of plan.listed.files) {
    const result = plan.known.get(relative) ?? read.get(relative);
    if (result) results.set(relative, result);
  }
  for (const relative of cache?.keys() ?? []) if (!results.has(relative)) cache?.delete(relative);
  return settle(results, plan.listed.problems, options);
}

/** Tag spellings chosen across all files, and collisions between files found. */
function settle(results: ReadonlyMap<string, FileResult>, listingProblems: readonly Problem[], options: LocalOptions): { items: NewsItem[]; problems: Problem[] } {
  const { contentDir } = options;
  const all = [...results.values()];
  const uses = all.flatMap((r) => r.tagUses);
  const names = chooseTagNames(uses.map((use) => use.spelling));
  const items = all.flatMap((r) => (r.item ? [withTagNames(r.item, names)] : []));
  const problems = [...listingProblems, ...all.flatMap((r) => r.problems), ...findTagClashes(uses, names, tagLocator(options.rootDir))];
  problems.push(...findCollisions(items, (item, field) => {
    const origin = item.sources[0];
    const lines = origin?.kind === 'markdown' ? results.get(path.relative(contentDir, origin.file))?.lines : undefined;
    // A URL comes from the file name and the date; a default id from those too.
    return field === 'id' ? (lines?.id ?? lines?.date) : lines?.date;
  }));
  return { items, problems };
}

/**
 * The field and line of a tag in its file. Lines of list entries cost a second YAML parse,
 * so a file is parsed again only when one of its tags is reported.
 */
function tagLocator(rootDir: string): (use: TagUse) => { field: string; line?: number } {
  const linesByFile = new Map<string, FieldLines>();
  return (use) => {
    let lines = linesByFile.get(use.file);
    if (lines === undefined) linesByFile.set(use.file, (lines = parseMarkdownFile(readFileSync(path.resolve(rootDir, use.file), 'utf8'), use.file).lines));
    // `tags: C#`, not a list, has no tags.0.
    const field = lines.get(`tags.${use.index}`) === undefined ? 'tags' : `tags.${use.index}`;
    const line = lineOfField(lines, field);
    return { field, ...(line !== undefined && { line }) };
  };
}

/** The item with its tags spelled as chosen across all files. */
function withTagNames(item: NewsItem, names: ReadonlyMap<string, string>): NewsItem {
  const wanted = (tag: NewsItem['tags'][number]) => names.get(tag.slug) ?? tag.name;
  if (item.tags.every((tag) => tag.name === wanted(tag))) return item;
  return { ...item, tags: item.tags.map((tag) => ({ slug: tag.slug, name: wanted(tag) })) };
}
