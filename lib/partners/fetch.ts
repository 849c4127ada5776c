/**
 * `npm run fetch`: every enabled partner source fetched, a few at a time, each into its
 * own store file. One source's failure never touches another's store, and a failing
 * source keeps every item it had; each source gets a report of what happened.
 */
import type { NewsConfig } from '../config.ts';
import { formatProblem, type Problem } from '../problems.ts';
import type { PartnerSource } from './config.ts';
import { normaliseEntries, type SkippedEntry } from './entries.ts';
import { advertisedFeed } from './decode.ts';
import { fetchFeed, maxFreshnessMs, type HttpLimits } from './http.ts';
import { mergeItems, type MergeCounts } from './merge.ts';
import { readFeed } from './parse.ts';
import { storeChecks } from './store-check.ts';
import { readStore, writeStore, type SourceState, type SourceStore } from './store.ts';

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
  /** Things the partner should fix that did not stop the fetch: an undecodable byte, an unusable date. */
  readonly warnings: readonly string[];
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
  const checks = storeChecks(options.now, options.config.futureAllowanceHours);
  const reads = options.sources.map((source) => readStore(options.storeDir, source.slug, source.name, checks));
  // Every second already used by a stored item, so that new undated items take others.
  const taken = new Set(reads.flatMap(({ store }) => store.items.map((item) => Math.floor(Date.parse(item.published) / 1000))));
  const reports: SourceReport[] = new Array(options.sources.length);
  let next = 0;
  const worker = async () => {
    while (next < options.sources.length) {
      const index = next++;
      const report = await fetchSource(options.sources[index] as PartnerSource, index, reads[index] as ReturnType<typeof readStore>, taken, options);
      reports[index] = report;
      options.onReport?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.sources.length) }, worker));
  return reports;
}

async function fetchSource(source: PartnerSource, index: number, read: { store: SourceStore; problems: Problem[] }, taken: ReadonlySet<number>, options: FetchOptions): Promise<SourceReport> {
  const { store } = read;
  const now = options.now;
  const storeWarnings = read.problems.filter((p) => p.severity === 'warning').map(formatProblem);
  const base = { source: source.name, url: source.url, skipped: [] as SkippedEntry[], warnings: storeWarnings, stored: store.items.length };
  const keeping = store.items.length === 0 ? 'nothing was stored yet' : `the ${store.items.length} stored items are kept`;
  const unreadable = read.problems.filter((p) => p.severity === 'error' && p.field === 'store');
  const damaged = read.problems.filter((p) => p.severity === 'error' && p.field !== 'store');
  if (unreadable.length > 0) {
    const why = unreadable.map((p) => `${p.file} ${p.message}; ${p.hint}`).join('; ');
    return { ...base, outcome: 'failed', message: `not fetched, and its store is left as it is, because it cannot be read: ${why}` };
  }
  // A fetch would rewrite the file without the damaged items: the people who damaged it decide what they were.
  if (damaged.length > 0) {
    const why = damaged.map((p) => `${p.field}: ${p.message}`).join('; ');
    return { ...base, outcome: 'failed', message: `not fetched, and its store is left as it is, because ${damaged[0]?.file} has damaged items (${why}); correct or delete them, or restore the file from version control` };
  }
  if (!source.enabled) return { ...base, outcome: 'disabled', message: `not fetched (enabled: false); ${keeping}` };
  if (store.state.retryAfter && Date.parse(store.state.retryAfter) > now.getTime()) {
    return { ...base, outcome: 'waiting', message: `not fetched: the partner asked us to wait until ${store.state.retryAfter}; ${keeping}` };
  }

  const result = await fetchFeed(source.url, store.state.cache, options.limits, options.fetch, now);
  const attempt = now.toISOString();
  const moved = (to: string | undefined) => (to ? ` The feed has moved permanently to ${to}: update its url in sources.yaml.` : '');
  const sentence = (text: string) => text.replace(/([^.])$/, '$1.');
  // A store that cannot be written is that source's failure alone; the old files stay whole.
  const saved = (state: SourceState, report: SourceReport, items = store.items, removed = store.removed): SourceReport => {
    try {
      writeStore(options.storeDir, source.slug, { source: source.name, state, items, ...(removed && { removed }) });
      return report;
    } catch (error) {
      return { ...report, outcome: 'failed', stored: store.items.length, message: `${sentence(report.message)} But writing the store failed (${(error as Error).message}); the file it was writing is as it was before.` };
    }
  };
  switch (result.kind) {
    case 'fresh':
      return saved({ ...store.state, lastAttempt: attempt, lastOutcome: 'fresh' }, {
        ...base, outcome: 'fresh',
        message: `not fetched: the stored copy is fresh until ${result.until.toISOString()} by the feed's own headers (${result.because}; we honour at most ${maxFreshnessMs / 3_600_000} h)`,
      });
    case 'not-modified':
      return saved({ ...store.state, lastAttempt: attempt, lastSuccess: attempt, lastOutcome: 'not-modified', status: 304, lastError: undefined, retryAfter: undefined, cache: result.cache }, {
        ...base, outcome: 'not-modified', status: 304, message: `304 Not Modified: nothing new.${moved(result.movedTo)}`,
      });
    case 'failed':
      return saved({ ...store.state, lastAttempt: attempt, lastOutcome: 'failed', lastError: result.reason, status: result.status, retryAfter: result.retryAfter?.toISOString() }, {
        ...base, outcome: 'failed', ...(result.status && { status: result.status }), message: `${result.reason}; ${keeping}`,
      });
    case 'ok': {
      const reading = readFeed(result.body, result.contentType);
      if (!reading.ok) {
        const advertised = reading.kind === 'html' ? advertisedFeed(reading.text, result.url) : undefined;
        const reason = `the response ${reading.reason}${advertised ? ` (the page advertises a feed at ${advertised}: use that URL)` : ''}`;
        return saved({ ...store.state, lastAttempt: attempt, lastOutcome: 'failed', lastError: reason, status: result.status, retryAfter: undefined }, {
          ...base, outcome: 'failed', status: result.status, message: `${reason}; ${keeping}`,
        });
      }
      const stored = new Map(store.items.map((item) => [item.key, item]));
      const { items, skipped, warnings } = normaliseEntries(reading.feed, {
        source, feedUrl: result.url, idAuthority: options.config.idAuthority, now, futureAllowanceHours: options.config.futureAllowanceHours, stored,
        firstSeen: { index, count: options.sources.length, taken },
      });
      const merged = mergeItems(store, items, source.keep);
      const counts = { ...merged.counts, inFeed: reading.feed.entries.length };
      return saved({ lastAttempt: attempt, lastSuccess: attempt, lastOutcome: 'updated', status: result.status, itemsInFeed: reading.feed.entries.length, cache: result.cache }, {
        ...base, outcome: 'updated', status: result.status, counts, skipped, stored: merged.items.length,
        warnings: [...storeWarnings, ...reading.warnings, ...warnings.map((w) => `entry ${w.position} "${w.title}": ${w.message}`)],
        message: `${sentence(describeCounts(counts, skipped, source.keep))}${moved(result.movedTo)}`,
      }, merged.items, merged.removed);
    }
  }
}

