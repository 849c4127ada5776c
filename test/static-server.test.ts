import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { HeadersFileError, parseHeadersFile, serveStatic, type StaticServer, type StaticServerOptions } from './helpers/static-server.ts';

const headersFile = `# Every response
/*
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  X-Robots-Tag: noarchive

# A year for stylesheets: their names change when their content does
/styles/*
  Cache-Control: public, max-age=31536000, immutable

/:section/
  X-Robots-Tag: nosnippet
  X-Section: yes
`;

const css = 'body { color: #222; }\n';
const notFoundPage = '<!doctype html><title>Page not found</title>\n';

/** The same rules as a site built for the prefix /news/ writes them. */
const prefixedHeadersFile = headersFile.replace(/^\//gm, '/news/');

/** Writes a fresh small site to a temporary folder, with `headers` as its _headers file. */
function writeSite(headers = headersFile): string {
  const root = mkdtempSync(path.join(tmpdir(), '3ml-static-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>3ML News</title>\n',
    'industry/index.html': '<!doctype html><title>Industry</title>\n',
    'industry/2013/index.html': '<!doctype html><title>Industry in 2013</title>\n',
    'styles/site.css': css,
    '404.html': notFoundPage,
    _headers: headers,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Runs `test` against a server on a fresh site, then stops the server and removes the site. */
async function withServer(options: Omit<StaticServerOptions, 'root'>, test: (server: StaticServer, root: string) => Promise<void>, headers = headersFile): Promise<void> {
  const root = writeSite(headers);
  const server = await serveStatic({ root, ...options });
  try {
    await test(server, root);
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Headers that change from run to run or describe the connection, not the response. */
const varying = new Set(['date', 'last-modified', 'connection', 'keep-alive']);

/** Status, body and every header that is the same on each run. */
async function get(url: string): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  const response = await fetch(url, { redirect: 'manual' });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !varying.has(name)));
  return { status: response.status, body: await response.text(), headers };
}

const everyPath = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'x-robots-tag': 'noarchive' };
const cssResponse = {
  status: 200,
  body: css,
  headers: { ...everyPath, 'cache-control': 'public, max-age=31536000, immutable', 'content-length': '22', 'content-type': 'text/css' },
};
const notFoundResponse = {
  status: 404,
  body: notFoundPage,
  headers: { ...everyPath, 'content-length': '45', 'content-type': 'text/html;charset=utf-8' },
};

const atRoot = suite('serveStatic at the root of its origin');

atRoot('serves a file with its media type and the headers of every rule that matches it', async () => {
  await withServer({}, async (server) => {
    assert.equal(await get(`${server.url}styles/site.css`), cssResponse);
  });
});

atRoot('serves a folder\'s index.html at its trailing slash; a placeholder matches one segment only', async () => {
  await withServer({}, async (server) => {
    assert.equal(await get(`${server.url}industry/`), {
      status: 200,
      body: '<!doctype html><title>Industry</title>\n',
      headers: { ...everyPath, 'cache-control': 'no-store', 'content-length': '39', 'content-type': 'text/html;charset=utf-8', 'x-robots-tag': 'noarchive, nosnippet', 'x-section': 'yes' },
    });
    assert.equal(await get(`${server.url}industry/2013/`), {
      status: 200,
      body: '<!doctype html><title>Industry in 2013</title>\n',
      headers: { ...everyPath, 'cache-control': 'no-store', 'content-length': '47', 'content-type': 'text/html;charset=utf-8' },
    });
  });
});

atRoot('redirects a folder without its trailing slash, keeping the query', async () => {
  await withServer({}, async (server) => {
    assert.equal(await get(`${server.url}industry?page=2`), {
      status: 301,
      body: '',
      headers: { ...everyPath, 'content-length': '0', location: '/industry/?page=2' },
    });
  });
});

atRoot('answers an unknown path, and the _headers file, with 404 and the body of 404.html', async () => {
  await withServer({}, async (server) => {
    assert.equal(await get(`${server.url}industry/2015/`), notFoundResponse);
    assert.equal(await get(`${server.url}_headers`), notFoundResponse);
  });
});

atRoot.run();

const underPrefix = suite('serveStatic under a path prefix');

underPrefix('serves the site under the prefix, matching _headers against the whole request path', async () => {
  await withServer({ prefix: '/news/' }, async (server) => {
    assert.is(server.url, `${server.origin}/news/`);
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await get(`${server.url}styles/site.css`), cssResponse);
    assert.equal((await get(server.url)).body, '<!doctype html><title>3ML News</title>\n');
    assert.equal((await get(`${server.url}industry/`)).headers['x-section'], 'yes');
    assert.equal((await get(`${server.url}industry`)).headers.location, '/news/industry/');
    assert.equal(await get(`${server.url}industry/2015/`), notFoundResponse);
    assert.equal(await get(`${server.url}_headers`), notFoundResponse);
  }, prefixedHeadersFile);
});

underPrefix('does not apply rules written without the prefix (only /* still matches), as Netlify and Cloudflare Pages do not', async () => {
  await withServer({ prefix: '/news/' }, async (server) => {
    const response = await get(`${server.url}styles/site.css`);
    assert.equal(response.headers, { ...everyPath, 'cache-control': 'no-store', 'content-length': '22', 'content-type': 'text/css' });
    assert.is((await get(`${server.url}industry/`)).headers['x-section'], undefined);
  });
});

underPrefix('answers paths outside the prefix with a plain 404 and no site headers', async () => {
  await withServer({ prefix: '/news/' }, async (server) => {
    const outside = { status: 404, body: 'Not found\n', headers: { 'content-length': '10', 'content-type': 'text/plain;charset=utf-8' } };
    assert.equal(await get(`${server.origin}/styles/site.css`), outside);
    assert.equal(await get(`${server.origin}/news`), outside);
  }, prefixedHeadersFile);
});

underPrefix.run();

const options = suite('serveStatic options and lifetime');

options('headers: false leaves the _headers file out', async () => {
  await withServer({ headers: false }, async (server) => {
    assert.equal(await get(`${server.url}styles/site.css`), {
      status: 200,
      body: css,
      headers: { 'cache-control': 'no-store', 'content-length': '22', 'content-type': 'text/css' },
    });
  });
});

options('serves a file as it is now, after it changes', async () => {
  await withServer({}, async (server, root) => {
    assert.is((await get(`${server.url}styles/site.css`)).body, css);
    writeFileSync(path.join(root, 'styles/site.css'), 'body { color: #000; }\n');
    assert.is((await get(`${server.url}styles/site.css`)).body, 'body { color: #000; }\n');
  });
});

options('close() stops the server', async () => {
  const root = writeSite();
  try {
    const server = await serveStatic({ root });
    try {
      assert.is((await get(server.url)).status, 200);
    } finally {
      await server.close();
    }
    try {
      await fetch(server.url);
    } catch (error) {
      assert.instance(error, TypeError);
      return;
    }
    assert.unreachable('the server answered after close()');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

options.run();

const headers = suite('parseHeadersFile');

headers('reads each pattern with its headers in order, skipping comments and blank lines', () => {
  assert.equal(parseHeadersFile(headersFile), [
    { pattern: '/*', headers: [['X-Frame-Options', 'DENY'], ['X-Content-Type-Options', 'nosniff'], ['X-Robots-Tag', 'noarchive']] },
    { pattern: '/styles/*', headers: [['Cache-Control', 'public, max-age=31536000, immutable']] },
    { pattern: '/:section/', headers: [['X-Robots-Tag', 'nosnippet'], ['X-Section', 'yes']] },
  ]);
});

headers('names the file and line of a header that comes before any pattern', () => {
  assert.throws(
    () => parseHeadersFile('# Security\n  X-Frame-Options: DENY\n', '_site/_headers'),
    (error: unknown) => error instanceof HeadersFileError
      && error.message === '_site/_headers:2: the header "X-Frame-Options: DENY" comes before any path pattern (write the path it is for above it, e.g. /*)',
  );
});

headers.run();
