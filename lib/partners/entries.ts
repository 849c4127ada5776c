/**
 * A partner feed's entries made safe and uniform for the store: titles as plain text,
 * summaries on the small allowlist and short (we link to partners' news, we do not
 * republish it), links absolute, dates read from whatever format the feed used, and an
 * entry without a usable date given the moment it was first seen.
 */
import { createHash } from 'node:crypto';
import { htmlToText, looksLikeHtml } from '../html-text.ts';
import { sanitiseSummary } from '../sanitise.ts';
import { collapseSpace, cutAtWord, escapeHtmlText, removeUnwantedChars } from '../text.ts';
import { absoluteUrl, isHttpUrl } from '../urls.ts';
import type { PartnerSource } from './config.ts';
import { parseFeedDate } from './feed-dates.ts';
import type { ParsedFeed, PartnerText } from './parse.ts';
import type { StoredItem } from './store.ts';

/** Longest summary text kept from a partner, in characters; longer ones are cut at a word. */
export const summaryLimit = 400;

export interface EntryContext {
  readonly source: PartnerSource;
  /** The URL the feed was fetched from (after redirects), for resolving relative links. */
  readonly feedUrl: string;
  readonly idAuthority: string;
  readonly now: Date;
  /** A date further ahead of `now` than this is a mistake, not news from the future. */
  readonly futureAllowanceHours: number;
  /** Items already stored, by key: their ids and first-seen times are kept. */
  readonly stored: ReadonlyMap<string, StoredItem>;
  /**
   * First-seen times for new undated entries: this source's lane among all sources of the
   * fetch (`index` of `count`), and the seconds already taken in any store.
   */
  readonly firstSeen: { readonly index: number; readonly count: number; readonly taken: ReadonlySet<number> };
}

/** An entry left out of the store, and why (these are reported, never dropped silently). */
export interface SkippedEntry {
  readonly position: number;
  readonly title: string;
  readonly reason: string;
}

/** Something about a kept entry that the partner should know (an unusable date). */
export interface EntryWarning {
  readonly position: number;
  readonly title: string;
  readonly message: string;
}

export function normaliseEntries(feed: ParsedFeed, context: EntryContext): { items: StoredItem[]; skipped: SkippedEntry[]; warnings: EntryWarning[] } {
  const items: StoredItem[] = [];
  const skipped: SkippedEntry[] = [];
  const warnings: EntryWarning[] = [];
  const keys = new Set<string>();
  const base = feed.link && isHttpUrl(feed.link) ? feed.link : context.feedUrl;
  const nextFirstSeen = firstSeenTimes(context);
  feed.entries.forEach((entry, index) => {
    const position = index + 1;
    const link = resolveLink(entry.link, base);
    const summaryHtml = cleanSummary(entry.summary, (href) => resolveLink(href, link ?? base));
    const title = plainText(entry.title ?? { value: '', type: 'text' }) || cutAtWord(htmlToText(summaryHtml), 80);
    const skip = (reason: string): void => void skipped.push({ position, title: title || '(untitled)', reason });
    if (link === undefined) return skip(entry.link ? `its link "${entry.link}" is not an http(s) address` : 'it has no link to the original');
    if (title === '') return skip('it has neither a title nor a summary');
    const key = removeUnwantedChars(entry.guid?.trim() || link);
    if (keys.has(key)) return skip(`it repeats the id of an earlier entry (${key})`);
    keys.add(key);
    const stored = context.stored.get(key);
    const firstSeen = stored?.firstSeen ?? iso(context.now.getTime());
    const warn = (message: string): void => void warnings.push({ position, title, message });
    const dates = readDates(entry.published, entry.updated, context, warn);
    const published = dates.published ?? (stored?.published ? Date.parse(stored.published) : nextFirstSeen());
    items.push({
      key,
      id: stored?.id ?? partnerItemId(context.idAuthority, firstSeen, context.source.slug, key),
      title,
      link,
      summaryHtml,
      published: iso(published),
      publishedFrom: dates.published !== undefined ? 'feed' : 'first-seen',
      ...(dates.updated !== undefined && dates.published !== undefined && dates.updated > dates.published && { updated: iso(dates.updated) }),
      authors: entry.authors.map((name) => plainText({ value: name, type: 'text' })).filter(Boolean),
      firstSeen,
    });
  });
  return { items, skipped, warnings };
}

/**
 * An entry's dates as instants. One that cannot be used (not a date, an impossible day,
 * an unknown or ambiguous zone, too far in the future) is reported and left out: the
 * updated date stands in for the published one, else the time the entry was first seen.
 */
