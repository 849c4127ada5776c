/**
 * `npm run bench -- [--sizes 1000,4000,10000] [--runs 3] [--no-watch] [--dir DIR]`: times
 * our build:site against plain Eleventy 3 (bench/baseline/) on the same generated
 * Markdown, alternating the two in one run, in memory (/dev/shm), with the warm build,
 * the search index, the shipped content's npm run build and a one-item edit on the dev
 * server, and writes the medians to bench/results/. bench/README.md says what each row means.
 */
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseCommand, refuse } from '../scripts/cli.ts';
import { BenchError, benchDir, eleventyCli, freshCache, labels, lastLines, listFiles, makeWorkDir, oursCommand, pendingCleanups, progress, readyCorpus, root, shippedCommand, type BuildKind, type Row, type Sample } from './common.ts';
import { collectResults, renderTable, toMiB, writeResults } from './report.ts';
import { measureOneItemChange } from './watch.ts';

const usage = `Usage: npm run bench -- [--sizes 1000,4000,10000] [--runs 3] [--no-watch] [--dir DIR]

Builds each corpus size with our build:site and with plain Eleventy (bench/baseline/),
alternating them, every run cold, then warm; indexes it for search; builds the shipped
content with npm run build; and times a one-item edit on the dev server at the largest
size. Prints the medians of wall time and peak memory, and the targets.
--sizes     item counts to measure (corpora are generated once into bench/corpus/<N>/)
--runs      runs of each build per size (default 3)
--no-watch  skip the one-item edit on the dev server
--dir       where to work (default /dev/shm: in memory, as disk writes drift)
Results go to bench/results/latest.json and a dated copy beside it.`;

interface BenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly watch: boolean;
  readonly dir?: string;
}

/** Reads the command line; exits with the usage for --help, and refuses a bad option with it (scripts/cli.ts). */
function parseOptions(): BenchOptions {
  const command = {
    name: 'npm run bench',
    usage,
    options: { sizes: { type: 'string', default: '1000,4000,10000' }, runs: { type: 'string', default: '3' }, 'no-watch': { type: 'boolean', default: false }, dir: { type: 'string' } },
  } as const;
  const { values } = parseCommand(command);
  const sizes = values.sizes.split(',').map((size) => size.trim());
  if (!sizes.every((size) => /^[1-9]\d*$/.test(size))) refuse(command, `--sizes "${values.sizes}" is not a list of item counts. Write whole numbers separated by commas, e.g. --sizes 1000,4000.`);
  if (!/^[1-9]\d*$/.test(values.runs)) refuse(command, `--runs "${values.runs}" is not a number of runs. Write a whole number of 1 or more, e.g. --runs 3.`);
  return { sizes: [...new Set(sizes.map(Number))].sort((a, b) => a - b), runs: Number(values.runs), watch: !values['no-watch'], ...(values.dir && { dir: values.dir }) };
}

/** Runs `command` under bench/measure.py; rejects with the tail of its output when it fails. */
function measure(what: string, command: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [path.join(benchDir, 'measure.py'), ...command], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-16_000)));
    child.on('error', (error) => reject(new BenchError(`Could not start /usr/bin/python3 for ${what} (${error.message}). Install Debian's python3.`)));
    child.on('close', () => {
      let result: { seconds: number; maxRssKiB: number; exitCode: number } | undefined;
      try {
        result = JSON.parse(lastLines(stdout, 1)) as typeof result;
      } catch {
        result = undefined;
      }
      if (result?.exitCode === 0) resolve({ seconds: result.seconds, maxRssKiB: result.maxRssKiB });
      else reject(new BenchError(`${what} failed (exit code ${result?.exitCode ?? 'unknown'}), so the bench stopped. The command was\n  ${command.join(' ')}\nand its output ended:\n${lastLines(tail, 30)}`));
    });
  });
}

/** Checks the baseline wrote a page per item, the index pages and the feed; returns its file count. */
function checkBaseline(out: string, items: number): number {
  const files = listFiles(out);
  const pages = files.filter((file) => file.endsWith('.html')).length;
  const expected = items + Math.ceil(items / 20);
  if (pages !== expected || !files.includes('feed.xml')) {
    throw new BenchError(`The baseline wrote ${pages} HTML pages${files.includes('feed.xml') ? '' : ' and no feed.xml'} for ${items} items, where ${expected} pages (one per item, ${Math.ceil(items / 20)} index pages) and feed.xml were expected, so its times would not compare. Check bench/baseline/eleventy.config.js.`);
  }
  return files.length;
}

