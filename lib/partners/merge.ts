/**
 * A fetch's items merged into a source's stored ones: nothing that scrolls out of the
 * feed is lost, an item changed at the source is updated in place, and the store is kept
 * to the source's `keep` without churning: what `keep` removed is remembered and not
 * taken in again while the partner still lists it, so an unchanged feed reads the same
 * in every report.
 */
import type { ItemFile, StoredItem } from './store.ts';

export interface MergeCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Stored items no longer in the feed (its window moved on): kept. */
  readonly kept: number;
  /** The oldest items beyond the source's `keep`, removed from the store in this fetch (named in the report). */
  readonly dropped: readonly StoredItem[];
  /** Entries in the feed that `keep` removed in an earlier fetch: left out again. */
  readonly leftOut: number;
}

/** Same key, same item; then newest first, trimmed to `keep`. */
export function mergeItems(stored: ItemFile, fetched: readonly StoredItem[], keep?: number): { items: StoredItem[]; removed: string[]; counts: MergeCounts } {
  const byKey = new Map(stored.items.map((item) => [item.key, item]));
  const removedBefore = new Set(stored.removed ?? []);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let leftOut = 0;
  const inFeed = new Set(fetched.map((item) => item.key));
  for (const item of fetched) {
    const before = byKey.get(item.key);
    if (before === undefined && removedBefore.has(item.key)) {
      leftOut++;
    } else if (before === undefined) {
      added++;
      byKey.set(item.key, item);
    } else if (sameContent(before, item)) {
      unchanged++;
    } else {
      updated++;
      byKey.set(item.key, { ...item, id: before.id, firstSeen: before.firstSeen, ...(item.publishedFrom === 'first-seen' && { published: before.published }) });
    }
  }
  const all = [...byKey.values()].sort(newestFirst);
  const items = keep === undefined ? all : all.slice(0, keep);
  const dropped = keep === undefined ? [] : all.slice(keep);
  const droppedKeys = new Set(dropped.map((item) => item.key));
  const kept = stored.items.filter((item) => !inFeed.has(item.key) && !droppedKeys.has(item.key)).length;
  // Only keys the feed still lists need remembering: the others cannot come back.
  const removed = [...inFeed].filter((key) => droppedKeys.has(key) || (removedBefore.has(key) && !byKey.has(key))).sort();
  return { items, removed, counts: { added, updated, unchanged, kept, dropped, leftOut } };
}

function newestFirst(a: StoredItem, b: StoredItem): number {
  return a.published < b.published ? 1 : a.published > b.published ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sameContent(a: StoredItem, b: StoredItem): boolean {
  return a.title === b.title && a.link === b.link && a.summaryHtml === b.summaryHtml && a.updated === b.updated &&
    (b.publishedFrom === 'first-seen' || a.published === b.published) && a.authors.join('\n') === b.authors.join('\n');
}
