/**
 * Related items for item pages, in time linear in the number of items:
 * candidates come only from the few items nearest in time in each of the item's tags
 * and its home stream, never from a comparison of every item with every other.
 */
import type { NewsItem } from '../lib/model.ts';
import type { StreamView, TagView } from '../lib/select.ts';

/** How many neighbours on each side of an item, in each of its lists, may be candidates. */
const reach = 4;

/** An index of where each item sits in each list it belongs to. */
function positions(lists: readonly (readonly NewsItem[])[]): Map<readonly NewsItem[], Map<NewsItem, number>> {
  return new Map(lists.map((list) => [list, new Map(list.map((item, index) => [item, index]))]));
}

/**
 * Up to `count` items related to each item: those sharing the most tags, then the home
 * stream, nearest in time first. Keyed by item.
 */
export function findRelated(items: readonly NewsItem[], streams: readonly StreamView[], tags: readonly TagView[], count = 3): Map<NewsItem, NewsItem[]> {
  const tagLists = new Map(tags.map((t) => [t.tag.slug, t.items]));
  const streamLists = new Map(streams.map((s) => [s.stream.slug, s.items]));
  const index = positions([...tagLists.values(), ...streamLists.values()]);
  const related = new Map<NewsItem, NewsItem[]>();
  for (const item of items) {
    const scores = new Map<NewsItem, number>();
    const consider = (list: readonly NewsItem[] | undefined, weight: number) => {
      const at = list && index.get(list)?.get(item);
      if (list === undefined || at === undefined) return;
      for (let i = Math.max(0, at - reach); i <= Math.min(list.length - 1, at + reach); i++) {
        const other = list[i];
        if (other !== undefined && other !== item) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    };
    for (const tag of item.tags) consider(tagLists.get(tag.slug), 2);
    consider(streamLists.get(item.homeStream), 1);
    const distance = (other: NewsItem) => Math.abs(other.date.epochMs - item.date.epochMs);
    const ranked = [...scores].sort(([a, x], [b, y]) => y - x || distance(a) - distance(b) || (a.id < b.id ? -1 : 1));
    related.set(item, ranked.slice(0, count).map(([other]) => other));
  }
  return related;
}
