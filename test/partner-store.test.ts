import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { buildWithEleventy, ContentHasErrors } from '../eleventy.config.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { buildNews, readNews } from '../lib/news.ts';
import { readStore, type StoredItem } from '../lib/partners/store.ts';
import { formatProblem, NewsContentError, type Problem } from '../lib/problems.ts';
import { buildSite } from '../site/build.ts';
import { item as localItem, testNow, writeProject } from './helpers/content.ts';
import { renderAll } from './helpers/feeds.ts';
import { config, fetchInto, lines, record, source, withHost } from './helpers/partners.ts';

const sources = ['Acme', 'Half', 'Fine'].map((name) => `- name: ${name}\n  url: https://${name.toLowerCase()}.example.org/feed.xml\n  stream: industry\n  organisation: ${name} Ltd\n  homepage: https://${name.toLowerCase()}.example.org/`).join('\n');

const good = (slug: string, n: number, fields: Partial<StoredItem> = {}) =>
  record(slug, { key: `${slug}-${n}`, title: `Good news ${n}`, link: `https://${slug}.example.org/${n}`, published: `2013-06-0${n}T10:00:00Z`, summaryHtml: `<p>Story ${n}.</p>`, ...fields });

/** Items as people damage them: by hand, in a merge, or by restoring half a file. */
function damagedItems(): unknown[] {
  return [
    good('acme', 1),
    { ...good('acme', 2), published: '2024-13-45T00:00:00Z' },
    { ...good('acme', 3), summaryHtml: '<p>Look <img src=x onerror="alert(1)"></p>' },
    { ...good('acme', 4), link: 'javascript:alert(2)' },
    { ...good('acme', 5), summaryHtml: '<p><a href="javascript:alert(3)">Click</a></p>' },
    { ...good('acme', 6), title: '<b>Bold</b> claims &amp; more' },
    { ...good('acme', 7), note: 'checked by Sam' },
    { ...good('acme', 8), key: 'acme-1' },
    'a line left by a merge',
  ];
}

/** A project whose store was damaged by hand: items in acme.json, half a file for Half, a good file for Fine. */
function damagedProject() {
  const project = writeProject({ 'industry/2012/concordat.md': localItem({ title: 'Concordat signed', date: '2012-01-19' }), 'sources.yaml': sources });
  const store = path.join(project.rootDir, 'content', 'partners');
  mkdirSync(path.join(store, 'state'), { recursive: true });
  writeFileSync(path.join(store, 'acme.json'), JSON.stringify({ source: 'Acme', items: damagedItems() }, null, 2));
  writeFileSync(path.join(store, 'half.json'), halfFile);
  // An item copied from another source's file: its id is taken.
  writeFileSync(path.join(store, 'fine.json'), JSON.stringify({ source: 'Fine', items: [good('fine', 1), { ...good('acme', 1), key: 'copied' }] }, null, 2));
  writeFileSync(path.join(store, 'state', 'fine.json'), JSON.stringify({ lastSuccess: 'yesterday', retryAfter: '2099-01-01T00:00:00.000Z', status: 200 }));
  return project;
}

const whole = JSON.stringify({ source: 'Half', items: [good('half', 1)] }, null, 2);
const halfFile = whole.slice(0, whole.length / 2);

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

const expectedProblems = [
  'error content/partners/acme.json: items.1.published: item "acme-2": its published date "2024-13-45T00:00:00Z" cannot be used (there is no month 13)',
  'error content/partners/acme.json: items.2.summaryHtml: item "acme-3": its summary "<p>Look <img src=x onerror=\"alert(1)\"></p>" holds HTML the summary allowlist does not allow (it allows paragraphs, emphasis, lists, quotations and http(s) links, in at most 400 characters)',
  'error content/partners/acme.json: items.3.link: item "acme-4": its link "javascript:alert(2)" is not an absolute http(s) address',
  'error content/partners/acme.json: items.4.summaryHtml: item "acme-5": its summary "<p><a href=\"javascript:alert(3)\">Click</a></p>" holds HTML the summary allowlist does not allow (it allows paragraphs, emphasis, lists, quotations and http(s) links, in at most 400 characters)',
  'error content/partners/acme.json: items.5.title: item "acme-6": its title "<b>Bold</b> claims &amp; more" is not plain text on one line; as plain text it reads "Bold claims & more"',
  'error content/partners/acme.json: items.7.key: item "acme-1": its key "acme-1" is also that of item 1',
  'error content/partners/acme.json: items.8: item 9 is "a line left by a merge", not an item with its fields',
  `error content/partners/fine.json: items.1.id: item "copied": its id "${good('acme', 1).id}" is also that of item 1 in acme.json`,
  `error content/partners/half.json: store: cannot be read: ${jsonError(halfFile)}`,
  'warning content/partners/acme.json: items.6.note: item "acme-7": "note" is not a field of a stored item and is ignored',
  'warning content/partners/state/fine.json: lastSuccess: "yesterday" is not a time, so it is ignored',
  'warning content/partners/state/fine.json: retryAfter: "2099-01-01T00:00:00.000Z" is further ahead than a fetch ever waits, so it is ignored',
];

