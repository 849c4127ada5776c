/**
 * One polite, bounded HTTP exchange for a partner feed: conditional requests from the
 * last response's validators (ETag, Last-Modified); freshness from its Cache-Control or
 * Expires as http-cache-semantics reads them (the only importer), never guessed from
 * Last-Modified and never longer than a day; a timeout over the whole exchange; a cap on
 * the body after decompression; redirects followed by hand so that they are counted and
 * loops are caught; gzip, deflate and brotli (fetch decompresses them); and a User-Agent
 * that says who we are.
 */
import CachePolicy from 'http-cache-semantics';
import type { CacheState } from './store.ts';

export interface HttpLimits {
  /** The whole exchange, body included. */
  readonly timeoutMs: number;
  /** The body after decompression. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
}

/**
 * The longest a partner's Cache-Control max-age or Expires keeps us from asking again:
 * a feed that says "fresh for a year" is still fetched daily.
 */
export const maxFreshnessMs = 24 * 3_600_000;

/** The longest a Retry-After keeps us away: `Retry-After: 2099` must not mean never again. */
export const maxRetryAfterMs = 7 * 24 * 3_600_000;

export type HttpResult =
  /** The last response is still fresh by its own Cache-Control or Expires: no request was made. */
  | { readonly kind: 'fresh'; readonly until: Date; readonly because: string }
  | { readonly kind: 'not-modified'; readonly status: 304; readonly cache: CacheState; readonly movedTo?: string }
  | { readonly kind: 'ok'; readonly status: number; readonly body: Uint8Array; readonly contentType: string; readonly url: string; readonly cache: CacheState; readonly movedTo?: string }
  | { readonly kind: 'failed'; readonly status?: number; readonly reason: string; readonly retryAfter?: Date };

const accept = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.1';
/** Every encoding fetch decodes. */
const acceptEncoding = 'br, gzip, deflate';

/** Fetches `url`, revalidating against `cache` (what the last response said). */
export async function fetchFeed(url: string, cache: CacheState | undefined, limits: HttpLimits, fetchImpl: typeof fetch, now: Date): Promise<HttpResult> {
  if (cache?.freshUntil !== undefined && Date.parse(cache.freshUntil) > now.getTime()) {
    return { kind: 'fresh', until: new Date(cache.freshUntil), because: freshnessSource(cache) };
  }
  const headers: Record<string, string> = {
    accept, 'accept-encoding': acceptEncoding, 'user-agent': limits.userAgent,
    ...(cache?.etag !== undefined && { 'if-none-match': cache.etag }),
    ...(cache?.lastModified !== undefined && { 'if-modified-since': cache.lastModified }),
  };
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const { response, finalUrl, movedTo } = await follow(url, headers, limits, fetchImpl, signal);
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified', status: 304, cache: cacheState(url, response.headers, now, cache), ...(movedTo && { movedTo }) };
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel();
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
      return { kind: 'failed', status: response.status, reason: `${response.status} ${response.statusText || 'Too Many Requests'}${describeWait(retryAfter)}`, ...(retryAfter && { retryAfter: retryAfter.until }) };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'failed', status: response.status, reason: `${response.status} ${response.statusText}`.trim() };
    }
    const body = await readLimited(response, limits.maxBytes);
    if (body === undefined) return { kind: 'failed', status: response.status, reason: `the body is larger than the ${formatBytes(limits.maxBytes)} limit` };
    return {
      kind: 'ok', status: response.status, body, contentType: response.headers.get('content-type') ?? '', url: finalUrl,
      cache: cacheState(url, response.headers, now), ...(movedTo && { movedTo }),
    };
  } catch (error) {
    return { kind: 'failed', reason: describeNetworkError(error, limits) };
  }
}

/**
 * What a response says for next time: its validators, kept even when it may not be
 * stored (no-store), so that the next request is still conditional; and its freshness,
 * explicit only (no heuristic from Last-Modified) and capped at `maxFreshnessMs`. A 304
 * updates what the last 200 said, header by header (RFC 9111 §4.3.4).
 */
function cacheState(url: string, headers: Headers, now: Date, previous?: CacheState): CacheState {
  const header = (name: string, kept?: string) => headers.get(name) || kept;
  const state = {
    etag: header('etag', previous?.etag), lastModified: header('last-modified', previous?.lastModified),
    cacheControl: header('cache-control', previous?.cacheControl), expires: header('expires', previous?.expires),
  };
  const responseHeaders: Record<string, string> = {};
  for (const [name, value] of [['cache-control', state.cacheControl], ['expires', state.expires], ['date', header('date')]] as const) if (value !== undefined) responseHeaders[name] = value;
  const policy = new CachePolicy({ url, method: 'GET', headers: {} }, { status: 200, headers: responseHeaders }, { shared: false, cacheHeuristic: 0, immutableMinTimeToLive: 0 });
  // maxAge(), the freshness lifetime the headers give, not timeToLive(), which counts down with the real clock: `now` is the fetch's moment.
  const ttl = policy.storable() ? Math.min(policy.maxAge() * 1000, maxFreshnessMs) : 0;
  return withoutUndefined({ ...state, freshUntil: ttl > 0 ? new Date(now.getTime() + ttl).toISOString() : undefined });
}

