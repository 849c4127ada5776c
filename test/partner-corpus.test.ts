import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { collectNews, readStore } from '../lib/index.ts';
import { item as localItem, testNow, writeProject } from './helpers/content.ts';
import { corpusDir, corpusFiles, corpusReading, disagreements, readGolden } from './helpers/feed-corpus.ts';
import { startFeedServer } from './helpers/feed-server.ts';
import { readBack, renderAll } from './helpers/feeds.ts';
import { config, fetchInto, source } from './helpers/partners.ts';

const files = corpusFiles();
const bytesOf = (file: string) => readFileSync(path.join(corpusDir, file));

const read = suite('the public feed corpus, each file read as its golden says and as feedparser reads it');

for (const file of files) {
  read(file, () => {
    const golden = readGolden(file);
    assert.equal(corpusReading(bytesOf(file), golden.contentType), golden.expected);
    assert.equal(disagreements(golden), []);
  });
}

read.run();

const figures = suite('the public feed corpus, in figures');

figures('every well-formed feed is read, an empty one as a feed with no entries; only what is not XML, or not a feed, is refused', () => {
  const count = new Map<string, number>();
  const add = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const file of files) {
    const { expected, feedparser } = readGolden(file);
    if ('refused' in expected) add(`refused: ${expected.refused}${feedparser.bozo ? ', and feedparser finds it ill-formed' : ', not a feed to feedparser either'}`);
    else add(`read: ${expected.format}, ${expected.entries === 0 ? 'empty' : 'with entries'}`);
  }
  assert.equal(Object.fromEntries([...count].sort()), {
    'read: atom, empty': 77, 'read: atom, with entries': 174, 'read: json, with entries': 10, 'read: rdf, empty': 7, 'read: rdf, with entries': 12,
    'read: rss, empty': 250, 'read: rss, with entries': 185, 'refused: malformed, and feedparser finds it ill-formed': 7, 'refused: not-a-feed, not a feed to feedparser either': 5,
  });
});

figures.run();

const fetched = suite('the public feed corpus, served as partner sources');

fetched('every feed is fetched as it is read, nothing unsafe is stored, and the site\'s feeds built from it read back cleanly', async () => {
  const server = await startFeedServer();
  const project = writeProject({ 'industry/2012/concordat.md': localItem({ title: 'Concordat signed', date: '2012-01-19' }) });
  try {
    const sources = files.map((file, n) => {
      server.set(`/corpus/${n}`, bytesOf(file), readGolden(file).contentType);
      return source(server, `Corpus ${n}`, `corpus/${n}`);
    });
    const storeDir = path.join(project.rootDir, 'content', 'partners');
    const reports = await fetchInto(storeDir, sources, new Date('2026-11-25T08:00:00Z'), 8);
    const outcomes = reports.map((report, n) => {
      const { expected } = readGolden(files[n] as string);
      const seen = 'refused' in expected ? `the response ${expected.reason}; nothing was stored yet` : `${expected.entries} in the feed, ${expected.kept} stored`;
      return [files[n], report.outcome === 'failed' ? report.message : `${report.counts?.inFeed} in the feed, ${report.stored} stored`, seen];
    });
    assert.equal(outcomes.filter(([, got, want]) => got !== want), []);
    // What a fetch stored passes every check a read of the store makes: dates, links, plain titles, the summary allowlist.
    assert.equal(sources.flatMap((s) => readStore(storeDir, s.slug, s.name, { now: testNow, futureAllowanceHours: 36 }).problems), []);
    writeFileSync(path.join(project.rootDir, 'content', 'sources.yaml'), sources.map((s) => `- name: ${s.name}\n  url: ${s.url}\n  stream: industry\n  organisation: ${s.organisation}\n  homepage: ${s.homepage}`).join('\n'));
    const { site, problems } = collectNews({ config, rootDir: project.rootDir, now: testNow, includeDrafts: false });
    assert.equal(problems.filter((p) => p.severity === 'error'), []);
    const feeds = renderAll(site);
    const json = JSON.parse(feeds.get('/feed.json') ?? '{}') as { items: { content_html?: string }[] };
    assert.equal(json.items.filter((i) => /<script|<img|<iframe|<object|<embed|<style|\son\w+\s*=|javascript:/i.test(i.content_html ?? '')), []);
    for (const [docPath, feed] of await readBack(feeds)) assert.ok(feed.wellFormed && !feed.bozo, `${docPath}: ${feed.error ?? feed.bozoException}`);
  } finally {
    await server.close();
    project.remove();
  }
});

fetched.run();
