/** The feeds read back by feed readers: Debian's feedparser for RSS and Atom, feedsmith for JSON Feed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { generateCorpus } from '../../bench/corpus.ts';
import { resolveConfig } from '../../lib/config.ts';
import { feedPath } from '../../lib/feeds/spec.ts';
import { readNews } from '../../lib/news.ts';
import { buildSite } from '../../site/build.ts';
import { byTitle, expected, origin, partner, seen, site, sixDays, small, walk } from '../helpers/feed-content.ts';
import { testConfigInput, testNow } from '../helpers/content.ts';
import { readBack, renderAll } from '../helpers/feeds.ts';
import { suite } from '../helpers/suite.ts';

const roundTrip = suite('round trip through a feed reader');

roundTrip('every feed and archive reads back with the same items, titles, links, ids and dates as the stream', async () => {
  const news = await site();
  assert.equal(news.documents.filter((d) => d.archive !== undefined && d.format === 'rss').map((d) => [d.path, d.items.length]), [
    ['/feed/archive/1/rss.xml', 100],
    ['/feed/archive/2/rss.xml', 10],
    ['/public-health/feed/archive/1/rss.xml', 100],
    ['/public-health/feed/archive/2/rss.xml', 7],
  ]);
  const read = await readBack(renderAll(news));
  assert.is(read.size, news.documents.length);
  for (const doc of news.documents) {
    const feed = read.get(doc.path);
    assert.ok(feed?.wellFormed, `${doc.path}: ${feed?.error}`);
    assert.not.ok(feed?.bozo, `${doc.path}: ${feed?.bozoException}`);
    assert.is(feed?.version, { rss: 'rss20', atom: 'atom10', json: 'https://jsonfeed.org/version/1.1' }[doc.format], doc.path);
    assert.equal(seen(feed), doc.items.map((i) => expected(i, doc.format)), doc.path);
  }
  // The one item with `updated`: its modified date where the format has one.
  const summer = (format: string) => read.get(`/pathfinder/${format}`)?.entries.find((e) => e.title === 'Summer in Kent');
  assert.equal(['rss.xml', 'atom.xml', 'feed.json'].map((f) => [summer(f)?.published, summer(f)?.updated]), [
    ['2012-07-10T13:30:00Z', '2012-07-10T13:30:00Z'],
    ['2012-07-10T13:30:00Z', '2012-08-01T08:00:00Z'],
    ['2012-07-10T13:30:00Z', '2012-08-01T08:00:00Z'],
  ]);
});

roundTrip.run();

const content = suite('what the feeds carry');

content('characters XML forbids are removed, and `]]>` in titles and content stays text', async () => {
  const news = await site();
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

content('an item cross-posted to two streams is in both streams\' feeds, once each, and in no other stream\'s', async () => {
  const news = await site();
  const summer = byTitle(news, 'Summer in Kent');
  const streamFeeds = news.documents.filter((d) => ['industry', 'pathfinder', 'social-care', 'public-health'].includes(d.channel.key) && d.archive === undefined);
  const read = await readBack(renderAll(news, streamFeeds));
  const count = (docPath: string) => read.get(docPath)?.entries.filter((e) => e.id === summer.id).length;
  assert.equal(streamFeeds.map((d) => [d.path, count(d.path)]), ['industry', 'pathfinder', 'social-care', 'public-health'].flatMap((stream) =>
    ['rss.xml', 'atom.xml', 'feed.json'].map((file) => [`/${stream}/${file}`, stream === 'industry' ? 0 : 1]),
  ));
});

content('each item\'s organisation and region reach readers in every format', async () => {
  const news = await site();
  const read = await readBack(renderAll(news, news.documents.filter((d) => d.channel.key === 'all' && d.archive === undefined)));
  for (const feed of read.values()) {
    const origins = (title: string) => feed.entries.filter((e) => e.title === title).map((e) => [e.publisher, e.coverage]);
    assert.equal(origins('Summer in Kent'), [['Kent County Council', 'Kent']], feed.path);
    assert.equal(origins('Link post'), [['BMJ & partners', null]], feed.path);
    assert.equal(origins('Notice 125'), [[null, null]], feed.path);
  }
});

content('categories: the item\'s streams and tags; Atom with the slug as term, RSS with the name, JSON Feed tags with the names', async () => {
  const news = await site();
  const read = await readBack(renderAll(news, news.documents.filter((d) => d.channel.key === 'industry')));
  const winter = (file: string) => read.get(`/industry/${file}`)?.entries[0]?.categories;
  assert.equal(winter('atom.xml'), [
    { term: 'industry', scheme: `${origin}/`, label: 'Industry' },
    { term: 'telehealth', scheme: `${origin}/tags/`, label: 'Telehealth' },
    { term: 'evidence', scheme: `${origin}/tags/`, label: 'Evidence' },
  ]);
  assert.equal(winter('rss.xml'), [
    { term: 'Industry', scheme: `${origin}/`, label: null },
    { term: 'Telehealth', scheme: `${origin}/tags/`, label: null },
    { term: 'Evidence', scheme: `${origin}/tags/`, label: null },
  ]);
  assert.equal(winter('feed.json'), ['Industry', 'Telehealth', 'Evidence'].map((term) => ({ term, scheme: null, label: null })));
});

content('RSS guids: isPermaLink only where the id is the item\'s address', async () => {
  const rendered = renderAll(await site());
  const read = await readBack(new Map([['/social-care/rss.xml', rendered.get('/social-care/rss.xml') ?? '']]));
  assert.equal(read.get('/social-care/rss.xml')?.entries.map((e) => [e.title, e.id, e.permaLink]), [
    ['Control  char  and  lone', 'tag:3millionlives.co.uk,2013-03-22:social-care/control', false],
    ['An item whose id is its address', `${origin}/social-care/2013/permalink/`, true],
    ['Summer in Kent', 'tag:3millionlives.co.uk,2012-07-10:pathfinder/summer', false],
  ]);
  assert.match(rendered.get('/social-care/rss.xml') ?? '', `<guid isPermaLink="true">${origin}/social-care/2013/permalink/</guid>`);
});

content('every feed names its language, its own address, its page and its HTML preview page', async () => {
  const news = await site();
  const subscriptions = news.documents.filter((d) => d.archive === undefined);
  const read = await readBack(renderAll(news, subscriptions));
  for (const doc of subscriptions) {
    const feed = read.get(doc.path);
    assert.is(feed?.language, 'en-GB', doc.path);
    const self = origin + doc.path;
    const preview = `${origin}${doc.channel.aboutPath}`;
    const home = `${origin}${doc.channel.homePath}`;
    const older = doc.prevArchive && origin + doc.prevArchive;
    assert.equal(feed?.links, doc.format === 'json'
      ? { self, next: older ?? null, about: preview }
      : { self, alternate: home, related: preview, ...(older && { 'prev-archive': older }) }, doc.path);
  }
});

content('with a WebSub hub, feedparser reads every subscription feed as before, the hub among its links beside its own address', async () => {
  const hub = 'https://hub.example.org/';
  const news = await site({ config: { websub: { hubs: [hub] } } });
  const subscriptions = news.documents.filter((d) => d.archive === undefined && d.format !== 'json');
  const read = await readBack(renderAll(news, subscriptions));
  for (const doc of subscriptions) {
    const feed = read.get(doc.path);
    assert.not.ok(feed?.bozo, `${doc.path}: ${feed?.bozoException}`);
    assert.equal([feed?.links.hub, feed?.links.self, feed?.entries.length], [hub, origin + doc.path, doc.items.length], doc.path);
  }
});

content.run();

const archives = suite('RFC 5005 archives');

archives('a reader reaches every item exactly once, from the subscription feed through the archives', async () => {
  const news = await site({ config: { feeds: { subscriptionSize: 1, archivePageSize: 1 } } }, { ...sixDays, ...partner([{ title: 'Old news, seen late', published: '2012-05-01T09:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }]) });
  const read = await readBack(renderAll(news));
  for (const feedChannel of news.channels) {
    const expectedIds = feedChannel.items.map((i) => i.id).sort();
    for (const format of ['rss', 'atom'] as const) {
      assert.equal(walk(read, feedPath(feedChannel, format), (f) => f.links['prev-archive']).sort(), expectedIds, `${feedChannel.key} ${format}`);
    }
    assert.equal(walk(read, feedPath(feedChannel, 'json'), (f) => f.links.next).sort(), expectedIds, `${feedChannel.key} json`);
  }
});

archives('archives are marked fh:archive and link to the subscription feed (current) and to each other; the newest has no next-archive', async () => {
  const news = await site(small, sixDays);
  const read = await readBack(renderAll(news, news.documents.filter((d) => d.channel.key === 'all')));
  const url = (sitePath: string) => origin + sitePath;
  for (const file of ['rss.xml', 'atom.xml']) {
    const archive = (n: number) => `/feed/archive/${n}/${file}`;
    const links = (self: string, history: Record<string, string>) => ({ self: url(self), alternate: url('/'), related: url('/feed/'), ...history });
    const current = { current: url(`/${file}`) };
    const seenAt = (docPath: string) => [docPath, read.get(docPath)?.archive, read.get(docPath)?.links, read.get(docPath)?.entries.map((e) => e.title)];
    assert.equal([`/${file}`, archive(1), archive(2), archive(3)].map(seenAt), [
      [`/${file}`, false, links(`/${file}`, { 'prev-archive': url(archive(3)) }), ['Day 6']],
      [archive(1), true, links(archive(1), { ...current, 'next-archive': url(archive(2)) }), ['Day 2', 'Day 1']],
      [archive(2), true, links(archive(2), { ...current, 'prev-archive': url(archive(1)), 'next-archive': url(archive(3)) }), ['Day 4', 'Day 3']],
      [archive(3), true, links(archive(3), { ...current, 'prev-archive': url(archive(2)) }), ['Day 5']],
    ], file);
  }
  assert.equal(['/feed.json', '/feed/archive/3/feed.json', '/feed/archive/2/feed.json', '/feed/archive/1/feed.json'].map((p) => read.get(p)?.links.next), [
    url('/feed/archive/3/feed.json'), url('/feed/archive/2/feed.json'), url('/feed/archive/1/feed.json'), null,
  ]);
});

archives.run();

const hostile = suite('a generated corpus of 2,000 hostile items');

hostile('every entry of the integrated feeds and archives is well-formed and reads back exactly', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-hostile-'));
  try {
    generateCorpus({ dir: path.join(dir, 'content'), items: 2000, hostile: true });
    const stream = await readNews({ config: resolveConfig(testConfigInput), rootDir: dir, now: testNow, includeDrafts: false });
    const { problems } = stream;
    const news = buildSite(stream, { rootDir: dir, contentDir: 'content' });
    assert.equal(problems.filter((p) => p.severity === 'error'), []);
    assert.is(news.stream.items.length, 2000);
    const integrated = news.documents.filter((d) => d.channel.key === 'all');
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
