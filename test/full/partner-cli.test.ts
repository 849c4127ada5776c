import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';
import { readNews } from '../../lib/news.ts';
import { checkSourcesConfig } from '../../lib/partners/config.ts';
import { config, withHost } from '../helpers/partners.ts';

const run = promisify(execFile);

/** Runs a script expecting it to fail, returning its exit code and error output. */
async function failing(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run('node', ['--import', 'tsx', ...args]);
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error(`${args.join(' ')} should have failed`);
}

const yamlSource = (name: string, url: string, stream: string, organisation: string, homepage: string, extra = '') =>
  `- name: ${name}\n  url: ${url}\n  stream: ${stream}\n  organisation: ${organisation}\n  homepage: ${homepage}${extra}`;

const cli = suite('npm run fetch and npm run sources');

cli('fetch reads another sources file with --sources, reports a line per source, and sources prints their state', () =>
  withHost(async (server, storeDir) => {
    const dir = path.join(storeDir, 'project');
    mkdirSync(dir);
    const file = path.join(dir, 'sources.yaml');
    writeFileSync(file, [
      yamlSource('Northshire news', `${server.url}rss-20.xml`, 'pathfinder', 'Northshire Telecare Partnership', 'https://northshire-telecare.example.org/'),
      yamlSource('CareLink press releases', `${server.url}atom-10.xml`, 'industry', 'CareLink Technologies', 'https://carelink.example.org/', '\n  id: carelink'),
      yamlSource('Broken partner', `${server.url}status/500`, 'industry', 'Broken Ltd', 'https://broken.example.org/'),
      yamlSource('Paused partner', `${server.url}atom-10.xml?paused`, 'industry', 'Paused Ltd', 'https://paused.example.org/', '\n  enabled: false'),
    ].join('\n'));
    const fetched = await run(process.execPath, ['scripts/run.mjs', 'scripts/fetch.ts', '--sources', file]);
    assert.is(fetched.stdout, [
      '✓ Northshire news: 3 in the feed: 3 new, 0 updated, 0 unchanged. (3 stored)',
      '✓ CareLink press releases: 3 in the feed: 3 new, 0 updated, 0 unchanged. (3 stored)',
      '✗ Broken partner: 500 Internal Server Error; nothing was stored yet (0 stored)',
      '- Paused partner: not fetched (enabled: false); nothing was stored yet (0 stored)',
      '3 of 4 sources fine, 0 waiting, 1 failed.',
      '',
    ].join('\n'));
    // The id pins the store file's name.
    assert.equal(readdirSync(path.join(dir, 'partners')).sort(), ['broken-partner.json', 'carelink.json', 'northshire-news.json', 'state']);
    // The project's content folder is dir, as the site's below.
    const project = { env: { ...process.env, NEWS_CONTENT_DIR: dir } };
    const { stdout } = await run(process.execPath, ['scripts/run.mjs', 'scripts/sources.ts', '--sources', file], project);
    // Times in the site's zone and words, as the sources page shows them.
    const stamp = /last fetch {4}(\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d)/.exec(stdout)?.[1];
    assert.is(stdout, [
      'Northshire news (pathfinder)',
      `  feed          ${server.url}rss-20.xml`,
      `  last fetch    ${stamp}, HTTP 200`,
      `  last success  ${stamp}`,
      '  items         3 stored',
      '',
      'CareLink press releases (industry)',
      `  feed          ${server.url}atom-10.xml`,
      `  last fetch    ${stamp}, HTTP 200`,
      `  last success  ${stamp}`,
      // Its copy of Northshire's story (published later) is shown once, in Northshire's item, crediting both.
      '  items         3 stored, 1 merged into another item telling the same story',
      '',
      'Broken partner (industry, STALE)',
      `  feed          ${server.url}status/500`,
      `  last fetch    ${stamp}, HTTP 500`,
      '  last success  never',
      '  items         0 stored',
      '  last error    500 Internal Server Error',
      '',
      'Paused partner (industry, disabled)',
      `  feed          ${server.url}atom-10.xml?paused`,
      '  last fetch    never',
      '  last success  never',
      '  items         0 stored',
      '',
    ].join('\n'));
    // --json is the site's /sources.json, exactly.
    const json = await run(process.execPath, ['scripts/run.mjs', 'scripts/sources.ts', '--sources', file, '--json'], project);
    const site = await readNews({ config, rootDir: process.cwd(), contentDir: path.relative(process.cwd(), dir), sourcesFile: path.relative(process.cwd(), file), now: new Date(), includeDrafts: false });
    assert.equal(JSON.parse(json.stdout), { sources: JSON.parse(JSON.stringify(site.partnerSources)) });
  }));

