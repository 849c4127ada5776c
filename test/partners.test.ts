import fs, { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { readStore } from '../lib/partners/store.ts';
import { closedPort, lastModified } from './helpers/feed-server.ts';
import { etagOf, fetchInto, lines, now, record, source, stored, withHost } from './helpers/partners.ts';

const formats = suite('partner feeds in every format');

formats('RSS 0.91, 0.92, 1.0 and 2.0, Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1 all reach the store, cleaned', () =>
  withHost(async (server, storeDir) => {
    const sources = [
      source(server, 'RSS 2', 'rss-20.xml'), source(server, 'RSS 091', 'rss-091.xml'), source(server, 'RSS 092', 'rss-092.xml'),
      source(server, 'RDF', 'rss-10.rdf'), source(server, 'Atom 03', 'atom-03.xml'), source(server, 'Atom 1', 'atom-10.xml'),
      source(server, 'JSON 1', 'json-10.json'), source(server, 'JSON 11', 'json-11.json'),
    ];
    const reports = await fetchInto(storeDir, sources);
    const fine = (n: number) => `${n} in the feed: ${n} new, 0 updated, 0 unchanged.`;
    assert.equal(lines(reports), [
      ['RSS 2', 'updated', 200, fine(3), []], ['RSS 091', 'updated', 200, fine(1), []], ['RSS 092', 'updated', 200, fine(1), []],
      ['RDF', 'updated', 200, fine(1), []], ['Atom 03', 'updated', 200, fine(1), []], ['Atom 1', 'updated', 200, fine(3), []],
      ['JSON 1', 'updated', 200, fine(1), []], ['JSON 11', 'updated', 200, fine(2), []],
    ]);
    assert.equal(stored(storeDir, 'rss-2'), [
      // Undated: the moment it was first seen.
      record('rss-2', { key: 'https://northshire-telecare.example.org/news/notice', title: 'A notice without a date', link: 'https://northshire-telecare.example.org/news/notice', published: '2026-11-25T08:00:00Z', publishedFrom: 'first-seen', summaryHtml: '<p>Opening hours over the bank holiday.</p>' }),
      record('rss-2', {
        key: 'northshire-2013-0042', title: 'Telecare reaches 2,000 homes in Northshire', link: 'https://northshire-telecare.example.org/news/2000-homes?utm_source=rss', published: '2013-05-14T08:30:00Z', authors: ['Northshire communications team'],
        summaryHtml: '<p>The partnership has now installed telecare in <strong>2,000</strong> homes. <a href="https://northshire-telecare.example.org/news/telecare-faq">Read the FAQ</a>.</p>',
      }),
      record('rss-2', { key: 'https://northshire-telecare.example.org/news/carers-evening', title: 'Carers’ evening: technology that helps', link: 'https://northshire-telecare.example.org/news/carers-evening', published: '2013-04-29T18:00:00Z', summaryHtml: '<p>Carers came to see the equipment and ask questions.</p>' }),
    ]);
    // Undated items of other sources in the same fetch take other seconds.
    assert.equal(stored(storeDir, 'rss-091'), [record('rss-091', { key: 'https://westvale.example.org/adult-care/cafe-sessions', title: 'Café sessions on telecare', link: 'https://westvale.example.org/adult-care/cafe-sessions', published: '2026-11-25T07:59:59Z', publishedFrom: 'first-seen', summaryHtml: '<p>Drop-in sessions at the community café.</p>' })]);
    assert.equal(stored(storeDir, 'rss-092'), [record('rss-092', { key: 'https://eastmoor.example.org/news/heart-failure', title: 'Remote monitoring for heart failure', link: 'https://eastmoor.example.org/news/heart-failure', published: '2026-11-25T07:59:58Z', publishedFrom: 'first-seen', summaryHtml: '<p>Patients with heart failure can now be monitored at home.</p>' })]);
    assert.equal(stored(storeDir, 'rdf'), [record('rdf', { key: 'https://healthy-communities.example.org/stop-smoking', title: 'Phone support helps 300 people stop smoking', link: 'https://healthy-communities.example.org/stop-smoking', published: '2013-02-11T09:00:00Z', authors: ['Healthy Communities Network'], summaryHtml: '<p>Telephone coaching results from the first year.</p>' })]);
    assert.equal(stored(storeDir, 'atom-03'), [record('atom-03', { key: 'tag:carelink.example.org,2012:press/concordat', title: 'CareLink joins the concordat', link: 'https://carelink.example.org/press/concordat', published: '2012-01-20T15:00:00Z', updated: '2012-01-21T12:00:00Z', summaryHtml: '<p>CareLink signs up to the 3millionlives concordat.</p>' })]);
    assert.equal(stored(storeDir, 'atom-1'), [
      // type="html": the escaped markup is HTML, its entities decoded once.
      record('atom-1', { key: 'tag:carelink.example.org,2013:press/northshire-contract', title: 'CareLink & Northshire sign a five-year service contract', link: 'https://carelink.example.org/press/northshire-contract', published: '2013-06-20T10:00:00Z', summaryHtml: '<p>A service contract, not an equipment sale.</p>' }),
      record('atom-1', { key: 'tag:carelink.example.org,2013:press/northshire-2000', title: 'Telecare reaches 2,000 homes in Northshire', link: 'https://www.northshire-telecare.example.org/news/2000-homes/', published: '2013-05-15T08:00:00Z', summaryHtml: '<p>Our partner Northshire has reached 2,000 homes.</p>' }),
      record('atom-1', { key: 'tag:carelink.example.org,2012:press/concordat-welcome', title: 'CareLink welcomes the concordat', link: 'https://news.example.org/industry/2012/concordat/', published: '2012-01-20T09:00:00Z', summaryHtml: '<p>We republish the 3ML News item about the concordat.</p>' }),
    ]);
    assert.equal(stored(storeDir, 'json-1'), [record('json-1', { key: 'hc-blog-17', title: 'Walking groups and telecoaching', link: 'https://healthy-communities.example.org/blog/walking-groups', published: '2013-04-09T07:15:00Z', authors: ['Sam Patel'], summaryHtml: '<p>How walking groups work alongside telephone coaching.</p>' })]);
    // The summary, not the full article, is kept: partners' news is linked to, never republished.
    assert.equal(stored(storeDir, 'json-11'), [
      record('json-11', { key: 'hc-blog-21', title: 'Weight management by phone: first results', link: 'https://healthy-communities.example.org/blog/weight-coaching', published: '2013-07-02T10:00:00Z', updated: '2013-07-04T16:30:00Z', authors: ['Jo Evans', 'Sam Patel'], summaryHtml: '<p>First results from the telephone weight management service.</p>' }),
      record('json-11', { key: 'hc-blog-20', title: 'Getting online at the library', link: 'https://healthy-communities.example.org/blog/digital-inclusion', published: '2013-06-18T00:00:00Z', summaryHtml: '<p>Volunteers help people set up video calls with their nurse.</p>' }),
    ]);
  }));

formats('text is read as its format types it: Atom text, html and xhtml, JSON Feed text and HTML, RSS titles as feedparser reads them; a title that still reads as HTML is read as HTML', () =>
  withHost(async (server, storeDir) => {
    const reports = await fetchInto(storeDir, [source(server, 'Atom', 'text-constructs.xml'), source(server, 'RSS', 'rss-titles.xml'), source(server, 'JSON', 'json-text.json')]);
    assert.equal(reports.map((r) => r.outcome), ['updated', 'updated', 'updated']);
    assert.equal(stored(storeDir, 'atom'), [
      record('atom', { key: 'tag:text.example.org,2013:tags', title: '<b> is a tag, 5 < 6', link: 'https://text.example.org/tags', published: '2013-06-01T10:00:00Z', summaryHtml: '<p>Use &lt;b&gt; for bold, and AT&amp;amp;T stays as written.</p>' }),
      record('atom', { key: 'tag:text.example.org,2013:html', title: 'AT&T and 5 < 6', link: 'https://text.example.org/html', published: '2013-06-01T09:00:00Z', summaryHtml: '<p>Escaped <strong>HTML</strong> &amp; an entity.</p>' }),
      // Escaped twice: what still reads as HTML once read is read again, so no title carries markup.
      record('atom', { key: 'tag:text.example.org,2013:xhtml', title: 'XHTML title <ok>', link: 'https://text.example.org/xhtml', published: '2013-06-01T08:00:00Z', summaryHtml: '<p>Inline <em>XHTML</em> content &amp;amp; more.</p>' }),
      record('atom', { key: 'tag:text.example.org,2013:untyped', title: 'No type means text: <i> stays', link: 'https://text.example.org/untyped', published: '2013-06-01T07:00:00Z', summaryHtml: '' }),
    ]);
    assert.equal(stored(storeDir, 'rss').map((i) => i.title), ['x <y and 5 < 6', 'AT&T wins', '<foo>not HTML</foo> & 5 > 4']);
    assert.equal(stored(storeDir, 'json').map((i) => [i.title, i.summaryHtml]), [
      ['AT&T is plain text here', '<p>Use &lt;b&gt; for bold &amp; more.</p>'],
      ['HTML content', '<p>Real <em>HTML</em> &amp; an entity.</p>'],
    ]);
  }));

formats('encodings: ISO-8859-1 and windows-1252 keep their quotes, dashes, € and ™; stray bytes in UTF-8 are reported; UTF-16 without a BOM, a BOM, gzip and a wrong content type are read', () =>
  withHost(async (server, storeDir) => {
    const sources = [
      source(server, 'Latin', 'latin1.xml'), source(server, 'Windows', 'windows-1252.xml'), source(server, 'Stray', 'utf8-invalid.xml'),
      source(server, 'Sixteen', 'utf16-no-bom.xml'), source(server, 'BOM', 'bom.xml'), source(server, 'Gzip', 'gzip/rss-20.xml'), source(server, 'As HTML', 'as-html/atom-10.xml'),
    ];
    const reports = await fetchInto(storeDir, sources);
    assert.equal(lines(reports), [
      ['Latin', 'updated', 200, '2 in the feed: 2 new, 0 updated, 0 unchanged.', []],
      ['Windows', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.', []],
      ['Stray', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.', ['2 bytes are not UTF-8 (the first at byte 77), though the XML declaration says UTF-8, so they were read as windows-1252']],
      ['Sixteen', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.', []],
      ['BOM', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.', []],
      ['Gzip', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.', []],
      ['As HTML', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.', []],
    ]);
    assert.equal(stored(storeDir, 'latin'), [
      record('latin', { key: 'westvale-telecare-plus', title: '“Telecare Plus™” – now £5, or €6', link: 'https://westvale.example.org/telecare-plus', published: '2013-06-06T10:00:00Z', summaryHtml: '<p>Carers’ prices — from June.</p>' }),
      record('latin', { key: 'westvale-reablement', title: 'Réablement service expands', link: 'https://westvale.example.org/reablement', published: '2013-06-05T10:00:00Z', summaryHtml: '<p>The réablement team grows.</p>' }),
    ]);
    assert.equal(stored(storeDir, 'windows'), [record('windows', { key: 'carelink-home-hub', title: 'CareLink’s “Home Hub™” costs €40 – or less', link: 'https://carelink.example.org/home-hub', published: '2013-06-07T10:00:00Z', summaryHtml: '<p>Priced per month — with support.</p>' })]);
    assert.equal(stored(storeDir, 'stray'), [record('stray', { key: 'cafe-sessions', title: 'Café sessions – every Tuesday', link: 'https://cafe.example.org/sessions', published: '2013-06-08T10:00:00Z', summaryHtml: '<p>Drop in.</p>' })]);
    assert.equal(stored(storeDir, 'sixteen'), [record('sixteen', { key: 'sixteen-zwei', title: 'Zwei Bytes für jedes Zeichen', link: 'https://sixteen.example.org/zwei', published: '2013-06-09T10:00:00Z', summaryHtml: '' })]);
    assert.equal(stored(storeDir, 'bom').map((i) => i.title), ['Starts with a byte-order mark']);
    assert.equal(stored(storeDir, 'gzip').map((i) => i.key), ['https://northshire-telecare.example.org/news/notice', 'northshire-2013-0042', 'https://northshire-telecare.example.org/news/carers-evening']);
    assert.equal(stored(storeDir, 'as-html').map((i) => i.key), ['tag:carelink.example.org,2013:press/northshire-contract', 'tag:carelink.example.org,2013:press/northshire-2000', 'tag:carelink.example.org,2012:press/concordat-welcome']);
  }));

formats.run();

const refetch = suite('fetching again');

refetch('a second fetch sends conditional requests, gets 304s and changes no item; only the state records it', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'RSS 2', 'rss-20.xml'), source(server, 'Atom 1', 'atom-10.xml'), source(server, 'Moved', 'moved'), source(server, 'Dated only', 'rss-20.xml?etag=off')];
    await fetchInto(storeDir, sources);
    const itemFile = (slug: string) => readFileSync(path.join(storeDir, `${slug}.json`), 'utf8');
    const before = sources.map((s) => itemFile(s.slug));
    assert.equal(readStore(storeDir, 'rss-2', 'RSS 2').store.state, {
      lastAttempt: '2026-11-25T08:00:00.000Z', lastOutcome: 'updated', lastSuccess: '2026-11-25T08:00:00.000Z', status: 200, itemsInFeed: 3,
      cache: { etag: etagOf('rss-20.xml'), lastModified, cacheControl: 'no-cache' },
    });
    assert.equal(readStore(storeDir, 'dated-only', 'Dated only').store.state.cache, { lastModified, cacheControl: 'no-cache' });
    server.log.length = 0;
    server.requests.length = 0;
    const reports = await fetchInto(storeDir, sources, new Date('2026-11-25T09:00:00Z'));
    assert.equal(lines(reports), [
      ['RSS 2', 'not-modified', 304, '304 Not Modified: nothing new.', []],
      ['Atom 1', 'not-modified', 304, '304 Not Modified: nothing new.', []],
      ['Moved', 'not-modified', 304, `304 Not Modified: nothing new. The feed has moved permanently to ${server.url}rss-20.xml: update its url in sources.yaml.`, []],
      ['Dated only', 'not-modified', 304, '304 Not Modified: nothing new.', []],
    ]);
    assert.equal(server.log.sort(), ['GET /atom-10.xml conditional', 'GET /moved conditional', 'GET /rss-20.xml conditional', 'GET /rss-20.xml conditional', 'GET /rss-20.xml?etag=off conditional']);
    // Without an ETag, Last-Modified alone makes the request conditional.
    const datedOnly = server.requests.find((r) => r.path === '/rss-20.xml?etag=off');
    assert.equal([datedOnly?.headers['if-modified-since'], datedOnly?.headers['if-none-match']], [lastModified, undefined]);
    // The item files are byte for byte the same; the state says what happened.
    assert.equal(sources.map((s) => itemFile(s.slug)), before);
    assert.equal(readStore(storeDir, 'rss-2', 'RSS 2').store.state, {
      lastAttempt: '2026-11-25T09:00:00.000Z', lastOutcome: 'not-modified', lastSuccess: '2026-11-25T09:00:00.000Z', status: 304, itemsInFeed: 3,
      cache: { etag: etagOf('rss-20.xml'), lastModified, cacheControl: 'no-cache' },
    });
  }));

const window1 = `<rss version="2.0"><channel><title>W</title><link>https://w.example.org/</link><description>d</description>
<item><title>Third</title><link>https://w.example.org/3</link><guid>w-3</guid><pubDate>Wed, 03 Jul 2013 10:00:00 GMT</pubDate></item>
<item><title>Second</title><link>https://w.example.org/2</link><guid>w-2</guid><pubDate>Tue, 02 Jul 2013 10:00:00 GMT</pubDate></item>
<item><title>First</title><link>https://w.example.org/1</link><guid>w-1</guid><pubDate>Mon, 01 Jul 2013 10:00:00 GMT</pubDate></item>
</channel></rss>`;
const window2 = `<rss version="2.0"><channel><title>W</title><link>https://w.example.org/</link><description>d</description>
<item><title>Fourth</title><link>https://w.example.org/4</link><guid>w-4</guid><pubDate>Thu, 04 Jul 2013 10:00:00 GMT</pubDate></item>
<item><title>Third, retitled</title><link>https://w.example.org/3</link><guid>w-3</guid><pubDate>Wed, 03 Jul 2013 10:00:00 GMT</pubDate></item>
<item><title>Second</title><link>https://w.example.org/2</link><guid>w-2</guid><pubDate>Tue, 02 Jul 2013 10:00:00 GMT</pubDate></item>
</channel></rss>`;
const windowItem = (n: number, title: string, firstSeen = '2026-11-25T08:00:00Z') =>
  record('window', { key: `w-${n}`, title, link: `https://w.example.org/${n}`, published: `2013-07-0${n}T10:00:00Z`, firstSeen, summaryHtml: '' });

refetch('a feed whose window moved: new items added, a retitled item updated in place (same id), items gone from the feed kept', () =>
  withHost(async (server, storeDir) => {
    server.set('/window.xml', window1);
    const sources = [source(server, 'Window', 'window.xml')];
    assert.equal(lines(await fetchInto(storeDir, sources)), [['Window', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.', []]]);
    assert.equal(stored(storeDir, 'window'), [windowItem(3, 'Third'), windowItem(2, 'Second'), windowItem(1, 'First')]);
    server.set('/window.xml', window2);
    assert.equal(lines(await fetchInto(storeDir, sources, new Date('2026-11-26T08:00:00Z'))), [
      ['Window', 'updated', 200, '3 in the feed: 1 new, 1 updated, 1 unchanged; 1 no longer in the feed, kept.', []],
    ]);
    // The retitled item keeps its id and first-seen time: readers see an update, not a second item.
    assert.equal(stored(storeDir, 'window'), [windowItem(4, 'Fourth', '2026-11-26T08:00:00Z'), windowItem(3, 'Third, retitled'), windowItem(2, 'Second'), windowItem(1, 'First')]);
    assert.equal(lines(await fetchInto(storeDir, sources, new Date('2026-11-27T08:00:00Z'))), [['Window', 'not-modified', 304, '304 Not Modified: nothing new.', []]]);
  }));

refetch('keep limits the store to the newest items; what it removed is remembered and not taken in again, so the report is the same on every fetch', () =>
  withHost(async (server, storeDir) => {
    server.set('/window.xml', window1);
    const sources = [source(server, 'Window', 'window.xml?etag=off&lm=off', { keep: 2 })];
    assert.equal(lines(await fetchInto(storeDir, sources)), [['Window', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged; 1 oldest removed to keep the store to 2 (First).', []]]);
    const first = readFileSync(path.join(storeDir, 'window.json'), 'utf8');
    assert.equal(JSON.parse(first), { source: 'Window', items: [windowItem(3, 'Third'), windowItem(2, 'Second')], removed: ['w-1'] });
    for (const day of ['2026-11-26', '2026-11-27']) {
      assert.equal(lines(await fetchInto(storeDir, sources, new Date(`${day}T08:00:00Z`))), [['Window', 'updated', 200, '3 in the feed: 0 new, 0 updated, 2 unchanged; 1 left out, as removed earlier to keep the store to 2.', []]]);
      assert.is(readFileSync(path.join(storeDir, 'window.json'), 'utf8'), first);
    }
    // Once the feed drops it, the removed key is forgotten.
    server.set('/window.xml', window2);
    assert.equal(lines(await fetchInto(storeDir, sources, new Date('2026-11-28T08:00:00Z'))), [
      ['Window', 'updated', 200, '3 in the feed: 1 new, 1 updated, 1 unchanged; 1 oldest removed to keep the store to 2 (Second).', []],
    ]);
    assert.equal(readStore(storeDir, 'window', 'Window').store.removed, ['w-2']);
  }));

refetch('keep with undated entries: the same items stay, with the same first-seen times, fetch after fetch', () =>
  withHost(async (server, storeDir) => {
    server.set('/undated.xml', '<rss version="2.0"><channel><title>U</title><link>https://u.example.org/</link><description>d</description>' +
      ['a', 'b', 'c'].map((t) => `<item><title>${t}</title><link>https://u.example.org/${t}</link></item>`).join('') + '</channel></rss>');
    const sources = [source(server, 'Undated', 'undated.xml?etag=off&lm=off', { keep: 2 })];
    const undatedItem = (t: string, published: string) => record('undated', { key: `https://u.example.org/${t}`, title: t, link: `https://u.example.org/${t}`, published, publishedFrom: 'first-seen', summaryHtml: '' });
    await fetchInto(storeDir, sources);
    const expected = [undatedItem('a', '2026-11-25T08:00:00Z'), undatedItem('b', '2026-11-25T07:59:59Z')];
    assert.equal(stored(storeDir, 'undated'), expected);
    for (const hour of ['09', '10']) {
      assert.equal(lines(await fetchInto(storeDir, sources, new Date(`2026-11-25T${hour}:00:00Z`))), [['Undated', 'updated', 200, '3 in the feed: 0 new, 0 updated, 2 unchanged; 1 left out, as removed earlier to keep the store to 2.', []]]);
      assert.equal(stored(storeDir, 'undated'), expected);
    }
  }));

refetch('undated entries get distinct first-seen times across sources and apart from every time already stored, and keep them', () =>
  withHost(async (server, storeDir) => {
    const undated = (host: string, titles: string[]) => `<rss version="2.0"><channel><title>U</title><link>https://${host}.example.org/</link><description>d</description>${titles.map((t) => `<item><title>${t}</title><link>https://${host}.example.org/${t}</link></item>`).join('')}</channel></rss>`;
    server.set('/one.xml', undated('one', ['a', 'b']));
    server.set('/two.xml', undated('two', ['c', 'd']));
    const sources = [source(server, 'One', 'one.xml'), source(server, 'Two', 'two.xml')];
    await fetchInto(storeDir, sources, now, 2);
    const times = (slug: string) => stored(storeDir, slug).map((i) => [i.title, i.published]);
    assert.equal(times('one'), [['a', '2026-11-25T08:00:00Z'], ['b', '2026-11-25T07:59:58Z']]);
    assert.equal(times('two'), [['c', '2026-11-25T07:59:59Z'], ['d', '2026-11-25T07:59:57Z']]);
    // A new entry in a later fetch at the same moment avoids the seconds already stored.
    server.set('/one.xml', undated('one', ['new', 'a', 'b']));
    await fetchInto(storeDir, sources, now, 2);
    assert.equal(times('one'), [['a', '2026-11-25T08:00:00Z'], ['b', '2026-11-25T07:59:58Z'], ['new', '2026-11-25T07:59:56Z']]);
    assert.equal(times('two'), [['c', '2026-11-25T07:59:59Z'], ['d', '2026-11-25T07:59:57Z']]);
  }));

refetch.run();

const faults = suite('faults');

faults('every fault is reported for its source alone, and the failing source keeps its stored items', () =>
  withHost(async (server, storeDir) => {
    const refused = await closedPort();
    const routes: [string, string][] = [
      ['dns', 'http://no-such-host.invalid/feed.xml'], ['refused', `http://127.0.0.1:${refused}/feed.xml`], ['timeout', 'slow'],
      ['not found', 'status/404'], ['server error', 'status/500'], ['too many', 'status/429'], ['forever', 'status/429?retry-after=Thu,%2001%20Jan%202099%2000:00:00%20GMT'],
      ['html', 'page.html'], ['xhtml', 'xhtml.xhtml'], ['malformed', 'malformed.xml'], ['huge', 'huge'], ['bomb', 'bomb'], ['loop', 'loop-a'], ['far', 'chain/6'],
    ];
    // Every source first has items, from a good fetch of the same slug.
    await fetchInto(storeDir, routes.map(([name]) => source(server, name, 'rss-20.xml')));
    const slugOf = (name: string) => name.replace(/ /g, '-');
    const before = routes.map(([name]) => stored(storeDir, slugOf(name)));
    assert.equal(before.map((items) => items.length), routes.map(() => 3));
    const at = new Date('2026-11-25T09:00:00Z');
    const reports = await fetchInto(storeDir, [...routes.map(([name, route]) => source(server, name, route)), source(server, 'healthy', 'atom-10.xml')], at);
    const kept = 'the 3 stored items are kept';
    assert.equal(lines(reports), [
      ['dns', 'failed', null, `the host name does not exist (DNS lookup failed); ${kept}`, []],
      ['refused', 'failed', null, `the connection was refused: nothing is listening at that address; ${kept}`, []],
      ['timeout', 'failed', null, `no complete answer within 1 s (timed out); ${kept}`, []],
      ['not found', 'failed', 404, `404 Not Found; ${kept}`, []],
      ['server error', 'failed', 500, `500 Internal Server Error; ${kept}`, []],
      ['too many', 'failed', 429, `429 Too Many Requests; the partner asks us to wait until 2026-11-25T09:02:00.000Z; ${kept}`, []],
      ['forever', 'failed', 429, `429 Too Many Requests; the partner asks us to wait until 2099-01-01T00:00:00.000Z, so we wait the longest we allow, until 2026-12-02T09:00:00.000Z; ${kept}`, []],
      ['html', 'failed', 200, `the response is an HTML page, not a feed (the page advertises a feed at ${server.url}news/feed.xml: use that URL); ${kept}`, []],
      ['xhtml', 'failed', 200, `the response is an HTML page, not a feed (the page advertises a feed at ${server.url}press/atom.xml: use that URL); ${kept}`, []],
      ['malformed', 'failed', 200, `the response is not XML (line 2, column 75: Expected closing tag 'title' (opened in line 2, col 56) instead of closing tag 'item'); ${kept}`, []],
      ['huge', 'failed', 200, `the body is larger than the 98 KB limit; ${kept}`, []],
      ['bomb', 'failed', 200, `the body is larger than the 98 KB limit; ${kept}`, []],
      ['loop', 'failed', null, `redirects in a loop: ${server.url}loop-a → ${server.url}loop-b → ${server.url}loop-a; ${kept}`, []],
      ['far', 'failed', null, `redirects more than 5 times (${[6, 5, 4, 3, 2, 1].map((n) => `${server.url}chain/${n}`).join(' → ')} → …); ${kept}`, []],
      ['healthy', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.', []],
    ]);
    assert.equal(routes.map(([name]) => stored(storeDir, slugOf(name))), before);
    assert.equal(readStore(storeDir, 'not-found', '').store.state, {
      lastAttempt: '2026-11-25T09:00:00.000Z', lastOutcome: 'failed', lastSuccess: '2026-11-25T08:00:00.000Z', status: 404, lastError: '404 Not Found', itemsInFeed: 3,
      cache: { etag: etagOf('rss-20.xml'), lastModified, cacheControl: 'no-cache' },
    });
    assert.equal(readStore(storeDir, 'too-many', '').store.state.retryAfter, '2026-11-25T09:02:00.000Z');
    // Until then, the source is left alone, as the partner asked; a partner asking for 2099 gets a week.
    const waiting = await fetchInto(storeDir, [source(server, 'too many', 'status/429'), source(server, 'forever', 'status/429')], new Date('2026-11-25T09:01:00Z'));
    assert.equal(lines(waiting), [
      ['too many', 'waiting', null, 'not fetched: the partner asked us to wait until 2026-11-25T09:02:00.000Z; the 3 stored items are kept', []],
      ['forever', 'waiting', null, 'not fetched: the partner asked us to wait until 2026-12-02T09:00:00.000Z; the 3 stored items are kept', []],
    ]);
  }));

faults('a store that cannot be read (a merge conflict) is reported, never overwritten, and the other sources still update', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Conflicted', 'rss-20.xml'), source(server, 'Fine', 'atom-10.xml')];
    const conflicted = '<<<<<<< HEAD\n{ "source": "Conflicted", "items": [] }\n=======\n{ "source": "Conflicted", "items": [ ] }\n>>>>>>> partner\n';
    writeFileSync(path.join(storeDir, 'conflicted.json'), conflicted);
    const reports = await fetchInto(storeDir, sources);
    const file = path.join(storeDir, 'conflicted.json');
    const jsonError = (() => {
      try {
        return JSON.parse(conflicted);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    assert.equal(lines(reports), [
      ['Conflicted', 'failed', null, `not fetched, and its store is left as it is, because it cannot be read: ${file} cannot be read: ${jsonError}; restore it from version control or resolve the merge conflict in it; until then the source is not fetched, so nothing in it is overwritten`, []],
      ['Fine', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.', []],
    ]);
    assert.is(readFileSync(file, 'utf8'), conflicted);
    assert.equal(readdirSync(storeDir).sort(), ['conflicted.json', 'fine.json', 'state']);
    assert.equal(readdirSync(path.join(storeDir, 'state')), ['fine.json']);
  }));

faults('a store that cannot be written (a full disk mid-write, a folder in its place) is reported for its source, the old file stays whole, no temporary file is left, and the others go on', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Crashing', 'rss-20.xml?etag=off&lm=off'), source(server, 'Blocked', 'json-11.json'), source(server, 'Fine', 'atom-10.xml')];
    server.set('/rss-20.xml', readFileSync('test/fixtures/remote/rss-20.xml', 'utf8').replace('A notice without a date', 'A notice, retitled'));
    await fetchInto(storeDir, [sources[0]!]);
    const before = readFileSync(path.join(storeDir, 'crashing.json'), 'utf8');
    server.set('/rss-20.xml', readFileSync('test/fixtures/remote/rss-20.xml', 'utf8'));
    // A folder where a store file belongs, and a disk that fills up halfway through writing the other.
    mkdirSync(path.join(storeDir, 'blocked.json'));
    const realWrite = fs.writeFileSync;
    fs.writeFileSync = ((file: fs.PathOrFileDescriptor, data: string, options?: fs.WriteFileOptions) => {
      if (String(file).includes('crashing.json')) {
        realWrite(file, data.slice(0, data.length / 2), options);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return realWrite(file, data, options);
    }) as typeof fs.writeFileSync;
    syncBuiltinESMExports();
    let reports;
    try {
      reports = await fetchInto(storeDir, sources, new Date('2026-11-25T09:00:00Z'));
    } finally {
      fs.writeFileSync = realWrite;
      syncBuiltinESMExports();
    }
    assert.equal(lines(reports), [
      ['Crashing', 'failed', 200, '3 in the feed: 0 new, 1 updated, 2 unchanged. But writing the store failed (ENOSPC: no space left on device, write); the file it was writing is as it was before.', []],
      ['Blocked', 'failed', null, `not fetched, and its store is left as it is, because it cannot be read: ${path.join(storeDir, 'blocked.json')} cannot be read: EISDIR: illegal operation on a directory, read; make it a readable file, or move it away to start the source afresh`, []],
      ['Fine', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.', []],
    ]);
    assert.is(readFileSync(path.join(storeDir, 'crashing.json'), 'utf8'), before);
    assert.equal(readdirSync(storeDir).sort(), ['blocked.json', 'crashing.json', 'fine.json', 'state']);
    assert.equal(readdirSync(path.join(storeDir, 'state')).sort(), ['crashing.json', 'fine.json']);
    assert.is(readStore(storeDir, 'crashing', '').store.state.lastAttempt, '2026-11-25T08:00:00.000Z');
  }));

faults.run();

const hostile = suite('hostile feeds');

hostile('a billion laughs, an external entity, scripts, handlers, javascript: links and tracking pixels are harmless', () =>
  withHost(async (server, storeDir) => {
    const [report] = await fetchInto(storeDir, [source(server, 'Hostile', 'hostile.xml')]);
    // A title with a tag but no closing tag is text (as feedparser reads it), shown as written and escaped wherever it goes.
    assert.is(report?.message, '3 in the feed: 2 new, 0 updated, 0 unchanged; 1 skipped (entry 2 "<img src=x onerror=alert(3)>Script in a title": its link "javascript:alert(4)" is not an http(s) address).');
    assert.equal(stored(storeDir, 'hostile'), [
      record('hostile', { key: 'hostile-3', title: 'Markup in a title', link: 'https://hostile.example.org/markup', published: '2013-06-07T12:00:00Z', summaryHtml: '<p>Only text survives.</p>' }),
      // The entities are never expanded: neither the billion laughs nor the file they point at.
      record('hostile', { key: 'hostile-1', title: 'Laughs: &lol9; and secrets: &xxe;', link: 'https://hostile.example.org/laughs', published: '2013-06-07T10:00:00Z', summaryHtml: '<p>Click <a>here</a> </p>' }),
    ]);
    const file = readFileSync(path.join(storeDir, 'hostile.json'), 'utf8');
    assert.not.match(file, /root:|<script|onerror|onclick|javascript:|<img|<iframe|tracker\.example|lollollol/);
  }));

hostile.run();
