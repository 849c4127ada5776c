/** `npm run check:links` as people run it: what it prints, and its exit codes. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as assert from 'uvu/assert';
import { formatProblem } from '../../lib/problems.ts';
import { linkProblems, prefixedProblems, siteProblems } from '../helpers/link-fixtures.ts';
import { suite } from '../helpers/suite.ts';

const run = promisify(execFile);
const site = 'test/fixtures/links/site';
const prefixed = 'test/fixtures/links/prefixed';

const cli = suite('npm run check:links');

/** Runs the CLI and returns its exit code and standard output, whether or not it failed. */
async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['scripts/run.mjs', 'scripts/check-links.ts', ...args], { env });
    return { code: 0, stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, stdout };
  }
}

const lines = (problems: typeof siteProblems) => linkProblems(problems).map((p) => `${formatProblem(p)}\n`).join('');

cli('prints each problem and a summary, and exits 1', async () => {
  assert.equal(await runCli(['--site', site, '--base-url', 'https://news.example.org/']), {
    code: 1,
    stdout: `${lines(siteProblems)}Checked 7 pages, 1 sitemap and 2 stylesheets: 76 references (7 to other sites), 19 broken.\n`,
  });
});

cli('takes the base URL from the configuration, with NEWS_ORIGIN and NEWS_PATH_PREFIX', async () => {
  const env = { ...process.env, NEWS_ORIGIN: 'https://www.example.org', NEWS_PATH_PREFIX: '/news/' };
  assert.equal(await runCli(['--site', prefixed], env), {
    code: 1,
    stdout: `${lines(prefixedProblems)}Checked 3 pages, 0 sitemaps and 1 stylesheet: 14 references (1 to other sites), 6 broken.\n`,
  });
});

cli('exits 0 when nothing is broken', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-links-'));
  try {
    mkdirSync(path.join(dir, 'about'));
    writeFileSync(path.join(dir, 'about', 'index.html'), '<!doctype html><title>About</title><h1 id="about">About</h1><a href="#about">About</a>');
    assert.equal(await runCli(['--site', dir, '--base-url', 'https://news.example.org/']), {
      code: 0,
      stdout: 'Checked 1 page, 0 sitemaps and 0 stylesheets: 1 reference (0 to other sites), 0 broken.\n',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

cli.run();