cli('a waiting source is counted apart, and --strict fails on it', () =>
  withHost(async (server, storeDir) => {
    const file = path.join(storeDir, 'sources.yaml');
    writeFileSync(file, yamlSource('Busy partner', `${server.url}status/429`, 'industry', 'Busy Ltd', 'https://busy.example.org/'));
    // The first fetch fails with the 429; the next ones wait, as the partner asked.
    assert.equal(await failing(['scripts/fetch.ts', '--sources', file, '--strict']), { code: 1, stderr: '' });
    assert.equal(await failing(['scripts/fetch.ts', '--sources', file, '--strict']), { code: 1, stderr: '' });
    const { stdout } = await run(process.execPath, ['scripts/run.mjs', 'scripts/fetch.ts', '--sources', file]);
    assert.match(stdout, /^… Busy partner: not fetched: the partner asked us to wait until \S+; nothing was stored yet \(0 stored\)\n0 of 1 sources fine, 1 waiting, 0 failed\.\n$/);
  }));

cli('on a terminal, each source\'s line appears as it finishes, after a heading', () =>
  withHost(async (server, storeDir) => {
    const file = path.join(storeDir, 'sources.yaml');
    writeFileSync(file, yamlSource('Northshire news', `${server.url}rss-20.xml`, 'pathfinder', 'Northshire', 'https://northshire-telecare.example.org/'));
    // script(1) gives the fetch a pseudo-terminal, so it shows its progress as it would to a person.
    const { stdout } = await run('script', ['-qec', `node --import tsx scripts/fetch.ts --sources ${file}`, '/dev/null']);
    assert.is(stdout.replace(/\r\n/g, '\n'), [
      `Fetching 1 partner feed into ${path.join(storeDir, 'partners')}/ …`,
      '✓ Northshire news: 3 in the feed: 3 new, 0 updated, 0 unchanged. (3 stored)',
      '1 of 1 sources fine, 0 waiting, 0 failed.',
      '',
    ].join('\n'));
  }));

cli('a sources file given by name must exist; bad options are refused with what to write', async () => {
  const missing = await failing(['scripts/fetch.ts', '--sources', 'typo.yaml']);
  assert.equal(missing, { code: 1, stderr: '1 error in typo.yaml:\n  typo.yaml: sources: does not exist (check the path of the sources file)\n' });
  assert.equal(await failing(['scripts/sources.ts', '--sources', 'typo.yaml']), { code: 1, stderr: '1 error in typo.yaml:\n  typo.yaml: sources: does not exist (check the path of the sources file)\n' });
  const refused = await failing(['scripts/fetch.ts', '--timeout', 'abc', '--concurrency', '0']);
  assert.is(refused.code, 2);
  assert.equal(refused.stderr.split('\n').slice(0, 4), [
    'npm run fetch: --timeout "abc" is not a number of seconds above 0 (e.g. --timeout 20)',
    '--concurrency "0" is not a whole number of sources above 0 (e.g. --concurrency 4)',
    '',
    'Usage: npm run fetch [-- --sources FILE] [--store DIR] [--timeout SECONDS] [--concurrency N] [--strict]',
  ]);
});

