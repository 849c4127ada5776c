/**
 * What makes rebuilds fast must never make them wrong: the parsed-items cache, the dev
 * server's partial writes and the reused search index give exactly what a full build
 * gives.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTemplates, writeChanges } from '../dev/live-content.ts';
import { stylesheetPath } from '../layouts/feeds.ts';
import { buildNews, cacheKey, readLocalCache, resolveConfig, writeFeeds, writeLocalCache, type LocalCache, type NewsSite } from '../lib/index.ts';
import newsConfig from '../news.config.ts';
import { buildSite } from './helpers/site.ts';
import { testNow } from './helpers/content.ts';

const run = promisify(execFile);
const config = resolveConfig(newsConfig);
const fixture = 'test/fixtures/valid/content';
const changedFile = 'social-care/telecare-week.md';
const changedPage = '/social-care/2012/telecare-week/';

/** A temporary project holding a copy of the valid fixture content, and a folder for outputs. */
function project(projectConfig = config): { rootDir: string; file: (relative: string) => string; build: (cache?: LocalCache) => Promise<NewsSite>; remove: () => void } {
  const rootDir = mkdtempSync(path.join(tmpdir(), '3ml-incremental-'));
  cpSync(fixture, path.join(rootDir, 'content'), { recursive: true });
  return {
    rootDir,
    file: (relative) => path.join(rootDir, 'content', relative),
    build: (cache) => buildNews({ config: projectConfig, rootDir, contentDir: 'content', includeDrafts: false, now: testNow, ...(cache && { cache }) }, () => {}),
    remove: () => rmSync(rootDir, { recursive: true, force: true }),
  };
}

function retitle(file: string, title: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
}

/** Every file under `dir`, by path relative to it. */
function readTree(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, full).split(path.sep).join('/'), readFileSync(full)] as const;
    }));
}

const cache = suite('the parsed-items cache');

cache('a build with the cache gives the same items, and reads again only the file that changed', async () => {
  const p = project();
  try {
    const cached: LocalCache = new Map();
    const first = await p.build(cached);
    assert.is(cached.size, 6, 'every file is cached, the draft included');
    const again = await p.build(cached);
    assert.ok(again.items.every((item, i) => item === first.items[i]), 'unchanged files give the very same items');

    retitle(p.file(changedFile), 'Telecare week, with a new title');
    const edited = await p.build(cached);
    const fresh = await p.build();
    assert.equal(edited.items.map((item) => item.title), fresh.items.map((item) => item.title));
    assert.ok(edited.items.some((item) => item.title === 'Telecare week, with a new title'));
    for (const item of edited.items) {
      const before = first.items.find((other) => other.path === item.path);
      assert.is(item === before, item.path !== changedPage, `${item.path} is ${item.path === changedPage ? 'read again' : 'reused'}`);
    }

    rmSync(p.file(changedFile));
    const removed = await p.build(cached);
    assert.is(cached.has(changedFile), false, 'a deleted file leaves the cache');
    assert.is(removed.items.length, first.items.length - 1);
  } finally {
    p.remove();
  }
});

cache('the cache file is read back only with the key it was written with', async () => {
  const p = project();
  try {
    // A time in whole seconds, which every file system keeps exactly.
    const target = p.file(changedFile);
    const time = new Date('2026-11-01T09:00:00Z');
    utimesSync(target, time, time);
    const cached: LocalCache = new Map();
    await p.build(cached);
    const file = path.join(p.rootDir, '.cache', 'items.v8');
    const key = cacheKey(config, path.join(p.rootDir, 'content'));
    await writeLocalCache(file, key, cached);
    const read = readLocalCache(file, key);
    assert.equal([...read.keys()].sort(), [...cached.keys()].sort());
    assert.is(readLocalCache(file, 'another key').size, 0);
    assert.is(readLocalCache(path.join(p.rootDir, 'no-such-file'), key).size, 0);

    // Same size and time: the cached result stands, the file is not read again.
    writeFileSync(target, readFileSync(target, 'utf8').replace('Telecare week', 'Telecare WEEK'));
    utimesSync(target, time, time);
    const site = await p.build(read);
    assert.ok(site.items.some((item) => item.title.includes('Telecare week')));
  } finally {
    p.remove();
  }
});

