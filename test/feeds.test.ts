import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateCorpus } from '../bench/corpus.ts';
import { collectNews, feedDocuments, feedPath, lastChanged, resolveConfig, type FeedDocument, type NewsItem, type NewsSite } from '../lib/index.ts';
import { collectFrom, item, testConfigInput, testNow } from './helpers/content.ts';
import { readBack, renderAll, type ReadFeed } from './helpers/feeds.ts';

const files = {
  'industry/2012/winter.md': item(
    { title: '"Telehealth & telecare: 1 < 2 > 0 claims ]]> done"', date: '2012-01-16T14:30', tags: '[Telehealth, Evidence]', authors: 'Ann Author' },
    'Body with ]]> and <![CDATA[ inside, a [plan](/files/plan.pdf), [a sibling](../other/) and [a part](#part).\n\n<p>Raw ]]]]><![CDATA[> HTML</p>',
  ),
  'pathfinder/2012/summer.md': item({ title: 'Summer in Kent', date: '2012-07-10T14:30', streams: '[social-care, public-health]', tags: '[telehealth]', authors: '[{ name: Bob Builder, email: bob@example.org }]' }),
  'social-care/control.md': item({ title: '"Control \\x01 char \\uFFFE and \\uD800 lone"', date: '2013-03-22', summary: '"Bell \\x07 rings"' }, 'Text \u0001 with a control character.'),
  'public-health/link.md': item({ title: 'Link post', date: '2013-04-02', link: 'https://www.bmj.com/content/344/bmj.e3874?a=1&b=2', attachments: '[{ url: "https://files.example.org/a.pdf", title: "A & B", type: application/pdf, size: 1200 }]' }),
  'files/plan.pdf': '%PDF-1.4\n',
};

function site(options: Parameters<typeof collectFrom>[1] = {}): NewsSite {
  const { site: built, problems } = collectFrom(files, options);
  assert.equal(problems.filter((p) => p.severity === 'error'), []);
  return built;
}

/** What a reader must see for an item in every format. */
function expected(news: NewsItem, format: 'rss' | 'atom' | 'json') {
  return {
    id: news.id,
    title: news.title,
    link: news.link ?? news.url,
    published: news.date.iso,
    // RSS has no modified date; feedparser reports the publication date there.
    updated: format === 'rss' ? news.date.iso : lastChanged(news).iso,
  };
}

function seen(feed: ReadFeed | undefined) {
  return (feed?.entries ?? []).map(({ id, title, link, published, updated }) => ({ id, title, link, published, updated }));
}

const roundTrip = suite('round trip through a feed reader');

roundTrip('every feed reads back with the same items, titles, links, ids and dates as the stream', async () => {
  const news = site();
  const read = await readBack(renderAll(news));
  assert.is(read.size, news.feedDocuments.length);
  for (const doc of news.feedDocuments) {
    const feed = read.get(doc.path);
    assert.ok(feed?.wellFormed, `${doc.path}: ${feed?.error}`);
    assert.not.ok(feed?.bozo, `${doc.path}: ${feed?.bozoException}`);
    assert.equal(seen(feed), doc.items.map((i) => expected(i, doc.format)), doc.path);
  }
});

roundTrip('the same content gives byte-identical feeds, whatever the build time', () => {
  const first = renderAll(site());
  const second = renderAll(site());
  assert.equal([...second], [...first]);
  const lastBuild = /<lastBuildDate>([^<]+)</.exec(first.get('/rss.xml') ?? '')?.[1];
  assert.is(lastBuild, 'Tue, 02 Apr 2013 11:20:34 GMT');
});

roundTrip.run();

const content = suite('what the feeds carry');

