/**
 * What makes rebuilds fast must never make them wrong: the parsed-items cache, and
 * builds that write only the outputs whose inputs changed, give exactly what a fresh
 * build gives, and leave nothing behind.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { buildWithEleventy } from '../eleventy.config.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { resolveConfig } from '../lib/config.ts';
import { readLocalCache, writeLocalCache } from '../lib/content/cache.ts';
import type { LocalCache } from '../lib/content/local.ts';
import { buildNews } from '../lib/news.ts';
import { manifestFile, readManifest } from '../site/write.ts';
import newsConfig from '../news.config.ts';
import { testNow } from './helpers/content.ts';
import { suite } from './helpers/suite.ts';

const config = resolveConfig(newsConfig);
const fixture = 'test/fixtures/valid/content';
const changedFile = 'social-care/telecare-week.md';
const changedPage = '/social-care/2012/telecare-week/';

/** A temporary project holding a copy of the valid fixture content, with folders for outputs and the cache. */
function project(projectConfig = config) {
  const rootDir = mkdtempSync(path.join(tmpdir(), '3ml-incremental-'));
  cpSync(fixture, path.join(rootDir, 'content'), { recursive: true });
  const cacheDir = path.join(rootDir, 'cache');
  const settings = settingsFromEnvironment({ config: projectConfig, contentDir: path.join(rootDir, 'content'), cacheDir, log: () => {} });
  return {
    rootDir,
    file: (relative: string) => path.join(rootDir, 'content', relative),
    read: (cache?: LocalCache) => buildNews({ config: projectConfig, rootDir, contentDir: 'content', includeDrafts: false, now: testNow, ...(cache && { cache }) }, () => {}),
    /** A build into `name`, as `npm run build:site` makes it; resolves to what it wrote, by path. */
    build: async (name: string, overrides: Partial<typeof settings> = {}) => {
      const outputDir = path.join(rootDir, name);
      await buildWithEleventy({ ...settings, ...overrides }, outputDir);
      return readManifest(manifestFile(cacheDir, outputDir));
    },
    tree: (name: string) => readTree(path.join(rootDir, name)),
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

/** The modification time of every file of a tree, to tell which a build wrote. */
function times(dir: string): Map<string, number> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
    const full = path.join(e.parentPath, e.name);
    return [path.relative(dir, full), statSync(full).mtimeMs] as const;
  }));
}

const cache = suite('the parsed-items cache');

cache('a reading with the cache gives the same items, and reads again only the file that changed', async () => {
  const p = project();
  try {
    const cached: LocalCache = new Map();
    const first = await p.read(cached);
    assert.is(cached.size, 6, 'every file is cached, the draft included');
    const again = await p.read(cached);
    assert.equal(again.items, first.items);

    retitle(p.file(changedFile), 'Telecare week, with a new title');
    const edited = await p.read(cached);
    const fresh = await p.read();
    assert.equal(edited.items, fresh.items);
    assert.ok(edited.items.some((item) => item.title === 'Telecare week, with a new title'));

    rmSync(p.file(changedFile));
    const removed = await p.read(cached);
    assert.is(cached.has(changedFile), false, 'a deleted file leaves the cache');
    assert.is(removed.items.length, first.items.length - 1);
  } finally {
    p.remove();
  }
});

cache('the cache file is read back only for the content, configuration and static files it was written for', async () => {
  const p = project();
  try {
    // A time in whole seconds, which every file system keeps exactly.
    const target = p.file(changedFile);
    const time = new Date('2026-11-01T09:00:00Z');
    utimesSync(target, time, time);
    const cached: LocalCache = new Map();
    await p.read(cached);
    const file = path.join(p.rootDir, 'cache', 'items.v8');
    const contentRoot = path.join(p.rootDir, 'content');
    await writeLocalCache(file, cached, config, contentRoot);
    const read = readLocalCache(file, config, contentRoot);
    assert.equal([...read.keys()].sort(), [...cached.keys()].sort());
    assert.is(readLocalCache(file, config, path.resolve(fixture)).size, 0, 'another content folder');
    assert.is(readLocalCache(file, resolveConfig({ ...newsConfig, pageSize: 7 }), contentRoot).size, 0, 'another configuration');
    assert.is(readLocalCache(path.join(p.rootDir, 'no-such-file'), config, contentRoot).size, 0);

    // Same size and time: the cached result stands, the file is not read again.
    writeFileSync(target, readFileSync(target, 'utf8').replace('Telecare week', 'Telecare WEEK'));
    utimesSync(target, time, time);
    const stream = await p.read(read);
    assert.ok(stream.items.some((item) => item.title.includes('Telecare week')));

    appendFileSync(path.join(contentRoot, 'files', 'map.svg'), '\n');
    assert.is(readLocalCache(file, config, contentRoot).size, 0, 'a static file changed');
  } finally {
    p.remove();
  }
});

