/** The medians, the ratios to the baseline, the targets: printed as a table and written as JSON. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDir, labels, root, type BuildKind, type Row, type Sample } from './common.ts';

/** Below this size start-up weighs more, and our build need only match the baseline's time. */
const smallSite = 4_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function toMiB(kib: number | undefined): string {
  return kib === undefined ? '-' : (kib / 1024).toFixed(0);
}

interface RowResult {
  readonly items: number;
  readonly build: BuildKind;
  readonly label: string;
  readonly files: number | null;
  readonly runs: readonly Sample[];
  readonly median: { readonly seconds: number; readonly maxRssKiB: number | null } | null;
  /** Ours divided by the baseline of the same size, for the cold and warm rows. */
  readonly vsBaseline: { readonly time: number; readonly memory: number } | null;
  readonly failed?: string;
}

interface TargetResult {
  readonly target: string;
  readonly value: number | null;
  /** null when the rows it needs were not measured (another --sizes, --no-watch, a failed row). */
  readonly met: boolean | null;
}

export interface Results {
  readonly date: string;
  /** Where the builds read and wrote (in memory, or said otherwise). */
  readonly where: string;
  readonly machine: { readonly node: string; readonly cpus: number; readonly cpuModel: string; readonly totalMemoryMiB: number; readonly platform: string };
  readonly baseline: string;
  readonly sizes: readonly number[];
  readonly runsPerBuild: number;
  readonly rows: readonly RowResult[];
  readonly targets: readonly TargetResult[];
}

function summariseRow(row: Row, rows: readonly Row[]): RowResult {
  const middle = row.failed || row.samples.length === 0 ? null : medianOf(row.samples);
  const base = rows.find((other) => other.items === row.items && other.build === 'baseline');
  const baseMiddle = base && medianOf(base.samples);
  const compared = row.build === 'ours' || row.build === 'warm';
  const vsBaseline = compared && middle?.maxRssKiB && baseMiddle?.maxRssKiB
    ? { time: middle.seconds / baseMiddle.seconds, memory: middle.maxRssKiB / baseMiddle.maxRssKiB }
    : null;
  return {
    items: row.items, build: row.build, label: labels[row.build][0], files: row.files ?? null, runs: row.samples, median: middle, vsBaseline,
    ...(row.failed && { failed: row.failed }),
  };
}

function medianOf(samples: readonly Sample[]): { seconds: number; maxRssKiB: number | null } {
  const memory = samples.flatMap((sample) => (sample.maxRssKiB === undefined ? [] : [sample.maxRssKiB]));
  return { seconds: median(samples.map((sample) => sample.seconds)), maxRssKiB: memory.length ? median(memory) : null };
}

function checkTargets(rows: readonly RowResult[]): TargetResult[] {
  const find = (items: number, build: BuildKind) => rows.find((row) => row.items === items && row.build === build);
  const sizes = [...new Set(rows.filter((row) => row.build === 'ours').map((row) => row.items))];
  const largest = Math.max(...sizes);
  const target = (text: string, value: number | null | undefined, met: (value: number) => boolean): TargetResult =>
    ({ target: text, value: value ?? null, met: value === null || value === undefined ? null : met(value) });
  const perSize = sizes.flatMap((items) => {
    const ours = find(items, 'ours');
    const warm = find(items, 'warm')?.median?.seconds;
    const most = items < smallSite ? 1 : 0.5;
    return [
      target(`cold build:site at ${items} ≤ ${most.toFixed(1)}x baseline time`, ours?.vsBaseline?.time, (v) => v <= most),
      target(`peak memory at ${items} ≤ baseline's`, ours?.vsBaseline?.memory, (v) => v <= 1),
      target(`warm build:site at ${items} ≤ half its cold time`, warm !== undefined && ours?.median ? warm / ours.median.seconds : null, (v) => v <= 0.5),
    ];
  });
  const search = find(largest, 'search')?.median?.maxRssKiB;
  return [
    ...perSize,
    target('shipped content, npm run build < 2 s', rows.find((row) => row.build === 'shipped')?.median?.seconds, (v) => v < 2),
    target(`one-item edit on the dev server at ${largest} ≤ 0.3 s`, find(largest, 'watch')?.median?.seconds, (v) => v <= 0.3),
    target(`search index at ${largest}: peak < 1024 MiB`, search === null || search === undefined ? null : search / 1024, (v) => v < 1024),
  ];
}

export function collectResults(date: Date, options: { readonly sizes: readonly number[]; readonly runs: number; readonly workDir: string }, rows: readonly Row[]): Results {
  const eleventy = JSON.parse(readFileSync(path.join(root, 'node_modules/@11ty/eleventy/package.json'), 'utf8')) as { version: string };
  const rss = JSON.parse(readFileSync(path.join(root, 'node_modules/@11ty/eleventy-plugin-rss/package.json'), 'utf8')) as { version: string };
  const summaries = rows.map((row) => summariseRow(row, rows));
  return {
    date: date.toISOString(),
    where: options.workDir,
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', totalMemoryMiB: Math.round(os.totalmem() / 2 ** 20), platform: `${os.platform()} ${os.release()}` },
    baseline: `plain Eleventy ${eleventy.version} + eleventy-plugin-rss ${rss.version}, same Markdown`,
    sizes: options.sizes, runsPerBuild: options.runs, rows: summaries, targets: checkTargets(summaries),
  };
}

function renderRow(row: RowResult): string {
  let note = '-';
  if (row.failed) note = `failed: ${row.failed.split('\n')[0]}`;
  else if (row.vsBaseline) note = `${row.vsBaseline.time.toFixed(2)}x time, ${row.vsBaseline.memory.toFixed(2)}x memory`;
  else if (row.build === 'watch') note = 'until the page and feed.json show the edit';
  else if (row.build === 'shipped') note = 'the shipped content/, search included';
  const seconds = row.median ? row.median.seconds.toFixed(2) : '-';
  return `${(row.build === 'shipped' ? '-' : String(row.items)).padEnd(8)}${row.label.padEnd(31)}${String(row.files ?? '-').padStart(5)}${seconds.padStart(11)}${toMiB(row.median?.maxRssKiB ?? undefined).padStart(13)}   ${note}`;
}

export function renderTable(results: Results): string {
  const { machine } = results;
  const lines = [
    `3ML News benchmark, ${results.date.slice(0, 10)}, Node ${machine.node}, ${machine.cpus} CPUs (baseline: ${results.baseline})`,
    `Every build reads and writes ${results.where}; disk writes on these machines are throttled and drift, which is why.`,
    'items   build                          files   wall (s)   peak (MiB)   ours/baseline',
    ...results.rows.map(renderRow),
    '',
    'targets',
    ...results.targets.map(({ target, value, met }) => `  ${target.padEnd(54)}${(value === null ? '-' : value.toFixed(2)).padStart(8)}   ${met === null ? 'not measured' : met ? 'met' : 'not met'}`),
  ];
  return lines.join('\n');
}

export function writeResults(results: Results): string {
  const dir = path.join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const file = path.join(dir, `${results.date.replace(/:/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(path.join(dir, 'latest.json'), json);
  return file;
}

