import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateCorpus } from '../bench/corpus.ts';
import { collectNews, feedPath, lastChanged, NewsConfigError, resolveConfig, type FeedChannel, type FeedDocument, type FeedFormat, type NewsItem, type NewsSite } from '../lib/index.ts';
import { collectFrom, item, testConfigInput, testNow } from './helpers/content.ts';
import { readBack, renderAll, type ReadFeed } from './helpers/feeds.ts';

const origin = 'https://news.example.org';

/** 125 short notices in 2011, older than everything below: enough for archives at the default sizes (20, 100). */
const notices = Object.fromEntries(Array.from({ length: 125 }, (_, index) => {
  const day = new Date(Date.UTC(2011, 0, 1 + index)).toISOString().slice(0, 10);
  return [`public-health/2011/notice-${index + 1}.md`, item({ title: `Notice ${index + 1}`, date: day })];
}));

const files = {
  'industry/2012/winter.md': item(
    { title: '"Telehealth & telecare: 1 < 2 > 0 claims ]]> done"', date: '2012-01-16T14:30', tags: '[Telehealth, Evidence]', authors: 'Ann Author' },
    [
      'Body with ]]> and <![CDATA[ inside, a [plan](/files/plan.pdf), [a sibling](../other/) and [a part](#part).',
      '',
      '![A chart](/files/chart.svg)',
      '',
      '<blockquote cite="/files/plan.pdf"><p>Quoted, <q cite="../other/">inline</q> and <q cite="javascript:alert(1)">unsafe</q>.</p></blockquote>',
      '',
      '<p>Raw ]]]]><![CDATA[> HTML</p>',
    ].join('\n'),
  ),
  'pathfinder/2012/summer.md': item({
    title: 'Summer in Kent', date: '2012-07-10T14:30', updated: '2012-08-01T09:00', streams: '[social-care, public-health]', tags: '[telehealth]',
    authors: '[{ name: Bob Builder, email: bob@example.org }]', organisation: 'Kent County Council', region: 'Kent',
  }),
  'social-care/control.md': item({ title: '"Control \\x01 char \\uFFFE and \\uD800 lone"', date: '2013-03-22', summary: '"Bell \\x07 rings"' }, 'Text \u0001 with a control character.'),
  'social-care/2013/permalink.md': item({ title: 'An item whose id is its address', date: '2013-03-01', id: `${origin}/social-care/2013/permalink/` }),
  'public-health/link.md': item({
    title: 'Link post', date: '2013-04-02', link: 'https://www.bmj.com/content/344/bmj.e3874?a=1&b=2', organisation: '"BMJ & partners"',
    attachments: '[{ url: "https://files.example.org/a.pdf", title: "A & B", type: application/pdf, size: 1200 }]',
  }),
  'files/plan.pdf': '%PDF-1.4\n',
  'files/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>\n',
  ...notices,
};

function site(options: Parameters<typeof collectFrom>[1] = {}, content: Record<string, string> = files): NewsSite {
  const { site: built, problems } = collectFrom(content, options);
  assert.equal(problems.filter((p) => p.severity === 'error'), []);
  return built;
}

const byTitle = (news: NewsSite, title: string): NewsItem => {
  const found = news.items.find((i) => i.title === title);
  assert.ok(found, title);
  return found as NewsItem;
};

const channel = (news: NewsSite, key: string): FeedChannel => {
  const found = news.feedChannels.find((c) => c.key === key);
  assert.ok(found, key);
  return found as FeedChannel;
};

