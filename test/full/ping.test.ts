/** WebSub with the real commands: the shipped site's feeds name the hub, and `npm run ping` tells a hub on 127.0.0.1 of them. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as assert from 'uvu/assert';
import { startHubServer, type HubServer } from '../helpers/hub-server.ts';
import { sharedSite, type BuiltSite } from '../helpers/site.ts';
import { suite } from '../helpers/suite.ts';

const run = promisify(execFile);
const google = 'https://pubsubhubbub.appspot.com/';
const origin = 'https://news.3millionlives.co.uk';

interface Context {
  site?: BuiltSite;
  hub?: HubServer;
  /** A folder for state files, one per test. */
  temp?: string;
}

/** `npm run ping` with `args` on the shared site: its exit code and what it printed. */
async function ping(site: BuiltSite, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, NEWS_CACHE_DIR: site.cacheDir, FORCE_COLOR: '0' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/run.mjs', 'scripts/ping.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** Every subscription feed in the built folder, as the URL it is published at: each rss.xml, atom.xml and feed.json but the archives. */
function subscriptionFeedUrls(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && ['rss.xml', 'atom.xml', 'feed.json'].includes(entry.name))
    .map((entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
    .filter((sitePath) => !sitePath.includes('/feed/archive/'))
    .map((sitePath) => origin + sitePath)
    .sort();
}

const pings = suite<Context>('npm run ping on the built site');

pings.before(async (context) => {
  context.site = await sharedSite({ commands: true });
  context.hub = await startHubServer();
  context.temp = mkdtempSync(path.join(tmpdir(), '3ml-ping-'));
});

pings.after(async (context) => {
  await context.hub?.close();
  if (context.temp) rmSync(context.temp, { recursive: true, force: true });
});

pings('the shipped rss.xml, atom.xml and feed.json name the hub', ({ site }) => {
  const read = (file: string) => readFileSync(path.join(site!.dir, file), 'utf8');
  assert.match(read('rss.xml'), `\n<atom:link rel="self" type="application/rss+xml" href="${origin}/rss.xml"/>\n<atom:link rel="hub" href="${google}"/>\n`);
  assert.match(read('atom.xml'), `\n<link rel="self" type="application/atom+xml" href="${origin}/atom.xml"/>\n<link rel="hub" href="${google}"/>\n`);
  const json = JSON.parse(read('feed.json')) as { feed_url: string; hubs: unknown };
  assert.equal([json.feed_url, json.hubs], [`${origin}/feed.json`, [{ type: 'WebSub', url: google }]]);
});

pings('--hub on 127.0.0.1 is sent a publish for each subscription feed; run again with nothing changed, none', async ({ site, hub, temp }) => {
  const state = path.join(temp!, 'first.json');
  const expected = subscriptionFeedUrls(site!.dir);
  const channels = readdirSync(site!.dir, { recursive: true }).filter((file) => /(^|\/)feed\/index\.html$/.test(String(file))).length;
  // The integrated stream and the four streams: 15 feeds; each tag adds three.
  const streams = ['/', '/industry/', '/pathfinder/', '/social-care/', '/public-health/'].flatMap((folder) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `${origin}${folder}${file}`));
  assert.equal([expected.length, streams.filter((url) => !expected.includes(url))], [3 * channels, []]);
  assert.ok(expected.length >= 15, `${expected.length} subscription feeds`);

  const first = await ping(site!, ['--site', site!.dir, '--hub', hub!.url, '--state', state]);
  assert.equal([first.code, first.stderr], [0, '']);
  assert.equal(hub!.published().sort(), expected);
  assert.is(first.stdout, [
    `${hub!.url}: accepted ${expected.length} changed feeds (${Math.ceil(expected.length / 20)} requests)`,
    `Checked ${expected.length} subscription feeds in ${site!.dir}/ for 1 hub: 1 accepted what changed, 0 had nothing to hear, 0 failed.`,
    '',
  ].join('\n'));

  const requests = hub!.requests.length;
  const second = await ping(site!, ['--site', site!.dir, '--hub', hub!.url, '--state', state]);
  assert.equal([second.code, second.stderr, hub!.requests.length], [0, '', requests]);
  assert.is(second.stdout, [
    `${hub!.url}: nothing to send, none of the ${expected.length} subscription feeds changed since it was last told`,
    `Checked ${expected.length} subscription feeds in ${site!.dir}/ for 1 hub: 0 accepted what changed, 1 had nothing to hear, 0 failed.`,
    '',
  ].join('\n'));
});

pings('a hub that refuses gets a line with its address, the status and what it said, and the exit code is 1', async ({ site, hub, temp }) => {
  hub!.answerNext({ status: 400, body: 'hub.url is not allowed\n' });
  const refused = await ping(site!, ['--site', site!.dir, '--hub', hub!.url, '--state', path.join(temp!, 'refused.json')]);
  const feeds = subscriptionFeedUrls(site!.dir).length;
  assert.equal([refused.code, refused.stdout.split('\n')], [1, [
    `${hub!.url}: refused: 400 Bad Request: "hub.url is not allowed"; it accepted 0 of ${feeds} changed feeds, the next ping sends it the rest`,
    `Checked ${feeds} subscription feeds in ${site!.dir}/ for 1 hub: 0 accepted what changed, 0 had nothing to hear, 1 failed.`,
    '',
  ]]);
});

pings('without a built site it says to build first, with exit code 2, and tells no hub', async ({ site, hub, temp }) => {
  const requests = hub!.requests.length;
  const missing = path.join(temp!, 'no-site');
  const result = await ping(site!, ['--site', missing, '--hub', hub!.url, '--state', path.join(temp!, 'none.json')]);
  assert.equal([result.code, result.stdout, result.stderr, hub!.requests.length], [
    2, '', `npm run ping: there is no site built into ${missing}/ (no record of a build into it in ${site!.cacheDir}/outputs/): build it first with npm run build (or name the folder it was built into with --site, and its cache with NEWS_CACHE_DIR).\n`, requests,
  ]);
});

pings('a --hub that is not an http(s) URL is refused before anything is read or sent, with exit code 2', async ({ site, hub }) => {
  const requests = hub!.requests.length;
  const result = await ping(site!, ['--hub', 'ftp://hub.example.org/']);
  assert.equal([result.code, result.stdout, result.stderr.split('\n')[0], hub!.requests.length], [
    2, '', 'npm run ping: --hub "ftp://hub.example.org/" is not an http(s) URL, so no hub could be told that a feed changed (write the hub\'s address, e.g. https://pubsubhubbub.appspot.com/)', requests,
  ]);
});

pings.run();
