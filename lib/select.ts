/**
 * Views of the stream: newest first, per stream, per tag, per year, in pages.
 * Each is one pass over the items, so tens of thousands of items cost little.
 */
import type { NewsDate, NewsItem, Stream, Tag } from './model.ts';
import { yearIn } from './dates.ts';

/** Newest first; items published at the same instant are ordered by id, so order never depends on reading order. */
export function compareNewestFirst(a: NewsItem, b: NewsItem): number {
  return b.date.epochMs - a.date.epochMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The instant a reader's copy of the item last changed. */
export function lastChanged(item: NewsItem): NewsDate {
  return item.updated ?? item.date;
}

/** The instant the item entered the site: its date, or later for a partner item first seen after it was published. */
function enteredAt(item: NewsItem): NewsDate {
  return item.entered ?? item.date;
}

/** Most recently entered first, then newest first: the order of feed documents, where news of any date must reach subscribers. */
export function compareLatestEntered(a: NewsItem, b: NewsItem): number {
  return enteredAt(b).epochMs - enteredAt(a).epochMs || compareNewestFirst(a, b);
}

/** The latest instant at which any of `items` entered the site or changed; undefined for none. */
export function latestChange(items: readonly NewsItem[]): NewsDate | undefined {
  let latest: NewsDate | undefined;
  for (const item of items) {
    const entered = enteredAt(item);
    const changed = lastChanged(item);
    const instant = changed.epochMs > entered.epochMs ? changed : entered;
    if (latest === undefined || instant.epochMs > latest.epochMs) latest = instant;
  }
  return latest;
}

export interface StreamView {
  readonly stream: Stream;
  readonly items: readonly NewsItem[];
}

export interface TagView {
  readonly tag: Tag;
  readonly items: readonly NewsItem[];
}

export interface YearView {
  readonly year: number;
  readonly items: readonly NewsItem[];
}

/** Each configured stream with its items (cross-posts included), in configuration order. */
export function groupByStream(items: readonly NewsItem[], streams: readonly Stream[]): StreamView[] {
  const groups = new Map<string, NewsItem[]>(streams.map((s) => [s.slug, []]));
  for (const item of items) for (const slug of item.streams) groups.get(slug)?.push(item);
  return streams.map((stream) => ({ stream, items: groups.get(stream.slug) ?? [] }));
}

/** Each tag in use with its items, tags in alphabetical order of their names. */
export function groupByTag(items: readonly NewsItem[]): TagView[] {
  const groups = new Map<string, { tag: Tag; items: NewsItem[] }>();
  for (const item of items) {
    for (const tag of item.tags) {
      const group = groups.get(tag.slug) ?? { tag, items: [] };
      group.items.push(item);
      groups.set(tag.slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.tag.name.localeCompare(b.tag.name, 'en-GB', { sensitivity: 'base' }) || (a.tag.slug < b.tag.slug ? -1 : 1));
}

/** Items grouped by the calendar year of publication in `zone`, newest year first. */
export function groupByYear(items: readonly NewsItem[], zone: string): YearView[] {
  const groups = new Map<number, NewsItem[]>();
  for (const item of items) {
    const year = yearIn(item.date, zone);
    const group = groups.get(year) ?? [];
    group.push(item);
    groups.set(year, group);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([year, yearItems]) => ({ year, items: yearItems }));
}

/** Splits `items` into pages of `size`; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length === 0 ? [[]] : pages;
}