cli('a sources file with errors is reported, every problem with its line, and nothing is fetched', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-sources-'));
  try {
    const file = path.join(dir, 'sources.yaml');
    writeFileSync(file, [
      '- name: Good partner',
      '  url: https://Good.example.org/feed.xml',
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
      '- just-a-string',
      '- name: Other partner',
      '  url: HTTPS://GOOD.example.org/feed.xml',
      '  stream: industry',
      '  organisation: Other Ltd',
      '  homepage: https://other.example.org/',
      '  keep: 2.5',
      '  id: Other Partner',
    ].join('\n'));
    const { code, stderr } = await failing(['scripts/fetch.ts', '--sources', file]);
    assert.is(code, 1);
    assert.is(stderr.replaceAll(file, 'sources.yaml'), [
      '10 errors in sources.yaml:',
      '  sources.yaml:6: 1.name: gives the same store file (good-partner.json) as source 1 (give each source its own name)',
      '  sources.yaml:6: 1.organisation: is missing (add organisation: to the source)',
      '  sources.yaml:7: 1.url: is not an absolute http(s) URL (write the feed\'s full address, e.g. https://www.example.org/news/feed.xml)',
      '  sources.yaml:8: 1.stream: "mental-health" is not a configured stream (use one of: industry, pathfinder, social-care, public-health)',
      '  sources.yaml:10: 1.keep: must be at least 1 (write how many of the newest items to keep, e.g. keep: 50, or leave it out to keep all)',
      '  sources.yaml:11: 1.enabled: must be true or false, not "sometimes" (write enabled: false to stop fetching, or leave it out)',
      '  sources.yaml:13: 2: must be a source with its fields (name:, url:, …), not "just-a-string" (write each source as a list item starting with "- name: ..." and its other fields below it, indented)',
      '  sources.yaml:15: 3.url: is the same feed as the url of source 1 (list each feed once)',
      '  sources.yaml:19: 3.keep: must be a whole number, not 2.5 (write how many of the newest items to keep, e.g. keep: 50, or leave it out to keep all)',
      '  sources.yaml:20: 3.id: must be lower-case letters and digits, words joined by single hyphens (write the name of the source\'s store file, e.g. id: northshire-news, or leave it out to use the slug of the name)',
      '1 warning in sources.yaml:',
      '  sources.yaml:12: 1.colour: "colour" is not a field of a source and is ignored (the fields are: name, url, stream, organisation, homepage, keep, enabled, id)',
      '',
    ].join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

cli('npm run check and npm run sources read the production sources, never fetched, and the sample partners (NEWS_SOURCES_FILE)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-production-'));
  // The production sources with an empty store, whatever content/partners/ holds here.
  const production = path.join(dir, 'sources.yaml');
  copyFileSync('content/sources.yaml', production);
  const withSources = (file: string) => ({ env: { ...process.env, NEWS_SOURCES_FILE: file } });
  try {
    const names = (stdout: string) => stdout.split('\n').filter((line) => /^\S/.test(line));
    const productionSources = await run(process.execPath, ['scripts/run.mjs', 'scripts/sources.ts'], withSources(production));
    assert.equal(names(productionSources.stdout), [
      'Department of Health and Social Care news on GOV.UK (social-care, NEVER FETCHED)',
      'NHS England news on GOV.UK (pathfinder, NEVER FETCHED)',
      'UK Health Security Agency news on GOV.UK (public-health, NEVER FETCHED)',
    ]);
    const productionCheck = await run(process.execPath, ['scripts/run.mjs', 'scripts/check.ts'], withSources(production));
    assert.is(productionCheck.stdout, 'Checked content: 49 items, 0 errors, 0 warnings.\n');
    const samples = await run(process.execPath, ['scripts/run.mjs', 'scripts/sources.ts'], withSources('examples/sample-partners/sources.yaml'));
    assert.equal(names(samples.stdout), [
      'Northshire Telecare Partnership news (pathfinder, STALE)', 'CareLink Technologies press releases (industry, STALE)',
      'Healthy Communities Network blog (public-health, STALE)', 'Westvale Council adult social care news (social-care, STALE)',
    ]);
    // The 49 files and 13 partner items, 2 of which tell a story one of our items tells.
    const samplesCheck = await run(process.execPath, ['scripts/run.mjs', 'scripts/check.ts'], withSources('examples/sample-partners/sources.yaml'));
    assert.is(samplesCheck.stdout, 'Checked content: 60 items, 0 errors, 0 warnings.\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

cli('an id pins the store file: a renamed source keeps its store, and two sources may share neither an id nor a name', () => {
  const check = (...entries: string[]) => {
    const { sources, problems } = checkSourcesConfig(entries.join('\n'), 'sources.yaml', ['industry']);
    return [sources.map((s) => s.slug), problems.map((p) => `${p.line}: ${p.field}: ${p.message}`)];
  };
  const entry = (name: string, n: number, id = '') => yamlSource(name, `https://p.example.org/${n}`, 'industry', 'P', 'https://p.example.org/', id && `\n  id: ${id}`);
  assert.equal(check(entry('Northshire news, renamed', 1, 'northshire-news'), entry('Other', 2)), [['northshire-news', 'other'], []]);
  assert.equal(check(entry('Same', 1, 'one'), entry('Same', 2, 'two')), [[], ['7: 1.name: is the same name as that of source 1']]);
  assert.equal(check(entry('One', 1, 'shared'), entry('Two', 2, 'shared')), [[], ['12: 1.id: gives the same store file (shared.json) as source 1']]);
  assert.equal(check(entry('One', 1, 'two'), entry('Two', 2)), [[], ['7: 1.name: gives the same store file (two.json) as source 1']]);
});

cli.run();
