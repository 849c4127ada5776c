/**
 * The site build's reading threads: the main thread, which runs Eleventy, and a worker for
 * each other CPU. Each thread claims the next Markdown file from a counter they share
 * (lib's `claimFiles`), so none waits while another has files left; a worker posts its
 * results, with a digest of each item's body (site/fingerprint.ts), to the main thread,
 * which settles the stream, keeps the cache and renders. The workers stop once they have
 * read: rendering on them was measured and kept on the main thread (docs/performance.md).
 *
 * A cold build starts the workers before Eleventy is even loaded, on the listing of the
 * content folder; the main thread joins the reading when it gets there.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FileResult, LocalOptions } from '../lib/content/local.ts';
import { listMarkdownFiles } from '../lib/content/listing.ts';
import { filesWorthThreads, spawnWorker } from '../lib/content/threads.ts';
import { itemsCacheFile, type BuildSettings } from './settings.ts';
import { trace } from './trace.ts';

/** A reading: the files, and the counter they are claimed from. */
export interface ReadMessage {
  readonly files: readonly string[];
  readonly shared: Int32Array;
}

/** What a worker tells the main thread. */
export type FromWorker =
  | { readonly kind: 'read'; readonly results: readonly (readonly [number, FileResult])[]; readonly digests: readonly (readonly [string, string])[] }
  | { readonly kind: 'failed'; readonly message: string };

/** What a worker is started with: the reading's options, the files, and the counter they are claimed from. */
export interface WorkerSetup extends ReadMessage {
  readonly options: LocalOptions;
}

type Answer = Extract<FromWorker, { kind: 'read' }>;

export class BuildPool {
  private workers: Worker[] = [];
  private early: ReadMessage | undefined;
  private answers: Promise<Answer>[] = [];
  /** The digest of the body of each item a worker read, by id. */
  readonly digests = new Map<string, string>();
  /** The moment the files are checked against: the build's. */
  readonly now: Date;

  /**
   * A pool of a worker for each CPU but the main thread's; with `files`, they start at
   * once, reading them (a cold build); otherwise only when there are many files to read.
   */
  constructor(private readonly options: LocalOptions, files: readonly string[] | undefined, private readonly threads: number) {
    this.now = options.now;
    if (files) {
      this.early = { files, shared: new Int32Array(new SharedArrayBuffer(4)) };
      this.spawn(this.early);
    }
  }

  private spawn(message: ReadMessage): void {
    this.answers = Array.from({ length: this.threads }, () => {
      const worker = spawnWorker(new URL('./worker.ts', import.meta.url), { options: this.options, ...message } satisfies WorkerSetup);
      this.workers.push(worker);
      return new Promise<Answer>((resolve, reject) => {
        worker.once('message', (answer: FromWorker) => (answer.kind === 'read' ? resolve(answer) : reject(new Error(`a reading worker failed: ${answer.message}`))));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`a reading worker stopped (exit code ${code}) before it answered`)));
      });
    });
  }

  /** Reads `files` on every thread, this one included (lib's `ReadMany`). */
  readonly readMany = async (files: readonly string[]): Promise<readonly FileResult[]> => {
    // Loaded here only: the pool's own module stays light, so that workers start early.
    const { claimFiles, createLocalReader } = await import('../lib/content/local.ts');
    const read = createLocalReader(this.options);
    let message = this.early !== undefined && sameList(this.early.files, files) ? this.early : undefined;
    if (message === undefined) {
      await this.close();
      // Few files are read here alone, as the library would: starting threads would cost more.
      if (files.length < filesWorthThreads) return files.map(read);
      message = { files, shared: new Int32Array(new SharedArrayBuffer(4)) };
      this.spawn(message);
    }
    this.early = undefined;
    const results: FileResult[] = [];
    claimFiles(files, message.shared, (index, file) => {
      results[index] = read(file);
    });
    trace(`read ${results.filter(Boolean).length} files`);
    try {
      for (const answer of await Promise.all(this.answers)) {
        for (const [index, result] of answer.results) results[index] = result;
        for (const [id, digest] of answer.digests) this.digests.set(id, digest);
      }
    } finally {
      // Their work is done: what they hold is let go at once.
      await this.close();
    }
    return results;
  };

  /** Stops every worker. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * The pool for a build with `settings` at `now`, started at once: where there is no cache
 * of parsed files (a cold build), the workers start reading every Markdown file. None on a
 * machine with one CPU (or NEWS_THREADS=1), where threads would only take turns.
 */
export function startBuildPool(settings: BuildSettings, now: Date, cpus = Number(process.env.NEWS_THREADS ?? availableParallelism())): BuildPool | undefined {
  if (cpus < 2) return undefined;
  const options: LocalOptions = { config: settings.config, rootDir: settings.rootDir, contentDir: settings.contentDir, now };
  const files = existsSync(itemsCacheFile(settings)) ? undefined : listMarkdownFiles(options).files;
  return new BuildPool(options, files, cpus - 1);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((file, i) => file === b[i]);
}
