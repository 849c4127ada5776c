/**
 * The store of partner items, in two parts per source, both pretty-printed JSON with a
 * fixed key order so that a change reads well in a diff:
 * - `content/partners/<source>.json`, the items, newest first. It changes only when the
 *   items do: items that scroll out of a partner's feed stay here.
 * - `content/partners/state/<source>.json`, what the last fetch found (times, status,
 *   error, cache validators). It changes on every fetch, so it is kept apart, out of git
 *   (the publishing job keeps it in its cache): a missing one is a source never fetched.
 * Files are replaced by writing a temporary file and renaming it, so a crash never
 * leaves half a file, and a file that cannot be read is never overwritten.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultStoreFolder } from '../config.ts';
import type { Problem } from '../problems.ts';
import { checkSourceState, checkStoredItems, type StoreCheckOptions } from './store-check.ts';

/** One partner item as stored: already cleaned, ready to publish. */
export interface StoredItem {
  /** The partner's id for the entry (guid, Atom id, JSON Feed id), else its link: its identity within the source. */
  readonly key: string;
  /** Our permanent id, given when the item was first seen. */
  readonly id: string;
  /** Plain text. */
  readonly title: string;
  /** The original, absolute http(s). */
  readonly link: string;
  /** Sanitised to the summary allowlist. */
  readonly summaryHtml: string;
  /** RFC 3339, UTC. */
  readonly published: string;
  /** Whether `published` came from the feed or is the moment we first saw an entry without a usable date. */
  readonly publishedFrom: 'feed' | 'first-seen';
  readonly updated?: string;
  readonly authors: readonly string[];
  readonly firstSeen: string;
}

/** A source's items file. */
export interface ItemFile {
  /** The source's name when the file was written, for people reading the file. */
  readonly source: string;
  /** Newest first. */
  readonly items: readonly StoredItem[];
  /**
   * Keys of entries removed to keep the store to the source's `keep` and still in the
   * partner's feed: they are not taken in again. A key is forgotten once the feed drops it.
   */
  readonly removed?: readonly string[];
}

/** The last response's validators and freshness, in the words of its headers. */
export interface CacheState {
  readonly etag?: string;
  readonly lastModified?: string;
  /** The Cache-Control and Expires headers as sent, kept so that a 304 without them still has them (RFC 9111 §4.3.4). */
  readonly cacheControl?: string;
  readonly expires?: string;
  /** Until when the copy is fresh by those headers (capped): no request is made before then. */
  readonly freshUntil?: string;
}

/** What happened the last time the source was fetched. */
export interface SourceState {
  readonly lastAttempt?: string;
  /** What the last attempt came to: new items read, a 304, no request because the copy was fresh, or a failure. */
  readonly lastOutcome?: 'updated' | 'not-modified' | 'fresh' | 'failed';
  /** The last moment the stored items were known to match the feed: a 200, a 304. */
  readonly lastSuccess?: string;
  /** HTTP status of the last response, if there was one. */
  readonly status?: number;
  /** The last problem, cleared by the next success. */
  readonly lastError?: string;
  /** The partner asked us (429, 503 with Retry-After) not to come back before this time. */
  readonly retryAfter?: string;
  /** Entries in the feed at the last successful fetch. */
  readonly itemsInFeed?: number;
  readonly cache?: CacheState;
}

/** A source's store: its items file and its state file, together. */
export interface SourceStore extends ItemFile {
  readonly state: SourceState;
}

/** Where a project's partner sources and their store are. */
export interface PartnerFiles {
  readonly sourcesFile: string;
  readonly storeDir: string;
  /** A sources file named must exist; the default one may be missing, meaning no partner sources. */
  readonly required: boolean;
}

/**
 * The sources file named (an option, NEWS_SOURCES_FILE), else `sources.yaml` in the
 * content folder; the store named, else the `partners/` folder beside the sources file.
 */
export function partnerFiles(contentDir: string, named: { readonly sourcesFile?: string; readonly storeDir?: string } = {}): PartnerFiles {
  const sourcesFile = named.sourcesFile ?? path.join(contentDir, 'sources.yaml');
  return { sourcesFile, storeDir: named.storeDir ?? path.join(path.dirname(sourcesFile), defaultStoreFolder), required: named.sourcesFile !== undefined };
}

