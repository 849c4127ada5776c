import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { resolveConfig } from '../lib/config.ts';
import type { NewsItem } from '../lib/model.ts';
import { readNews } from '../lib/news.ts';
import { readSourcesConfig } from '../lib/partners/config.ts';
import { fetchPartners } from '../lib/partners/fetch.ts';
import { groupByStream } from '../lib/select.ts';
import { buildSite } from '../site/build.ts';
import { describeStream } from '../pipeline/summary.ts';
import { item, testConfigInput, testNow, writeProject } from './helpers/content.ts';
import { startFeedServer } from './helpers/feed-server.ts';
import { renderAll } from './helpers/feeds.ts';

const config = resolveConfig(testConfigInput);

/** A project with one local item and two partner sources, fetched from a real host into its store. */
async function projectWithPartners() {
  const server = await startFeedServer();
  const project = writeProject({ 'industry/2012/concordat.md': item({ title: 'Concordat signed', date: '2012-01-19' }) });
  try {
    const sourcesFile = path.join(project.rootDir, 'content', 'sources.yaml');
    writeFileSync(sourcesFile, [
      `- name: Northshire news\n  url: ${server.url}rss-20.xml\n  stream: pathfinder\n  organisation: Northshire Telecare Partnership\n  homepage: https://northshire-telecare.example.org/`,
      `- name: CareLink press releases\n  url: ${server.url}atom-10.xml\n  stream: industry\n  organisation: CareLink Technologies\n  homepage: https://carelink.example.org/`,
    ].join('\n'));
    const { sources } = readSourcesConfig(sourcesFile, 'sources.yaml', config.streams.map((s) => s.slug));
    await fetchPartners({
      sources, storeDir: path.join(project.rootDir, 'content', 'partners'), config, now: new Date('2026-11-25T08:00:00Z'), fetch, concurrency: 2,
      limits: { timeoutMs: 1000, maxBytes: 100_000, maxRedirects: 3, userAgent: '3ML-News/test' },
    });
  } finally {
    await server.close();
  }
  return project;
}

const credits = (item: NewsItem) => item.sources.map((s) => (s.kind === 'feed' ? s.name : s.file));

const build = suite('partner items in the stream');

build('the build reads the store: partner items join their stream, link to the original, and credit their source', async () => {
  const project = await projectWithPartners();
  try {
    const site = await readNews({ config, rootDir: project.rootDir, now: testNow, includeDrafts: false });
    const { problems } = site;
    assert.equal(problems, []);
    assert.equal(site.items.map((i) => [i.title, i.streams, i.url, credits(i)]), [
      ['A notice without a date', ['pathfinder'], 'https://northshire-telecare.example.org/news/notice', ['Northshire news']],
      ['CareLink & Northshire sign a five-year service contract', ['industry'], 'https://carelink.example.org/press/northshire-contract', ['CareLink press releases']],
      // One story from two partners, with two spellings of its link: one item, both credited, in both sources' streams.
      ['Telecare reaches 2,000 homes in Northshire', ['pathfinder', 'industry'], 'https://northshire-telecare.example.org/news/2000-homes?utm_source=rss', ['Northshire news', 'CareLink press releases']],
      ['Carers’ evening: technology that helps', ['pathfinder'], 'https://northshire-telecare.example.org/news/carers-evening', ['Northshire news']],
      // A partner republishing our own item: ours stays, and credits the partner.
      ['Concordat signed', ['industry'], 'https://news.example.org/industry/2012/concordat/', ['content/industry/2012/concordat.md', 'CareLink press releases']],
    ]);
    assert.equal(groupByStream(site.items, config.streams).find((s) => s.stream.slug === 'industry')?.items.map((i) => i.title), [
      'CareLink & Northshire sign a five-year service contract', 'Telecare reaches 2,000 homes in Northshire', 'Concordat signed',
    ]);
    // Merges are counted, as information: per source, and in the build's summary.
    assert.equal(site.merges.map((m) => m.from), [['CareLink press releases'], ['CareLink press releases']]);
    assert.is(describeStream(site), '3ML News: 5 items (Industry 2, Pathfinder sites 3, Social care 0, Public health 0); 2 partner items merged into another telling the same story');
    const contract = site.items[1];
    assert.equal(contract && [contract.path, contract.link, contract.organisation, contract.summary, contract.contentHtml], [
      undefined, 'https://carelink.example.org/press/northshire-contract', 'CareLink Technologies', 'A service contract, not an equipment sale.',
      '<p>A service contract, not an equipment sale.</p>\n<p><a href="https://carelink.example.org/press/northshire-contract">Read the full story from CareLink Technologies</a></p>',
    ]);
    assert.equal(site.partnerSources.map((s) => [s.name, s.items, s.status, s.stale, s.merged]), [['Northshire news', 3, 200, false, 0], ['CareLink press releases', 3, 200, false, 2]]);
    // Staleness is measured against the build's moment: a week without a successful fetch is stale, even if no fetch ran since.
    const weekLater = { site: await readNews({ config, rootDir: project.rootDir, now: new Date('2026-12-02T08:00:01Z'), includeDrafts: false }) };
    assert.equal(weekLater.site.partnerSources.map((s) => s.stale), [true, true]);
  } finally {
    project.remove();
  }
});

// How readers see partner items (feedparser, in every format) is the full tier's test/full/feeds-readers.test.ts.
build('partner items are in the feeds, linking to the original', async () => {
  const project = await projectWithPartners();
  try {
    const site = buildSite(await readNews({ config, rootDir: project.rootDir, now: testNow, includeDrafts: false }), { rootDir: project.rootDir, contentDir: 'content' });
    const itemLinks = (xml: string) => [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]?.replace(/&amp;/g, '&'));
    assert.equal(itemLinks(renderAll(site).get('/pathfinder/rss.xml') ?? ''), [
      'https://northshire-telecare.example.org/news/notice',
      'https://northshire-telecare.example.org/news/2000-homes?utm_source=rss',
      'https://northshire-telecare.example.org/news/carers-evening',
    ]);
    const json = JSON.parse(renderAll(site).get('/feed.json') ?? '{}') as { items: { title: string; _threeml: { sources?: unknown } }[] };
    assert.equal(json.items.find((i) => i.title.startsWith('Telecare reaches'))?._threeml.sources, [
      { name: 'Northshire news', organisation: 'Northshire Telecare Partnership', url: 'https://northshire-telecare.example.org/' },
      { name: 'CareLink press releases', organisation: 'CareLink Technologies', url: 'https://carelink.example.org/' },
    ]);
    // A partner item names the feed it came from; our own item, though a partner republished it, does not.
    const sourceOf = (xml: string, title: string) => {
      const entry = xml.split(/<\/(?:item|entry)>/).find((part) => part.includes(title)) ?? '';
      return /<source url="([^"]+)"/.exec(entry)?.[1] ?? /<source><id>([^<]+)<\/id>/.exec(entry)?.[1];
    };
    const carelinkFeed = site.stream.items[1]?.sources[0]?.kind === 'feed' ? site.stream.items[1].sources[0].url : 'missing';
    const feeds = renderAll(site);
    for (const file of ['/industry/rss.xml', '/industry/atom.xml']) {
      const xml = feeds.get(file) ?? '';
      assert.equal([sourceOf(xml, 'sign a five-year service contract'), sourceOf(xml, 'Concordat signed')], [carelinkFeed, undefined], file);
    }
  } finally {
    project.remove();
  }
});

build.run();
