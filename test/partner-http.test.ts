import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { readPartnerItems } from '../lib/partners/items.ts';
import { readStore } from '../lib/partners/store.ts';
import { lastModified } from './helpers/feed-server.ts';
import { config, etagOf, fetchInto, lines, limits, source, withHost } from './helpers/partners.ts';

const polite = suite('fetching politely');

polite('every request says who we are and asks for every encoding we decode', () =>
  withHost(async (server, storeDir) => {
    await fetchInto(storeDir, [source(server, 'One', 'rss-20.xml')]);
    const [request] = server.requests;
    assert.equal([request?.headers['user-agent'], request?.headers['accept-encoding']], [limits.userAgent, 'br, gzip, deflate']);
    assert.match(request?.headers.accept ?? '', /^application\/rss\+xml, application\/atom\+xml, application\/feed\+json/);
  }));

polite('no more sources are fetched at once than the concurrency allows', () =>
  withHost(async (server, storeDir) => {
    const sources = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => source(server, name, `hold/rss-20.xml?n=${name}`));
    const reports = await fetchInto(storeDir, sources, undefined, 2);
    assert.equal(reports.map((r) => r.outcome), ['updated', 'updated', 'updated', 'updated', 'updated', 'updated']);
    assert.is(server.maxInFlight(), 2);
  }));

polite('five redirects are followed; a sixth is refused', () =>
  withHost(async (server, storeDir) => {
    const reports = await fetchInto(storeDir, [source(server, 'Five', 'chain/5'), source(server, 'Six', 'chain/6')]);
    assert.equal(lines(reports).map((l) => l.slice(0, 4)), [
      ['Five', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.'],
      ['Six', 'failed', null, `redirects more than 5 times (${[6, 5, 4, 3, 2, 1].map((n) => `${server.url}chain/${n}`).join(' → ')} → …); nothing was stored yet`],
    ]);
  }));

polite('brotli, deflate and gzip bodies are decoded', () =>
  withHost(async (server, storeDir) => {
    const reports = await fetchInto(storeDir, ['br', 'deflate', 'gzip'].map((encoding) => source(server, encoding, `${encoding}/atom-10.xml`)));
    assert.equal(lines(reports), ['br', 'deflate', 'gzip'].map((name) => [name, 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.', []]));
  }));

polite.run();

const caching = suite('freshness and validators');
const later = new Date('2026-11-25T09:00:00Z');

caching('Last-Modified alone never makes a copy fresh: the feed is asked again, conditionally', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Dated', 'rss-20.xml?etag=off&cc=')];
    await fetchInto(storeDir, sources);
    assert.equal(readStore(storeDir, 'dated', '').store.state.cache, { lastModified });
    server.log.length = 0;
    assert.equal(lines(await fetchInto(storeDir, sources, later)), [['Dated', 'not-modified', 304, '304 Not Modified: nothing new.', []]]);
    assert.equal(server.log, ['GET /rss-20.xml?etag=off&cc= conditional']);
  }));

caching('an explicit max-age is honoured: no request until then, the attempt is recorded, and the source is not stale', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Fresh', 'json-11.json?cc=max-age%3D3600')];
    await fetchInto(storeDir, sources);
    server.log.length = 0;
    assert.equal(lines(await fetchInto(storeDir, sources, new Date('2026-11-25T08:30:00Z'))), [
      ['Fresh', 'fresh', null, 'not fetched: the stored copy is fresh until 2026-11-25T09:00:00.000Z by the feed\'s own headers (Cache-Control: max-age=3600; we honour at most 24 h)', []],
    ]);
    assert.equal(server.log, []);
    const { state } = readStore(storeDir, 'fresh', '').store;
    assert.equal(state, {
      lastAttempt: '2026-11-25T08:30:00.000Z', lastOutcome: 'fresh', lastSuccess: '2026-11-25T08:00:00.000Z', status: 200, itemsInFeed: 2,
      cache: { etag: etagOf('json-11.json'), lastModified, cacheControl: 'max-age=3600', freshUntil: '2026-11-25T09:00:00.000Z' },
    });
    const { health } = readPartnerItems(sources, storeDir, config, new Date('2026-11-25T08:30:00Z'));
    assert.equal(health.map((h) => [h.lastOutcome, h.stale]), [['fresh', false]]);
    // Once it is no longer fresh, the feed is asked again, conditionally.
    assert.equal(lines(await fetchInto(storeDir, sources, new Date('2026-11-25T09:00:01Z'))), [['Fresh', 'not-modified', 304, '304 Not Modified: nothing new.', []]]);
  }));

caching('a year of max-age, or a far Expires, keeps us away for a day at most', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Year', 'rss-20.xml?cc=max-age%3D31536000'), source(server, 'Expires', 'atom-10.xml?cc=public&expires=Thu,%2001%20Jan%202099%2000:00:00%20GMT')];
    await fetchInto(storeDir, sources);
    assert.equal(sources.map((s) => readStore(storeDir, s.slug, '').store.state.cache?.freshUntil), ['2026-11-26T08:00:00.000Z', '2026-11-26T08:00:00.000Z']);
    assert.equal(lines(await fetchInto(storeDir, sources, later)).map((l) => l.slice(0, 4)), [
      ['Year', 'fresh', null, 'not fetched: the stored copy is fresh until 2026-11-26T08:00:00.000Z by the feed\'s own headers (Cache-Control: max-age=31536000; we honour at most 24 h)'],
      ['Expires', 'fresh', null, 'not fetched: the stored copy is fresh until 2026-11-26T08:00:00.000Z by the feed\'s own headers (Expires: Thu, 01 Jan 2099 00:00:00 GMT; we honour at most 24 h)'],
    ]);
    assert.equal(lines(await fetchInto(storeDir, sources, new Date('2026-11-26T08:00:01Z'))).map((l) => l[1]), ['not-modified', 'not-modified']);
  }));

caching('no-store keeps the validators, so the next request is still conditional', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Unstored', 'rss-20.xml?cc=no-store')];
    await fetchInto(storeDir, sources);
    assert.equal(readStore(storeDir, 'unstored', '').store.state.cache, { etag: etagOf('rss-20.xml'), lastModified, cacheControl: 'no-store' });
    server.requests.length = 0;
    assert.equal(lines(await fetchInto(storeDir, sources, later)), [['Unstored', 'not-modified', 304, '304 Not Modified: nothing new.', []]]);
    assert.is(server.requests[0]?.headers['if-none-match'], etagOf('rss-20.xml'));
  }));

caching.run();
