/**
 * A partner feed host for tests, on 127.0.0.1 and an OS-chosen port: serves the fixture
 * feeds with ETag and Last-Modified (answering 304 to conditional requests), and every
 * fault a real partner can produce.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const fixtures = 'test/fixtures/remote';
const lastModified = 'Thu, 20 Jun 2013 12:00:00 GMT';

export interface FeedServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Replaces what a path serves (a feed whose window moved, a retitled item). */
  readonly set: (route: string, body: string, contentType?: string) => void;
  /** Requests seen, as `METHOD path [conditional]`. */
  readonly log: string[];
  readonly close: () => Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const overrides = new Map<string, { body: string; type: string }>();
  const log: string[] = [];
  const server = createServer((request, response) => {
    const conditional = request.headers['if-none-match'] || request.headers['if-modified-since'] ? ' conditional' : '';
    log.push(`${request.method} ${request.url}${conditional}`);
    void route(request, response, overrides);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    set: (route, body, type = 'application/rss+xml') => overrides.set(route, { body, type }),
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function route(request: IncomingMessage, response: ServerResponse, overrides: Map<string, { body: string; type: string }>): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const name = url.pathname.slice(1);
  const override = overrides.get(url.pathname);
  if (override) return serveFeed(request, response, Buffer.from(override.body), override.type);
  switch (url.pathname) {
    case '/status/404':
      return end(response, 404, 'Not Found');
    case '/status/500':
      return end(response, 500, 'Internal Server Error');
    case '/status/429':
      response.setHeader('retry-after', '120');
      return end(response, 429, 'Too Many Requests');
    case '/slow':
      // Longer than the tests' timeout; the request is aborted before this answers.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return end(response, 200, '<rss version="2.0"><channel><title>late</title></channel></rss>');
    case '/huge':
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel><title>huge</title>');
      for (let i = 0; i < 200; i++) response.write(`<item><title>${'x'.repeat(1024)}</title></item>`);
      return void response.end('</channel></rss>');
    case '/loop-a':
      response.setHeader('location', '/loop-b');
      return end(response, 302, '');
    case '/loop-b':
      response.setHeader('location', '/loop-a');
      return end(response, 302, '');
    case '/moved':
      response.setHeader('location', '/rss-20.xml');
      return end(response, 301, '');
    case '/gzip/rss-20.xml': {
      response.setHeader('content-encoding', 'gzip');
      return serveFeed(request, response, gzipSync(readFileSync(path.join(fixtures, 'rss-20.xml'))), 'application/rss+xml');
    }
    case '/as-html/atom-10.xml':
      return serveFeed(request, response, readFileSync(path.join(fixtures, 'atom-10.xml')), 'text/html; charset=utf-8');
    case '/fresh/json-11.json':
      response.setHeader('cache-control', 'max-age=3600');
      return serveFeed(request, response, readFileSync(path.join(fixtures, 'json-11.json')), 'application/feed+json');
  }
  let body: Buffer;
  try {
    body = readFileSync(path.join(fixtures, path.basename(name)));
  } catch {
    return end(response, 404, 'Not Found');
  }
  const type = name.endsWith('.json') ? 'application/feed+json' : name.endsWith('.html') ? 'text/html' : name.endsWith('.rdf') ? 'application/rdf+xml' : 'application/xml';
  return serveFeed(request, response, body, type);
}

function serveFeed(request: IncomingMessage, response: ServerResponse, body: Buffer, type: string): void {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  response.setHeader('etag', etag);
  response.setHeader('last-modified', lastModified);
  if (!response.hasHeader('cache-control')) response.setHeader('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === etag) return end(response, 304, '');
  response.writeHead(200, { 'content-type': type, 'content-length': body.byteLength });
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
