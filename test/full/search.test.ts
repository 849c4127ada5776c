/**
 * `npm run build:search`: Pagefind indexes exactly the item pages and partner items the
 * site build declared (never a stale page or a preview's draft), and reuses its index
 * while none of them changes.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as assert from 'uvu/assert';
import { item } from '../helpers/content.ts';
import { suite } from '../helpers/suite.ts';

const run = promisify(execFile);

const search = suite('the search index');

search('indexes the declared item pages and partner items, reuses the index while none changes, and never a leftover draft', async () => {
  const base = mkdtempSync(path.join(tmpdir(), '3ml-search-'));
  const content = path.join(base, 'content');
  const site = path.join(base, 'site');
  cpSync('test/fixtures/valid/content', content, { recursive: true });
  const env = { ...process.env, NEWS_CONTENT_DIR: content, NEWS_CACHE_DIR: path.join(base, 'cache') };
  const build = () => run(process.execPath, ['scripts/run.mjs', 'scripts/build-site.ts', '--output', site], { env });
  const index = () => run(process.execPath, ['scripts/run.mjs', 'scripts/build-search.ts', '--site', site], { env }).then((r) => r.stdout);
  const entry = () => JSON.parse(readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  try {
    await build();
    // A page the content no longer publishes, left in the folder: the build removes it, and the index never sees it.
    mkdirSync(path.join(site, 'social-care', '2013', 'draft-plan'), { recursive: true });
    writeFileSync(path.join(site, 'social-care', '2013', 'draft-plan', 'index.html'), '<!doctype html><html lang="en-GB"><main data-pagefind-body><h1>A plan still being written</h1></main></html>');
    await build();
    assert.match(await index(), /^Search index: 5 item pages and 0 partner items indexed/);
    assert.equal(Object.values(entry().languages).map((l) => l.page_count), [5], 'the five item pages, no listing, tag or leftover pages');
    assert.match(await index(), /^Search index: 5 item pages and 0 partner items unchanged, previous index reused/);
    appendFileSync(path.join(site, 'social-care', '2012', 'telecare-week', 'index.html'), '\n');
    assert.match(await index(), /^Search index: 5 item pages and 0 partner items indexed/);
    // A partner item (they have no page here) changes the fingerprint too, and joins the pages' index.
    writeFileSync(path.join(content, 'sources.yaml'), '- name: Partner news\n  url: https://partner.example.org/feed.xml\n  stream: industry\n  organisation: Partner\n  homepage: https://partner.example.org/\n');
    mkdirSync(path.join(content, 'partners'), { recursive: true });
    writeFileSync(path.join(content, 'partners', 'partner-news.json'), JSON.stringify({ source: 'Partner news', items: [{
      key: 'https://partner.example.org/news/1', id: 'tag:3millionlives.co.uk,2026-11-01:partners/partner-news/1', title: 'Partner news',
      link: 'https://partner.example.org/news/1', summaryHtml: '<p>A summary.</p>', published: '2013-05-01T09:00:00Z', publishedFrom: 'feed', authors: [], firstSeen: '2026-11-01T09:00:00Z',
    }] }));
    writeFileSync(path.join(content, 'industry', 'more.md'), item({ title: 'More', date: '2013-06-01' }));
    await build();
    assert.match(await index(), /^Search index: 6 item pages and 1 partner item indexed/);
    assert.equal(Object.entries(entry().languages).map(([language, l]) => [language, l.page_count]), [['en-gb', 7]], 'one index, with the partner item in it');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

search.run();
