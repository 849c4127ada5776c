/**
 * A partner feed's entries made safe and uniform for the store: titles as plain text,
 * summaries on the small allowlist and short (we link to partners' news, we do not
 * republish it), links absolute, dates read from whatever format the feed used, and an
 * undated entry given the moment it was first seen.
 */
import { createHash } from 'node:crypto';
import { parseFeedDate } from '../dates.ts';
import { collapseSpace, htmlToText, sanitiseSummary } from '../sanitise.ts';
import { cutAtWord, escapeHtmlText, removeUnwantedChars } from '../text.ts';
import { absoluteUrl, isHttpUrl } from '../urls.ts';
import type { PartnerSource } from './config.ts';
import type { ParsedFeed } from './parse.ts';
import type { StoredItem } from './store.ts';

/** Longest summary text kept from a partner, in characters; longer ones are cut at a word. */
export const summaryLimit = 400;

export interface EntryContext {
  readonly source: PartnerSource;
  /** The URL the feed was fetched from (after redirects), for resolving relative links. */
  readonly feedUrl: string;
  readonly idAuthority: string;
  readonly now: Date;
  /** Items already stored, by key: their ids and first-seen times are kept. */
  readonly stored: ReadonlyMap<string, StoredItem>;
}

/** An entry left out of the store, and why (these are reported, never dropped silently). */
export interface SkippedEntry {
  readonly position: number;
  readonly title: string;
  readonly reason: string;
}

export function normaliseEntries(feed: ParsedFeed, context: EntryContext): { items: StoredItem[]; skipped: SkippedEntry[] } {
  const items: StoredItem[] = [];
  const skipped: SkippedEntry[] = [];
  const keys = new Set<string>();
  const base = feed.link && isHttpUrl(feed.link) ? feed.link : context.feedUrl;
  let undated = 0;
  feed.entries.forEach((entry, index) => {
    const position = index + 1;
    const link = resolveLink(entry.link, base);
    const summaryHtml = summarise(entry.summary ?? '', (href) => resolveLink(href, link ?? base));
    const title = plain(entry.title ?? '') || collapseSpace(htmlToText(summaryHtml)).slice(0, 80);
    const skip = (reason: string): void => void skipped.push({ position, title: title || '(untitled)', reason });
    if (link === undefined) return skip(entry.link ? `its link "${entry.link}" is not an http(s) address` : 'it has no link to the original');
    if (title === '') return skip('it has neither a title nor a summary');
    const key = removeUnwantedChars(entry.guid?.trim() || link);
    if (keys.has(key)) return skip(`it repeats the id of an earlier entry (${key})`);
    keys.add(key);
    const stored = context.stored.get(key);
    const firstSeen = stored?.firstSeen ?? iso(context.now.getTime());
    const published = parseFeedDate(entry.published) ?? parseFeedDate(entry.updated);
    const updated = parseFeedDate(entry.updated);
    // Undated entries keep the moment they were first seen; in one fetch, one second
    // apart in feed order, so no two share a timestamp.
    const publishedIso = published ? iso(published.epochMs) : stored?.published ?? iso(context.now.getTime() - 1000 * undated++);
    items.push({
      key,
      id: stored?.id ?? partnerItemId(context.idAuthority, firstSeen, context.source.slug, key),
      title,
      link,
      summaryHtml,
      published: publishedIso,
      publishedFrom: published ? 'feed' : 'first-seen',
      ...(updated && published && updated.epochMs > published.epochMs && { updated: iso(updated.epochMs) }),
      authors: entry.authors.map(plain).filter(Boolean),
      firstSeen,
    });
  });
  return { items, skipped };
}

/** `tag:3millionlives.co.uk,2026-11-25:partners/<source>/<hash of the partner's id>` */
export function partnerItemId(authority: string, firstSeen: string, sourceSlug: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `tag:${authority},${firstSeen.slice(0, 10)}:partners/${sourceSlug}/${hash}`;
}

function resolveLink(href: string | undefined, base: string): string | undefined {
  if (href === undefined) return undefined;
  const url = absoluteUrl(removeUnwantedChars(href), base);
  return url !== undefined && isHttpUrl(url) ? url : undefined;
}

function plain(text: string): string {
  return collapseSpace(htmlToText(removeUnwantedChars(text)));
}

/** The summary on the small allowlist; when long, its text cut at a word, as one paragraph. */
function summarise(html: string, resolve: (url: string) => string | undefined): string {
  const clean = sanitiseSummary(removeUnwantedChars(html), resolve).trim();
  const text = collapseSpace(htmlToText(clean));
  if (text.length > summaryLimit) return `<p>${escapeHtmlText(cutAtWord(text, summaryLimit))}</p>`;
  return clean === '' || clean.startsWith('<') ? clean : `<p>${clean}</p>`;
}

function iso(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
