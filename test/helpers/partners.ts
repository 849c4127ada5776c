/** Shared set-up for the partner feed tests: sources on the test host, a fresh store, exact expected records. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../../lib/config.ts';
import type { PartnerSource } from '../../lib/partners/config.ts';
import { fetchPartners, type SourceReport } from '../../lib/partners/fetch.ts';
import type { HttpLimits } from '../../lib/partners/http.ts';
import { readStore, type StoredItem } from '../../lib/partners/store.ts';
import { testConfigInput } from './content.ts';
import { startFeedServer, type FeedServer } from './feed-server.ts';

export const config = resolveConfig(testConfigInput);
export const now = new Date('2026-11-25T08:00:00Z');
export const limits: HttpLimits = { timeoutMs: 1000, maxBytes: 100_000, maxRedirects: 5, userAgent: '3ML-News/test (+https://news.example.org/about/)' };

export function source(server: FeedServer, name: string, route: string, extra: Partial<PartnerSource> = {}): PartnerSource {
  return {
    name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), url: route.startsWith('http') ? route : server.url + route,
    stream: 'industry', organisation: `${name} Ltd`, homepage: 'https://partner.example.org/', enabled: true, ...extra,
  };
}

export function fetchInto(storeDir: string, sources: PartnerSource[], at = now, concurrency = 3): Promise<SourceReport[]> {
  return fetchPartners({ sources, storeDir, config, now: at, fetch: offlineFetch, concurrency, limits });
}

/**
 * Node's fetch, except that names under the reserved `.invalid` domain fail as
 * undici fails a lookup of a name that does not exist, without asking DNS: tests never leave the machine.
 */
const offlineFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname.endsWith('.invalid')) {
    const lookup = Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND', hostname: url.hostname });
    return Promise.reject(new TypeError('fetch failed', { cause: lookup }));
  }
  return fetch(input, init);
};

export function stored(storeDir: string, slug: string): StoredItem[] {
  return [...readStore(storeDir, slug, slug).store.items];
}

/** Reports as plain tuples, for whole-line comparison. */
export function lines(reports: readonly SourceReport[]): [string, string, number | null, string, readonly string[]][] {
  return reports.map((r) => [r.source, r.outcome, r.status ?? null, r.message, r.warnings]);
}

/** The ETag the test host sends for a fixture. */
export function etagOf(fixture: string | Buffer): string {
  const body = typeof fixture === 'string' ? readFileSync(path.join('test/fixtures/remote', fixture)) : fixture;
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
}

/**
 * A whole stored record as it must be: the id derived independently (the partner's key
 * hashed under the source's slug and first-seen day), empty authors and first seen at
 * `now` unless given.
 */
export function record(slug: string, fields: Omit<StoredItem, 'id' | 'firstSeen' | 'authors' | 'publishedFrom'> & Partial<StoredItem>): StoredItem {
  const firstSeen = fields.firstSeen ?? now.toISOString().replace('.000Z', 'Z');
  const hash = createHash('sha256').update(fields.key).digest('hex').slice(0, 16);
  const result: StoredItem = {
    key: fields.key, id: fields.id ?? `tag:3millionlives.co.uk,${firstSeen.slice(0, 10)}:partners/${slug}/${hash}`,
    title: fields.title, link: fields.link, published: fields.published, publishedFrom: fields.publishedFrom ?? 'feed',
    ...(fields.updated !== undefined && { updated: fields.updated }), firstSeen, authors: fields.authors ?? [], summaryHtml: fields.summaryHtml,
  };
  return result;
}

/** Each test gets its own feed host and store folder, and closes them whatever happens. */
export async function withHost(test: (server: FeedServer, storeDir: string) => Promise<void>): Promise<void> {
  const server = await startFeedServer();
  const storeDir = mkdtempSync(path.join(tmpdir(), '3ml-store-'));
  try {
    await test(server, storeDir);
  } finally {
    await server.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}
