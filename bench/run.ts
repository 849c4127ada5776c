/**
 * `npm run bench -- [--sizes 1000,4000,10000] [--runs 3] [--no-watch]`: times our
 * build:site against plain Eleventy 3 (bench/baseline/) on the same generated Markdown,
 * alternating the two in one run, and writes the medians to bench/results/.
 * bench/README.md says what each row means.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchError, benchDir, eleventyCli, labels, lastLines, listFiles, oursCommand, pendingCleanups, progress, readyCorpus, removeCaches, root, type BuildKind, type Row, type Sample } from './common.ts';
import { collectResults, renderTable, toMiB, writeResults } from './report.ts';
import { measureOneItemChange } from './watch.ts';

const usage = `Usage: npm run bench -- [--sizes 1000,4000,10000] [--runs 3] [--no-watch]

Builds each corpus size with our build:site and with plain Eleventy (bench/baseline/),
alternating them, every run cold, and prints the medians of wall time and peak memory.
--sizes     item counts to measure (corpora are generated once into bench/corpus/<N>/)
--runs      runs of each build per size (default 3)
--no-watch  skip the one-item change in watch mode (measured at the largest size)
Results go to bench/results/latest.json and a dated copy beside it.`;

interface BenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly watch: boolean;
}

/** Reads the command line; exits with the usage for --help. */
function parseOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1000,4000,10000' },
      runs: { type: 'string', default: '3' },
      'no-watch': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map((size) => size.trim());
  if (!sizes.every((size) => /^[1-9]\d*$/.test(size))) {
    throw new BenchError(`--sizes "${values.sizes}" is not a list of item counts. Write whole numbers separated by commas, e.g. --sizes 1000,4000.`);
  }
  if (!/^[1-9]\d*$/.test(values.runs)) throw new BenchError(`--runs "${values.runs}" is not a number of runs. Write a whole number of 1 or more, e.g. --runs 3.`);
  return { sizes: [...new Set(sizes.map(Number))].sort((a, b) => a - b), runs: Number(values.runs), watch: !values['no-watch'] };
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
async function measureSize(items: number, runs: number, tmp: string): Promise<Row[]> {
  const content = readyCorpus(items);
  const oursOut = path.join(tmp, 'ours');
  const baselineOut = path.join(tmp, 'baseline');
  const oursEnv = { ...process.env, NEWS_CONTENT_DIR: content };
  const newRow = (build: BuildKind): Row => ({ items, build, samples: [] });
  const [ours, baseline, warm, search, searchReused] = [newRow('ours'), newRow('baseline'), newRow('warm'), newRow('search'), newRow('search-reused')];
  for (let run = 1; run <= runs; run++) {
    const step = async (row: Row, command: string[], env?: NodeJS.ProcessEnv) => {
      const sample = await measure(`${items}: ${labels[row.build][1]} run ${run}/${runs}`, command, env);
      row.samples.push(sample);
      progress(`${items}: ${labels[row.build][1]} run ${run}/${runs} … ${sample.seconds.toFixed(2)} s, ${toMiB(sample.maxRssKiB)} MiB`);
    };
    rmSync(oursOut, { recursive: true, force: true });
    removeCaches();
    await step(ours, oursCommand(oursOut), oursEnv);
    ours.files = listFiles(oursOut).length;
    await step(warm, oursCommand(oursOut), oursEnv);
    warm.files = listFiles(oursOut).length;
    const buildSearch = [process.execPath, 'scripts/run.mjs', 'scripts/build-search.ts', '--site', oursOut];
    await step(search, buildSearch);
    search.files = listFiles(path.join(oursOut, 'pagefind')).length;
    await step(searchReused, buildSearch);
    searchReused.files = listFiles(path.join(oursOut, 'pagefind')).length;
    rmSync(baselineOut, { recursive: true, force: true });
    removeCaches();
    await step(baseline, [process.execPath, eleventyCli, '--config=bench/baseline/eleventy.config.js', `--input=${content}`, `--output=${baselineOut}`]);
    baseline.files = checkBaseline(baselineOut, items);
  }
  return [ours, baseline, warm, search, searchReused];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = new Date();
  const tmp = mkdtempSync(path.join(os.tmpdir(), '3ml-bench-'));
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  pendingCleanups.add(removeTmp);
  try {
    const rows: Row[] = [];
    for (const items of options.sizes) rows.push(...(await measureSize(items, options.runs, tmp)));
    if (options.watch) rows.push(await measureOneItemChange(Math.max(...options.sizes), tmp));
    const results = collectResults(started, options, rows);
    console.log(renderTable(results));
    progress(`Results written to ${path.relative(root, writeResults(results))} and bench/results/latest.json.`);
  } finally {
    removeTmp();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof BenchError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  console.error(known ? `${(error as Error).message}\n` : error);
  if (known && !(error instanceof BenchError)) console.error(usage);
  process.exitCode = 1;
});
