/**
 * One story, one item. The same link (once normalised) arriving from two partner feeds,
 * or a partner republishing one of our own items, becomes a single item that credits
 * every source and appears in every stream any of them feeds. Our own item always wins
 * over a partner's copy of it; between partners, the earliest published (then the
 * smallest id) wins. A merge is information, not a problem: it is counted, not warned of.
 */
import type { NewsItem, Source } from './model.ts';

/** What was merged into what, for reports. */
export interface Merge {
  /** The id of the item that stays. */
  readonly kept: string;
  /** The id of the item merged into it. */
  readonly merged: string;
  /** The merged item's sources: feed names, or files for our own items. */
  readonly from: readonly string[];
}

/**
 * A link reduced to what identifies the story: no fragment, no tracking parameters, no
 * `www.`, no trailing slash, http and https alike, parameters in order.
 */
export function storyKey(url: string): string {
  try {
    const parsed = new URL(url);
    const params = [...parsed.searchParams].filter(([name]) => !/^(utm_|mc_|fbclid$|gclid$|ref$|source$)/i.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const port = parsed.port && !['80', '443'].includes(parsed.port) ? `:${parsed.port}` : '';
    return `${host}${port}${parsed.pathname.replace(/\/+$/, '') || '/'}${query}`;
  } catch {
    return url;
  }
}

export function dedupeItems(local: readonly NewsItem[], partner: readonly NewsItem[]): { items: NewsItem[]; merges: Merge[] } {
  const byKey = new Map<string, NewsItem>();
  for (const item of local) {
    for (const url of [item.url, item.link]) if (url !== undefined && !byKey.has(storyKey(url))) byKey.set(storyKey(url), item);
  }
  const ordered = [...partner].sort((a, b) => a.date.epochMs - b.date.epochMs || (a.id < b.id ? -1 : 1));
  const merges: Merge[] = [];
  const result = new Map<NewsItem, NewsItem>(local.map((item) => [item, item]));
  for (const item of ordered) {
    const key = storyKey(item.link ?? item.url);
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, item);
      result.set(item, item);
      continue;
    }
    const current = result.get(first) ?? first;
    const newSources = item.sources.filter((source) => !current.sources.some((s) => JSON.stringify(s) === JSON.stringify(source)));
    const streams = [...current.streams, ...item.streams.filter((stream) => !current.streams.includes(stream))];
    result.set(first, { ...current, streams, sources: [...current.sources, ...newSources] });
    merges.push({ kept: first.id, merged: item.id, from: item.sources.map(sourceName) });
  }
  return { items: [...result.values()], merges };
}

function sourceName(source: Source): string {
  return source.kind === 'feed' ? source.name : source.file;
}
