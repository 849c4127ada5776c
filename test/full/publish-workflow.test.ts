/**
 * What the publishing workflows run: npm scripts that package.json defines and the README
 * names, and publish.yml's steps, run in order on a scratch copy of the project that is a
 * git repository with an origin, offline: partner feeds from a local feed server, the
 * WebSub hub a local one. Left out, as test/helpers/workflow.ts says: the actions
 * (checkout, caches, the Pages address and deployment), `npm ci`, and any step that needs
 * a `${{ }}` value such as a secret (the Netlify and Cloudflare deployments).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { item } from '../helpers/content.ts';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.ts';
import { startHubServer, type HubServer } from '../helpers/hub-server.ts';
import { suite } from '../helpers/suite.ts';
import { npmCommands, readSteps, runSteps, whyNotRun, workflowDir, workflowFiles, type StepResult } from '../helpers/workflow.ts';

const commands = suite('what the publishing workflows run');

commands('npm ci, and npm scripts that package.json defines and the README names', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const readme = readFileSync('README.md', 'utf8');
  const problems: string[] = [];
  for (const name of workflowFiles) {
    const named = readSteps(path.join(workflowDir, name)).flatMap((step) => npmCommands(step.run ?? ''));
    if (!named.includes('npm run build')) problems.push(`${name} never runs npm run build`);
    for (const command of new Set(named)) {
      const script = command.replace(/^npm run /, '');
      if (command !== 'npm ci' && scripts[script] === undefined) problems.push(`${name} runs "${command}", but package.json has no "${script}" script`);
      if (!readme.includes(command)) problems.push(`${name} runs "${command}", which the README does not name`);
    }
  }
  assert.equal(problems, []);
});

commands.run();

/** The hub news.config.ts names, which a scratch copy names its test hub in place of. */
const shippedHub = 'https://pubsubhubbub.appspot.com/';

/** Git that reads no configuration but the repository's, writing as the tests' author. */
const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' }).trim();

interface Scratch {
  /** The copy, checked out from main as the workflow's checkout leaves it. */
  readonly root: string;
  /** The bare repository it pushes to. */
  readonly origin: string;
  /** Commits a change to main from another clone, as a person would while the job runs. */
  readonly pushElsewhere: (file: string, text: string, message: string) => void;
  readonly remove: () => void;
}

/**
 * This project's files as git has them (tracked, and new files not ignored), with
 * `sources` as content/sources.yaml and `hub` as the configuration's WebSub hub, in a
 * repository of their own with a bare origin; node_modules is this project's.
 */
function scratchProject(sources: string, hub: string): Scratch {
  const base = mkdtempSync(path.join(tmpdir(), '3ml-publish-'));
  const root = path.join(base, 'project');
  const origin = path.join(base, 'origin.git');
  for (const file of git('.', 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0')) {
    if (file === '' || !existsSync(file)) continue;
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    copyFileSync(file, path.join(root, file));
  }
  symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  writeFileSync(path.join(root, 'content', 'sources.yaml'), sources);
  const configFile = path.join(root, 'news.config.ts');
  const shippedConfig = readFileSync(configFile, 'utf8');
  if (!shippedConfig.includes(shippedHub)) throw new Error(`news.config.ts names no ${shippedHub}: say here how the scratch copy names its hub`);
  writeFileSync(configFile, shippedConfig.replace(shippedHub, hub));
  git(root, 'init', '-q', '-b', 'main');
  // .gitignore's node_modules/ matches a folder, not this link to one.
  writeFileSync(path.join(root, '.git', 'info', 'exclude'), '/node_modules\n');
  git(root, 'add', '--all');
  git(root, 'commit', '-q', '-m', 'The project');
  git(base, 'init', '-q', '--bare', '-b', 'main', origin);
  git(root, 'remote', 'add', 'origin', origin);
  git(root, 'push', '-q', 'origin', 'main');
  return {
    root,
    origin,
    pushElsewhere: (file, text, message) => {
      const other = path.join(base, `other-${Date.now()}`);
      git(base, 'clone', '-q', origin, other);
      mkdirSync(path.dirname(path.join(other, file)), { recursive: true });
      writeFileSync(path.join(other, file), text);
      git(other, 'add', file);
      git(other, 'commit', '-q', '-m', message);
      git(other, 'push', '-q', 'origin', 'main');
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

const source = (name: string, url: string, stream: string) => `- name: ${name}\n  url: ${url}\n  stream: ${stream}\n  organisation: ${name} Ltd\n  homepage: https://${stream}.example.org/\n`;

/** The environment of a job: this one's, without npm's variables for this project or any NEWS_ setting of the person running the tests. */
function jobEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NEWS_)/i.test(key)));
  return { ...env, ...gitEnv, FORCE_COLOR: '0' };
}

