/**
 * One item put in place of another throughout a site: every output whose data holds the
 * old item, anywhere (its page, a listing, a feed document, a related list), gets a copy
 * of its data with the new one, and everything else is left as it was. The dev server
 * uses it to show an edit at once, before it has made the whole site again (dev/server.ts).
 */
import type { NewsItem } from '../lib/model.ts';
import type { Site } from './build.ts';
import { isChannel, isItem } from './fingerprint.ts';
import type { AnyOutput } from './outputs.ts';

/** Which outputs (by place in the site's outputs) show each item, anywhere in their data. */
export type ItemPlaces = ReadonlyMap<NewsItem, readonly number[]>;

/**
 * Where each item of `site` shows: worked out once, it spares every later substitution a
 * walk through the whole site. A slice of the outputs at a time, each in a turn of the
 * event loop of its own, so that a server doing it meanwhile still answers: resolves when done.
 */
export async function placeItems(site: Site, slice = 500): Promise<ItemPlaces> {
  const places = new Map<NewsItem, number[]>();
  // Each shared object's items, found once.
  const found = new Map<object, readonly NewsItem[]>();
  const itemsIn = (value: unknown): readonly NewsItem[] => {
    if (typeof value !== 'object' || value === null) return [];
    if (isItem(value)) return [value];
    if (isChannel(value) || (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype)) return [];
    let items = found.get(value);
    if (items === undefined) found.set(value, (items = [...new Set((Array.isArray(value) ? value : Object.values(value)).flatMap(itemsIn))]));
    return items;
  };
  for (let start = 0; start < site.outputs.length; start += slice) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    site.outputs.slice(start, start + slice).forEach((output, offset) => {
      for (const item of itemsIn(output.data)) {
        let list = places.get(item);
        if (list === undefined) places.set(item, (list = []));
        list.push(start + offset);
      }
    });
  }
  return places;
}

/**
 * The outputs of `site` that show `old`, with `fresh` in its place, in the site's order;
 * only those `places` names, when given.
 */
export function substituteItem(site: Site, old: NewsItem, fresh: NewsItem, places?: ItemPlaces): AnyOutput[] {
  // Shared objects (a channel's 10,000 items, a section) are gone through once.
  const seen = new Map<unknown, unknown>();
  const replace = (value: unknown): unknown => {
    if (value === old) return fresh;
    if (typeof value !== 'object' || value === null) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    let result: unknown = value;
    // Arrays and plain objects are gone through. Another item holds no item; a channel holds
    // all its items, but a document shows only its own (as its fingerprint counts): neither is.
    if (Array.isArray(value)) {
      const items = value.map(replace);
      if (items.some((item, i) => item !== value[i])) result = items;
    } else if (Object.getPrototypeOf(value) === Object.prototype && !isItem(value) && !isChannel(value)) {
      const entries = Object.entries(value).map(([key, field]) => [key, replace(field)] as const);
      if (entries.some(([key, field]) => field !== (value as Record<string, unknown>)[key])) result = Object.fromEntries(entries);
    }
    seen.set(value, result);
    return result;
  };
  const candidates = places ? (places.get(old) ?? []).map((at) => site.outputs[at] as AnyOutput) : site.outputs;
  return candidates.flatMap((output) => {
    const data = replace(output.data);
    return data === output.data ? [] : [{ ...output, data } as AnyOutput];
  });
}
