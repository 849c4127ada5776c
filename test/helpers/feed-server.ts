/**
 * A partner feed host for tests, on 127.0.0.1 and an OS-chosen port: serves the fixture
 * feeds with ETag and Last-Modified (answering 304 to conditional requests), and every
 * fault a real partner can produce. It records each request's headers and how many
 * requests were in flight at once.
 *
 * A query string changes the headers a feed is served with: `cc=` sets Cache-Control
 * (default no-cache), `expires=` sets Expires, `etag=off` and `lm=off` leave those
 * validators out.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

const fixtures = 'test/fixtures/remote';
export const lastModified = 'Thu, 20 Jun 2013 12:00:00 GMT';

export interface FeedServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Replaces what a path serves (a feed whose window moved, a retitled item); a `null` type sends no Content-Type. */
  readonly set: (route: string, body: string | Buffer, contentType?: string | null) => void;
  /** Requests seen, as `METHOD path [conditional]`. */
  readonly log: string[];
  /** Every request's path and headers, in arrival order. */
  readonly requests: { readonly path: string; readonly headers: IncomingHttpHeaders }[];
  /** The most requests that were being answered at one time. */
  readonly maxInFlight: () => number;
  readonly close: () => Promise<void>;
}

interface Held {
  readonly release: () => void;
}

export async function startFeedServer(): Promise<FeedServer> {
  const overrides = new Map<string, { body: Buffer; type: string | null }>();
  const log: string[] = [];
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  const held: Held[] = [];
  let inFlight = 0;
  let most = 0;
  const server = createServer((request, response) => {
    const conditional = request.headers['if-none-match'] || request.headers['if-modified-since'] ? ' conditional' : '';
    log.push(`${request.method} ${request.url}${conditional}`);
    requests.push({ path: request.url ?? '/', headers: request.headers });
    most = Math.max(most, ++inFlight);
    response.on('close', () => inFlight--);
    void route(request, response, overrides, held, () => inFlight);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    set: (route, body, type = 'application/rss+xml') => overrides.set(route, { body: Buffer.from(body), type }),
    log,
    requests,
    maxInFlight: () => most,
    close: () => new Promise((resolve) => {
      for (const request of held.splice(0)) request.release();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function route(request: IncomingMessage, response: ServerResponse, overrides: Map<string, { body: Buffer; type: string | null }>, held: Held[], inFlight: () => number): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const override = overrides.get(url.pathname);
  if (override) return serveFeed(request, response, override.body, override.type, url.searchParams);
  const [, first = '', ...rest] = url.pathname.split('/');
  const fixture = (name: string) => readFileSync(path.join(fixtures, path.basename(name)));
  switch (first) {
    case 'status': {
      const status = Number(rest[0]);
      if (status === 429) response.setHeader('retry-after', url.searchParams.get('retry-after') ?? '120');
      return end(response, status, status === 404 ? 'Not Found' : status === 500 ? 'Internal Server Error' : 'Too Many Requests');
    }
    case 'slow':
      // Longer than the tests' timeout; the request is aborted before this answers.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return end(response, 200, '<rss version="2.0"><channel><title>late</title></channel></rss>');
    case 'huge':
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel><title>huge</title>');
      for (let i = 0; i < 200; i++) response.write(`<item><title>${'x'.repeat(1024)}</title></item>`);
      return void response.end('</channel></rss>');
    case 'bomb': {
      // 20 KB on the wire, 20 MB once decompressed.
      const body = gzipSync(Buffer.concat([Buffer.from('<rss version="2.0"><channel><title>'), Buffer.alloc(20 * 1024 * 1024, ' '), Buffer.from('</title></channel></rss>')]));
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': body.byteLength });
      return void response.end(body);
    }
    case 'loop-a':
    case 'loop-b':
      response.setHeader('location', first === 'loop-a' ? '/loop-b' : '/loop-a');
      return end(response, 302, '');
    case 'chain': {
      // /chain/N redirects N times before the feed.
      const hops = Number(rest[0]);
      if (hops === 0) return serveFeed(request, response, fixture('rss-20.xml'), 'application/rss+xml', url.searchParams);
      response.setHeader('location', `/chain/${hops - 1}`);
      return end(response, 302, '');
    }
    case 'moved':
      response.setHeader('location', '/rss-20.xml');
      return end(response, 301, '');
    case 'gzip':
    case 'deflate':
    case 'br': {
      const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync }[first];
      response.setHeader('content-encoding', first);
      return serveFeed(request, response, compress(fixture(rest.join('/'))), 'application/rss+xml', url.searchParams);
    }
    case 'as-html':
      return serveFeed(request, response, fixture(rest.join('/')), 'text/html; charset=utf-8', url.searchParams);
    case 'hold':
      // Answered once three requests are in flight, or after 300 ms: a fetcher that keeps
      // to two at a time never gets there.
      await new Promise<void>((resolve) => {
        const entry = { release: resolve };
        held.push(entry);
        if (inFlight() >= 3) for (const waiting of held.splice(0)) waiting.release();
        setTimeout(resolve, 300);
      });
      return serveFeed(request, response, fixture(rest.join('/')), 'application/rss+xml', url.searchParams);
  }
  let body: Buffer;
  try {
    body = fixture(url.pathname);
  } catch {
    return end(response, 404, 'Not Found');
  }
  const name = url.pathname;
  const type = name.endsWith('.json') ? 'application/feed+json' : /\.x?html$/.test(name) ? 'text/html' : name.endsWith('.rdf') ? 'application/rdf+xml' : 'application/xml';
  return serveFeed(request, response, body, type, url.searchParams);
}

function serveFeed(request: IncomingMessage, response: ServerResponse, body: Buffer, type: string | null, options: URLSearchParams): void {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  const withEtag = options.get('etag') !== 'off';
  const withLastModified = options.get('lm') !== 'off';
  if (withEtag) response.setHeader('etag', etag);
  if (withLastModified) response.setHeader('last-modified', lastModified);
  response.setHeader('cache-control', options.get('cc') ?? 'no-cache');
  const expires = options.get('expires');
  if (expires) response.setHeader('expires', expires);
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  // RFC 9110 §13.1.3: If-Modified-Since counts only when there is no If-None-Match.
  const notModified = ifNoneMatch !== undefined ? withEtag && ifNoneMatch === etag : withLastModified && ifModifiedSince === lastModified;
  if (notModified) return end(response, 304, '');
  response.writeHead(200, { ...(type !== null && { 'content-type': type }), 'content-length': body.byteLength });
  response.end(body);
}

function end(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(body);
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
