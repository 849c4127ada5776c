/**
 * Telling a WebSub hub that feeds changed (W3C WebSub §6, https://www.w3.org/TR/websub/#publishing).
 * WebSub leaves how a publisher tells its hub to the two of them; the public hubs
 * (Google's, which Feedly and Inoreader follow, and others) take PubSubHubbub's form: a
 * POST of `hub.mode=publish` with each changed feed's URL as `hub.url`, repeated. The hub
 * then fetches each feed and sends it on to its subscribers.
 *
 * A hub that is busy (429, 5xx) or out of reach is asked again, after its Retry-After or
 * a growing pause, a few times and within a bounded wait; any other answer but a 2xx is
 * a refusal, reported with its status and the first line of what the hub said.
 */
import { describeNetworkError, parseRetryAfter } from './partners/http.ts';

/** How to reach hubs, and how patiently. */
export interface PublishOptions {
  readonly fetch: typeof fetch;
  /** Waits `ms`: given, so that tests need not. */
  readonly sleep: (ms: number) => Promise<void>;
  /** The moment a Retry-After date is measured from. */
  readonly now: () => Date;
  /** Who is asking, e.g. `3ML-News/0.1.0 (WebSub publisher; +https://news.example.org/about/)`. */
  readonly userAgent: string;
  /** Feed URLs per request (default 20): a few requests for a site of many tags, each a small form. */
  readonly batchSize?: number;
  /** Tries of one request, the first included (default 4). */
  readonly tries?: number;
  /** The longest one hub's retries may wait in all (default 60 s): a hub that asks for more is given up for this time. */
  readonly maxWaitMs?: number;
  /** The longest one request may take (default 30 s). */
  readonly timeoutMs?: number;
}

/** What one hub made of the news. */
export interface HubReport {
  readonly hub: string;
  /** The feed URLs the hub accepted (answered 2xx), in the order given. */
  readonly accepted: readonly string[];
  /** The feed URLs it did not accept, or was never sent after it refused. */
  readonly missed: readonly string[];
  /** Requests made, retries included. */
  readonly requests: number;
  /**
   * Why it did not accept them all: it refused (an answer other than 2xx, 429 and 5xx; the
   * status and the first line of what it said), or it stayed busy or out of reach.
   */
  readonly failure?: { readonly kind: 'refused' | 'unreachable'; readonly status?: number; readonly reason: string };
}

/** What one request came to. */
type Attempt =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly status: number; readonly reason: string }
  | { readonly kind: 'busy'; readonly status?: number; readonly reason: string; readonly retryAfterMs?: number };

/** Tells `hub` that each of `feedUrls` changed, a batch per request; resolves to what it accepted, never rejects. */
export async function publishToHub(hub: string, feedUrls: readonly string[], options: PublishOptions): Promise<HubReport> {
  const batchSize = options.batchSize ?? 20;
  const tries = options.tries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const accepted: string[] = [];
  let requests = 0;
  let waited = 0;
  const report = (failure?: HubReport['failure']): HubReport => ({
    hub, accepted, missed: feedUrls.slice(accepted.length), requests, ...(failure && { failure }),
  });
  for (let start = 0; start < feedUrls.length; start += batchSize) {
    const batch = feedUrls.slice(start, start + batchSize);
    for (let attempt = 1; ; attempt++) {
      requests += 1;
      const outcome = await postBatch(hub, batch, options);
      if (outcome.kind === 'accepted') break;
      if (outcome.kind === 'refused') return report({ kind: 'refused', status: outcome.status, reason: outcome.reason });
      const unreachable = { kind: 'unreachable' as const, ...(outcome.status !== undefined && { status: outcome.status }) };
      const wait = outcome.retryAfterMs ?? 1000 * 2 ** (attempt - 1);
      if (attempt === tries) return report({ ...unreachable, reason: `${outcome.reason}, still after ${tries} tries` });
      if (waited + wait > maxWaitMs) {
        return report({ ...unreachable, reason: `${outcome.reason}, and waiting ${seconds(wait)} more would pass the ${seconds(maxWaitMs)} a ping waits for one hub` });
      }
      await options.sleep(wait);
      waited += wait;
    }
    accepted.push(...batch);
  }
  return report();
}

async function postBatch(hub: string, batch: readonly string[], options: PublishOptions): Promise<Attempt> {
  const body = new URLSearchParams([['hub.mode', 'publish'], ...batch.map((url) => ['hub.url', url])]);
  const timeoutMs = options.timeoutMs ?? 30_000;
  try {
    const response = await options.fetch(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': options.userAgent },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.ok) {
      await response.body?.cancel();
      return { kind: 'accepted' };
    }
    return answerOf(response, await response.text(), options.now());
  } catch (error) {
    return { kind: 'busy', reason: describeNetworkError(error, { timeoutMs }) };
  }
}

/** A hub's answer other than 2xx: busy (429, 5xx; with how long it asks us to wait) or a refusal. */
function answerOf(response: Response, text: string, now: Date): Attempt {
  const firstLine = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '');
  const reason = `${response.status} ${response.statusText}`.trim() + (firstLine === undefined ? '' : `: "${firstLine.slice(0, 200)}"`);
  if (response.status !== 429 && response.status < 500) return { kind: 'refused', status: response.status, reason };
  const until = parseRetryAfter(response.headers.get('retry-after'), now)?.until.getTime();
  return { kind: 'busy', status: response.status, reason, ...(until !== undefined && { retryAfterMs: Math.max(0, until - now.getTime()) }) };
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}