/** The header that made the copy fresh, for the report. */
function freshnessSource(cache: CacheState): string {
  return cache.cacheControl !== undefined && /max-age/i.test(cache.cacheControl) ? `Cache-Control: ${cache.cacheControl}` : `Expires: ${cache.expires ?? '?'}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

class RedirectProblem extends Error {}

/** Follows up to `maxRedirects` redirects by hand, refusing loops and non-http(s) targets. */
async function follow(url: string, headers: Record<string, string>, limits: HttpLimits, fetchImpl: typeof fetch, signal: AbortSignal) {
  const visited = [url];
  let movedTo: string | undefined;
  let permanent = true;
  for (let current = url; ; ) {
    const response = await fetchImpl(current, { headers, redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || response.status === 304 || location === null) {
      return { response, finalUrl: current, ...(movedTo && permanent && { movedTo }) };
    }
    await response.body?.cancel();
    const next = new URL(location, current).href;
    if (!/^https?:/.test(next)) throw new RedirectProblem(`redirects to "${next}", which is not an http(s) address`);
    if (visited.includes(next)) throw new RedirectProblem(`redirects in a loop: ${[...visited, next].join(' → ')}`);
    if (visited.length > limits.maxRedirects) throw new RedirectProblem(`redirects more than ${limits.maxRedirects} times (${visited.join(' → ')} → …)`);
    permanent &&= response.status === 301 || response.status === 308;
    movedTo = next;
    visited.push(next);
    current = next;
  }
}

/** The body, or undefined as soon as it passes `maxBytes` (the rest is never read). */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes && response.headers.get('content-encoding') === null) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Retry-After as seconds or as an HTTP date, never more than `maxRetryAfterMs` away. */
export function parseRetryAfter(value: string | null, now: Date): { readonly until: Date; readonly asked: Date } | undefined {
  if (value === null) return undefined;
  const asked = /^\d+$/.test(value.trim()) ? now.getTime() + Number(value.trim()) * 1000 : Date.parse(value);
  if (Number.isNaN(asked)) return undefined;
  return { until: new Date(Math.min(asked, now.getTime() + maxRetryAfterMs)), asked: new Date(asked) };
}

function describeWait(retryAfter: { readonly until: Date; readonly asked: Date } | undefined): string {
  if (retryAfter === undefined) return '';
  if (retryAfter.until.getTime() === retryAfter.asked.getTime()) return `; the partner asks us to wait until ${retryAfter.until.toISOString()}`;
  return `; the partner asks us to wait until ${retryAfter.asked.toISOString()}, so we wait the longest we allow, until ${retryAfter.until.toISOString()}`;
}

/** Network failures in words: what went wrong, as far as the error says. */
export function describeNetworkError(error: unknown, limits: Pick<HttpLimits, 'timeoutMs'>): string {
  if (error instanceof RedirectProblem) return error.message;
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no complete answer within ${limits.timeoutMs / 1000} s (timed out)`;
  const code = errorCode(error);
  const reasons: Record<string, string> = {
    ENOTFOUND: 'the host name does not exist (DNS lookup failed)',
    EAI_AGAIN: 'the host name could not be looked up (DNS is not answering)',
    ECONNREFUSED: 'the connection was refused: nothing is listening at that address',
    ECONNRESET: 'the connection was reset by the server',
    EHOSTUNREACH: 'the host cannot be reached',
    ENETUNREACH: 'the network cannot be reached',
    UND_ERR_SOCKET: 'the connection closed before the answer was complete',
    UND_ERR_HEADERS_TIMEOUT: `no answer within ${limits.timeoutMs / 1000} s (timed out)`,
    UND_ERR_BODY_TIMEOUT: `no complete answer within ${limits.timeoutMs / 1000} s (timed out)`,
  };
  if (code && reasons[code]) return reasons[code];
  if (code?.startsWith('ERR_TLS') || /CERT|SSL/.test(code ?? '')) return `the secure connection failed (${code})`;
  return `the request failed: ${(error as Error)?.message ?? String(error)}${code ? ` (${code})` : ''}`;
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause;
  return cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
