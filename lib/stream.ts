/**
 * The integrated stream: every source's items in one list, checked against each
 * other, with distinct timestamps, newest first.
 */
import type { NewsConfig } from './config.ts';
import { shiftNewsDate } from './dates.ts';
import type { NewsItem } from './model.ts';
import type { Problem } from './problems.ts';
import { compareNewestFirst, lastChanged } from './select.ts';

/**
 * Two items with one id, or two local items at one URL: each file is told about the
 * others. `lineOf` gives the line of a field in an item's file, when there is one.
 */
export function findCollisions(items: readonly NewsItem[], lineOf: (item: NewsItem, field: string) => number | undefined = () => undefined): Problem[] {
  const collide = (key: (item: NewsItem) => string, field: string, candidates: readonly NewsItem[], describe: Describe) =>
    collideOn(candidates, key, field, describe, lineOf);
  return [
    ...collide((item) => item.id, 'id', items, (value, others) => ({
      message: `the id ${value} is also the id of ${others}`,
      hint: 'ids must be unique: change or remove the id field of one of them',
    })),
    ...collide((item) => item.path ?? '', 'url', items.filter((item) => item.path !== undefined), (value, others) => ({
      message: `would be published at ${value}, as would ${others}`,
      hint: 'rename one of the files, or move it to another stream',
    })),
  ];
}

type Describe = (value: string, others: string) => { message: string; hint: string };

function collideOn(
  items: readonly NewsItem[],
  key: (item: NewsItem) => string,
  field: string,
  describe: Describe,
  lineOf: (item: NewsItem, field: string) => number | undefined,
): Problem[] {
  const groups = new Map<string, NewsItem[]>();
  for (const item of items) {
    const value = key(item);
    const group = groups.get(value);
    if (group) group.push(item);
    else groups.set(value, [item]);
  }
  const problems: Problem[] = [];
  for (const [value, group] of groups) {
    if (group.length < 2) continue;
    for (const item of group) {
      const others = group.filter((other) => other !== item).map(originOf).join(', ');
      const line = lineOf(item, field);
      problems.push({ severity: 'error', file: originOf(item), ...(line !== undefined && { line }), field, ...describe(value, others) });
    }
  }
  return problems;
}

function originOf(item: NewsItem): string {
  const source = item.sources[0];
  return source === undefined ? item.id : source.kind === 'markdown' ? source.file : source.url;
}

/**
 * Sorts newest first and moves any item whose last-change instant another item already
 * has one second later (in id order), because readers and validators treat two entries
 * with one timestamp as a fault. Items with distinct instants are never touched.
 */
export function integrateItems(items: readonly NewsItem[], config: NewsConfig): NewsItem[] {
  const { timeZone, language } = config.site;
  const taken = new Set<number>();
  const byInstant = [...items].sort((a, b) => lastChanged(a).epochMs - lastChanged(b).epochMs || (a.id < b.id ? -1 : 1));
  const separated = byInstant.map((item) => {
    let seconds = 0;
    while (taken.has(lastChanged(item).epochMs + seconds * 1000)) seconds++;
    taken.add(lastChanged(item).epochMs + seconds * 1000);
    if (seconds === 0) return item;
    return item.updated
      ? { ...item, updated: shiftNewsDate(item.updated, seconds, timeZone, language) }
      : { ...item, date: shiftNewsDate(item.date, seconds, timeZone, language) };
  });
  return separated.sort(compareNewestFirst);
}
