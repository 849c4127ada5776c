/** The commands as people run them: what they print, and their exit codes. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