/** What each step came to, one line each: its exit code, or why it did not run; the ping's code left out, since it may fail (continue-on-error). */
function outcomes(results: readonly StepResult[]): string[] {
  return results.map((r) => `${r.name}: ${r.notRun !== undefined ? `not run: ${r.notRun}` : r.name === pingStep ? 'ran' : `exit ${r.code}`}`);
}

/** The output of the steps that failed, for an assertion's message. */
const failures = (results: readonly StepResult[]) => results.filter((r) => r.code !== undefined && r.code !== 0).map((r) => `${r.name}:\n${r.output}`).join('\n');

const steps = readSteps(path.join(workflowDir, 'publish.yml'));
/** The step that runs a command. */
function stepOf(command: string): string {
  const step = steps.find((s) => npmCommands(s.run ?? '').includes(command) || (s.run ?? '').includes(command));
  if (step === undefined) throw new Error(`publish.yml runs no "${command}"`);
  return step.name;
}
const [fetchStep, commitStep, buildStep, pingStep] = ['npm run fetch', 'git commit', 'npm run build', 'npm run ping'].map(stepOf) as [string, string, string, string];
/** Every step that can run here exits 0, the others left out as test/helpers/workflow.ts says. */
const everyStepFine = outcomes(steps.map((step) => ({ name: step.name, ...(whyNotRun(step) === undefined ? { code: 0 } : { notRun: whyNotRun(step) }) })));
const output = (results: readonly StepResult[], name: string) => results.find((r) => r.name === name)?.output ?? '';
const code = (results: readonly StepResult[], name: string) => results.find((r) => r.name === name)?.code;

const publish = suite<{ feeds?: FeedServer; hub?: HubServer }>('publish.yml, its steps run in order on a scratch copy');

publish.before(async (context) => {
  context.feeds = await startFeedServer();
  context.hub = await startHubServer();
});

publish.after(async (context) => {
  await context.feeds?.close();
  await context.hub?.close();
});

publish('fetches the partners (one failing), commits only their items on top of main, builds, pings the hub; run again, commits nothing', async ({ feeds, hub }) => {
  if (feeds === undefined || hub === undefined) throw new Error('no servers');
  const scratch = scratchProject([
    source('Northshire news', `${feeds.url}rss-20.xml`, 'pathfinder'),
    source('CareLink press releases', `${feeds.url}atom-10.xml`, 'industry'),
    source('Broken partner', `${feeds.url}status/500`, 'social-care'),
  ].join('\n'), hub.url);
  try {
    scratch.pushElsewhere('content/industry/2013/pushed-meanwhile.md', item({ title: 'Pushed meanwhile', date: '2013-06-01' }), 'An item pushed while the job runs');
    const env = jobEnv();
    const first = await runSteps(steps, scratch.root, env);
    // A failing partner fails no step.
    assert.equal(outcomes(first.results), everyStepFine, failures(first.results));
    const ran = first.results.filter((r) => r.notRun === undefined).flatMap((r) => npmCommands(steps.find((s) => s.name === r.name)?.run ?? ''));
    assert.equal(steps.flatMap((s) => npmCommands(s.run ?? '')).filter((command) => command !== 'npm ci' && !ran.includes(command)), [], 'every npm script the workflow names ran');

    assert.match(first.summary, '## Partner feeds\n<pre>\n');
    assert.match(first.summary, '✗ Broken partner: 500 Internal Server Error; nothing was stored yet (0 stored)\n2 of 3 sources fine, 0 waiting, 1 failed.\n</pre>');
    assert.match(first.summary, /## Build\n<pre>\n3ML News: \d+ items/);

    // The store's items, committed on top of what was pushed meanwhile; their state is not committed, and git ignores it.
    assert.equal(git(scratch.origin, 'log', '--format=%s', 'main').split('\n').map((s) => s.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/, 'TIME')), [
      'Partner store: items fetched TIME UTC', 'An item pushed while the job runs', 'The project',
    ]);
    assert.equal(git(scratch.origin, 'show', '--name-only', '--format=', 'main').split('\n'), [
      'content/partners/broken-partner.json', 'content/partners/carelink-press-releases.json', 'content/partners/northshire-news.json',
    ]);
    const stateDir = path.join(scratch.root, 'content', 'partners', 'state');
    // The fetch's state, and what npm run ping told the hub.
    assert.equal(readdirSync(stateDir).sort(), ['broken-partner.json', 'carelink-press-releases.json', 'northshire-news.json', 'websub.json']);
    assert.is(git(scratch.root, 'check-ignore', 'content/partners/state/northshire-news.json'), 'content/partners/state/northshire-news.json');

    // The build read that store, and what was pushed meanwhile.
    const sourcesPage = readFileSync(path.join(scratch.root, '_site', 'sources', 'index.html'), 'utf8');
    assert.match(sourcesPage, '3 partner feeds are configured; 1 has had no successful fetch in the past week.');
    assert.ok(existsSync(path.join(scratch.root, '_site', 'industry', '2013', 'pushed-meanwhile', 'index.html')));
    assert.is(code(first.results, pingStep), 0, failures(first.results));
    assert.ok(hub.requests.some((request) => request.mode === 'publish' && request.urls.length > 0), `the hub at ${hub.url} was not told of any feed`);

    // Again, with the feeds unchanged: conditional requests (the state was kept), new state, no commit.
    const stateBefore = readFileSync(path.join(stateDir, 'northshire-news.json'), 'utf8');
    const head = git(scratch.origin, 'rev-parse', 'main');
    feeds.log.length = 0;
    const second = await runSteps(steps, scratch.root, env);
    assert.equal(outcomes(second.results), everyStepFine, failures(second.results));
    assert.ok(feeds.log.includes('GET /rss-20.xml conditional'), feeds.log.join('\n'));
    assert.match(output(second.results, fetchStep), '= Northshire news: 304 Not Modified: nothing new. (3 stored)');
    assert.match(output(second.results, commitStep), 'The partner store\'s items are unchanged: nothing to commit.');
    assert.is(git(scratch.origin, 'rev-parse', 'main'), head);
    assert.is.not(readFileSync(path.join(stateDir, 'northshire-news.json'), 'utf8'), stateBefore);
  } finally {
    scratch.remove();
  }
});