/** The cold, warm, search (cold and reused) and baseline rows of one size, the builds alternating run by run. */
async function measureSize(items: number, runs: number, work: string): Promise<Row[]> {
  const content = readyCorpus(items, work);
  const oursOut = path.join(work, 'ours');
  const baselineOut = path.join(work, 'baseline');
  const newRow = (build: BuildKind): Row => ({ items, build, samples: [] });
  const [ours, baseline, warm, search, searchReused] = [newRow('ours'), newRow('baseline'), newRow('warm'), newRow('search'), newRow('search-reused')];
  for (let run = 1; run <= runs; run++) {
    const step = async (row: Row, command: string[], env?: NodeJS.ProcessEnv) => {
      const sample = await measure(`${items}: ${labels[row.build][1]} run ${run}/${runs}`, command, env);
      row.samples.push(sample);
      progress(`${items}: ${labels[row.build][1]} run ${run}/${runs} … ${sample.seconds.toFixed(2)} s, ${toMiB(sample.maxRssKiB)} MiB`);
    };
    rmSync(oursOut, { recursive: true, force: true });
    const oursEnv = { ...process.env, NEWS_CONTENT_DIR: content, NEWS_CACHE_DIR: freshCache(work, 'ours-cache') };
    await step(ours, oursCommand(oursOut), oursEnv);
    ours.files = listFiles(oursOut).length;
    await step(warm, oursCommand(oursOut), oursEnv);
    warm.files = listFiles(oursOut).length;
    const buildSearch = [process.execPath, 'scripts/run.mjs', 'scripts/build-search.ts', '--site', oursOut];
    await step(search, buildSearch, oursEnv);
    search.files = listFiles(path.join(oursOut, 'pagefind')).length;
    await step(searchReused, buildSearch, oursEnv);
    searchReused.files = listFiles(path.join(oursOut, 'pagefind')).length;
    rmSync(baselineOut, { recursive: true, force: true });
    await step(baseline, [process.execPath, eleventyCli, '--config=bench/baseline/eleventy.config.js', `--input=${content}`, `--output=${baselineOut}`]);
    baseline.files = checkBaseline(baselineOut, items);
  }
  return [ours, baseline, warm, search, searchReused];
}

/** The shipped content (content/, copied), built for publishing with npm run build, search included, every run cold. */
async function measureShipped(runs: number, work: string): Promise<Row> {
  const content = path.join(work, 'shipped-content');
  cpSync(path.join(root, 'content'), content, { recursive: true });
  const out = path.join(work, 'shipped');
  const row: Row = { items: 0, build: 'shipped', samples: [] };
  for (let run = 1; run <= runs; run++) {
    rmSync(out, { recursive: true, force: true });
    const env = { ...process.env, NEWS_CONTENT_DIR: content, NEWS_CACHE_DIR: freshCache(work, 'shipped-cache') };
    const sample = await measure(`the shipped content's npm run build, run ${run}/${runs}`, shippedCommand(out), env);
    row.samples.push(sample);
    progress(`shipped content: npm run build run ${run}/${runs} … ${sample.seconds.toFixed(2)} s, ${toMiB(sample.maxRssKiB)} MiB`);
  }
  row.files = listFiles(out).length;
  return row;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const started = new Date();
  const work = makeWorkDir(options.dir);
  progress(`3ML News bench: every build reads and writes ${work.note}.`);
  const removeWork = () => rmSync(work.dir, { recursive: true, force: true });
  pendingCleanups.add(removeWork);
  try {
    const rows: Row[] = [];
    for (const items of options.sizes) rows.push(...(await measureSize(items, options.runs, work.dir)));
    rows.push(await measureShipped(options.runs, work.dir));
    if (options.watch) rows.push(await measureOneItemChange(Math.max(...options.sizes), work.dir));
    const results = collectResults(started, { ...options, workDir: work.note }, rows);
    console.log(renderTable(results));
    progress(`Results written to ${path.relative(root, writeResults(results))} and bench/results/latest.json.`);
  } finally {
    removeWork();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? `${error.message}\n` : error);
  process.exitCode = 1;
});