function describeCounts(counts: MergeCounts & { inFeed: number }, skipped: readonly SkippedEntry[], keep: number | undefined): string {
  const parts = [`${counts.inFeed} in the feed: ${counts.added} new, ${counts.updated} updated, ${counts.unchanged} unchanged`];
  if (counts.kept > 0) parts.push(`${counts.kept} no longer in the feed, kept`);
  if (counts.dropped.length > 0) parts.push(`${counts.dropped.length} oldest removed to keep the store to ${keep} (${counts.dropped.map((d) => d.title).join('; ')})`);
  if (counts.leftOut > 0) parts.push(`${counts.leftOut} left out, as removed earlier to keep the store to ${keep}`);
  if (skipped.length > 0) parts.push(`${skipped.length} skipped (${skipped.map((s) => `entry ${s.position} "${s.title}": ${s.reason}`).join('; ')})`);
  return parts.join('; ');
}

/** One line per source, for terminals and logs, then a line per warning. */
export function formatSourceReport(report: SourceReport): string {
  const marks: Record<FetchOutcome, string> = { updated: '✓', 'not-modified': '=', fresh: '=', waiting: '…', disabled: '-', failed: '✗' };
  return [`${marks[report.outcome]} ${report.source}: ${report.message} (${report.stored} stored)`, ...report.warnings.map((w) => `    warning: ${w}`)].join('\n');
}

/** The closing line of a fetch: sources fine, waiting (asked us to come back later) and failed. */
export function formatFetchSummary(reports: readonly SourceReport[]): string {
  const waiting = reports.filter((r) => r.outcome === 'waiting').length;
  const failed = reports.filter((r) => r.outcome === 'failed').length;
  return `${reports.length - waiting - failed} of ${reports.length} sources fine, ${waiting} waiting, ${failed} failed.`;
}