publish('a sources file with errors stops the job at the fetch, and a content error at the build, each with its problems in the job\'s summary', async ({ feeds, hub }) => {
  if (feeds === undefined || hub === undefined) throw new Error('no servers');
  const scratch = scratchProject(source('Northshire news', `${feeds.url}rss-20.xml`, 'mental-health'), hub.url);
  try {
    const env = jobEnv();
    const badSources = await runSteps(steps, scratch.root, env);
    assert.is(code(badSources.results, fetchStep), 1);
    const afterFetch = badSources.results.slice(badSources.results.findIndex((r) => r.name === fetchStep) + 1);
    assert.equal(new Set(afterFetch.map((r) => r.notRun)), new Set([`an earlier step, "${fetchStep}", failed`]));
    assert.match(badSources.summary, 'content/sources.yaml:3: 0.stream: "mental-health" is not a configured stream (use one of: industry, pathfinder, social-care, public-health)');
    assert.match(output(badSources.results, fetchStep), '::error title=Partner sources::npm run fetch stopped (exit 1)');

    // Fixed and broken by a person, in a commit the job checks out.
    writeFileSync(path.join(scratch.root, 'content', 'sources.yaml'), source('Northshire news', `${feeds.url}rss-20.xml`, 'pathfinder'));
    writeFileSync(path.join(scratch.root, 'content', 'industry', 'bad-date.md'), item({ title: 'Bad date', date: '2013-13-01' }));
    git(scratch.root, 'add', '--all');
    git(scratch.root, 'commit', '-q', '-m', 'A stream that exists; a date that does not');
    git(scratch.root, 'push', '-q', 'origin', 'main');
    const badContent = await runSteps(steps, scratch.root, env);
    assert.equal([code(badContent.results, fetchStep), code(badContent.results, commitStep), code(badContent.results, buildStep)], [0, 0, 1], failures(badContent.results));
    assert.is(badContent.results.find((r) => r.name === pingStep)?.notRun, `an earlier step, "${buildStep}", failed`);
    assert.match(badContent.summary, /## Build\n<pre>\n[^]*content\/industry\/bad-date\.md:3: date: "2013-13-01" is not a real date/);
    assert.match(output(badContent.results, buildStep), '::error title=Content::npm run build stopped (exit 1)');
  } finally {
    scratch.remove();
  }
});

publish.run();
