/**
 * Serves a built site to tests as a static host would (Netlify, Cloudflare Pages): files
 * under a path prefix, folders redirected to their trailing slash, 404.html for unknown
 * paths, and the site's own `_headers` file applied. The rules are matched against the
 * whole request path, prefix included, as those hosts do (with the file moved to the root
 * of what they publish). Listens on 127.0.0.1 on a port the OS chooses, and never holds
 * the test process open.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

/** One block of a `_headers` file: a path pattern and the headers, in order, for paths it matches. */
export interface HeaderRule {
  /** e.g. `/*`, `/assets/*`, `/:stream/feed/`, `/news/:stream/feed.json`. */
  readonly pattern: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

/** What `serveStatic` serves. */
export interface StaticServerOptions {
  /** The built site's folder. */
  readonly root: string;
  /** Where the site is mounted, starting and ending in `/`; default `/`. */
  readonly prefix?: string;
  /** Whether to apply `root/_headers`, when there is one; default true. */
  readonly headers?: boolean;
}

/** A running server. */
export interface StaticServer {
  /** The site's address, with the prefix, e.g. `http://127.0.0.1:43567/news/`. */
  readonly url: string;
  /** e.g. `http://127.0.0.1:43567`. */
  readonly origin: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** A `_headers` file that cannot be read as one. */
export class HeadersFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Parses the Netlify / Cloudflare Pages `_headers` format: a line starting with `/` opens
 * a block, indented `Name: value` lines below it belong to it, and `#` starts a comment.
 */
export function parseHeadersFile(text: string, file = '_headers'): HeaderRule[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    const where = `${file}:${index + 1}`;
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!trimmed.startsWith('/')) throw new HeadersFileError(`${where}: "${trimmed}" is not a path pattern (start it with /, or indent it if it is a header)`);
      rules.push({ pattern: trimmed, headers: [] });
      return;
    }
    const rule = rules.at(-1);
    const colon = trimmed.indexOf(':');
    if (rule === undefined) throw new HeadersFileError(`${where}: the header "${trimmed}" comes before any path pattern (write the path it is for above it, e.g. /*)`);
    if (colon < 1) throw new HeadersFileError(`${where}: "${trimmed}" is not a header (write it as Name: value)`);
    rule.headers.push([trimmed.slice(0, colon).trim(), trimmed.slice(colon + 1).trim()]);
  });
  return rules;
}

/**
 * The headers every rule matching `requestPath` adds, in file order, keyed by lower-case name.
 * A name given more than once gets its values joined with ", ", as Cloudflare Pages does;
 * and as it does, a value's `:name` is what that placeholder of the rule's pattern matched
 * (`:splat` what `*` matched).
 */
export function headersFor(rules: readonly HeaderRule[], requestPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const match = matchPattern(rule.pattern).exec(requestPath);
    if (match === null) continue;
    const matched = match.groups ?? {};
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const earlier = headers[key];
      const filled = value.replace(/:([A-Za-z_]\w*)/g, (placeholder, found: string) => matched[found] ?? placeholder);
      headers[key] = earlier === undefined ? filled : `${earlier}, ${filled}`;
    }
  }
  return headers;
}

/** `*` matches anything, `/` included; `:name` matches one path segment; the rest is literal. Each placeholder is a named group. */
function matchPattern(pattern: string): RegExp {
  const parts = pattern.split(/(\*|:[A-Za-z_]\w*)/);
  const source = parts.map((part, i) => (i % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : part === '*' ? '(?<splat>.*)' : `(?<${part.slice(1)}>[^/]+)`));
  return new RegExp(`^${source.join('')}$`);
}

/** Serves `root` under `prefix` on 127.0.0.1; see `StaticServerOptions`. */
export async function serveStatic(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const prefix = options.prefix ?? '/';
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`serveStatic: the prefix "${prefix}" must start and end with "/" (e.g. "/news/")`);
  }
  const headersFile = path.join(root, '_headers');
  const rules = options.headers !== false && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8'), headersFile) : [];
  // dev: look each file up on every request, so a rebuilt site is served as it now is.
  const serveFile = sirv(root, { dev: true });

  const server = createServer((request, response) => {
    const { pathname, search } = new URL(`http://127.0.0.1${request.url ?? '/'}`);
    for (const [name, value] of Object.entries(headersFor(rules, pathname))) response.setHeader(name, value);
    if (!pathname.startsWith(prefix)) return sendNotFound(response, undefined);
    const sitePath = pathname.slice(prefix.length - 1);
    // Static hosts publish neither _headers nor _redirects.
    if (sitePath === '/_headers' || sitePath === '/_redirects') return sendNotFound(response, root);
    if (!sitePath.endsWith('/') && isFolder(root, sitePath)) {
      response.writeHead(301, { location: `${pathname}/${search}`, 'content-length': 0 }).end();
      return;
    }
    request.url = sitePath + search;
    serveFile(request, response, () => sendNotFound(response, root));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
  return { url: origin + prefix, origin, close };
}

function isFolder(root: string, sitePath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(sitePath);
  } catch {
    return false;
  }
  const full = path.join(root, decoded);
  return full.startsWith(root + path.sep) && existsSync(full) && statSync(full).isDirectory();
}

/** A 404 with the site's 404.html, read afresh, or plain text outside the site or when it has none. */
function sendNotFound(response: ServerResponse, root: string | undefined): void {
  const page = root === undefined ? undefined : path.join(root, '404.html');
  const html = page !== undefined && existsSync(page);
  const body = html ? readFileSync(page) : Buffer.from('Not found\n');
  const type = html ? 'text/html;charset=utf-8' : 'text/plain;charset=utf-8';
  response.writeHead(404, { 'content-type': type, 'content-length': body.length }).end(body);
}
