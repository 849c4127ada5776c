import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { checkLinks, LinkCheckError } from '../scripts/link-checker.ts';
import { linkProblems, prefixedProblems, siteProblems } from './helpers/link-fixtures.ts';
import { suite } from './helpers/suite.ts';

const site = 'test/fixtures/links/site';
const prefixed = 'test/fixtures/links/prefixed';

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
    problems: linkProblems(siteProblems),
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
    problems: linkProblems(prefixedProblems),
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

options('given the files a build declared, a file left over, a missing one and a link to the leftover are problems', () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-links-'));
  try {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Home</title><a href="old.html">Old</a>');
    writeFileSync(path.join(dir, 'old.html'), '<!doctype html><title>Old</title>');
    const report = checkLinks({ siteDir: dir, baseUrl: 'https://news.example.org/', declared: new Set(['index.html', 'about/index.html']) });
    assert.equal(report.problems.map((p) => [p.file, p.field, p.message]), [
      ['about/index.html', 'file', 'is an output of the site as built, but the file is missing'],
      ['index.html', 'old.html', 'no file old.html'],
      ['old.html', 'file', 'is not an output of the site as built: a file left over from an earlier build or put there by hand'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

options.run();