content('characters XML forbids are removed, and `]]>` in titles and content stays text', async () => {
  const news = site();
  const rendered = renderAll(news);
  for (const [docPath, text] of rendered) {
    assert.not.match(text, /[\u0001\u0007\uFFFE]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/, docPath);
  }
  const read = await readBack(new Map([['/rss.xml', rendered.get('/rss.xml') ?? ''], ['/atom.xml', rendered.get('/atom.xml') ?? '']]));
  for (const feed of read.values()) {
    const titles = feed.entries.map((e) => e.title);
    assert.ok(titles.includes('Telehealth & telecare: 1 < 2 > 0 claims ]]> done'), titles.join(' | '));
    assert.ok(titles.includes('Control  char  and  lone'), titles.join(' | '));
    const winter = feed.entries.find((e) => e.title.startsWith('Telehealth'));
    assert.match(winter?.content ?? '', 'Body with ]]&gt; and &lt;![CDATA[ inside');
  }
});

content('relative links in bodies are absolute in every format', () => {
  const rendered = renderAll(site());
  for (const [docPath, text] of rendered) {
    if (!text.includes('Body with')) continue;
    const hrefs = [...text.matchAll(/href=\\?"([^"\\]+)/g)].map((m) => m[1]);
    assert.ok(hrefs.includes('https://news.example.org/files/plan.pdf'), `${docPath}: ${hrefs.join(' ')}`);
    assert.ok(hrefs.includes('https://news.example.org/industry/2012/other/'), docPath);
    assert.ok(hrefs.includes('https://news.example.org/industry/2012/winter/#part'), docPath);
  }
});

content('a date without offset is London time in winter and in summer, the same in every format', () => {
  const rendered = renderAll(site());
  const rss = rendered.get('/rss.xml') ?? '';
  const atom = rendered.get('/atom.xml') ?? '';
  const json = JSON.parse(rendered.get('/feed.json') ?? '{}') as { items: { title: string; date_published: string }[] };
  assert.match(rss, '<pubDate>Mon, 16 Jan 2012 14:30:00 GMT</pubDate>');
  assert.match(rss, '<pubDate>Tue, 10 Jul 2012 13:30:00 GMT</pubDate>');
  assert.match(atom, '<published>2012-01-16T14:30:00Z</published>');
  assert.match(atom, '<published>2012-07-10T13:30:00Z</published>');
  assert.equal(json.items.filter((i) => i.title === 'Summer in Kent').map((i) => i.date_published), ['2012-07-10T13:30:00Z']);
});

content('an item cross-posted to two streams is in both streams\' feeds, once each', async () => {
  const news = site();
  const summer = news.items.find((i) => i.title === 'Summer in Kent');
  const paths = ['/pathfinder/', '/social-care/', '/public-health/'].flatMap((folder) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => folder + file));
  const read = await readBack(new Map([...renderAll(news)].filter(([p]) => paths.includes(p))));
  for (const docPath of paths) assert.is(read.get(docPath)?.entries.filter((e) => e.id === summer?.id).length, 1, docPath);
  assert.is(read.get('/industry/rss.xml'), undefined);
});

