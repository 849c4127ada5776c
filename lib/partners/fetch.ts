/**
 * `npm run fetch`: every enabled partner source fetched, a few at a time, each into its
 * own store file. One source's failure never touches another's store, and a failing
 * source keeps every item it had; each source gets a report of what happened.
 */
import type { NewsConfig } from '../config.ts';
import type { PartnerSource } from './config.ts';
import { normaliseEntries, type SkippedEntry } from './entries.ts';
import { advertisedFeed, decodeBody } from './decode.ts';
import { fetchFeed, type HttpLimits } from './http.ts';
import { readFeed } from './parse.ts';
import { mergeItems, readStore, writeStore, type MergeCounts, type SourceState, type SourceStore } from './store.ts';

export type FetchOutcome = 'updated' | 'not-modified' | 'fresh' | 'waiting' | 'disabled' | 'failed';

/** What happened to one source in one fetch. */
export interface SourceReport {
  readonly source: string;
  readonly url: string;
  readonly outcome: FetchOutcome;
  readonly status?: number;
  /** One sentence for people: what happened and, on failure, what still holds. */
  readonly message: string;
  readonly counts?: MergeCounts & { readonly inFeed: number };
  readonly skipped: readonly SkippedEntry[];
  /** Items in the store after the fetch. */
  readonly stored: number;
}

export interface FetchOptions {
  readonly sources: readonly PartnerSource[];
  readonly storeDir: string;
  readonly config: NewsConfig;
  readonly now: Date;
  readonly fetch: typeof fetch;
  readonly limits: HttpLimits;
  /** Sources fetched at the same time. */
  readonly concurrency: number;
  /** Called as each source finishes, for progress on a terminal. */
  readonly onReport?: (report: SourceReport) => void;
}

/** Fetches every source, `concurrency` at a time; reports come back in configuration order. */
export async function fetchPartners(options: FetchOptions): Promise<SourceReport[]> {
  const reports: SourceReport[] = new Array(options.sources.length);
  let next = 0;
  const worker = async () => {
    while (next < options.sources.length) {
      const index = next++;
      const source = options.sources[index] as PartnerSource;
      const report = await fetchSource(source, options);
      reports[index] = report;
      options.onReport?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.sources.length) }, worker));
  return reports;
}

async function fetchSource(source: PartnerSource, options: FetchOptions): Promise<SourceReport> {
  const { store } = readStore(options.storeDir, source.slug, source.name);
  const now = options.now;
  const base = { source: source.name, url: source.url, skipped: [] as SkippedEntry[], stored: store.items.length };
  const keeping = store.items.length === 0 ? 'nothing was stored yet' : `the ${store.items.length} stored items are kept`;
  if (!source.enabled) return { ...base, outcome: 'disabled', message: `not fetched (enabled: false); ${keeping}` };
  if (store.state.retryAfter && Date.parse(store.state.retryAfter) > now.getTime()) {
    return { ...base, outcome: 'waiting', message: `not fetched: the partner asked us to wait until ${store.state.retryAfter}; ${keeping}` };
  }

  const result = await fetchFeed(source.url, store.state.cache, options.limits, options.fetch, now);
  const attempt = now.toISOString();
  const moved = (to: string | undefined) => (to ? ` The feed has moved permanently to ${to}: update its url in sources.yaml.` : '');
  const sentence = (text: string) => text.replace(/([^.])$/, '$1.');
  switch (result.kind) {
    case 'fresh':
      return { ...base, outcome: 'fresh', message: `not fetched: the last copy is fresh until ${result.until.toISOString()} (the partner's Cache-Control)` };
    case 'not-modified': {
      save(options, source, { ...store.state, lastAttempt: attempt, lastSuccess: attempt, status: 304, lastError: undefined, retryAfter: undefined, ...(result.cache && { cache: result.cache }) }, store.items);
      return { ...base, outcome: 'not-modified', status: 304, message: `304 Not Modified: nothing new.${moved(result.movedTo)}` };
    }
    case 'failed': {
      const state: SourceState = { ...store.state, lastAttempt: attempt, lastError: result.reason, status: result.status, retryAfter: result.retryAfter?.toISOString() };
      save(options, source, state, store.items);
      return { ...base, outcome: 'failed', ...(result.status && { status: result.status }), message: `${result.reason}; ${keeping}` };
    }
    case 'ok': {
      const reading = readFeed(result.body, result.contentType);
      if (!reading.ok) {
        const advertised = reading.kind === 'html' ? advertisedFeed(decodeBody(result.body, result.contentType).text, result.url) : undefined;
        const reason = `the response ${reading.reason}${advertised ? ` (the page advertises a feed at ${advertised}: use that URL)` : ''}`;
        save(options, source, { ...store.state, lastAttempt: attempt, lastError: reason, status: result.status, retryAfter: undefined }, store.items);
        return { ...base, outcome: 'failed', status: result.status, message: `${reason}; ${keeping}` };
      }
      const stored = new Map(store.items.map((item) => [item.key, item]));
      const { items, skipped } = normaliseEntries(reading.feed, { source, feedUrl: result.url, idAuthority: options.config.idAuthority, now, stored });
      const merged = mergeItems(store.items, items, source.keep);
      save(options, source, {
        lastAttempt: attempt, lastSuccess: attempt, status: result.status, itemsInFeed: reading.feed.entries.length,
        ...(result.cache && { cache: result.cache }),
      }, merged.items);
      const counts = { ...merged.counts, inFeed: reading.feed.entries.length };
      return { ...base, outcome: 'updated', status: result.status, counts, skipped, stored: merged.items.length, message: `${sentence(describeCounts(counts, skipped))}${moved(result.movedTo)}` };
    }
  }
}

function save(options: FetchOptions, source: PartnerSource, state: SourceState, items: SourceStore['items']): void {
  writeStore(options.storeDir, source.slug, { source: source.name, state: withoutUndefined(state), items });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function describeCounts(counts: MergeCounts & { inFeed: number }, skipped: readonly SkippedEntry[]): string {
  const parts = [`${counts.inFeed} in the feed: ${counts.added} new, ${counts.updated} updated, ${counts.unchanged} unchanged`];
  if (counts.kept > 0) parts.push(`${counts.kept} no longer in the feed, kept`);
  if (counts.dropped.length > 0) parts.push(`${counts.dropped.length} oldest removed to keep the store to the source's keep limit (${counts.dropped.map((d) => d.title).join('; ')})`);
  if (skipped.length > 0) parts.push(`${skipped.length} skipped (${skipped.map((s) => `entry ${s.position} "${s.title}": ${s.reason}`).join('; ')})`);
  return parts.join('; ');
}

/** One line per source, for terminals and logs. */
export function formatSourceReport(report: SourceReport): string {
  const marks: Record<FetchOutcome, string> = { updated: '✓', 'not-modified': '=', fresh: '=', waiting: '…', disabled: '-', failed: '✗' };
  return `${marks[report.outcome]} ${report.source}: ${report.message} (${report.stored} stored)`;
}
