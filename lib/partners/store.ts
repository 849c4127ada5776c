/**
 * The store of partner items: one JSON file per source under `content/partners/`,
 * pretty-printed with a fixed key order and items newest first, so a change reads well
 * in a diff. Items that scroll out of a partner's feed stay here; the file is replaced
 * by writing a temporary file and renaming it, so a crash never leaves half a store.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../problems.ts';

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
  /** Whether `published` came from the feed or is the moment we first saw an undated entry. */
  readonly publishedFrom: 'feed' | 'first-seen';
  readonly updated?: string;
  readonly authors: readonly string[];
  readonly firstSeen: string;
}

/** What happened the last time the source was fetched. */
export interface SourceState {
  readonly lastAttempt?: string;
  readonly lastSuccess?: string;
  /** HTTP status of the last response, if there was one. */
  readonly status?: number;
  /** The last problem, cleared by the next success. */
  readonly lastError?: string;
  /** The partner asked us (429, 503 with Retry-After) not to come back before this time. */
  readonly retryAfter?: string;
  /** The HTTP cache policy of the last response (ETag, Last-Modified, freshness), as http-cache-semantics stores it. */
  readonly cache?: Record<string, unknown>;
  /** Entries in the feed at the last successful fetch. */
  readonly itemsInFeed?: number;
}

export interface SourceStore {
  /** The source's name when the file was written, for people reading the file. */
  readonly source: string;
  readonly state: SourceState;
  /** Newest first. */
  readonly items: readonly StoredItem[];
}

export function storeFile(storeDir: string, slug: string): string {
  return path.join(storeDir, `${slug}.json`);
}

/** Reads a source's store; a missing file is an empty store, a broken one a problem (and the file is left alone). */
export function readStore(storeDir: string, slug: string, name: string): { store: SourceStore; problems: Problem[]; exists: boolean } {
  const file = storeFile(storeDir, slug);
  const empty: SourceStore = { source: name, state: {}, items: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { store: empty, problems: [], exists: false };
  }
  try {
    const data = JSON.parse(text) as SourceStore;
    if (!Array.isArray(data.items) || typeof data.state !== 'object') throw new Error('it has no "items" list or no "state"');
    return { store: data, problems: [], exists: true };
  } catch (error) {
    return {
      store: empty, exists: true,
      problems: [{ severity: 'error', file, field: 'store', message: `cannot be read: ${(error as Error).message}`, hint: 'restore the file from version control; fetching again rebuilds only what the partner still publishes' }],
    };
  }
}

/** Writes a source's store atomically: a temporary file in the same folder, then a rename. */
export function writeStore(storeDir: string, slug: string, store: SourceStore): void {
  mkdirSync(storeDir, { recursive: true });
  const file = storeFile(storeDir, slug);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(ordered(store), null, 2)}\n`);
  renameSync(temporary, file);
}

/** The same store with keys in a fixed order, so that unchanged data never shows up in a diff. */
function ordered(store: SourceStore): SourceStore {
  const state = store.state;
  return {
    source: store.source,
    state: pick(state, ['lastAttempt', 'lastSuccess', 'status', 'lastError', 'retryAfter', 'itemsInFeed', 'cache']),
    items: store.items.map((item) => pick(item, ['key', 'id', 'title', 'link', 'published', 'publishedFrom', 'updated', 'firstSeen', 'authors', 'summaryHtml'])),
  };
}

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const result: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) result[key] = value[key];
  return result as T;
}

export interface MergeCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Stored items no longer in the feed (its window moved on): kept. */
  readonly kept: number;
  /** The oldest items beyond the source's `keep`, removed from the store (and named in the report). */
  readonly dropped: readonly StoredItem[];
}

/**
 * Merges a fetch's items into the stored ones: same key, same item (updated in place
 * when anything changed, keeping its id and first-seen time); items gone from the feed
 * stay; then newest first, trimmed to `keep`.
 */
export function mergeItems(stored: readonly StoredItem[], fetched: readonly StoredItem[], keep?: number): { items: StoredItem[]; counts: MergeCounts } {
  const byKey = new Map(stored.map((item) => [item.key, item]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const seen = new Set<string>();
  for (const item of fetched) {
    seen.add(item.key);
    const before = byKey.get(item.key);
    if (before === undefined) {
      added++;
      byKey.set(item.key, item);
    } else if (sameContent(before, item)) {
      unchanged++;
    } else {
      updated++;
      byKey.set(item.key, { ...item, id: before.id, firstSeen: before.firstSeen, ...(item.publishedFrom === 'first-seen' && { published: before.published }) });
    }
  }
  const all = [...byKey.values()].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.key < b.key ? -1 : 1));
  const items = keep === undefined ? all : all.slice(0, keep);
  const dropped = keep === undefined ? [] : all.slice(keep);
  const kept = stored.filter((item) => !seen.has(item.key) && !dropped.includes(byKey.get(item.key) as StoredItem)).length;
  return { items, counts: { added, updated, unchanged, kept, dropped } };
}

function sameContent(a: StoredItem, b: StoredItem): boolean {
  return a.title === b.title && a.link === b.link && a.summaryHtml === b.summaryHtml && a.updated === b.updated &&
    (b.publishedFrom === 'first-seen' || a.published === b.published) && a.authors.join('\n') === b.authors.join('\n');
}
