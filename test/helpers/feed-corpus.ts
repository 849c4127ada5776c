/**
 * The public feed corpus in test/fixtures/feed-corpus (see its README): third-party test
 * feeds, each beside its golden `<file>.expected.json`, which holds what we read from
 * the file and what feedparser read from it, for comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../../lib/config.ts';
import type { PartnerSource } from '../../lib/partners/config.ts';
import { normaliseEntries } from '../../lib/partners/entries.ts';
import { parseFeedDate } from '../../lib/partners/feed-dates.ts';
import { readFeed, type PartnerEntry } from '../../lib/partners/parse.ts';
import { plainText } from '../../lib/partners/entries.ts';
import { testConfigInput } from './content.ts';

export const corpusDir = 'test/fixtures/feed-corpus';

/** What a file comes to: its format, title, entries and first entry, and how many entries the store keeps; or why it is refused. */
export type CorpusReading =
  | {
    readonly format: string;
    readonly title: string | null;
    readonly entries: number;
    readonly first: { readonly title: string | null; readonly link: string | null; readonly date: string | null } | null;
    readonly kept: number;
    readonly warnings: readonly string[];
  }
  | { readonly refused: string; readonly reason: string };

/** What Debian's feedparser read from the file, recorded when the golden was made. */
export interface FeedparserReading {
  readonly bozo: boolean;
  readonly version: string;
  readonly entries: number;
  readonly title: string | null;
  readonly first: { readonly title: string | null; readonly titleType: string | null; readonly link: string | null; readonly date: string | null } | null;
}

/** Ways our reading and feedparser's differ on purpose: `refused`, `entries`, `title`, `link` or `date`, each with why. */
export type Differences = Partial<Record<'refused' | 'entries' | 'title' | 'link' | 'date', string>>;

export interface Golden {
  /** Where the file comes from: its repository and path there. */
  readonly from: string;
  /** The Content-Type it is served with, from its own `Header:` comment; none when it has none. */
  readonly contentType: string | null;
  readonly expected: CorpusReading;
  readonly feedparser: FeedparserReading;
  readonly differences?: Differences;
}

/** Every feed file of the corpus, as paths relative to it, in order. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/^(LICENSE|README)/.test(entry.name) && !entry.name.endsWith('.expected.json'))
    .map((entry) => path.relative(corpusDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function readGolden(file: string): Golden {
  return JSON.parse(readFileSync(path.join(corpusDir, `${file}.expected.json`), 'utf8')) as Golden;
}

/** The Content-Type a feedparser test file asks to be served with (`Header: Content-type: …`), read through any encoding's NUL bytes. */
export function declaredContentType(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4000)).toString('latin1').replace(/\0/g, '');
  return /^\s*Header:\s*Content-type:\s*(.+?)\s*$/im.exec(head)?.[1] ?? null;
}

const config = resolveConfig(testConfigInput);
const now = new Date('2026-11-25T08:00:00Z');
const source: PartnerSource = { name: 'Corpus', slug: 'corpus', url: 'https://partner.example.org/feed', stream: 'industry', organisation: 'Corpus', homepage: 'https://partner.example.org/', enabled: true };

/** What we read from a corpus file, as its golden records it. */
export function corpusReading(bytes: Uint8Array, contentType: string | null): CorpusReading {
  const reading = readFeed(bytes, contentType ?? undefined);
  if (!reading.ok) return { refused: reading.kind, reason: reading.reason };
  const { feed } = reading;
  const first = feed.entries[0];
  const kept = normaliseEntries(feed, {
    source, feedUrl: source.url, idAuthority: config.idAuthority, now, futureAllowanceHours: config.futureAllowanceHours, stored: new Map(), firstSeen: { index: 0, count: 1, taken: new Set() },
  });
  return {
    format: feed.format,
    title: feed.title === undefined ? null : plainText({ value: feed.title, type: 'text' }),
    entries: feed.entries.length,
    first: first === undefined ? null : { title: first.title === undefined ? null : plainText(first.title), link: first.link ?? null, date: dateOf(first) },
    kept: kept.items.length,
    warnings: reading.warnings,
  };
}

/** The entry's date as an instant (published, else updated), or why it cannot be used. */
function dateOf(entry: PartnerEntry): string | null {
  const text = entry.published ?? entry.updated;
  if (text === undefined) return null;
  const date = parseFeedDate(text);
  return date.ok ? new Date(date.epochMs).toISOString().replace('.000Z', 'Z') : `unusable: ${date.reason}`;
}

/**
 * Where our reading and feedparser's differ without a reason in the golden's
 * `differences`. Compared only where feedparser read well-formed XML as a feed it knows:
 * what it reads of other XML is a guess, and Debian's feedparser 6.0 reads no JSON Feed.
 */
export function disagreements({ expected, feedparser, differences = {} }: Golden): string[] {
  const found: string[] = [];
  const compare = (field: keyof Differences, ours: unknown, theirs: unknown) => {
    const same = JSON.stringify(ours) === JSON.stringify(theirs);
    if (!same && differences[field] === undefined) found.push(`${field}: we read ${JSON.stringify(ours)}, feedparser ${JSON.stringify(theirs)}`);
    // An explanation of a difference there no longer is would mislead.
    if (same && differences[field] !== undefined) found.push(`${field}: we both read ${JSON.stringify(ours)}, yet the golden explains a difference`);
  };
  if (feedparser.bozo || feedparser.version === '') return found;
  compare('refused', 'refused' in expected ? `refused: ${expected.reason}` : `read as ${feedparser.version}`, `read as ${feedparser.version}`);
  if ('refused' in expected) return found;
  compare('entries', expected.entries, feedparser.entries);
  const [ours, theirs] = [expected.first, feedparser.first];
  if (ours === null || theirs === null) return found;
  const html = ['text/html', 'application/xhtml+xml'].includes(theirs.titleType ?? '');
  compare('title', ours.title ?? '', plainText({ value: theirs.title ?? '', type: html ? 'html' : 'text' }));
  // feedparser says "" where it found no link.
  compare('link', ours.link, theirs.link || null);
  compare('date', ours.date, theirs.date);
  return found;
}
