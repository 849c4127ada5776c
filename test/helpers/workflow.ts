/**
 * The publishing workflows (.github/workflows/), read as the tests need them: each has one
 * job, whose steps are actions (`uses:`) or bash scripts (`run:`). `runSteps` runs the
 * scripts in order, as GitHub's runner would, where that can be done here: a step that
 * needs what only GitHub gives (an action, a `${{ }}` value: secrets, a step's outputs)
 * or the npm registry (`npm ci`) is left out, and says so.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

export const workflowDir = '.github/workflows';
/** GitHub Pages, then the two hosts that read `_headers`. */
export const workflowFiles = ['publish.yml', 'publish-netlify.yml', 'publish-cloudflare.yml'];

export interface WorkflowStep {
  readonly name: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly 'continue-on-error'?: boolean;
  readonly shell?: string;
}

interface Workflow {
  readonly defaults?: { readonly run?: { readonly shell?: string } };
  readonly jobs: Record<string, { readonly steps: WorkflowStep[] }>;
}

/** The steps of a workflow's one job; every `run:` step runs in bash (`defaults.run.shell`). */
export function readSteps(file: string): WorkflowStep[] {
  const workflow = parse(readFileSync(file, 'utf8')) as Workflow;
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1 || jobs[0] === undefined) throw new Error(`${file}: expected one job, found ${jobs.length}`);
  const steps = jobs[0].steps;
  const notBash = steps.filter((step) => step.run !== undefined && (step.shell ?? workflow.defaults?.run?.shell) !== 'bash');
  if (notBash.length > 0) throw new Error(`${file}: steps not run in bash, which runSteps runs them in: ${notBash.map((s) => s.name).join(', ')}`);
  return steps;
}

/** The npm commands a script runs, as written without options: `npm ci`, `npm run build`. */
export function npmCommands(script: string): string[] {
  return [...script.matchAll(/\bnpm\s+(ci\b|run(?:\s+--?[\w-]+)*\s+([\w:-]+))/g)].map((m) => (m[2] === undefined ? 'npm ci' : `npm run ${m[2]}`));
}

/** Why a step cannot run here, or undefined when it can. */
export function whyNotRun(step: WorkflowStep): string | undefined {
  if (step.uses !== undefined) return 'an action, which only GitHub runs';
  const script = step.run ?? '';
  if (npmCommands(script).includes('npm ci')) return 'it installs from the npm registry; the scratch copy uses this project\'s node_modules';
  if (`${script}\n${Object.values(step.env ?? {}).join('\n')}`.includes('${{')) return 'it needs a value only GitHub gives (${{ … }})';
  return undefined;
}

export interface StepResult {
  readonly name: string;
  /** Why it was not run; absent when it ran. */
  readonly notRun?: string;
  readonly code?: number;
  readonly output?: string;
}

/**
 * Runs the steps in order in `cwd` with bash -eo pipefail, as `shell: bash` does, and
 * GitHub's files: the job's summary, GITHUB_ENV (its `NAME=value` lines reach the later
 * steps) and RUNNER_TEMP. A failing step stops the job unless it may fail
 * (`continue-on-error`). Resolves to what each step did and the summary.
 */
export async function runSteps(steps: readonly WorkflowStep[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ results: StepResult[]; summary: string }> {
  const temp = mkdtempSync(path.join(tmpdir(), '3ml-runner-'));
  const files = { GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'), GITHUB_ENV: path.join(temp, 'env'), RUNNER_TEMP: path.join(temp, 'tmp') };
  writeFileSync(files.GITHUB_STEP_SUMMARY, '');
  writeFileSync(files.GITHUB_ENV, '');
  mkdirSync(files.RUNNER_TEMP);
  const results: StepResult[] = [];
  try {
    let stopped: string | undefined;
    for (const step of steps) {
      const notRun = stopped ?? whyNotRun(step);
      if (notRun !== undefined) {
        results.push({ name: step.name, notRun });
        continue;
      }
      const exported = Object.fromEntries(readFileSync(files.GITHUB_ENV, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
      const { code, output } = await bash(step.run ?? '', cwd, { ...env, ...files, ...exported, ...step.env });
      results.push({ name: step.name, code, output });
      if (code !== 0 && step['continue-on-error'] !== true) stopped = `an earlier step, "${step.name}", failed`;
    }
    return { results, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}
