/**
 * The one-item change: our dev server (`npm start`'s, on a port the OS chooses), the
 * newest item retitled, the clock running until its page and feed.json show the new title.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { previewDir } from '../pipeline/settings.ts';
import { BenchError, freshCache, lastLines, listFiles, pendingCleanups, progress, readyCorpus, root, type Row } from './common.ts';

/** A watching build and everything it has printed, ANSI colours removed. */
interface Watcher {
  readonly child: ChildProcess;
  output: string;
  lastOutputAt: number;
  exited: boolean;
}

/** The dev server on `content`, with its caches (and so its preview folder, `<cacheDir>/dev/site`) in `cacheDir`. */
function startWatcher(content: string, cacheDir: string): Watcher {
  // Its own process group, so stopping it also stops anything it started.
  const env = { ...process.env, NEWS_CONTENT_DIR: content, NEWS_CACHE_DIR: cacheDir };
  const child = spawn(process.execPath, ['scripts/run.mjs', 'dev/main.ts', '0'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const watcher: Watcher = { child, output: '', lastOutputAt: performance.now(), exited: false };
  const record = (chunk: Buffer) => {
    watcher.output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
    watcher.lastOutputAt = performance.now();
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  child.on('exit', () => (watcher.exited = true));
  return watcher;
}

function killWatcher(watcher: Watcher, signal: NodeJS.Signals): void {
  if (watcher.exited || watcher.child.pid === undefined) return;
  try {
    process.kill(-watcher.child.pid, signal);
  } catch {
    // The group has already gone.
  }
}

async function stopWatcher(watcher: Watcher): Promise<void> {
  killWatcher(watcher, 'SIGTERM');
  for (let waited = 0; !watcher.exited && waited < 5_000; waited += 50) await sleep(50);
  killWatcher(watcher, 'SIGKILL');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `done` every 20 ms; throws if the watcher stops or `timeoutMs` passes first. */
async function waitFor(what: string, timeoutMs: number, watcher: Watcher, done: () => boolean): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (watcher.exited) throw new BenchError(`The watcher stopped while the bench waited for ${what}. Its output ended:\n${lastLines(watcher.output, 20)}`);
    if (performance.now() > deadline) throw new BenchError(`timed out after ${timeoutMs / 1000} s waiting for ${what}. The watcher's output ended:\n${lastLines(watcher.output, 20)}`);
    await sleep(20);
  }
}

function fileIncludes(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(text);
  } catch {
    return false; // Not written yet, or being replaced.
  }
}

/** The dev server prints "[3ML News] <folder>/ changed: wrote N files, removed M, in T ms" each time it has applied a content change. */
function changesApplied(watcher: Watcher): number {
  return [...watcher.output.matchAll(/\] .+ changed: wrote \d+ files?, removed \d+, in/g)].length;
}

/** It prints "[3ML News] <file> shown in T ms (…); the whole site follows" when it has shown an edit before making the whole site. */
function editsShown(watcher: Watcher): number {
  return [...watcher.output.matchAll(/\] .+ shown in \d+ ms .*the whole site follows/g)].length;
}

/**
 * Waits until more than `before` changes have been applied and nothing more is pending:
 * every edit shown has been followed by the whole site (which prints nothing until it is
 * done), and the dev server has been quiet for 300 ms.
 */
function waitForApplied(watcher: Watcher, before: number): Promise<void> {
  return waitFor('the change to be applied', 60_000, watcher, () => {
    const applied = changesApplied(watcher);
    return applied > before && applied >= editsShown(watcher) && performance.now() - watcher.lastOutputAt > 300;
  });
}

/** The item is rewritten unchanged, once a second, until the dev server applies a change: then it is surely watching. */
async function waitForLiveWatcher(watcher: Watcher, file: string, text: string): Promise<number> {
  const started = performance.now();
  let touchedAt = 0;
  await waitFor('the dev server to apply a content change', 120_000, watcher, () => {
    if (changesApplied(watcher) > 0) return true;
    if (performance.now() - touchedAt > 1_000) {
      writeFileSync(file, text);
      touchedAt = performance.now();
    }
    return false;
  });
  await waitForApplied(watcher, 0);
  return (performance.now() - started) / 1000;
}