content('authors: one author with an address is RSS <author>; names go through dc:creator; JSON Feed 1.1 authors', () => {
  const rendered = renderAll(site());
  const rss = rendered.get('/rss.xml') ?? '';
  assert.match(rss, '<author>bob@example.org (Bob Builder)</author>');
  assert.match(rss, '<dc:creator>Ann Author</dc:creator>');
  const json = JSON.parse(rendered.get('/feed.json') ?? '{}') as { version: string; items: { title: string; authors?: unknown }[] };
  assert.is(json.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(json.items.find((i) => i.title === 'Summer in Kent')?.authors, [{ name: 'Bob Builder' }]);
});

content('a link post points at its target, with its attachment as an enclosure', () => {
  const rendered = renderAll(site());
  assert.match(rendered.get('/rss.xml') ?? '', '<link>https://www.bmj.com/content/344/bmj.e3874?a=1&amp;b=2</link>');
  assert.match(rendered.get('/rss.xml') ?? '', '<enclosure url="https://files.example.org/a.pdf" length="1200" type="application/pdf"/>');
  assert.match(rendered.get('/atom.xml') ?? '', '<link rel="enclosure" type="application/pdf" href="https://files.example.org/a.pdf" title="A &amp; B" length="1200"/>');
  const json = JSON.parse(rendered.get('/feed.json') ?? '{}') as { items: { title: string; url: string; external_url?: string }[] };
  const post = json.items.find((i) => i.title === 'Link post');
  assert.equal([post?.url, post?.external_url], ['https://news.example.org/public-health/2013/link/', 'https://www.bmj.com/content/344/bmj.e3874?a=1&b=2']);
});

content.run();

const archives = suite('RFC 5005 archives');

/** Walks a channel's documents from the subscription document, as a reader fetching the full history would. */
function walk(read: Map<string, ReadFeed>, start: string, origin: string, next: (feed: ReadFeed) => string | null | undefined): string[] {
  const ids: string[] = [];
  const visited = new Set<string>();
  for (let at: string | undefined = start; at !== undefined; ) {
    assert.not.ok(visited.has(at), `${at} is reached twice`);
    visited.add(at);
    const feed = read.get(at);
    assert.ok(feed, `${at} was not rendered`);
    ids.push(...(feed?.entries.map((e) => e.id) ?? []));
    const link = feed ? next(feed) : undefined;
    at = link ? link.replace(origin, '/') : undefined;
  }
  return ids;
}

archives('a reader reaches every item exactly once, from the subscription feed through the archives', async () => {
  const news = site({ config: { feeds: { subscriptionSize: 1, archivePageSize: 1 } } });
  const read = await readBack(renderAll(news));
  for (const channel of news.feedChannels) {
    const expectedIds = channel.items.map((i) => i.id);
    for (const format of ['rss', 'atom'] as const) {
      assert.equal(walk(read, feedPath(channel, format), 'https://news.example.org/', (f) => f.links['prev-archive']), expectedIds, `${channel.key} ${format}`);
    }
    assert.equal(walk(read, feedPath(channel, 'json'), 'https://news.example.org/', (f) => f.links.next), expectedIds, `${channel.key} json`);
  }
});

archives('archives fill from the oldest, so a full archive never changes as news arrives', () => {
  const news = site({ config: { feeds: { subscriptionSize: 1, archivePageSize: 2 } } });
  const all = news.feedChannels.find((c) => c.key === 'all');
  assert.ok(all);
  const docs = feedDocuments(all!, 'atom', news.config.feeds);
  const titles = (doc: FeedDocument) => [doc.path, doc.items.map((i) => i.title)];
  assert.equal(docs.map(titles), [
    ['/atom.xml', ['Link post']],
    ['/feed/archive/1/atom.xml', ['Summer in Kent', 'Telehealth & telecare: 1 < 2 > 0 claims ]]> done']],
    ['/feed/archive/2/atom.xml', ['Control  char  and  lone']],
  ]);
  assert.equal(docs.map((d) => [d.prevArchive, d.nextArchive]), [
    ['/feed/archive/2/atom.xml', undefined],
    [undefined, '/feed/archive/2/atom.xml'],
    ['/feed/archive/1/atom.xml', '/atom.xml'],
  ]);
});

archives.run();

const hostile = suite('a generated corpus of 2,000 hostile items');

hostile('every entry of the integrated feeds and archives is well-formed and reads back exactly', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-hostile-'));
  try {
    generateCorpus({ dir: path.join(dir, 'content'), items: 2000, hostile: true });
    const { site: news, problems } = collectNews({ config: resolveConfig(testConfigInput), rootDir: dir, now: testNow, includeDrafts: false });
    assert.equal(problems.filter((p) => p.severity === 'error'), []);
    assert.is(news.items.length, 2000);
    const integrated = news.feedDocuments.filter((d) => d.channel.key === 'all');
    const read = await readBack(renderAll(news, integrated));
    let entries = 0;
    for (const doc of integrated) {
      const feed = read.get(doc.path);
      assert.ok(feed?.wellFormed, `${doc.path}: ${feed?.error}`);
      assert.not.ok(feed?.bozo, `${doc.path}: ${feed?.bozoException}`);
      assert.equal(seen(feed), doc.items.map((i) => expected(i, doc.format)), doc.path);
      entries += feed?.entries.length ?? 0;
    }
    assert.is(entries, 3 * 2000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

hostile.run();
