/**
 * One polite, bounded HTTP exchange for a partner feed: conditional requests and
 * freshness from the last response's cache policy (http-cache-semantics, the only
 * importer), a timeout over the whole exchange, a cap on the body, redirects followed
 * by hand so that they are counted and loops are caught, compressed bodies (fetch
 * decompresses them), and a User-Agent that says who we are.
 */
import CachePolicy from 'http-cache-semantics';

export interface HttpLimits {
  /** The whole exchange, body included. */
  readonly timeoutMs: number;
  /** The body after decompression. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
}

export type HttpResult =
  /** The last response is still fresh by its own Cache-Control: no request was made. */
  | { readonly kind: 'fresh'; readonly until: Date }
  | { readonly kind: 'not-modified'; readonly status: 304; readonly cache?: Record<string, unknown>; readonly movedTo?: string }
  | { readonly kind: 'ok'; readonly status: number; readonly body: Uint8Array; readonly contentType: string; readonly url: string; readonly cache?: Record<string, unknown>; readonly movedTo?: string }
  | { readonly kind: 'failed'; readonly status?: number; readonly reason: string; readonly retryAfter?: Date };

const accept = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.1';

/** Fetches `url`, revalidating against `cache` (the stored policy of the last response). */
export async function fetchFeed(url: string, cache: Record<string, unknown> | undefined, limits: HttpLimits, fetchImpl: typeof fetch, now: Date): Promise<HttpResult> {
  const request = { url, method: 'GET', headers: { accept, 'user-agent': limits.userAgent } };
  const previous = cache ? CachePolicy.fromObject(cache as unknown as CachePolicy.CachePolicyObject) : undefined;
  if (previous && previous.satisfiesWithoutRevalidation(request) && previous.timeToLive() > 0) {
    return { kind: 'fresh', until: new Date(now.getTime() + previous.timeToLive()) };
  }
  const headers = previous ? (previous.revalidationHeaders(request) as Record<string, string>) : request.headers;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const { response, finalUrl, movedTo } = await follow(url, headers, limits, fetchImpl, signal);
    const responseHeaders = Object.fromEntries(response.headers);
    const policyResponse = { status: response.status, headers: responseHeaders };
    // The policy is kept against the configured URL, so the next request revalidates
    // even when the feed answers from behind a redirect.
    const finalRequest = request;
    if (response.status === 304) {
      const revalidated = previous?.revalidatedPolicy(finalRequest, policyResponse).policy;
      return { kind: 'not-modified', status: 304, ...(revalidated?.storable() && { cache: revalidated.toObject() as unknown as Record<string, unknown> }), ...(movedTo && { movedTo }) };
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel();
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
      const wait = retryAfter ? `; the partner asks us to wait until ${retryAfter.toISOString()}` : '';
      return { kind: 'failed', status: response.status, reason: `${response.status} ${response.statusText || 'Too Many Requests'}${wait}`, ...(retryAfter && { retryAfter }) };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'failed', status: response.status, reason: `${response.status} ${response.statusText}`.trim() };
    }
    const body = await readLimited(response, limits.maxBytes);
    if (body === undefined) return { kind: 'failed', status: response.status, reason: `the body is larger than the ${formatBytes(limits.maxBytes)} limit` };
    const policy = new CachePolicy(finalRequest, policyResponse, { shared: false });
    return {
      kind: 'ok', status: response.status, body, contentType: response.headers.get('content-type') ?? '', url: finalUrl,
      ...(policy.storable() && { cache: policy.toObject() as unknown as Record<string, unknown> }), ...(movedTo && { movedTo }),
    };
  } catch (error) {
    return { kind: 'failed', reason: describeNetworkError(error, limits) };
  }
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

/** Retry-After as seconds or as an HTTP date. */
function parseRetryAfter(value: string | null, now: Date): Date | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return new Date(now.getTime() + Number(value.trim()) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : new Date(date);
}

/** Network failures in words: what went wrong, as far as the error says. */
function describeNetworkError(error: unknown, limits: HttpLimits): string {
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
