import * as assert from 'uvu/assert';
import { resolveConfig } from '../lib/config.ts';
import { NewsConfigError } from '../lib/problems.ts';
import { byTitle, channel, fullArchives, origin, partner, site, sixDays, small } from './helpers/feed-content.ts';
import { item, testConfigInput, testNow } from './helpers/content.ts';
import { renderAll } from './helpers/feeds.ts';
import { suite } from './helpers/suite.ts';

const roundTrip = suite('the same content, the same feeds');

roundTrip('the same content gives byte-identical feeds, whatever the build time', async () => {
  const first = renderAll(await site({ now: testNow }));
  const second = renderAll(await site({ now: new Date('2031-06-01T00:00:00Z') }));
  assert.equal([...second], [...first]);
  const lastBuild = /<lastBuildDate>([^<]+)</.exec(first.get('/rss.xml') ?? '')?.[1];
  assert.is(lastBuild, 'Tue, 02 Apr 2013 11:20:34 GMT');
});

roundTrip.run();

const content = suite('what the feeds carry');

content('every URL in a body is absolute in every format: links, images and the cite of quotations', async () => {
  const news = await site();
  const winter = byTitle(news, 'Telehealth & telecare: 1 < 2 > 0 claims ]]> done');
  const rendered = renderAll(news);
  const withBody = news.documents.filter((d) => d.archive === undefined && d.items.includes(winter));
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

content('a date without offset is London time in winter and in summer, the same in every format', async () => {
  const rendered = renderAll(await site());
  const rss = rendered.get('/rss.xml') ?? '';
  const atom = rendered.get('/atom.xml') ?? '';
  const json = JSON.parse(rendered.get('/feed.json') ?? '{}') as { items: { title: string; date_published: string }[] };
  assert.match(rss, '<pubDate>Mon, 16 Jan 2012 14:30:00 GMT</pubDate>');
  assert.match(rss, '<pubDate>Tue, 10 Jul 2012 13:30:00 GMT</pubDate>');
  assert.match(atom, '<published>2012-01-16T14:30:00Z</published>');
  assert.match(atom, '<published>2012-07-10T13:30:00Z</published>');
  assert.equal(json.items.filter((i) => i.title === 'Summer in Kent').map((i) => i.date_published), ['2012-07-10T13:30:00Z']);
});

content('authors: one author with an address is RSS <author>; names go through dc:creator; JSON Feed 1.1 authors', async () => {
  const rendered = renderAll(await site());
  const rss = rendered.get('/rss.xml') ?? '';
  assert.match(rss, '<author>bob@example.org (Bob Builder)</author>');
  assert.match(rss, '<dc:creator>Ann Author</dc:creator>');
  const json = JSON.parse(rendered.get('/feed.json') ?? '{}') as { version: string; items: { title: string; authors?: unknown }[] };
  assert.is(json.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(json.items.find((i) => i.title === 'Summer in Kent')?.authors, [{ name: 'Bob Builder' }]);
});

content('a link post points at its target, with its attachment as an enclosure', async () => {
  const rendered = renderAll(await site());
  assert.match(rendered.get('/rss.xml') ?? '', '<link>https://www.bmj.com/content/344/bmj.e3874?a=1&amp;b=2</link>');
  assert.match(rendered.get('/rss.xml') ?? '', '<enclosure url="https://files.example.org/a.pdf" length="1200" type="application/pdf"/>');
  assert.match(rendered.get('/atom.xml') ?? '', '<link rel="enclosure" type="application/pdf" href="https://files.example.org/a.pdf" title="A &amp; B" length="1200"/>');
  const json = JSON.parse(rendered.get('/feed.json') ?? '{}') as { items: { title: string; url: string; external_url?: string }[] };
  const post = json.items.find((i) => i.title === 'Link post');
  assert.equal([post?.url, post?.external_url], [`${origin}/public-health/2013/link/`, 'https://www.bmj.com/content/344/bmj.e3874?a=1&b=2']);
});

content.run();

const archives = suite('RFC 5005 archives');

archives('a channel has no archive until its older items fill more than one: a lone archive would link to no other', async () => {
  const sizes = { config: { feeds: { subscriptionSize: 1, archivePageSize: 5 } } };
  const documents = async (content: Record<string, string>) => (await site(sizes, content)).documents
    .filter((d) => d.channel.key === 'industry' && d.format === 'atom').map((d) => [d.path, d.items.length, d.prevArchive, d.nextArchive]);
  assert.equal(await documents(sixDays), [['/industry/atom.xml', 6, undefined, undefined]]);
  const seven = { ...sixDays, 'industry/2013/day-7.md': item({ title: 'Day 7', date: '2013-03-07T10:00' }) };
  assert.equal(await documents(seven), [
    ['/industry/atom.xml', 1, '/industry/feed/archive/2/atom.xml', undefined],
    ['/industry/feed/archive/1/atom.xml', 5, undefined, '/industry/feed/archive/2/atom.xml'],
    ['/industry/feed/archive/2/atom.xml', 1, '/industry/feed/archive/1/atom.xml', undefined],
  ]);
});

archives('news of any date that enters the site reaches the subscription feeds, and leaves every full archive as it was', async () => {
  const before = fullArchives(await site(small, sixDays));
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
    const after = await site(small, { ...sixDays, ...added });
    const afterFull = fullArchives(after);
    for (const [docPath, { text }] of before) assert.is(afterFull.get(docPath)?.text, text, `${arrival}: ${docPath}`);
    const subscriptions = after.documents.filter((d) => d.archive === undefined && ['all', 'industry'].includes(d.channel.key));
    for (const doc of subscriptions) assert.ok(doc.items.some((i) => i.title === 'Arrival'), `${arrival}: ${doc.path}`);
  }
});

archives('the exception: a local item dated inside an archive\'s span moves the later items of that archive on', async () => {
  const before = fullArchives(await site(small, sixDays));
  const after = fullArchives(await site(small, { ...sixDays, 'industry/2013/backdated.md': item({ title: 'Backdated', date: '2013-03-03T12:00' }) }));
  const changed = [...before].filter(([docPath, { text }]) => after.get(docPath)?.text !== text).map(([docPath]) => docPath);
  assert.equal(changed, ['/feed/archive/2/rss.xml', '/feed/archive/2/atom.xml', '/feed/archive/2/feed.json', '/industry/feed/archive/2/rss.xml', '/industry/feed/archive/2/atom.xml', '/industry/feed/archive/2/feed.json']);
});

archives('when an arrival opens a new archive, the archive that was newest gains its next-archive link and nothing else', async () => {
  const seven = { ...sixDays, 'industry/2013/day-7.md': item({ title: 'Day 7', date: '2013-03-07T10:00', tags: '[Telecare]' }) };
  const before = fullArchives(await site(small, seven));
  const after = fullArchives(await site(small, { ...seven, ...partner([{ title: 'Arrival', published: '2012-05-01T09:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }]) }));
  const linked = [...before].filter(([docPath, { doc }]) => after.get(docPath)?.doc.nextArchive !== doc.nextArchive).map(([docPath]) => docPath);
  assert.equal(linked, ['/feed/archive/3/rss.xml', '/feed/archive/3/atom.xml', '/feed/archive/3/feed.json', '/industry/feed/archive/3/rss.xml', '/industry/feed/archive/3/atom.xml', '/industry/feed/archive/3/feed.json']);
  for (const [docPath, { doc, text }] of before) {
    const next = after.get(docPath)?.doc.nextArchive;
    const link = next === doc.nextArchive || doc.format === 'json' ? ''
      : `\n${doc.format === 'rss' ? '<atom:link' : '<link'} rel="next-archive" type="application/${doc.format}+xml" href="${origin}${next}"/>`;
    assert.is(after.get(docPath)?.text, text.replace(/(rel="prev-archive"[^\n]*)/, `$1${link}`), docPath);
  }
});

archives('a feed\'s date is the latest arrival or change among its items, never the build clock', async () => {
  const rendered = renderAll(await site(small, { ...sixDays, ...partner([{ title: 'Old news, seen late', published: '2012-05-01T09:00:00Z', firstSeen: '2026-11-20T07:00:00Z' }]) }));
  assert.match(rendered.get('/atom.xml') ?? '', '<updated>2026-11-20T07:00:00Z</updated>');
  assert.match(rendered.get('/rss.xml') ?? '', '<lastBuildDate>Fri, 20 Nov 2026 07:00:00 GMT</lastBuildDate>');
  // The entry keeps its own dates.
  assert.match(rendered.get('/atom.xml') ?? '', '<published>2012-05-01T09:00:00Z</published>\n<updated>2012-05-01T09:00:00Z</updated>');
});

archives('a stream without items is dated by the latest change of the whole site', async () => {
  const news = await site({}, sixDays);
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
