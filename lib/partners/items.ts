/**
 * The store as the build reads it (never the network): each source's stored items as
 * `NewsItem`s in the source's stream, crediting the source, and each source's health.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { NewsConfig } from '../config.ts';
import type { Merge } from '../dedupe.ts';
import { newsDateAt } from '../dates.ts';
import type { FeedSource, NewsItem } from '../model.ts';
import type { Problem } from '../problems.ts';
import { htmlToText } from '../html-text.ts';
import { slugify } from '../slug.ts';
import { cutAtWord, escapeHtmlText } from '../text.ts';
import type { PartnerSource } from './config.ts';
import { storeChecks } from './store-check.ts';
import { readStore, storeFile, type SourceState, type StoredItem } from './store.ts';

/** A source's state, for `npm run sources` and the site's source-health page. */
export interface SourceHealth {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
  readonly homepage: string;
  readonly organisation: string;
  readonly stream: string;
  readonly enabled: boolean;
  readonly lastAttempt?: string;
  /** What the last attempt came to; `fresh` means no request was needed. */
  readonly lastOutcome?: SourceState['lastOutcome'];
  readonly lastSuccess?: string;
  readonly status?: number;
  readonly lastError?: string;
  readonly retryAfter?: string;
  /** Items in the store, all published. */
  readonly items: number;
  /** Enabled, and no successful fetch in the week before `now` (the build's moment). */
  readonly stale: boolean;
  /** Its items that told the same story as another item and were merged into it (counted by the build). */
  readonly merged: number;
}

/** How long a source may go without a successful fetch before it is stale. */
const staleAfterMs = 7 * 24 * 3_600_000;

/**
 * Enabled, and no fetch of it was ever attempted: a fresh clone's sources, whose state is
 * kept out of git, or a source just added. Stale too, but it is told apart, since "not
 * fetched for a week" would be wrong of it.
 */
export function neverFetched(source: SourceHealth): boolean {
  return source.enabled && source.lastAttempt === undefined;
}

/** Each source's items and health, from the store; `now` is the moment staleness is measured at. */
export function readPartnerItems(sources: readonly PartnerSource[], storeDir: string, config: NewsConfig, now: Date): { items: NewsItem[]; health: SourceHealth[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const checks = storeChecks(now, config.futureAllowanceHours);
  const stores = sources.map((source) => {
    const read = readStore(storeDir, source.slug, source.name, checks);
    problems.push(...read.problems);
    return { source, store: read.store };
  });
  problems.push(...orphanStores(storeDir, sources));
  const items = stores.flatMap(({ source, store }) => store.items.map((item) => toNewsItem(item, source, config)));
  const health = stores.map(({ source, store }): SourceHealth => {
    const { lastAttempt, lastOutcome, lastSuccess, status, lastError, retryAfter } = store.state;
    return {
      name: source.name, slug: source.slug, url: source.url, homepage: source.homepage, organisation: source.organisation, stream: source.stream, enabled: source.enabled,
      ...(lastAttempt && { lastAttempt }), ...(lastOutcome && { lastOutcome }), ...(lastSuccess && { lastSuccess }), ...(status && { status }), ...(lastError && { lastError }), ...(retryAfter && { retryAfter }),
      items: store.items.length,
      stale: source.enabled && (lastSuccess === undefined || now.getTime() - Date.parse(lastSuccess) > staleAfterMs),
      merged: 0,
    };
  });
  return { items, health, problems };
}

/** A stored partner item, as `readStore` checked it, in the stream: it links to the original and is credited to its source. */
export function toNewsItem(stored: StoredItem, source: PartnerSource, config: NewsConfig): NewsItem {
  const { timeZone, language } = config.site;
  const published = newsDateAt(Date.parse(stored.published), timeZone, language);
  const updated = stored.updated ? newsDateAt(Date.parse(stored.updated), timeZone, language) : undefined;
  const firstSeen = newsDateAt(Date.parse(stored.firstSeen), timeZone, language);
  const origin: FeedSource = { kind: 'feed', name: source.name, url: source.url, organisation: source.organisation, homepage: source.homepage };
  const summary = cutAtWord(htmlToText(stored.summaryHtml), config.summaryLength);
  const readOn = `<p><a href="${escapeHtmlText(stored.link)}">Read the full story from ${escapeHtmlText(source.organisation)}</a></p>`;
  return {
    id: stored.id,
    title: stored.title,
    slug: slugify(stored.title) || 'item',
    url: stored.link,
    link: stored.link,
    date: published,
    ...(updated && updated.epochMs > published.epochMs && { updated }),
    ...(firstSeen.epochMs > published.epochMs && { entered: firstSeen }),
    homeStream: source.stream,
    streams: [source.stream],
    summary,
    contentHtml: `${stored.summaryHtml}\n${readOn}`,
    tags: [],
    // An item without named authors is credited to the organisation that published it.
    authors: stored.authors.length > 0 ? stored.authors.map((name) => ({ name })) : [{ name: source.organisation, url: source.homepage }],
    organisation: source.organisation,
    attachments: [],
    draft: false,
    sources: [origin],
  };
}

/** The health of each source with the number of its items merged into others. */
export function withMergeCounts(health: readonly SourceHealth[], merges: readonly Merge[]): SourceHealth[] {
  return health.map((source) => ({ ...source, merged: merges.filter((merge) => merge.from.includes(source.name)).length }));
}

/** Store files whose source is no longer configured: reported, because their items are not published. */
function orphanStores(storeDir: string, sources: readonly PartnerSource[]): Problem[] {
  let files: string[];
  try {
    files = readdirSync(storeDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const known = new Set(sources.map((s) => path.basename(storeFile(storeDir, s.slug))));
  return files.filter((name) => !known.has(name)).map((name) => ({
    severity: 'warning', file: path.join(storeDir, name), field: 'store',
    message: 'belongs to no source in sources.yaml, so its items are not published',
    hint: 'add the source back to sources.yaml (a renamed source keeps its store with id: and the file\'s name), or delete the file and its state/ file if the partner asked to be removed',
  }));
}