cache.run();

const builds = suite('builds into a folder that holds an earlier build');

builds('a build with nothing changed writes nothing, and leaves every file as it was', async () => {
  const p = project();
  try {
    await p.build('out');
    const before = times(path.join(p.rootDir, 'out'));
    const manifest = await p.build('out');
    assert.equal(times(path.join(p.rootDir, 'out')), before);
    assert.is(Object.keys(manifest?.outputs ?? {}).length, before.size);
  } finally {
    p.remove();
  }
});

builds('after an edit, it writes exactly the outputs that show the item, and the folder is what a fresh build makes', async () => {
  // Feeds of one item and archives of one, so that most feed documents do not hold the changed item.
  const p = project(resolveConfig({ ...newsConfig, feeds: { subscriptionSize: 1, archivePageSize: 1 } }));
  try {
    await p.build('out');
    const before = times(path.join(p.rootDir, 'out'));
    retitle(p.file(changedFile), 'Telecare week, with a new title');
    const manifest = await p.build('out');
    await p.build('fresh');
    assert.equal(p.tree('out'), p.tree('fresh'));
    const after = times(path.join(p.rootDir, 'out'));
    const written = [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => `/${file}`.replace(/index\.html$/, '')).sort();
    assert.ok(written.includes(changedPage));
    assert.not.ok(written.includes('/pathfinder/2013/business-case/'), 'a page that does not show the item is not written');
    // Of the feed documents, subscription and archive, exactly those that hold the item are written.
    const feeds = Object.entries(manifest?.outputs ?? {}).filter(([, entry]) => entry.route.startsWith('feed') && entry.route !== 'feeds' && entry.route !== 'feedAbout');
    const stream = await p.read();
    const item = stream.items.find((i) => i.path === changedPage);
    assert.ok(item);
    const holding = feeds.map(([sitePath]) => sitePath).filter((sitePath) => readFileSync(path.join(p.rootDir, 'out', sitePath), 'utf8').includes(item?.id ?? '?'));
    assert.ok(holding.includes('/social-care/atom.xml') && holding.some((doc) => doc.includes('/archive/')), holding.join(' '));
    assert.equal(written.filter((file) => feeds.some(([sitePath]) => sitePath === file)), holding.sort());
  } finally {
    p.remove();
  }
});

builds('what the content no longer publishes is removed: a deleted item, a preview\'s draft, a file put there by hand', async () => {
  const p = project();
  try {
    await p.build('out', { includeDrafts: true });
    assert.ok(p.tree('out').has('social-care/2013/draft-plan/index.html'), 'a preview shows the draft');
    mkdirSync(path.join(p.rootDir, 'out', 'old'), { recursive: true });
    writeFileSync(path.join(p.rootDir, 'out', 'old', 'page.html'), 'left over');
    rmSync(p.file('industry/2012/concordat-signed.md'));
    await p.build('out');
    await p.build('fresh');
    assert.equal([...p.tree('out').keys()].sort(), [...p.tree('fresh').keys()].sort());
    assert.equal(p.tree('out'), p.tree('fresh'));
    const all = [...p.tree('out').values()].map((bytes) => bytes.toString('utf8')).join('\n');
    assert.not.match(all, 'draft-plan');
    assert.not.match(all, 'concordat-signed');
  } finally {
    p.remove();
  }
});

builds('a file changed by hand after the build is written again', async () => {
  const p = project();
  try {
    await p.build('out');
    const page = path.join(p.rootDir, 'out', 'about', 'index.html');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, 'changed by hand');
    await p.build('out');
    assert.is(readFileSync(page, 'utf8'), original);
  } finally {
    p.remove();
  }
});

builds.run();