function readDates(published: string | undefined, updated: string | undefined, context: EntryContext, warn: (message: string) => void): { published?: number; updated?: number } {
  const read = (text: string | undefined): { at?: number; problem?: string } => (text === undefined || text.trim() === '' ? {} : checkPartnerDate(text, { now: context.now, hours: context.futureAllowanceHours, of: 'the time of the fetch' }));
  const first = read(published);
  const last = read(updated);
  const at = first.at ?? last.at;
  if (first.problem) warn(`its date "${published?.trim()}" cannot be used (${first.problem}), so ${last.at !== undefined ? 'its updated date' : 'the time it was first seen'} stands in for it`);
  if (last.problem) warn(`its updated date "${updated?.trim()}" cannot be used (${last.problem}), so it is left out`);
  return { ...(at !== undefined && { published: at }), ...(last.at !== undefined && { updated: last.at }) };
}

/** No feed is older than the web: an earlier date is a system's zero date (1 January 1970), and the W3C validator calls it implausible. */
const earliestDate = Date.UTC(1990, 0, 1);

/**
 * A partner's date as an instant, read as feed readers read dates, or why it cannot be
 * used: not a date, an impossible day, before 1990, or more than `ahead.hours` after
 * `ahead.now` (`ahead.of` names that moment for people: the time of the fetch, of a read).
 */
export function checkPartnerDate(text: string, ahead?: { readonly now: Date; readonly hours: number; readonly of: string }): { at: number; problem?: undefined } | { at?: undefined; problem: string } {
  const reading = parseFeedDate(text);
  if (!reading.ok) return { problem: reading.reason };
  if (reading.epochMs < earliestDate) return { problem: 'it is before 1990, older than any feed: most likely a system\'s zero date' };
  if (ahead && reading.epochMs > ahead.now.getTime() + ahead.hours * 3_600_000) return { problem: `it is more than ${ahead.hours} hours after ${ahead.of}` };
  return { at: reading.epochMs };
}

/**
 * Distinct first-seen times for new undated entries, deterministically: the fetch's
 * moment, then a second earlier for each further entry, each source taking every
 * `count`-th second from its own offset (so sources fetched at once never collide,
 * whatever order they finish in), skipping seconds any stored item already has.
 */
function firstSeenTimes(context: EntryContext): () => number {
  const { index, count, taken } = context.firstSeen;
  const start = Math.floor(context.now.getTime() / 1000) - index;
  let step = 0;
  return () => {
    let second = start - step * count;
    while (taken.has(second)) second = start - ++step * count;
    step++;
    return second * 1000;
  };
}

/** `tag:3millionlives.co.uk,2026-11-25:partners/<source>/<hash of the partner's id>` */
export function partnerItemId(authority: string, firstSeen: string, sourceSlug: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `tag:${authority},${firstSeen.slice(0, 10)}:partners/${sourceSlug}/${hash}`;
}

/** A link as the store keeps it: absolute against `base`, and http(s), else undefined. */
export function resolveLink(href: string | undefined, base: string): string | undefined {
  if (href === undefined) return undefined;
  const url = absoluteUrl(removeUnwantedChars(href), base);
  return url !== undefined && isHttpUrl(url) ? url : undefined;
}

/**
 * Plain text, as titles and names are kept: HTML reduced to its text (entities decoded
 * once), text as it is, on one line. Text that still reads as HTML by feedparser's test
 * (a closing tag or an entity, all of them known) is read as HTML again, so that no title
 * carries markup: a partner's double-escaped title is shown as its text, and a store
 * title holding markup is told apart from one a fetch wrote.
 */
export function plainText(text: PartnerText): string {
  let plain = collapseSpace(removeUnwantedChars(text.type === 'html' ? htmlToText(text.value) : text.value));
  while (looksLikeHtml(plain)) {
    const reread = collapseSpace(removeUnwantedChars(htmlToText(plain)));
    // Reading HTML as text shortens it; text it cannot shorten is text.
    if (reread.length >= plain.length) break;
    plain = reread;
  }
  return plain;
}

/** The summary on the small allowlist, links resolved with `resolve`; when long, its text cut at a word, as one paragraph. */
export function cleanSummary(summary: PartnerText | undefined, resolve: (url: string) => string | undefined): string {
  if (summary === undefined) return '';
  const html = summary.type === 'html' ? summary.value : `<p>${escapeHtmlText(summary.value)}</p>`;
  const clean = sanitiseSummary(removeUnwantedChars(html), resolve).trim();
  const text = htmlToText(clean);
  // Cut only when long: a short summary keeps its own markup.
  if (text.length > summaryLimit) return `<p>${escapeHtmlText(cutAtWord(text, summaryLimit))}</p>`;
  return clean === '' || clean.startsWith('<') ? clean : `<p>${clean}</p>`;
}

function iso(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
