import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fetchPartners, readStore, resolveConfig, type PartnerSource, type SourceReport, type StoredItem } from '../lib/index.ts';
import { testConfigInput } from './helpers/content.ts';
import { closedPort, startFeedServer, type FeedServer } from './helpers/feed-server.ts';

const run = promisify(execFile);
const config = resolveConfig(testConfigInput);
const now = new Date('2026-11-25T08:00:00Z');

function source(server: FeedServer, name: string, route: string, extra: Partial<PartnerSource> = {}): PartnerSource {
  return {
    name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), url: route.startsWith('http') ? route : server.url + route,
    stream: 'industry', organisation: `${name} Ltd`, homepage: 'https://partner.example.org/', enabled: true, ...extra,
  };
}

function fetchInto(storeDir: string, sources: PartnerSource[], at = now): Promise<SourceReport[]> {
  return fetchPartners({ sources, storeDir, config, now: at, fetch, concurrency: 3, limits: { timeoutMs: 1000, maxBytes: 100_000, maxRedirects: 3, userAgent: '3ML-News/test' } });
}

function stored(storeDir: string, slug: string): StoredItem[] {
  return [...readStore(storeDir, slug, slug).store.items];
}

/** Each test gets its own feed host and store folder, and closes them whatever happens. */
async function withHost(test: (server: FeedServer, storeDir: string) => Promise<void>): Promise<void> {
  const server = await startFeedServer();
  const storeDir = mkdtempSync(path.join(tmpdir(), '3ml-store-'));
  try {
    await test(server, storeDir);
  } finally {
    await server.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

const formats = suite('partner feeds in every format');

formats('RSS 0.91, 0.92, 1.0 and 2.0, Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1 all reach the store, cleaned', () =>
  withHost(async (server, storeDir) => {
    const sources = [
      source(server, 'RSS 2', 'rss-20.xml'), source(server, 'RSS 091', 'rss-091.xml'), source(server, 'RSS 092', 'rss-092.xml'),
      source(server, 'RDF', 'rss-10.rdf'), source(server, 'Atom 03', 'atom-03.xml'), source(server, 'Atom 1', 'atom-10.xml'),
      source(server, 'JSON 1', 'json-10.json'), source(server, 'JSON 11', 'json-11.json'),
    ];
    const reports = await fetchInto(storeDir, sources);
    assert.equal(reports.map((r) => [r.source, r.outcome, r.status, r.message]), [
      ['RSS 2', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.'],
      ['RSS 091', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.'],
      ['RSS 092', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.'],
      ['RDF', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.'],
      ['Atom 03', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.'],
      ['Atom 1', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.'],
      ['JSON 1', 'updated', 200, '1 in the feed: 1 new, 0 updated, 0 unchanged.'],
      ['JSON 11', 'updated', 200, '2 in the feed: 2 new, 0 updated, 0 unchanged.'],
    ]);
    const view = (slug: string) => stored(storeDir, slug).map((i) => [i.title, i.link, i.published, i.publishedFrom, i.updated ?? null, i.authors, i.summaryHtml]);
    assert.equal(view('rss-2'), [
      ['A notice without a date', 'https://northshire-telecare.example.org/news/notice', '2026-11-25T08:00:00Z', 'first-seen', null, [], '<p>Opening hours over the bank holiday.</p>'],
      ['Telecare reaches 2,000 homes in Northshire', 'https://northshire-telecare.example.org/news/2000-homes?utm_source=rss', '2013-05-14T08:30:00Z', 'feed', null, ['Northshire communications team'],
        '<p>The partnership has now installed telecare in <strong>2,000</strong> homes. <a href="https://northshire-telecare.example.org/news/telecare-faq">Read the FAQ</a>.</p>'],
      ['Carers’ evening: technology that helps', 'https://northshire-telecare.example.org/news/carers-evening', '2013-04-29T18:00:00Z', 'feed', null, [], '<p>Carers came to see the equipment and ask questions.</p>'],
    ]);
    assert.equal(view('rss-091'), [['Café sessions on telecare', 'https://westvale.example.org/adult-care/cafe-sessions', '2026-11-25T08:00:00Z', 'first-seen', null, [], '<p>Drop-in sessions at the community café.</p>']]);
    assert.equal(view('rss-092'), [['Remote monitoring for heart failure', 'https://eastmoor.example.org/news/heart-failure', '2026-11-25T08:00:00Z', 'first-seen', null, [], '<p>Patients with heart failure can now be monitored at home.</p>']]);
    assert.equal(view('rdf'), [['Phone support helps 300 people stop smoking', 'https://healthy-communities.example.org/stop-smoking', '2013-02-11T09:00:00Z', 'feed', null, ['Healthy Communities Network'], '<p>Telephone coaching results from the first year.</p>']]);
    assert.equal(view('atom-03'), [['CareLink joins the concordat', 'https://carelink.example.org/press/concordat', '2012-01-20T15:00:00Z', 'feed', '2012-01-21T12:00:00Z', [], '<p>CareLink signs up to the 3millionlives concordat.</p>']]);
    assert.equal(view('atom-1').map((i) => i.slice(0, 3)), [
      ['CareLink & Northshire sign a five-year service contract', 'https://carelink.example.org/press/northshire-contract', '2013-06-20T10:00:00Z'],
      ['Telecare reaches 2,000 homes in Northshire', 'https://www.northshire-telecare.example.org/news/2000-homes/', '2013-05-15T08:00:00Z'],
      ['CareLink welcomes the concordat', 'https://news.example.org/industry/2012/concordat/', '2012-01-20T09:00:00Z'],
    ]);
    assert.equal(view('json-1'), [['Walking groups and telecoaching', 'https://healthy-communities.example.org/blog/walking-groups', '2013-04-09T07:15:00Z', 'feed', null, ['Sam Patel'], '<p>How walking groups work alongside telephone coaching.</p>']]);
    // The summary, not the full article, is kept: partners' news is linked to, never republished.
    assert.equal(view('json-11'), [
      ['Weight management by phone: first results', 'https://healthy-communities.example.org/blog/weight-coaching', '2013-07-02T10:00:00Z', 'feed', '2013-07-04T16:30:00Z', ['Jo Evans', 'Sam Patel'], '<p>First results from the telephone weight management service.</p>'],
      ['Getting online at the library', 'https://healthy-communities.example.org/blog/digital-inclusion', '2013-06-18T00:00:00Z', 'feed', null, [], '<p>Volunteers help people set up video calls with their nurse.</p>'],
    ]);
  }));

formats('a declared ISO-8859-1 encoding, a byte-order mark, gzip and a wrong content type are all read', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Latin', 'latin1.xml'), source(server, 'BOM', 'bom.xml'), source(server, 'Gzip', 'gzip/rss-20.xml'), source(server, 'As HTML', 'as-html/atom-10.xml')];
    const reports = await fetchInto(storeDir, sources);
    assert.equal(reports.map((r) => r.outcome), ['updated', 'updated', 'updated', 'updated']);
    assert.equal(stored(storeDir, 'latin').map((i) => [i.title, i.summaryHtml]), [['Réablement service expands', '<p>The réablement team grows.</p>']]);
    assert.equal(stored(storeDir, 'bom').map((i) => i.title), ['Starts with a byte-order mark']);
    assert.equal(stored(storeDir, 'gzip').length, 3);
    assert.equal(stored(storeDir, 'as-html').length, 3);
  }));

formats.run();

const refetch = suite('fetching again');

refetch('a second fetch sends conditional requests, gets 304s and changes no item', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'RSS 2', 'rss-20.xml'), source(server, 'Atom 1', 'atom-10.xml'), source(server, 'Moved', 'moved')];
    await fetchInto(storeDir, sources);
    const before = sources.map((s) => stored(storeDir, s.slug));
    server.log.length = 0;
    const reports = await fetchInto(storeDir, sources, new Date('2026-11-25T09:00:00Z'));
    assert.equal(reports.map((r) => [r.outcome, r.status, r.message]), [
      ['not-modified', 304, '304 Not Modified: nothing new.'],
      ['not-modified', 304, '304 Not Modified: nothing new.'],
      ['not-modified', 304, `304 Not Modified: nothing new. The feed has moved permanently to ${server.url}rss-20.xml: update its url in sources.yaml.`],
    ]);
    assert.equal(server.log.sort(), ['GET /atom-10.xml conditional', 'GET /moved conditional', 'GET /rss-20.xml conditional', 'GET /rss-20.xml conditional']);
    assert.equal(sources.map((s) => stored(storeDir, s.slug)), before);
    assert.equal(readStore(storeDir, 'rss-2', '').store.state.lastSuccess, '2026-11-25T09:00:00.000Z');
  }));

refetch('a feed still fresh by its own Cache-Control is not fetched at all', () =>
  withHost(async (server, storeDir) => {
    const sources = [source(server, 'Fresh', 'fresh/json-11.json')];
    await fetchInto(storeDir, sources);
    server.log.length = 0;
    const [report] = await fetchInto(storeDir, sources);
    assert.is(report?.outcome, 'fresh');
    assert.match(report?.message ?? '', /^not fetched: the last copy is fresh until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(the partner's Cache-Control\)$/);
    assert.equal(server.log, []);
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

refetch('a feed whose window moved: new items added, a retitled item updated in place, items gone from the feed kept', () =>
  withHost(async (server, storeDir) => {
    server.set('/window.xml', window1);
    const sources = [source(server, 'Window', 'window.xml')];
    await fetchInto(storeDir, sources);
    const first = stored(storeDir, 'window');
    server.set('/window.xml', window2);
    const [report] = await fetchInto(storeDir, sources, new Date('2026-11-26T08:00:00Z'));
    assert.is(report?.message, '3 in the feed: 1 new, 1 updated, 1 unchanged; 1 no longer in the feed, kept.');
    const second = stored(storeDir, 'window');
    assert.equal(second.map((i) => [i.key, i.title, i.firstSeen]), [
      ['w-4', 'Fourth', '2026-11-26T08:00:00Z'],
      ['w-3', 'Third, retitled', '2026-11-25T08:00:00Z'],
      ['w-2', 'Second', '2026-11-25T08:00:00Z'],
      ['w-1', 'First', '2026-11-25T08:00:00Z'],
    ]);
    // The retitled item keeps its id: readers see an update, not a second item.
    assert.is(second[1]?.id, first.find((i) => i.key === 'w-3')?.id);
  }));

refetch('undated entries get the time they were first seen, one second apart, and keep it', () =>
  withHost(async (server, storeDir) => {
    const undated = (titles: string[]) => `<rss version="2.0"><channel><title>U</title><link>https://u.example.org/</link><description>d</description>${titles.map((t) => `<item><title>${t}</title><link>https://u.example.org/${t}</link></item>`).join('')}</channel></rss>`;
    server.set('/undated.xml', undated(['a', 'b', 'c']));
    const sources = [source(server, 'Undated', 'undated.xml')];
    await fetchInto(storeDir, sources);
    server.set('/undated.xml', undated(['new', 'a', 'b', 'c']));
    await fetchInto(storeDir, sources, new Date('2026-11-25T10:00:00Z'));
    assert.equal(stored(storeDir, 'undated').map((i) => [i.title, i.published, i.publishedFrom]), [
      ['new', '2026-11-25T10:00:00Z', 'first-seen'],
      ['a', '2026-11-25T08:00:00Z', 'first-seen'],
      ['b', '2026-11-25T07:59:59Z', 'first-seen'],
      ['c', '2026-11-25T07:59:58Z', 'first-seen'],
    ]);
  }));

refetch('keep limits the store to the newest items, and the report names what it removed', () =>
  withHost(async (server, storeDir) => {
    server.set('/window.xml', window1);
    const [report] = await fetchInto(storeDir, [source(server, 'Window', 'window.xml', { keep: 2 })]);
    assert.is(report?.message, '3 in the feed: 3 new, 0 updated, 0 unchanged; 1 oldest removed to keep the store to the source\'s keep limit (First).');
    assert.equal(stored(storeDir, 'window').map((i) => i.title), ['Third', 'Second']);
  }));

refetch.run();

const faults = suite('faults');

faults('every fault is reported for its source alone, and the failing source keeps its stored items', () =>
  withHost(async (server, storeDir) => {
    const refused = await closedPort();
    const routes: [string, string][] = [
      ['dns', 'http://no-such-host.invalid/feed.xml'], ['refused', `http://127.0.0.1:${refused}/feed.xml`], ['timeout', 'slow'],
      ['not found', 'status/404'], ['server error', 'status/500'], ['too many', 'status/429'], ['html', 'page.html'],
      ['malformed', 'malformed.xml'], ['huge', 'huge'], ['loop', 'loop-a'],
    ];
    // Every source first has items, from a good fetch of the same slug.
    await fetchInto(storeDir, routes.map(([name]) => source(server, name, 'rss-20.xml')));
    const reports = await fetchInto(storeDir, [...routes.map(([name, route]) => source(server, name, route)), source(server, 'healthy', 'atom-10.xml')], new Date('2026-11-25T09:00:00Z'));
    const kept = 'the 3 stored items are kept';
    assert.equal(reports.map((r) => [r.source, r.outcome, r.status ?? null, r.message]), [
      ['dns', 'failed', null, `the host name does not exist (DNS lookup failed); ${kept}`],
      ['refused', 'failed', null, `the connection was refused: nothing is listening at that address; ${kept}`],
      ['timeout', 'failed', null, `no complete answer within 1 s (timed out); ${kept}`],
      ['not found', 'failed', 404, `404 Not Found; ${kept}`],
      ['server error', 'failed', 500, `500 Internal Server Error; ${kept}`],
      ['too many', 'failed', 429, `429 Too Many Requests; the partner asks us to wait until 2026-11-25T09:02:00.000Z; ${kept}`],
      ['html', 'failed', 200, `the response is an HTML page, not a feed (the page advertises a feed at ${server.url}news/feed.xml: use that URL); ${kept}`],
      ['malformed', 'failed', 200, `the response is not a well-formed XML feed (Invalid feed format); ${kept}`],
      ['huge', 'failed', 200, `the body is larger than the 98 KB limit; ${kept}`],
      ['loop', 'failed', null, `redirects in a loop: ${server.url}loop-a → ${server.url}loop-b → ${server.url}loop-a; ${kept}`],
      ['healthy', 'updated', 200, '3 in the feed: 3 new, 0 updated, 0 unchanged.'],
    ]);
    for (const [name] of routes) assert.is(stored(storeDir, name.replace(/ /g, '-')).length, 3, name);
    assert.equal(readStore(storeDir, 'too-many', '').store.state.retryAfter, '2026-11-25T09:02:00.000Z');
    // Until then, the source is left alone, as the partner asked.
    const [waiting] = await fetchInto(storeDir, [source(server, 'too many', 'status/429')], new Date('2026-11-25T09:01:00Z'));
    assert.is(waiting?.message, 'not fetched: the partner asked us to wait until 2026-11-25T09:02:00.000Z; the 3 stored items are kept');
  }));

faults.run();

const hostile = suite('hostile feeds');

hostile('a billion laughs, an external entity, scripts, handlers, javascript: links and tracking pixels are harmless', () =>
  withHost(async (server, storeDir) => {
    const started = performance.now();
    const [report] = await fetchInto(storeDir, [source(server, 'Hostile', 'hostile.xml')]);
    assert.ok(performance.now() - started < 2000, 'no entity was expanded');
    assert.is(report?.message, '3 in the feed: 2 new, 0 updated, 0 unchanged; 1 skipped (entry 2 "Script in a title": its link "javascript:alert(4)" is not an http(s) address).');
    assert.equal(stored(storeDir, 'hostile').map((i) => [i.title, i.link, i.summaryHtml]), [
      ['Markup in a title', 'https://hostile.example.org/markup', '<p>Only text survives.</p>'],
      ['Laughs: &lol9; and secrets: &xxe;', 'https://hostile.example.org/laughs', '<p>Click <a>here</a> </p>'],
    ]);
    const file = readFileSync(path.join(storeDir, 'hostile.json'), 'utf8');
    assert.not.match(file, /root:|<script|onerror|onclick|javascript:|<img|<iframe|tracker\.example|lollollol/);
  }));

hostile.run();

const store = suite('the store');

store('a write interrupted by a crash leaves the previous store whole, never half of one', async () => {
  const storeDir = mkdtempSync(path.join(tmpdir(), '3ml-crash-'));
  try {
    const writer = `
      import { writeStore } from './lib/index.ts';
      const item = (i) => ({ key: 'k' + i, id: 'tag:x,2026:' + i, title: 'Item ' + i + ' '.repeat(2000), link: 'https://x.example.org/' + i, summaryHtml: '', published: '2013-01-01T00:00:00Z', publishedFrom: 'feed', authors: [], firstSeen: '2026-01-01T00:00:00Z' });
      writeStore(process.argv[2], 'crash', { source: 'Crash', state: {}, items: [item(0)] });
      process.send('ready');
      for (let round = 1; ; round++) writeStore(process.argv[2], 'crash', { source: 'Crash', state: {}, items: Array.from({ length: 3000 }, (_, i) => item(i)) });
    `;
    writeFileSync(path.join(storeDir, 'writer.mts'), writer.replace("'./lib/index.ts'", `'${path.resolve('lib/index.ts')}'`));
    const child = spawn('node', ['--import', 'tsx', path.join(storeDir, 'writer.mts'), storeDir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    await new Promise((resolve) => child.once('message', resolve));
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const { store: read, problems } = readStore(storeDir, 'crash', 'Crash');
    assert.equal(problems, []);
    assert.ok(read.items.length === 1 || read.items.length === 3000, `${read.items.length} items`);
    // A temporary file may be left behind; it is never read as a store.
    assert.ok(readdirSync(storeDir).every((name) => name === 'crash.json' || name === 'writer.mts' || name.endsWith('.tmp')));
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
});

store.run();

const cli = suite('npm run fetch and npm run sources');

cli('fetch reads another sources file with --sources, reports a line per source, and sources prints their state', () =>
  withHost(async (server, storeDir) => {
    const dir = path.join(storeDir, 'project');
    mkdirSync(dir);
    const file = path.join(dir, 'sources.yaml');
    writeFileSync(file, [
      `- name: Northshire news\n  url: ${server.url}rss-20.xml\n  stream: pathfinder\n  organisation: Northshire Telecare Partnership\n  homepage: https://northshire-telecare.example.org/`,
      `- name: Broken partner\n  url: ${server.url}status/500\n  stream: industry\n  organisation: Broken Ltd\n  homepage: https://broken.example.org/`,
      `- name: Paused partner\n  url: ${server.url}atom-10.xml\n  stream: industry\n  organisation: Paused Ltd\n  homepage: https://paused.example.org/\n  enabled: false`,
    ].join('\n'));
    const fetched = await run('node', ['--import', 'tsx', 'scripts/fetch.ts', '--sources', file]);
    assert.is(fetched.stdout, [
      '✓ Northshire news: 3 in the feed: 3 new, 0 updated, 0 unchanged. (3 stored)',
      '✗ Broken partner: 500 Internal Server Error; nothing was stored yet (0 stored)',
      '- Paused partner: not fetched (enabled: false); nothing was stored yet (0 stored)',
      '2 of 3 sources fine, 1 failed.',
      '',
    ].join('\n'));
    assert.equal(readdirSync(path.join(dir, 'partners')).sort(), ['broken-partner.json', 'northshire-news.json']);
    const { stdout } = await run('node', ['--import', 'tsx', 'scripts/sources.ts', '--sources', file]);
    const stamp = /last fetch {4}(\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec(stdout)?.[1];
    assert.is(stdout, [
      'Northshire news (pathfinder)',
      `  feed          ${server.url}rss-20.xml`,
      `  last fetch    ${stamp} UTC, HTTP 200`,
      `  last success  ${stamp} UTC`,
      '  items         3 stored',
      '',
      'Broken partner (industry, STALE)',
      `  feed          ${server.url}status/500`,
      `  last fetch    ${stamp} UTC, HTTP 500`,
      '  last success  never',
      '  items         0 stored',
      '  last error    500 Internal Server Error',
      '',
      'Paused partner (industry, disabled)',
      `  feed          ${server.url}atom-10.xml`,
      '  last fetch    never',
      '  last success  never',
      '  items         0 stored',
      '',
    ].join('\n'));
  }));

cli('a sources file with errors is reported, every problem with its line, and nothing is fetched', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-sources-'));
  try {
    const file = path.join(dir, 'sources.yaml');
    writeFileSync(file, [
      '- name: Good partner',
      '  url: https://good.example.org/feed.xml',
      '  stream: industry',
      '  organisation: Good Ltd',
      '  homepage: https://good.example.org/',
      '- name: Good partner',
      '  url: ftp://bad.example.org/feed',
      '  stream: mental-health',
      '  homepage: https://bad.example.org/',
      '  keep: 0',
      '  enabled: sometimes',
      '  colour: blue',
    ].join('\n'));
    try {
      await run('node', ['--import', 'tsx', 'scripts/fetch.ts', '--sources', file]);
      assert.unreachable('fetch should refuse a sources file with errors');
    } catch (error) {
      const { code, stderr } = error as { code: number; stderr: string };
      assert.is(code, 1);
      assert.is(stderr.replaceAll(file, 'sources.yaml'), [
        '6 errors in sources.yaml:',
        '  sources.yaml:6: 1.name: is the same as the name of source 1 (give each source its own name)',
        '  sources.yaml:6: 1.organisation: is missing (add organisation: to the source)',
        '  sources.yaml:7: 1.url: is not an absolute http(s) URL (write the feed\'s full address, e.g. https://www.example.org/news/feed.xml)',
        '  sources.yaml:8: 1.stream: "mental-health" is not a configured stream (use one of: industry, pathfinder, social-care, public-health)',
        '  sources.yaml:10: 1.keep: must be at least 1 (write how many of the newest items to keep, e.g. keep: 50, or leave it out to keep all)',
        '  sources.yaml:11: 1.enabled: must be true or false, not "sometimes" (write enabled: false to stop fetching, or leave it out)',
        '1 warning in sources.yaml:',
        '  sources.yaml:12: 1.colour: "colour" is not a field of a source and is ignored (the fields are: name, url, stream, organisation, homepage, keep, enabled)',
        '',
      ].join('\n'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

cli.run();
