/**
 * The site's own items: every Markdown file read, checked and normalised, one at a time
 * so that each body is let go as soon as it is rendered. With a cache, a file that has
 * not changed since the last build (same size and modification time) is not read
 * again: a warm build, and the dev server after an edit, re-read only what changed.
 * (Worker threads were measured and left out: on this work, two of them finished no
 * sooner than one thread.)
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NewsConfig } from './config.ts';
import { createMarkdownRenderer } from './markdown.ts';
import type { NewsItem } from './model.ts';
import { chooseTagNames, findTagClashes, normaliseMarkdownFile, type NormaliseContext, type TagUse } from './normalise.ts';
import type { Problem } from './problems.ts';
import { createMarkdownReader, listMarkdownFiles, parseMarkdownFile, readMarkdownFile, type MarkdownReader } from './sources/markdown.ts';
import { findCollisions } from './stream.ts';
import { siteUrl } from './urls.ts';
import { lineOfField, type FieldLines } from './yaml.ts';

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

/**
 * Every Markdown item, checked and normalised, drafts included; tags shown in their most
 * used spelling. `cache`, when given, is used and brought up to date; a file with any
 * problem is always read again, as time alone can settle some (a date in the future).
 */
export function collectLocalItems(options: LocalOptions, cache?: LocalCache): { items: NewsItem[]; problems: Problem[] } {
  const listed = listMarkdownFiles(options);
  const reader = createMarkdownReader(options);
  const filesUrl = siteUrl(options.config.site.baseUrl, options.config.files.urlPath);
  const context: NormaliseContext = {
    config: options.config,
    markdown: createMarkdownRenderer(),
    dimensionsOf: (url) => (url.startsWith(filesUrl) ? reader.localFiles.dimensions(decodeURIComponent(url.slice(filesUrl.length).split(/[?#]/)[0] ?? '')) : undefined),
  };
  const contentRoot = path.resolve(options.rootDir, options.contentDir);
  const results = new Map<string, FileResult>();
  for (const relative of listed.files) {
    const stats = cache && statSync(path.join(contentRoot, relative));
    const known = cache?.get(relative);
    if (stats && known && known.size === stats.size && known.mtimeMs === stats.mtimeMs && known.result.problems.length === 0) {
      results.set(relative, known.result);
      continue;
    }
    const result = readLocalFile(relative, reader, context);
    results.set(relative, result);
    if (stats) cache?.set(relative, { size: stats.size, mtimeMs: stats.mtimeMs, result });
  }
  for (const relative of cache?.keys() ?? []) if (!results.has(relative)) cache?.delete(relative);
  return settle(results, listed.problems, options);
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

const named = new WeakMap<NewsItem, NewsItem>();

/**
 * The item with its tags spelled as chosen across all files. The same object comes
 * back while the spellings stay the same, so that the dev server can tell an unchanged
 * item by identity alone.
 */
function withTagNames(item: NewsItem, names: ReadonlyMap<string, string>): NewsItem {
  const wanted = (tag: NewsItem['tags'][number]) => names.get(tag.slug) ?? tag.name;
  if (item.tags.every((tag) => tag.name === wanted(tag))) return item;
  const earlier = named.get(item);
  if (earlier && earlier.tags.every((tag) => tag.name === wanted(tag))) return earlier;
  const renamed = { ...item, tags: item.tags.map((tag) => ({ slug: tag.slug, name: wanted(tag) })) };
  named.set(item, renamed);
  return renamed;
}