cache('the key changes with the content folder, the configuration and the static files', () => {
  const p = project();
  try {
    const contentRoot = path.join(p.rootDir, 'content');
    const key = cacheKey(config, contentRoot);
    assert.is(cacheKey(config, contentRoot), key);
    assert.is.not(cacheKey(config, path.resolve(fixture)), key);
    assert.is.not(cacheKey(resolveConfig({ ...newsConfig, pageSize: 7 }), contentRoot), key);
    appendFileSync(path.join(contentRoot, 'files', 'map.svg'), '\n');
    assert.is.not(cacheKey(config, contentRoot), key);
  } finally {
    p.remove();
  }
});

cache.run();

const live = suite('content edits on the dev server');

live('writing only what changed leaves the same files as writing everything', async () => {
  // Feeds of one item and archives of one, so that most feed documents do not hold the changed item.
  const p = project(resolveConfig({ ...newsConfig, feeds: { subscriptionSize: 1, archivePageSize: 1 } }));
  const out = (name: string) => path.join(p.rootDir, name);
  try {
    const templates = await loadTemplates('src');
    mkdirSync(out('empty-content'));
    const nothing = await buildNews({ config, rootDir: p.rootDir, contentDir: 'empty-content', includeDrafts: false, now: testNow }, () => {});
    const cached: LocalCache = new Map();
    const before = await p.build(cached);
    await writeChanges(nothing, before, templates, out('incremental'), stylesheetPath);

    retitle(p.file(changedFile), 'Telecare week, with a new title');
    const after = await p.build(cached);
    const written = await writeChanges(before, after, templates, out('incremental'), stylesheetPath);
    await writeChanges(nothing, after, templates, out('full'), stylesheetPath);

    const full = readTree(out('full'));
    const incremental = readTree(out('incremental'));
    assert.equal([...incremental.keys()].sort(), [...full.keys()].sort());
    for (const [file, bytes] of full) assert.ok(bytes.equals(incremental.get(file)!), `${file} is the same either way`);
    assert.ok(written.includes(changedPage));
    assert.not.ok(written.includes('/pathfinder/2013/business-case/'), 'a page that does not show the item is not written');
    // Of the feed documents, subscription and archive, exactly those that hold the item are written.
    const feedPaths = new Set(after.feedDocuments.map((doc) => doc.path));
    const holding = after.feedDocuments.filter((doc) => doc.items.some((item) => item.path === changedPage)).map((doc) => doc.path);
    assert.ok(holding.includes('/social-care/atom.xml') && holding.some((doc) => doc.includes('/archive/')), holding.join(' '));
    assert.equal(written.filter((file) => feedPaths.has(file)).sort(), holding.sort());

    // The production build's feed writer gives the same bytes.
    const feedsWritten = await writeFeeds(after, out('feeds'), stylesheetPath);
    const feeds = readTree(out('feeds'));
    assert.is(feeds.size, after.feedDocuments.length);
    for (const sitePath of feedsWritten) assert.ok(feeds.get(sitePath.slice(1))!.equals(full.get(sitePath.slice(1))!), `${sitePath} is the same either way`);
  } finally {
    p.remove();
  }
});

live.run();

const search = suite('the search index');

search('indexes the item pages and the partner items, and reuses the index while none of them changes', async () => {
  const site = await buildSite({ contentDir: fixture });
  const cacheDir = path.join(path.dirname(site.dir), 'search-cache');
  const index = () => run('node', ['--import', 'tsx', 'scripts/build-search.ts', '--site', site.dir, '--cache', cacheDir]).then((r) => r.stdout);
  const entry = () => JSON.parse(readFileSync(path.join(site.dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  try {
    assert.equal(Object.values(entry().languages).map((l) => l.page_count), [5], 'the five item pages, no listing or tag pages');
    assert.match(await index(), /^Search index: 5 item pages and 0 partner items unchanged, previous index reused/);
    appendFileSync(path.join(site.dir, 'social-care', '2012', 'telecare-week', 'index.html'), '\n');
    assert.match(await index(), /^Search index: 5 item pages and 0 partner items indexed/);
    // A partner item (they have no page here) changes the fingerprint too, and joins the pages' index.
    const record = { url: 'https://partner.example.org/news/1', content: 'Partner news. A summary.', language: 'en-gb', meta: { title: 'Partner news' } };
    writeFileSync(path.join(site.dir, 'search', 'partner-items.json'), JSON.stringify([record]));
    assert.match(await index(), /^Search index: 5 item pages and 1 partner item indexed/);
    assert.equal(Object.entries(entry().languages).map(([language, l]) => [language, l.page_count]), [['en-gb', 6]], 'one index, with the partner item in it');
    assert.match(await index(), /^Search index: 5 item pages and 1 partner item unchanged, previous index reused/);
  } finally {
    site.remove();
  }
});

search.run();
