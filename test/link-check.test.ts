import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkLinks, LinkCheckError } from '../scripts/link-checker.ts';

const run = promisify(execFile);
const site = 'test/fixtures/links/site';
const prefixed = 'test/fixtures/links/prefixed';

/** The fixture site's problems: one of each kind; every other reference in it is fine. */
const siteProblems = [
  { page: 'assets/broken.css', url: '', reason: 'not readable as CSS: Unclosed block at line 1' },
  { page: 'assets/site.css', url: '/fonts/body.woff2', reason: 'no file fonts/body.woff2' },
  { page: 'assets/site.css', url: 'missing.png', reason: 'no file assets/missing.png' },
  { page: 'assets/site.css', url: 'print.css', reason: 'no file assets/print.css' },
  { page: 'based/index.html', url: '2014/', reason: 'no file industry/2014/index.html' },
  { page: 'broken/index.html', url: '#summary', reason: 'no element with id "summary" in broken/index.html' },
  { page: 'broken/index.html', url: '/assets/print.css', reason: 'no file assets/print.css' },
  { page: 'broken/index.html', url: '/files/annual%2report.pdf', reason: 'malformed percent-encoding in the path' },
  { page: 'broken/index.html', url: '/images/kent-1200.jpg', reason: 'no file images/kent-1200.jpg' },
  { page: 'broken/index.html', url: '/images/kent-1600.jpg', reason: 'no file images/kent-1600.jpg' },
  { page: 'broken/index.html', url: '/industry', reason: 'links to a folder without the trailing slash (add the / to reach industry/index.html)' },
  { page: 'broken/index.html', url: '/industry/#results', reason: 'no element with id "results" in industry/index.html' },
  { page: 'broken/index.html', url: '/industry/2013/missing/', reason: 'no file industry/2013/missing/index.html' },
  { page: 'broken/index.html', url: 'http://news example.org/', reason: 'not a valid URL' },
  { page: 'broken/index.html', url: 'https://news.example.org/images/share.png', reason: 'no file images/share.png' },
  { page: 'broken/index.html', url: 'javascript:void(0)', reason: 'a javascript: URL (link to a page, or use a button)' },
  { page: 'sitemap.xml', url: '/about/', reason: 'not an absolute URL (a sitemap lists full addresses)' },
  { page: 'sitemap.xml', url: 'https://news.example.org/industry/2012/gone/', reason: 'no file industry/2012/gone/index.html' },
  { page: 'sitemap.xml', url: 'https://www.example.org/elsewhere/', reason: "not on the site's origin https://news.example.org (a sitemap lists only its own site's pages)" },
];

const prefixedProblems = [
  { page: '404.html', url: '/assets/site.css', reason: "outside the site's path prefix /news/" },
  { page: 'index.html', url: '../', reason: "outside the site's path prefix /news/" },
  { page: 'index.html', url: '/industry/', reason: "outside the site's path prefix /news/" },
  { page: 'index.html', url: '/news', reason: 'links to a folder without the trailing slash (add the / to reach index.html)' },
  { page: 'index.html', url: 'https://www.example.org/about/', reason: "outside the site's path prefix /news/" },
  { page: 'industry/index.html', url: '/news/industry', reason: 'links to a folder without the trailing slash (add the / to reach industry/index.html)' },
];

const atRoot = suite('checking a site served at the root of its origin');

atRoot('reports one problem per broken reference in pages, the sitemap and stylesheets, sorted by file then URL, and counts every reference', () => {
  // 7 pages; index.html alone holds 34 references, 6 of them to other sites, mailto: and tel: (and none broken):
  // srcset candidates, fragments into other pages and a[name], #top, #, a query string, a %20 file name, media, a form.
  // The sitemap holds 7 entries (one spread over lines, one with an entity), site.css 7 references (one a data: URL,
  // one in a comment that does not count), and broken.css cannot be read as CSS.
  assert.equal(checkLinks({ siteDir: site, baseUrl: 'https://news.example.org/' }), {
    pages: 7,
    sitemaps: 1,
    stylesheets: 2,
    references: 76,
    external: 7,
    problems: siteProblems,
  });
});

atRoot.run();

const underPrefix = suite('checking a site served under a path prefix');

underPrefix('reports references that leave the prefix, and the prefix itself without its slash', () => {
  assert.equal(checkLinks({ siteDir: prefixed, baseUrl: 'https://www.example.org/news/' }), {
    pages: 3,
    sitemaps: 0,
    stylesheets: 1,
    references: 14,
    external: 1,
    problems: prefixedProblems,
  });
});

underPrefix.run();

const options = suite('checkLinks options');

options('refuses a site folder that is not there, saying what to do', () => {
  assert.throws(
    () => checkLinks({ siteDir: 'test/fixtures/links/no-such-site', baseUrl: 'https://news.example.org/' }),
    (error: unknown) => error instanceof LinkCheckError
      && error.message === 'There is no folder test/fixtures/links/no-such-site to check: build the site first (npm run build), or give the folder it was built into.',
  );
});

options('refuses a base URL without its trailing slash', () => {
  assert.throws(
    () => checkLinks({ siteDir: site, baseUrl: 'https://www.example.org/news' }),
    (error: unknown) => error instanceof LinkCheckError
      && error.message === 'The base URL "https://www.example.org/news" is not an absolute http(s) URL ending in "/": give the address the site is served at, e.g. https://www.example.org/news/',
  );
});

options.run();

const cli = suite('npm run check:links');

/** Runs the CLI and returns its exit code and standard output, whether or not it failed. */
async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('node', ['--import', 'tsx', 'scripts/check-links.ts', ...args], { env });
    return { code: 0, stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, stdout };
  }
}

const lines = (problems: typeof siteProblems) => problems.map((p) => `${p.page}: ${p.url} (${p.reason})\n`).join('');

cli('prints each problem and a summary, and exits 1', async () => {
  assert.equal(await runCli(['--site', site, '--base-url', 'https://news.example.org/']), {
    code: 1,
    stdout: `${lines(siteProblems)}Checked 7 pages, 1 sitemap and 2 stylesheets: 76 references (7 to other sites), 19 broken.\n`,
  });
});

cli('takes the base URL from the configuration, with NEWS_ORIGIN and NEWS_PATH_PREFIX', async () => {
  const env = { ...process.env, NEWS_ORIGIN: 'https://www.example.org', NEWS_PATH_PREFIX: '/news/' };
  assert.equal(await runCli(['--site', prefixed], env), {
    code: 1,
    stdout: `${lines(prefixedProblems)}Checked 3 pages, 0 sitemaps and 1 stylesheet: 14 references (1 to other sites), 6 broken.\n`,
  });
});

cli('exits 0 when nothing is broken', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-links-'));
  try {
    mkdirSync(path.join(dir, 'about'));
    writeFileSync(path.join(dir, 'about', 'index.html'), '<!doctype html><title>About</title><h1 id="about">About</h1><a href="#about">About</a>');
    assert.equal(await runCli(['--site', dir, '--base-url', 'https://news.example.org/']), {
      code: 0,
      stdout: 'Checked 1 page, 0 sitemaps and 0 stylesheets: 1 reference (0 to other sites), 0 broken.\n',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

cli.run();
