/** The commands as people run them: what they print, and their exit codes. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as assert from 'uvu/assert';
import { suite } from '../helpers/suite.ts';

const run = promisify(execFile);

const cli = suite('npm run check');

cli('reports every broken fixture with its field, exactly, and exits 1', async () => {
  const expected = readFileSync('test/fixtures/invalid/expected-report.txt', 'utf8');
  try {
    await run(process.execPath, ['scripts/run.mjs', 'scripts/check.ts', '--content', 'test/fixtures/invalid/content']);
    assert.unreachable('the check should have failed');
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    assert.is(code, 1);
    assert.fixture(stdout, expected);
  }
});

cli('passes the valid fixtures and exits 0', async () => {
  const { stdout } = await run(process.execPath, ['scripts/run.mjs', 'scripts/check.ts', '--content', 'test/fixtures/valid/content']);
  assert.is(stdout, 'Checked test/fixtures/valid/content: 6 items, 0 errors, 0 warnings.\n');
});

cli.run();

/** Runs one of the project's commands as npm does, from `cwd`; its exit code, stdout and stderr, whatever the code. */
async function command(script: string, args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.resolve('scripts/run.mjs'), script, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const every = suite('every command');

const commands: [string, string][] = [
  ['npm run build', 'scripts/build.ts'], ['npm run build:site', 'scripts/build-site.ts'], ['npm run build:search', 'scripts/build-search.ts'], ['npm start', 'scripts/start.ts'],
  ['npm run edit', 'scripts/edit.ts'], ['npm run check', 'scripts/check.ts'], ['npm run new', 'scripts/new.ts'], ['npm run fetch', 'scripts/fetch.ts'],
  ['npm run sources', 'scripts/sources.ts'], ['npm run check:links', 'scripts/check-links.ts'], ['npm run ping', 'scripts/ping.ts'], ['npm run docs', 'scripts/docs.ts'],
];

every('an unknown option is one line naming it, then the usage, exit code 2 and no stack trace; --help is the usage and exit code 0', async () => {
  const results = await Promise.all(commands.map(async ([name, script]) => {
    const wrong = await command(script, ['--colour']);
    const help = await command(script, ['--help']);
    const [reason, blank, usage] = wrong.stderr.split('\n');
    return {
      name, code: wrong.code, stdout: wrong.stdout, reason, blank, usage: usage?.startsWith('Usage: ') ?? false,
      stack: /^\s+at /m.test(wrong.stderr), help: [help.code, help.stdout.startsWith('Usage: '), help.stdout.trimEnd() === wrong.stderr.split('\n\n').slice(1).join('\n\n').trimEnd()],
    };
  }));
  assert.equal(results, commands.map(([name]) => ({
    name, code: 2, stdout: '', reason: `${name}: Unknown option '--colour'`, blank: '', usage: true, stack: false, help: [0, true, true],
  })));
});

every('npm start and npm run edit refuse a port that is none, and two servers on one port', async () => {
  const results = await Promise.all([
    command('scripts/start.ts', ['--port', '0']),
    command('scripts/edit.ts', ['--backend-port', 'eighty']),
    command('scripts/edit.ts', ['--port', '9000', '--backend-port', '9000']),
  ]);
  assert.equal(results.map((r) => [r.code, r.stderr.split('\n')[0]]), [
    [2, 'npm start: --port "0" is not a port number (a whole number from 1 to 65535)'],
    [2, 'npm run edit: --backend-port "eighty" is not a port number (a whole number from 1 to 65535)'],
    [2, 'npm run edit: --port and --backend-port are both 9000: the two servers need a port each'],
  ]);
});

const create = suite('npm run new');

create('writes a draft in the stream\'s folder for the year, from the words after the stream, and never overwrites', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), '3ml-new-'));
  try {
    const made = await command('scripts/new.ts', ['pathfinder', 'Falls', 'service', 'goes:', 'live', '--date', '2026-12-07'], cwd);
    const file = 'content/pathfinder/2026/falls-service-goes-live.md';
    assert.equal([made.code, made.stdout, made.stderr], [0, `Created ${file}, a draft titled "Falls service goes: live": npm start shows it; remove draft: true to publish it.\n`, '']);
    assert.is(readFileSync(path.join(cwd, file), 'utf8'), `---
title: "Falls service goes: live"
date: 2026-12-07
draft: true # remove this line when the item is ready to publish
id: tag:3millionlives.co.uk,2026-12-07:pathfinder/falls-service-goes-live
tags: [] # a list: [telecare, carers], or one per line starting with "- "
---
Write the first paragraph here: it becomes the summary unless you add a summary field.
`);
    // As written, the draft is checked, with one warning: the placeholder is still there.
    const checked = await command('scripts/check.ts', ['--content', 'content'], cwd);
    assert.equal([checked.code, checked.stdout.split('\n').at(-2)], [0, 'Checked content: 1 item, 0 errors, 1 warning.']);
    const again = await command('scripts/new.ts', ['pathfinder', 'Falls service goes: live', '--date', '2026-12-07'], cwd);
    assert.equal([again.code, again.stderr], [1, `npm run new: ${file} already exists; choose another title, or edit that file.\n`]);
    const stream = await command('scripts/new.ts', ['wellbeing', 'Hi'], cwd);
    assert.equal([stream.code, stream.stderr.split('\n')[0]], [2, 'npm run new: "wellbeing" is not a configured stream']);
    const date = await command('scripts/new.ts', ['industry', 'Hi', '--date', '2026-02-30'], cwd);
    assert.equal([date.code, date.stderr.split('\n')[0]?.startsWith('npm run new: --date: ')], [2, true]);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

every.run();
create.run();
