import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { buildWithEleventy } from '../eleventy.config.ts';
import { publishToHub, type PublishOptions } from '../lib/websub.ts';
import { formatHubLine, formatPingSummary, NoBuiltFeeds, pingHubs, type PingResult } from '../pipeline/ping.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { startHubServer, type HubServer } from './helpers/hub-server.ts';
import { configAt } from './helpers/site.ts';
import { suite } from './helpers/suite.ts';

/** Options for `publishToHub` that record each wait instead of waiting. */
function patient(waits: number[]): PublishOptions {
  return {
    fetch, now: () => new Date('2026-12-01T12:00:00Z'), userAgent: '3ML-News/test',
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

const feedUrls = (n: number) => Array.from({ length: n }, (_, i) => `https://news.example.org/tags/t${i + 1}/rss.xml`);

/** A port nothing listens on: one the OS gave a server that has closed. */
async function closedPort(): Promise<string> {
  const hub = await startHubServer();
  await hub.close();
  return hub.url;
}

const publishing = suite<{ hub?: HubServer }>('publishing to a WebSub hub');

publishing.before.each(async (context) => {
  context.hub = await startHubServer();
});
publishing.after.each(async (context) => {
  await context.hub?.close();
});

publishing('a batch of feed URLs per request, each a form of hub.mode=publish and hub.url repeated; 204 is accepted', async ({ hub }) => {
  const urls = feedUrls(45);
  const report = await publishToHub(hub!.url, urls, patient([]));
  assert.equal(report, { hub: hub!.url, accepted: urls, missed: [], requests: 3 });
  assert.equal(hub!.requests, [urls.slice(0, 20), urls.slice(20, 40), urls.slice(40)].map((batch) => ({
    method: 'POST', contentType: 'application/x-www-form-urlencoded', mode: 'publish', urls: batch, status: 204,
  })));
});

publishing('a 503 is asked again after its Retry-After, and then accepted', async ({ hub }) => {
  hub!.answerNext({ status: 503, retryAfter: '1' });
  const waits: number[] = [];
  const report = await publishToHub(hub!.url, feedUrls(3), { ...patient(waits), batchSize: 2 });
  assert.equal(report, { hub: hub!.url, accepted: feedUrls(3), missed: [], requests: 3 });
  assert.equal(hub!.requests.map((r) => [r.status, r.urls.length]), [[503, 2], [204, 2], [204, 1]]);
  assert.equal(waits, [1000]);
});

publishing('a hub that stays busy is asked four times, after growing pauses, then reported with its status', async ({ hub }) => {
  hub!.answerNext({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
  const waits: number[] = [];
  const report = await publishToHub(hub!.url, feedUrls(2), patient(waits));
  assert.equal(report, {
    hub: hub!.url, accepted: [], missed: feedUrls(2), requests: 4,
    failure: { kind: 'unreachable', status: 503, reason: '503 Service Unavailable: "Busy, try again later", still after 4 tries' },
  });
  assert.equal(waits, [1000, 2000, 4000]);
});

publishing('a Retry-After longer than a ping waits gives the hub up at once', async ({ hub }) => {
  hub!.answerNext({ status: 503, retryAfter: '3600' });
  const waits: number[] = [];
  const report = await publishToHub(hub!.url, feedUrls(2), patient(waits));
  assert.equal(report.failure, { kind: 'unreachable', status: 503, reason: '503 Service Unavailable: "Busy, try again later", and waiting 3600 s more would pass the 60 s a ping waits for one hub' });
  assert.equal([waits, hub!.requests.length], [[], 1]);
});

publishing('a 400 is a refusal with its status and the first line the hub said; nothing more is sent to it', async ({ hub }) => {
  hub!.answerNext({ status: 400, body: '\n  Topic not allowed here  \nsecond line\n' });
  const report = await publishToHub(hub!.url, feedUrls(3), { ...patient([]), batchSize: 2 });
  assert.equal(report, {
    hub: hub!.url, accepted: [], missed: feedUrls(3), requests: 1,
    failure: { kind: 'refused', status: 400, reason: '400 Bad Request: "Topic not allowed here"' },
  });
});

publishing('a hub out of reach is tried again, then reported with why', async () => {
  const waits: number[] = [];
  const url = await closedPort();
  const report = await publishToHub(url, feedUrls(1), patient(waits));
  assert.equal(report, {
    hub: url, accepted: [], missed: feedUrls(1), requests: 4,
    failure: { kind: 'unreachable', reason: 'the connection was refused: nothing is listening at that address, still after 4 tries' },
  });
  assert.equal(waits, [1000, 2000, 4000]);
});

publishing.run();

interface Project {
  readonly content: string;
  readonly site: string;
  readonly cache: string;
  readonly state: string;
  readonly remove: () => void;
}

/** The valid fixtures' content in a folder of its own, built with the shipped configuration. */
async function fixtureProject(): Promise<Project> {
  const base = mkdtempSync(path.join(tmpdir(), '3ml-ping-'));
  const project = {
    content: path.join(base, 'content'), site: path.join(base, 'site'), cache: path.join(base, 'cache'), state: path.join(base, 'state', 'websub.json'),
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
  cpSync('test/fixtures/valid/content', project.content, { recursive: true });
  await build(project);
  return project;
}

async function build(project: Project): Promise<void> {
  await buildWithEleventy(settingsFromEnvironment({ config: configAt(), contentDir: project.content, cacheDir: project.cache, log: () => {} }), project.site);
}

function ping(project: Project, hubs: readonly string[]): Promise<PingResult> {
  return pingHubs({
    siteDir: project.site, cacheDir: project.cache, baseUrl: 'https://news.3millionlives.co.uk/', stateFile: project.state, hubs,
    publish: (hub, urls) => publishToHub(hub, urls, patient([])),
  });
}

const channelFeeds = (...channels: string[]) => channels.flatMap((folder) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `https://news.3millionlives.co.uk${folder}${file}`));
/** The fixtures' channels: the integrated stream, the four streams, and six tags. */
const fixtureFeeds = channelFeeds(
  '/', '/industry/', '/pathfinder/', '/social-care/', '/public-health/',
  '/tags/business-case/', '/tags/telehealth/', '/tags/concordat/', '/tags/telecare/', '/tags/whole-system-demonstrator/', '/tags/evidence/',
);

const pinging = suite<{ hub?: HubServer; project?: Project }>('npm run ping\'s work: which feeds changed, for each hub');

pinging.before.each(async (context) => {
  context.hub = await startHubServer();
  context.project = await fixtureProject();
});
pinging.after.each(async (context) => {
  await context.hub?.close();
  context.project?.remove();
});

pinging('the first ping tells the hub of every subscription feed; a second with nothing changed, of none', async ({ hub, project }) => {
  const first = await ping(project!, [hub!.url]);
  assert.equal(hub!.published().sort(), [...fixtureFeeds].sort());
  assert.is(first.feeds, 33);
  assert.equal(first.hubs.map((h) => formatHubLine(h, first.feeds)), [`${hub!.url}: accepted 33 changed feeds (2 requests)`]);
  assert.is(formatPingSummary(first, project!.site), `Checked 33 subscription feeds in ${project!.site}/ for 1 hub: 1 accepted what changed, 0 had nothing to hear, 0 failed.`);
  const state = JSON.parse(readFileSync(project!.state, 'utf8')) as Record<string, Record<string, string>>;
  assert.equal(Object.keys(state), [hub!.url]);
  assert.equal(Object.keys(state[hub!.url] ?? {}).sort(), [...fixtureFeeds].sort());

  const second = await ping(project!, [hub!.url]);
  assert.is(hub!.requests.length, 2);
  assert.equal(second.hubs.map((h) => formatHubLine(h, second.feeds)), [`${hub!.url}: nothing to send, none of the 33 subscription feeds changed since it was last told`]);
  assert.is(formatPingSummary(second, project!.site), `Checked 33 subscription feeds in ${project!.site}/ for 1 hub: 0 accepted what changed, 1 had nothing to hear, 0 failed.`);
});

pinging('after an item changes and the site is built again, the ping tells of exactly the feeds the item is in', async ({ hub, project }) => {
  await ping(project!, [hub!.url]);
  const file = path.join(project!.content, 'pathfinder/kent/business-case.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Kent updates its business case', 'title: Kent updates its business case again'));
  await build(project!);
  const before = hub!.requests.length;
  await ping(project!, [hub!.url]);
  assert.equal(hub!.requests.slice(before).flatMap((r) => r.urls).sort(), channelFeeds('/', '/pathfinder/', '/tags/business-case/').sort());
});

pinging('each hub has its own record: another hub hears of every feed, and the first keeps what it was told', async ({ hub, project }) => {
  const other = await startHubServer();
  try {
    await ping(project!, [hub!.url]);
    const result = await ping(project!, [hub!.url, other.url]);
    assert.equal([result.hubs.map((h) => h.changed), hub!.requests.length, other.published().length], [[0, 33], 2, 33]);
  } finally {
    await other.close();
  }
});

pinging('a hub that refuses is reported with its status and first line, and hears of every feed again next time', async ({ hub, project }) => {
  hub!.answerNext({ status: 400, body: 'Publishing is closed\n' });
  const refused = await ping(project!, [hub!.url]);
  assert.equal(refused.hubs.map((h) => formatHubLine(h, refused.feeds)), [
    `${hub!.url}: refused: 400 Bad Request: "Publishing is closed"; it accepted 0 of 33 changed feeds, the next ping sends it the rest`,
  ]);
  assert.is(formatPingSummary(refused, 'site'), 'Checked 33 subscription feeds in site/ for 1 hub: 0 accepted what changed, 0 had nothing to hear, 1 failed.');
  const again = await ping(project!, [hub!.url]);
  assert.equal([again.hubs[0]?.report.accepted.length, hub!.published().length], [33, 33]);
});

pinging('a state file that cannot be read is reported; every feed is sent again and the file written afresh', async ({ hub, project }) => {
  await ping(project!, [hub!.url]);
  writeFileSync(project!.state, '{"https://hub.example.org/": ["not", "hashes"]}');
  const result = await ping(project!, [hub!.url]);
  assert.is(result.stateProblem, `${project!.state} is not a ping's state (it is not an object of hubs, each an object of feed URLs and hashes)`);
  assert.equal([hub!.published().length, Object.keys(JSON.parse(readFileSync(project!.state, 'utf8')) as object)], [66, [hub!.url]]);
});

pinging('without a build, or with a feed file gone, it names what is missing and sends nothing', async ({ hub, project }) => {
  const elsewhere = path.join(project!.site, 'nothing-built-here');
  await assertRejects(ping({ ...project!, site: elsewhere }, [hub!.url]), `there is no site built into ${elsewhere}/ (no record of a build into it in ${project!.cache}/outputs/)`);
  rmSync(path.join(project!.site, 'tags/telecare/atom.xml'));
  await assertRejects(ping(project!, [hub!.url]), `1 of the 33 subscription feeds its build wrote into ${project!.site}/ cannot be read: ${project!.site}/tags/telecare/atom.xml`);
  assert.is(hub!.requests.length, 0);
});

pinging.run();

async function assertRejects(promise: Promise<unknown>, message: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, NoBuiltFeeds);
    assert.is((error as Error).message, message);
    return;
  }
  assert.unreachable(`should have failed with: ${message}`);
}