interface NewestItem {
  readonly file: string;
  readonly page: string;
}

/** The newest item: the first in feed.json, checked against the latest `date` in the corpus. */
function findNewestItem(content: string, feedFile: string, out: string): NewestItem {
  const dated = listFiles(content).filter((file) => file.endsWith('.md')).map((file) => {
    const text = readFileSync(path.join(content, file), 'utf8');
    const frontMatter = text.slice(0, text.indexOf('\n---', 3));
    return { file, date: /^date:\s*["']?(\d{4}-\d{2}-\d{2}\S*?)["']?\s*$/m.exec(frontMatter)?.[1] ?? '' };
  });
  const latestDay = dated.reduce((latest, { date }) => (date.slice(0, 10) > latest ? date.slice(0, 10) : latest), '');
  const feed = JSON.parse(readFileSync(feedFile, 'utf8')) as { items?: { url?: string }[] };
  const url = feed.items?.[0]?.url ?? '';
  const [stream, , slug] = url ? new URL(url).pathname.split('/').filter(Boolean).slice(-3) : [];
  const newest = dated.find(({ file }) => file.split(path.sep)[0] === stream && path.basename(file, '.md') === slug);
  // Date-only items share a day, so the day is what the corpus can confirm; the build orders within it.
  if (newest?.date.slice(0, 10) !== latestDay) {
    throw new BenchError(`feed.json's first item (${url || 'none'}) is not one of the corpus items dated ${latestDay}, the latest date, so the newest item is not first in the feed.`);
  }
  return { file: path.join(content, newest.file), page: path.join(out, stream!, newest.date.slice(0, 4), slug!, 'index.html') };
}

/** The file with its `title:` entry, and any folded continuation lines, replaced. */
function retitle(text: string, title: string): string {
  const changed = text.replace(/^title:.*(?:\n[ \t]+.*)*/m, `title: ${title}`);
  if (changed === text) throw new BenchError('The newest item has no title: line to change.');
  return changed;
}

/** Three retitles of the newest item under a watching build; a failure is recorded in the row. */
export async function measureOneItemChange(items: number, work: string): Promise<Row> {
  const row: Row = { items, build: 'watch', samples: [] };
  // The item is edited in a copy, so that the corpus stays as generated.
  const content = path.join(work, 'watch-content');
  cpSync(readyCorpus(items, work), content, { recursive: true });
  const cacheDir = freshCache(work, 'watch-cache');
  const out = previewDir(cacheDir);
  const feed = path.join(out, 'feed.json');
  const watcher = startWatcher(content, cacheDir);
  const stop = () => killWatcher(watcher, 'SIGKILL');
  pendingCleanups.add(stop);
  try {
    await waitFor('the first build of the preview', 600_000, watcher, () => watcher.output.includes('Preview with drafts at') && existsSync(path.join(out, 'index.html')) && existsSync(feed));
    const newest = findNewestItem(content, feed, out);
    const original = readFileSync(newest.file, 'utf8');
    const live = await waitForLiveWatcher(watcher, newest.file, original);
    progress(`${items}: the dev server applied a change ${live.toFixed(1)} s after it started serving`);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const title = `Benchmark retitle ${attempt} ${Date.now()}`;
      const appliedBefore = changesApplied(watcher);
      const started = performance.now();
      writeFileSync(newest.file, retitle(original, title));
      await waitFor(`"${title}" in ${path.relative(out, newest.page)} and feed.json`, 60_000, watcher, () => fileIncludes(newest.page, title) && fileIncludes(feed, title));
      row.samples.push({ seconds: (performance.now() - started) / 1000 });
      progress(`${items}: one-item change ${attempt}/3 … ${row.samples.at(-1)!.seconds.toFixed(2)} s`);
      // Each change starts from a settled build with the original title back in place.
      await waitForApplied(watcher, appliedBefore);
      const appliedBeforeRestore = changesApplied(watcher);
      writeFileSync(newest.file, original);
      await waitForApplied(watcher, appliedBeforeRestore);
    }
  } catch (error) {
    row.failed = error instanceof Error ? error.message : String(error);
    progress(`${items}: one-item change failed: ${row.failed}`);
  } finally {
    await stopWatcher(watcher);
    pendingCleanups.delete(stop);
  }
  return row;
}