export function storeFile(storeDir: string, slug: string): string {
  return path.join(storeDir, `${slug}.json`);
}

function stateFile(storeDir: string, slug: string): string {
  return path.join(storeDir, 'state', `${slug}.json`);
}

/**
 * Reads a source's store: missing files are an empty store, a broken one a problem (and
 * the file is left alone). Every item is checked as the fetch wrote it (`store-check.ts`):
 * a damaged one is left out and reported with its file, key and field.
 */
export function readStore(storeDir: string, slug: string, name: string, options: StoreCheckOptions = {}): { store: SourceStore; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = storeFile(storeDir, slug);
  const data = readJson(file, problems, (read) => Array.isArray(read.items) && (read.removed === undefined || Array.isArray(read.removed)), 'it has no "items" list');
  const items = checkStoredItems(file, (data?.items as unknown[] | undefined) ?? [], options);
  const removed = ((data?.removed as unknown[] | undefined) ?? []).filter((key, index) => {
    if (typeof key === 'string') return true;
    problems.push({ severity: 'warning', file, field: `removed.${index}`, message: `${JSON.stringify(key)} is not the key of an item and is ignored`, hint: 'the next fetch of the source writes the list afresh' });
    return false;
  }) as string[];
  const stateData = readJson(stateFile(storeDir, slug), problems, () => true, '');
  const state = checkSourceState(stateFile(storeDir, slug), stateData ?? {}, options);
  problems.push(...items.problems, ...state.problems);
  return { store: { source: name, items: items.items, ...(Array.isArray(data?.removed) && { removed }), state: state.state }, problems };
}

function readJson(file: string, problems: Problem[], valid: (data: Record<string, unknown>) => boolean, invalid: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    problems.push({ severity: 'error', file, field: 'store', message: `cannot be read: ${(error as Error).message}`, hint: 'make it a readable file, or move it away to start the source afresh' });
    return undefined;
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('it is not a JSON object');
    if (!valid(data as Record<string, unknown>)) throw new Error(invalid);
    return data as Record<string, unknown>;
  } catch (error) {
    problems.push({
      severity: 'error', file, field: 'store', message: `cannot be read: ${(error as Error).message}`,
      hint: 'restore it from version control or resolve the merge conflict in it; until then the source is not fetched, so nothing in it is overwritten',
    });
    return undefined;
  }
}

/**
 * Writes a source's store: the items file only when its text changes, the state file
 * always. Each through a temporary file in the same folder, flushed, then renamed; on a
 * failure the temporary file is removed and the error thrown.
 */
export function writeStore(storeDir: string, slug: string, store: SourceStore): void {
  const items = renderItemFile(store);
  const file = storeFile(storeDir, slug);
  if (readIfExists(file) !== items) replaceFile(file, items);
  replaceFile(stateFile(storeDir, slug), `${JSON.stringify(orderedState(store.state), null, 2)}\n`);
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes `text` to `file` through a temporary file beside it, so that a crash never leaves half a file. */
export function replaceFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flush: true });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true, recursive: true });
    throw error;
  }
}

/** The items file with keys in a fixed order, so that unchanged data never shows up in a diff. */
function renderItemFile(store: ItemFile): string {
  const file: ItemFile = {
    source: store.source,
    items: store.items.map((item) => pick(item, ['key', 'id', 'title', 'link', 'published', 'publishedFrom', 'updated', 'firstSeen', 'authors', 'summaryHtml'])),
    ...(store.removed && store.removed.length > 0 && { removed: [...store.removed].sort() }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function orderedState(state: SourceState): SourceState {
  const ordered = pick(state, ['lastAttempt', 'lastOutcome', 'lastSuccess', 'status', 'lastError', 'retryAfter', 'itemsInFeed', 'cache']);
  return state.cache ? { ...ordered, cache: pick(state.cache, ['etag', 'lastModified', 'cacheControl', 'expires', 'freshUntil']) } : ordered;
}

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const result: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) result[key] = value[key];
  return result as T;
}
