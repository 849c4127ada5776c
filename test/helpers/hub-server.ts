/**
 * A WebSub hub for tests, on 127.0.0.1 and a port the OS chooses. It takes publish
 * requests as the public hubs do (a POST of an application/x-www-form-urlencoded form with
 * `hub.mode=publish` and one or more `hub.url`) and answers 204 No Content; a request
 * that is not one is answered 400 with a line saying why. Told to, it answers the next
 * requests otherwise: 503 with a Retry-After, or a 400 with a body of its own. It keeps
 * every request it was sent, and never holds the test process open.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer other than 204, for `answerNext`. */
export type HubAnswer = { readonly status: 503; readonly retryAfter?: string } | { readonly status: 400; readonly body: string };

/** One request as the hub read it. */
export interface HubRequest {
  readonly method: string;
  readonly contentType: string;
  readonly mode: string | null;
  /** The `hub.url` values, in order. */
  readonly urls: readonly string[];
  /** What the hub answered. */
  readonly status: number;
}

export interface HubServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: readonly HubRequest[];
  /** The feed URLs of every publish request it accepted, in order. */
  readonly published: () => string[];
  /** How the next requests are answered, in order; 204 after them. */
  readonly answerNext: (...answers: HubAnswer[]) => void;
  readonly close: () => Promise<void>;
}

export async function startHubServer(): Promise<HubServer> {
  const requests: HubRequest[] = [];
  const queued: HubAnswer[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const contentType = request.headers['content-type'] ?? '';
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const seen = { method: request.method ?? '', contentType, mode: form.get('hub.mode'), urls: form.getAll('hub.url') };
      const problem = checkPublish(seen);
      const answer = problem === undefined ? queued.shift() : { status: 400 as const, body: problem };
      requests.push({ ...seen, status: answer?.status ?? 204 });
      if (answer === undefined) response.writeHead(204).end();
      else if (answer.status === 503) response.writeHead(503, { 'content-type': 'text/plain', ...(answer.retryAfter !== undefined && { 'retry-after': answer.retryAfter }) }).end('Busy, try again later\n');
      else response.writeHead(400, { 'content-type': 'text/plain' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    published: () => requests.filter((r) => r.status === 204).flatMap((r) => r.urls),
    answerNext: (...answers) => queued.push(...answers),
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}

/** Why a request is not a publish request, as a hub's first line; undefined when it is one. */
function checkPublish(request: Omit<HubRequest, 'status'>): string | undefined {
  if (request.method !== 'POST') return `${request.method} is not how to publish: POST a form`;
  if (!request.contentType.startsWith('application/x-www-form-urlencoded')) return `"${request.contentType}" is not a form: send application/x-www-form-urlencoded`;
  if (request.mode !== 'publish') return `hub.mode is "${request.mode ?? ''}", not publish`;
  if (request.urls.length === 0) return 'no hub.url: name the feeds that changed';
  const wrong = request.urls.find((url) => !/^https?:\/\/[^/]+\//.test(url));
  return wrong === undefined ? undefined : `hub.url "${wrong}" is not an http(s) URL`;
}
