/** The public feed corpus (test/fixtures/feed-corpus) served as partner sources, and the site's feeds made of it read back by a feed reader. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { readNews } from '../../lib/news.ts';
import { readStore } from '../../lib/partners/store.ts';
import { buildSite } from '../../site/build.ts';
import { item as localItem, testNow, writeProject } from '../helpers/content.ts';
import { corpusDir, corpusFiles, readGolden } from '../helpers/feed-corpus.ts';
import { startFeedServer } from '../helpers/feed-server.ts';
import { readBack, renderAll } from '../helpers/feeds.ts';
import { config, fetchInto, source } from '../helpers/partners.ts';
import { suite } from '../helpers/suite.ts';

const files = corpusFiles();
const bytesOf = (file: string) => readFileSync(path.join(corpusDir, file));

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
    const stream = await readNews({ config, rootDir: project.rootDir, now: testNow, includeDrafts: false });
    assert.equal(stream.problems.filter((p) => p.severity === 'error'), []);
    const site = buildSite(stream, { rootDir: project.rootDir, contentDir: 'content' });
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