const describe = (problems: readonly Problem[]) => problems.map((p) => `${p.severity} ${formatProblem({ ...p, hint: undefined })}`).sort((a, b) => (a < b ? -1 : 1));

const damaged = suite('a hand-damaged partner store');

damaged('every damaged item is named with its file, key and field; the sound items are published, the damaged ones nowhere', async () => {
  const project = damagedProject();
  try {
    const stream = await readNews({ config, rootDir: project.rootDir, now: testNow, includeDrafts: false });
    assert.equal(describe(stream.problems), expectedProblems);
    assert.equal(stream.items.map((i) => i.title), ['Good news 7', 'Good news 1', 'Good news 1', 'Concordat signed']);
    const site = buildSite(stream, { rootDir: project.rootDir, contentDir: 'content' });
    const published = [...renderAll(site).values()].join('\n');
    assert.not.match(published, /2024-13-45|onerror|<img|javascript:|<b>Bold|Good news [2-68]|merge/);
  } finally {
    project.remove();
  }
});

damaged('the build stops with the report, never a crash, and publishes nothing', async () => {
  const project = damagedProject();
  try {
    const error = await buildNews({ config, rootDir: project.rootDir, now: testNow, includeDrafts: false }, () => {}).then(() => undefined, (thrown: unknown) => thrown);
    assert.ok(error instanceof NewsContentError, String(error));
    assert.equal(describe(error.problems), expectedProblems);
    const settings = settingsFromEnvironment({ rootDir: project.rootDir, contentDir: 'content', cacheDir: 'cache', log: () => {} });
    const outputDir = path.join(project.rootDir, '_site');
    const built = await buildWithEleventy(settings, outputDir).then(() => 'built', (thrown: unknown) => thrown);
    assert.ok(built instanceof ContentHasErrors, String(built));
    assert.is(built.message, error.message);
    assert.not.ok(existsSync(path.join(outputDir, 'index.html')), 'nothing was published');
  } finally {
    project.remove();
  }
});

damaged('a fetch leaves a store with damaged items as it is, and says which', () =>
  withHost(async (server, storeDir) => {
    writeFileSync(path.join(storeDir, 'acme.json'), JSON.stringify({ source: 'Acme', items: damagedItems().slice(0, 2) }, null, 2));
    const before = readFileSync(path.join(storeDir, 'acme.json'), 'utf8');
    assert.equal(lines(await fetchInto(storeDir, [source(server, 'Acme', 'rss-20.xml')])), [[
      'Acme', 'failed', null,
      `not fetched, and its store is left as it is, because ${path.join(storeDir, 'acme.json')} has damaged items (items.1.published: item "acme-2": its published date "2024-13-45T00:00:00Z" cannot be used (there is no month 13)); correct or delete them, or restore the file from version control`,
      [],
    ]]);
    assert.is(readFileSync(path.join(storeDir, 'acme.json'), 'utf8'), before);
  }));

damaged('what a fetch wrote passes the store\'s checks unchanged', () =>
  withHost(async (server, storeDir) => {
    const fixtures = ['rss-20.xml', 'atom-10.xml', 'text-constructs.xml', 'rss-titles.xml', 'json-text.json', 'hostile.xml', 'latin1.xml', 'windows-1252.xml'];
    await fetchInto(storeDir, fixtures.map((route, n) => source(server, `Source ${n}`, route)));
    for (const n of fixtures.keys()) {
      const written = JSON.parse(readFileSync(path.join(storeDir, `source-${n}.json`), 'utf8')) as { items: StoredItem[] };
      const read = readStore(storeDir, `source-${n}`, `Source ${n}`, { now: testNow, futureAllowanceHours: 36 });
      assert.equal([read.problems, read.store.items], [[], written.items], fixtures[n]);
    }
  }));

damaged.run();