/** What a reader must see for an item in every format. */
function expected(news: NewsItem, format: FeedFormat) {
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

roundTrip('every feed and archive reads back with the same items, titles, links, ids and dates as the stream', async () => {
  const news = site();
  assert.equal(news.feedDocuments.filter((d) => d.archive !== undefined && d.format === 'rss').map((d) => [d.path, d.items.length]), [
    ['/feed/archive/1/rss.xml', 100],
    ['/feed/archive/2/rss.xml', 10],
    ['/public-health/feed/archive/1/rss.xml', 100],
    ['/public-health/feed/archive/2/rss.xml', 7],
  ]);
  const read = await readBack(renderAll(news));
  assert.is(read.size, news.feedDocuments.length);
  for (const doc of news.feedDocuments) {
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

roundTrip('the same content gives byte-identical feeds, whatever the build time', () => {
  const first = renderAll(site({ now: testNow }));
  const second = renderAll(site({ now: new Date('2031-06-01T00:00:00Z') }));
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

content('every URL in a body is absolute in every format: links, images and the cite of quotations', () => {
  const news = site();
  const winter = byTitle(news, 'Telehealth & telecare: 1 < 2 > 0 claims ]]> done');
  const rendered = renderAll(news);
  const withBody = news.feedDocuments.filter((d) => d.archive === undefined && d.items.includes(winter));
  // The integrated stream, industry, and the tags Telehealth and Evidence, in three formats each.
  assert.is(withBody.length, 12);
  for (const doc of withBody) {
    const text = rendered.get(doc.path) ?? '';
    const urls = (attribute: string) => [...text.matchAll(new RegExp(`${attribute}=\\\\?"([^"\\\\]+)`, 'g'))].map((m) => m[1]);
    assert.ok(urls('href').includes(`${origin}/files/plan.pdf`), `${doc.path}: ${urls('href').join(' ')}`);
    assert.ok(urls('href').includes(`${origin}/industry/2012/other/`), doc.path);
    assert.ok(urls('href').includes(`${origin}/industry/2012/winter/#part`), doc.path);
    assert.equal(urls('src'), [`${origin}/files/chart.svg`], doc.path);
    assert.equal(urls('cite'), [`${origin}/files/plan.pdf`, `${origin}/industry/2012/other/`], doc.path);
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

content('an item cross-posted to two streams is in both streams\' feeds, once each, and in no other stream\'s', async () => {
  const news = site();
  const summer = byTitle(news, 'Summer in Kent');
  const streamFeeds = news.feedDocuments.filter((d) => d.channel.kind === 'stream' && d.archive === undefined);
  const read = await readBack(renderAll(news, streamFeeds));
  const count = (docPath: string) => read.get(docPath)?.entries.filter((e) => e.id === summer.id).length;
  assert.equal(streamFeeds.map((d) => [d.path, count(d.path)]), ['industry', 'pathfinder', 'social-care', 'public-health'].flatMap((stream) =>
    ['rss.xml', 'atom.xml', 'feed.json'].map((file) => [`/${stream}/${file}`, stream === 'industry' ? 0 : 1]),
  ));
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
  assert.equal([post?.url, post?.external_url], [`${origin}/public-health/2013/link/`, 'https://www.bmj.com/content/344/bmj.e3874?a=1&b=2']);
});

content('each item\'s organisation and region reach readers in every format', async () => {
  const news = site();
  const read = await readBack(renderAll(news, news.feedDocuments.filter((d) => d.channel.key === 'all' && d.archive === undefined)));
  for (const feed of read.values()) {
    const origins = (title: string) => feed.entries.filter((e) => e.title === title).map((e) => [e.publisher, e.coverage]);
    assert.equal(origins('Summer in Kent'), [['Kent County Council', 'Kent']], feed.path);
    assert.equal(origins('Link post'), [['BMJ & partners', null]], feed.path);
    assert.equal(origins('Notice 125'), [[null, null]], feed.path);
  }
});

content('categories: the item\'s streams and tags; Atom with the slug as term, RSS with the name, JSON Feed tags with the names', async () => {
  const news = site();
  const read = await readBack(renderAll(news, news.feedDocuments.filter((d) => d.channel.key === 'industry')));
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
  const rendered = renderAll(site());
  const read = await readBack(new Map([['/social-care/rss.xml', rendered.get('/social-care/rss.xml') ?? '']]));
  assert.equal(read.get('/social-care/rss.xml')?.entries.map((e) => [e.title, e.id, e.permaLink]), [
    ['Control  char  and  lone', 'tag:3millionlives.co.uk,2013-03-22:social-care/control', false],
    ['An item whose id is its address', `${origin}/social-care/2013/permalink/`, true],
    ['Summer in Kent', 'tag:3millionlives.co.uk,2012-07-10:pathfinder/summer', false],
  ]);
  assert.match(rendered.get('/social-care/rss.xml') ?? '', `<guid isPermaLink="true">${origin}/social-care/2013/permalink/</guid>`);
});

content('every feed names its language, its own address, its page and its HTML preview page', async () => {
  const news = site();
  const subscriptions = news.feedDocuments.filter((d) => d.archive === undefined);
  const read = await readBack(renderAll(news, subscriptions));
  for (const doc of subscriptions) {
    const feed = read.get(doc.path);
    assert.is(feed?.language, 'en-GB', doc.path);
    const self = origin + doc.path;
    const preview = `${origin}${doc.channel.previewPath}`;
    const home = `${origin}${doc.channel.homePath}`;
    const older = doc.prevArchive && origin + doc.prevArchive;
    assert.equal(feed?.links, doc.format === 'json'
      ? { self, next: older ?? null, about: preview }
      : { self, alternate: home, related: preview, ...(older && { 'prev-archive': older }) }, doc.path);
  }
});

content.run();

const archives = suite('RFC 5005 archives');

/** Six local items, one a day in March 2013, in industry and tagged Telecare. */
const sixDays = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [
  `industry/2013/day-${index + 1}.md`, item({ title: `Day ${index + 1}`, date: `2013-03-0${index + 1}T10:00`, tags: '[Telecare]' }),
]));

interface PartnerNews {
  readonly title: string;
  readonly published: string;
  readonly firstSeen: string;
}

/** A partner source's store, as `npm run fetch` writes it: items first seen long after they were published. */
function partner(news: readonly PartnerNews[]): Record<string, string> {
  const items = news.map((n, index) => ({
    key: `https://carelink.example.org/press/${index}`,
    id: `tag:3millionlives.co.uk,${n.firstSeen.slice(0, 10)}:partners/carelink-press-releases/${index}`,
    title: n.title, link: `https://carelink.example.org/press/${index}`, summaryHtml: '<p>News from CareLink.</p>',
    published: n.published, publishedFrom: 'feed', authors: [], firstSeen: n.firstSeen,
  }));
  return {
    'sources.yaml': '- name: CareLink press releases\n  url: https://carelink.example.org/press/atom.xml\n  stream: industry\n  organisation: CareLink Technologies\n  homepage: https://carelink.example.org/\n',
    'partners/carelink-press-releases.json': JSON.stringify({ source: 'CareLink press releases', state: {}, items }),
  };
}

const small = { config: { feeds: { subscriptionSize: 1, archivePageSize: 2 } } };

/** Walks a channel's documents from the subscription document, as a reader fetching the full history would. */
function walk(read: Map<string, ReadFeed>, start: string, next: (feed: ReadFeed) => string | null | undefined): string[] {
  const ids: string[] = [];
  const visited = new Set<string>();
  for (let at: string | undefined = start; at !== undefined; ) {
    assert.not.ok(visited.has(at), `${at} is reached twice`);
    visited.add(at);
    const feed = read.get(at);
    assert.ok(feed, `${at} was not rendered`);
    ids.push(...(feed?.entries.map((e) => e.id) ?? []));
    const link = feed ? next(feed) : undefined;
    at = link ? link.replace(origin, '') : undefined;
  }
  return ids;
}

archives('a reader reaches every item exactly once, from the subscription feed through the archives', async () => {
  const news = site({ config: { feeds: { subscriptionSize: 1, archivePageSize: 1 } } }, { ...sixDays, ...partner([{ title: 'Old news, seen late', published: '2012-05-01T09:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }]) });
  const read = await readBack(renderAll(news));
  for (const feedChannel of news.feedChannels) {
    const expectedIds = feedChannel.items.map((i) => i.id).sort();
    for (const format of ['rss', 'atom'] as const) {
      assert.equal(walk(read, feedPath(feedChannel, format), (f) => f.links['prev-archive']).sort(), expectedIds, `${feedChannel.key} ${format}`);
    }
    assert.equal(walk(read, feedPath(feedChannel, 'json'), (f) => f.links.next).sort(), expectedIds, `${feedChannel.key} json`);
  }
});

archives('archives are marked fh:archive and link to the subscription feed (current) and to each other; the newest has no next-archive', async () => {
  const news = site(small, sixDays);
  const read = await readBack(renderAll(news, news.feedDocuments.filter((d) => d.channel.key === 'all')));
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

archives('a channel has no archive until its older items fill more than one: a lone archive would link to no other', () => {
  const sizes = { config: { feeds: { subscriptionSize: 1, archivePageSize: 5 } } };
  const documents = (content: Record<string, string>) => site(sizes, content).feedDocuments
    .filter((d) => d.channel.key === 'industry' && d.format === 'atom').map((d) => [d.path, d.items.length, d.prevArchive, d.nextArchive]);
  assert.equal(documents(sixDays), [['/industry/atom.xml', 6, undefined, undefined]]);
  const seven = { ...sixDays, 'industry/2013/day-7.md': item({ title: 'Day 7', date: '2013-03-07T10:00' }) };
  assert.equal(documents(seven), [
    ['/industry/atom.xml', 1, '/industry/feed/archive/2/atom.xml', undefined],
    ['/industry/feed/archive/1/atom.xml', 5, undefined, '/industry/feed/archive/2/atom.xml'],
    ['/industry/feed/archive/2/atom.xml', 1, '/industry/feed/archive/1/atom.xml', undefined],
  ]);
});

/** Every full archive document, by site path: the document and its text. */
function fullArchives(news: NewsSite): Map<string, { doc: FeedDocument; text: string }> {
  const full = news.feedDocuments.filter((d) => d.archive !== undefined && d.items.length === news.config.feeds.archivePageSize);
  const rendered = renderAll(news, full);
  return new Map(full.map((doc) => [doc.path, { doc, text: rendered.get(doc.path) ?? '' }]));
}

archives('news of any date that enters the site reaches the subscription feeds, and leaves every full archive as it was', () => {
  const before = fullArchives(site(small, sixDays));
  assert.equal([...before.keys()].filter((p) => p.endsWith('.xml')), [
    '/feed/archive/1/rss.xml', '/feed/archive/2/rss.xml', '/feed/archive/1/atom.xml', '/feed/archive/2/atom.xml',
    '/industry/feed/archive/1/rss.xml', '/industry/feed/archive/2/rss.xml', '/industry/feed/archive/1/atom.xml', '/industry/feed/archive/2/atom.xml',
    '/tags/telecare/feed/archive/1/rss.xml', '/tags/telecare/feed/archive/2/rss.xml', '/tags/telecare/feed/archive/1/atom.xml', '/tags/telecare/feed/archive/2/atom.xml',
  ]);
  const arrivals: [string, Record<string, string>][] = [
    ['partner news older than everything', partner([{ title: 'Arrival', published: '2012-05-01T09:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }])],
    ['partner news dated inside an archive', partner([{ title: 'Arrival', published: '2013-03-03T12:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }])],
    ['partner news newer than everything', partner([{ title: 'Arrival', published: '2013-03-10T12:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }])],
    ['a local item newer than everything', { 'industry/2013/arrival.md': item({ title: 'Arrival', date: '2013-03-10T12:00' }) }],
  ];
  for (const [arrival, added] of arrivals) {
    const after = site(small, { ...sixDays, ...added });
    const afterFull = fullArchives(after);
    for (const [docPath, { text }] of before) assert.is(afterFull.get(docPath)?.text, text, `${arrival}: ${docPath}`);
    const subscriptions = after.feedDocuments.filter((d) => d.archive === undefined && ['all', 'industry'].includes(d.channel.key));
    for (const doc of subscriptions) assert.ok(doc.items.some((i) => i.title === 'Arrival'), `${arrival}: ${doc.path}`);
  }
});

archives('the exception: a local item dated inside an archive\'s span moves the later items of that archive on', () => {
  const before = fullArchives(site(small, sixDays));
  const after = fullArchives(site(small, { ...sixDays, 'industry/2013/backdated.md': item({ title: 'Backdated', date: '2013-03-03T12:00' }) }));
  const changed = [...before].filter(([docPath, { text }]) => after.get(docPath)?.text !== text).map(([docPath]) => docPath);
  assert.equal(changed, ['/feed/archive/2/rss.xml', '/feed/archive/2/atom.xml', '/feed/archive/2/feed.json', '/industry/feed/archive/2/rss.xml', '/industry/feed/archive/2/atom.xml', '/industry/feed/archive/2/feed.json']);
});

archives('when an arrival opens a new archive, the archive that was newest gains its next-archive link and nothing else', () => {
  const seven = { ...sixDays, 'industry/2013/day-7.md': item({ title: 'Day 7', date: '2013-03-07T10:00', tags: '[Telecare]' }) };
  const before = fullArchives(site(small, seven));
  const after = fullArchives(site(small, { ...seven, ...partner([{ title: 'Arrival', published: '2012-05-01T09:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }]) }));
  const linked = [...before].filter(([docPath, { doc }]) => after.get(docPath)?.doc.nextArchive !== doc.nextArchive).map(([docPath]) => docPath);
  assert.equal(linked, ['/feed/archive/3/rss.xml', '/feed/archive/3/atom.xml', '/feed/archive/3/feed.json', '/industry/feed/archive/3/rss.xml', '/industry/feed/archive/3/atom.xml', '/industry/feed/archive/3/feed.json']);
  for (const [docPath, { doc, text }] of before) {
    const next = after.get(docPath)?.doc.nextArchive;
    const link = next === doc.nextArchive || doc.format === 'json' ? ''
      : `\n${doc.format === 'rss' ? '<atom:link' : '<link'} rel="next-archive" type="application/${doc.format}+xml" href="${origin}${next}"/>`;
    assert.is(after.get(docPath)?.text, text.replace(/(rel="prev-archive"[^\n]*)/, `$1${link}`), docPath);
  }
});

archives('a feed\'s date is the latest arrival or change among its items, never the build clock', () => {
  const rendered = renderAll(site(small, { ...sixDays, ...partner([{ title: 'Old news, seen late', published: '2012-05-01T09:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }]) }));
  assert.match(rendered.get('/atom.xml') ?? '', '<updated>2026-11-20T07:00:00Z</updated>');
  assert.match(rendered.get('/rss.xml') ?? '', '<lastBuildDate>Fri, 20 Nov 2026 07:00:00 GMT</lastBuildDate>');
  // The entry keeps its own dates.
  assert.match(rendered.get('/atom.xml') ?? '', '<published>2012-05-01T09:00:00Z</published>\n<updated>2012-05-01T09:00:00Z</updated>');
});

archives('a stream without items is dated by the latest change of the whole site', () => {
  const news = site({}, sixDays);
  assert.equal(channel(news, 'social-care').items, []);
  const rendered = renderAll(news);
  assert.match(rendered.get('/social-care/atom.xml') ?? '', '<updated>2013-03-06T10:00:00Z</updated>');
  assert.match(rendered.get('/social-care/rss.xml') ?? '', '<lastBuildDate>Wed, 06 Mar 2013 10:00:00 GMT</lastBuildDate>');
});

archives.run();

const configuration = suite('feed configuration');

configuration('feeds.idPrefix must start an absolute URI, since it starts every feed\'s Atom id', () => {
  const problemsOf = (idPrefix: string) => {
    try {
      resolveConfig({ ...testConfigInput, feeds: { idPrefix } });
      return [];
    } catch (error) {
      assert.instance(error, NewsConfigError);
      return (error as NewsConfigError).problems.map((p) => `${p.field}: ${p.message}`);
    }
  };
  assert.equal(problemsOf('feeds/'), ['feeds.idPrefix: "feeds/" is not the start of an absolute URI, so the feeds\' Atom ids would be invalid']);
  assert.equal(problemsOf('tag:news example.org,2011:'), ['feeds.idPrefix: "tag:news example.org,2011:" is not the start of an absolute URI, so the feeds\' Atom ids would be invalid']);
  assert.equal(problemsOf('tag:example.org,2011:feeds/'), []);
  assert.equal(problemsOf('https://example.org/feeds/'), []);
});

configuration.run();

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
