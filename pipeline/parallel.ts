/**
 * The site build's threads: the main thread, which runs Eleventy, and a worker for each
 * other CPU. Work is never handed out ahead: each piece is claimed, through memory the
 * threads share, by whichever thread gets to it first, so none waits while another has
 * work left, and nothing is done twice.
 *
 * - Reading: each thread claims the next Markdown file from a shared counter (lib's
 *   `claimFiles`). A worker keeps the bodies of the items it read, and posts every result
 *   to the main thread, which settles the stream and keeps the cache.
 * - Pages: Eleventy asks for them from the first; a worker renders from the last, claiming
 *   each (a flag per output) before it does, and posts it back. When Eleventy asks for a
 *   page no worker has claimed, the main thread renders it; otherwise it waits for it. A
 *   worker renders an item's page only if it read the item, since it has only those bodies.
 * - Feed archives, which carry summaries, no bodies: claimed the same way, by a worker
 *   once it has no page left to claim, by the main thread once Eleventy is done.
 * - A cold build's fingerprints, for the manifest: claimed in blocks, the same way.
 *
 * Subscription feeds carry whole bodies: the main thread writes them, as it has them all.
 * A cold build starts the workers before Eleventy is even loaded, on the listing of the
 * content folder; the main thread joins the reading when it gets there.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { FileResult, LocalOptions } from '../lib/content/local.ts';
import { listMarkdownFiles } from '../lib/content/listing.ts';
import { filesWorthThreads, spawnWorker } from '../lib/content/threads.ts';
import type { NewsStream } from '../lib/news.ts';
import type { Site, SiteOptions } from '../site/build.ts';
import { bodyDigest, type BodyDigests } from '../site/fingerprint.ts';
import { routes, type AnyOutput } from '../site/outputs.ts';
import { itemsCacheFile, type BuildSettings } from './settings.ts';
import { trace } from './trace.ts';

/** The claim flag of an output no thread has claimed, and of one the main thread has. */
const unclaimed = 0;
const claimedHere = 2;
/** A worker's claim. */
export const claimedByWorker = 1;
/** Outputs are fingerprinted in blocks of this many, each claimed at once. */
export const fingerprintBlock = 256;

/** What the main thread tells a worker. */
export type ToWorker =
  | { readonly kind: 'read'; readonly files: readonly string[]; readonly shared: Int32Array }
  | RenderMessage;

/** Render what is left to claim of the site of `stream`: of the outputs at `changed` (places in the site's outputs), or of all of them, with their fingerprints, when absent (a cold build). */
export interface RenderMessage {
  readonly kind: 'render';
  readonly stream: Uint8Array;
  /** Every local item's body digest, by id. */
  readonly digests: BodyDigests;
  readonly changed?: readonly number[];
  readonly outputDir: string;
  /** A flag per output of the site: who claimed it. */
  readonly claims: Int32Array;
  /** The next block of outputs to fingerprint. */
  readonly blocks: Int32Array;
}

/** What a worker tells the main thread. */
export type FromWorker =
  | { readonly kind: 'read'; readonly results: readonly (readonly [number, FileResult])[]; readonly digests: readonly (readonly [string, string])[] }
  /** The site the worker made of the stream, to compare with the main thread's. */
  | { readonly kind: 'site'; readonly outputs: OutputsCheck }
  | { readonly kind: 'pages'; readonly pages: readonly (readonly [number, Uint8Array])[] }
  | { readonly kind: 'fingerprints'; readonly fingerprints: readonly (readonly [string, string])[] }
  | { readonly kind: 'rendered' }
  | { readonly kind: 'failed'; readonly message: string };

/** What a worker is started with. */
export interface WorkerSetup {
  readonly options: LocalOptions;
  readonly site: SiteOptions;
  /** A cold build's first reading, started at once: the files, and the counter they are claimed from. */
  readonly early?: { readonly files: readonly string[]; readonly shared: Int32Array };
}

/** The number and paths of the outputs, so that the main thread knows a worker's site is its own. */
export interface OutputsCheck {
  readonly count: number;
  readonly digest: string;
}

export function checkOutputs(outputs: readonly AnyOutput[]): OutputsCheck {
  const hash = createHash('sha1');
  for (const output of outputs) hash.update(output.path).update('\0');
  return { count: outputs.length, digest: hash.digest('base64url') };
}

/** The stream with the bodies of local items left out: a worker has those it read, and renders only those. */
export function withoutBodies(stream: NewsStream): NewsStream {
  return { ...stream, items: stream.items.map((item) => (item.path === undefined || item.contentHtml === '' ? item : { ...item, contentHtml: '' })) };
}

/** A page Eleventy writes. */
export function isPage(output: AnyOutput): boolean {
  return routes[output.route].writer === 'eleventy';
}

/** A feed archive: summaries only, so any thread can render it. */
export function isArchive(output: AnyOutput): boolean {
  return routes[output.route].writer === 'feeds' && 'document' in output.data && output.data.document.archive !== undefined;
}

/** One worker, and what it still owes the main thread. */
interface PoolWorker {
  readonly worker: Worker;
  reading?: Deferred<Pick<Extract<FromWorker, { kind: 'read' }>, 'results' | 'digests'>>;
  rendering?: Deferred<void>;
}

/** A promise and the means to settle it; `taken` once handed to whoever waits for it. */
interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
  readonly settled: boolean;
  taken?: boolean;
}

function deferred<T>(): Deferred<T> {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A failure is reported by whoever awaits it; none is left unhandled meanwhile.
  promise.catch(() => {});
  const entry: Deferred<T> = {
    promise,
    settled: false,
    resolve: (value) => {
      (entry as { settled: boolean }).settled = true;
      settle.resolve(value);
    },
    reject: (error) => {
      (entry as { settled: boolean }).settled = true;
      settle.reject(error);
    },
  };
  return entry;
}

/** The main thread's side of rendering a site with the workers. */
export interface RenderJob {
  /** A page's content if a worker has claimed it, to wait for; undefined when it is this thread's to render (now claimed). */
  content(site: Site, output: AnyOutput): Promise<string> | undefined;
  /** Whether the job writes this output: feed archives, shared out by claiming. */
  writes(output: AnyOutput): boolean;
  /**
   * The main thread's part once Eleventy is done: `write` the archives no worker has
   * claimed, fingerprint the blocks left (a cold build); then wait for the workers.
   * Resolves to the fingerprints worked out, by path.
   */
  finish(site: Site, write: (archives: readonly AnyOutput[]) => Promise<unknown>, fingerprintOf: (output: AnyOutput) => string): Promise<ReadonlyMap<string, string>>;
}

export class BuildPool {
  private workers: PoolWorker[] = [];
  /** The body digest of each item a worker read, by id: the items whose pages a worker may render. */
  readonly digests = new Map<string, string>();
  private early: { readonly files: readonly string[]; readonly shared: Int32Array } | undefined;
  /** The moment the files are checked against: the build's. */
  readonly now: Date;
  /** Pages a worker rendered or Eleventy waits for, by place, until Eleventy has taken them. */
  private pages = new Map<number, Deferred<string>>();
  private fingerprints = new Map<string, string>();
  /** Each worker's account of its site, and the main thread's, compared as they come. */
  private checks: OutputsCheck[] = [];
  private ours: OutputsCheck | undefined;
  private failure: Error | undefined;
  /** The rendering under way, if any. */
  job: RenderJob | undefined;

  /**
   * A pool of a worker for each CPU but the main thread's; with `files`, they start at
   * once, reading them (a cold build); otherwise only once there is enough work for them.
   * Undefined on a machine with one CPU, where threads would only take turns.
   */
  static start(options: LocalOptions, site: SiteOptions, files?: readonly string[], cpus = availableParallelism()): BuildPool | undefined {
    return cpus < 2 ? undefined : new BuildPool(options, site, files, cpus - 1);
  }

  private constructor(private readonly options: LocalOptions, private readonly site: SiteOptions, files: readonly string[] | undefined, private readonly threads: number) {
    this.now = options.now;
    if (files) {
      this.early = { files, shared: new Int32Array(new SharedArrayBuffer(4)) };
      this.spawn(this.early);
    }
  }

  private spawn(early?: WorkerSetup['early']): PoolWorker[] {
    if (this.workers.length > 0) return this.workers;
    this.workers = Array.from({ length: this.threads }, () => {
      const setup: WorkerSetup = { options: this.options, site: this.site, ...(early && { early }) };
      const entry: PoolWorker = { worker: spawnWorker(new URL('./worker.ts', import.meta.url), setup) };
      if (early) entry.reading = deferred();
      entry.worker.on('message', (message: FromWorker) => this.receive(entry, message));
      entry.worker.on('error', (error) => this.fail(error));
      entry.worker.on('exit', (code) => {
        if (entry.reading || entry.rendering) this.fail(new Error(`a build worker stopped (exit code ${code}) before it finished`));
      });
      return entry;
    });
    return this.workers;
  }

  /** Reads `files` on every thread, this one included (lib's `ReadMany`), noting which items the workers read. */
  readonly readMany = async (files: readonly string[]): Promise<readonly FileResult[]> => {
    // Loaded here only: the pool's own module stays light, so that workers start early.
    const { claimFiles, createLocalReader } = await import('../lib/content/local.ts');
    const read = createLocalReader(this.options);
    let shared = this.early !== undefined && sameList(this.early.files, files) ? this.early.shared : undefined;
    this.early = undefined;
    if (shared === undefined) {
      // Few files are read here alone, as the library would: starting threads would cost more.
      if (files.length < filesWorthThreads) return files.map(read);
      shared = new Int32Array(new SharedArrayBuffer(4));
      for (const entry of this.spawn()) {
        entry.reading = deferred();
        entry.worker.postMessage({ kind: 'read', files, shared } satisfies ToWorker);
      }
    }
    const results: FileResult[] = [];
    claimFiles(files, shared, (index, file) => {
      results[index] = read(file);
    });
    trace(`read ${results.filter(Boolean).length} files`);
    const answers = await Promise.all(this.workers.map((entry) => entry.reading?.promise ?? { results: [], digests: [] }));
    for (const answer of answers) {
      for (const [index, result] of answer.results) results[index] = result;
      for (const [id, digest] of answer.digests) this.digests.set(id, digest);
    }
    return results;
  };

  /**
   * Has the workers render, as they claim them, the outputs at `changed` (places in the
   * site of `stream`'s outputs), or all outputs, and their fingerprints, when absent (a
   * cold build, which need not wait for the main thread's site to start).
   */
  render(stream: NewsStream, outputDir: string, outputCount: number, changed?: readonly number[]): RenderJob {
    const workers = this.spawn();
    // The digests of bodies no worker read (this thread's, the cache's), worked out here.
    const digests = new Map(this.digests);
    for (const item of stream.items) if (item.path !== undefined && !digests.has(item.id)) digests.set(item.id, bodyDigest(item.contentHtml));
    const claims = new Int32Array(new SharedArrayBuffer(4 * outputCount));
    const blocks = new Int32Array(new SharedArrayBuffer(4));
    const message: RenderMessage = { kind: 'render', stream: serialize(withoutBodies(stream)), digests, outputDir, claims, blocks, ...(changed && { changed }) };
    this.pages = new Map();
    this.fingerprints = new Map();
    this.checks = [];
    this.ours = undefined;
    const done = Promise.all(workers.map((entry) => {
      entry.rendering = deferred();
      entry.worker.postMessage(message);
      return entry.rendering.promise;
    }));
    const wanted = changed && new Set(changed);
    const places = new WeakMap<Site, Map<AnyOutput, number>>();
    const placeIn = (site: Site, output: AnyOutput) => {
      let place = places.get(site);
      if (place === undefined) places.set(site, (place = new Map(site.outputs.map((o, i) => [o, i]))));
      return place.get(output) ?? -1;
    };
    const claim = (at: number) => Atomics.compareExchange(claims, at, unclaimed, claimedHere) === unclaimed;
    this.job = {
      content: (site, output) => {
        this.verify(site);
        const at = placeIn(site, output);
        if (at === -1 || claim(at) || Atomics.load(claims, at) === claimedHere) return undefined;
        // Eleventy holds the page from here on, so this pool need not, once it has come.
        const page = this.pageAt(at);
        page.taken = true;
        if (page.settled) this.pages.delete(at);
        return page.promise;
      },
      writes: (output) => isArchive(output),
      finish: async (site, write, fingerprintOf) => {
        const archives = site.outputs.filter((output, at) => isArchive(output) && (wanted === undefined || wanted.has(at)) && claim(at));
        await write(archives);
        trace(`wrote ${archives.length} feed archives`);
        if (changed === undefined) {
          for (let block = Atomics.add(blocks, 0, 1); block * fingerprintBlock < site.outputs.length; block = Atomics.add(blocks, 0, 1)) {
            for (const output of site.outputs.slice(block * fingerprintBlock, (block + 1) * fingerprintBlock)) this.fingerprints.set(output.path, fingerprintOf(output));
          }
        }
        await done;
        if (this.failure) throw this.failure;
        return this.fingerprints;
      },
    };
    return this.job;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => {
      entry.reading = undefined;
      entry.rendering = undefined;
      return entry.worker.terminate();
    }));
  }

  /** The main thread's site against each worker's, as each is known: the same outputs, or the build stops. */
  private verify(site?: Site): void {
    if (site && this.ours === undefined) this.ours = checkOutputs(site.outputs);
    const ours = this.ours;
    if (ours === undefined) return;
    for (const check of this.checks.splice(0)) {
      if (check.count !== ours.count || check.digest !== ours.digest) this.fail(new Error(`a build worker made ${check.count} outputs of the stream where the main thread made ${ours.count}, or other paths`));
    }
  }

  private pageAt(at: number): Deferred<string> {
    let page = this.pages.get(at);
    if (page === undefined) {
      this.pages.set(at, (page = deferred()));
      if (this.failure) page.reject(this.failure);
    }
    return page;
  }

  private receive(entry: PoolWorker, message: FromWorker): void {
    switch (message.kind) {
      case 'read':
        entry.reading?.resolve(message);
        entry.reading = undefined;
        return;
      case 'site':
        this.checks.push(message.outputs);
        this.verify();
        return;
      case 'pages':
        for (const [at, bytes] of message.pages) {
          const page = this.pageAt(at);
          page.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
          if (page.taken) this.pages.delete(at);
        }
        return;
      case 'fingerprints':
        for (const [at, print] of message.fingerprints) this.fingerprints.set(at, print);
        return;
      case 'rendered':
        entry.rendering?.resolve();
        entry.rendering = undefined;
        return;
      case 'failed':
        this.fail(new Error(`a build worker failed: ${message.message}`));
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const entry of this.workers) {
      entry.reading?.reject(error);
      entry.rendering?.reject(error);
      entry.reading = undefined;
      entry.rendering = undefined;
    }
    for (const page of this.pages.values()) page.reject(error);
  }
}

/**
 * The pool for a build with `settings` at `now`, started at once: where there is no cache
 * of parsed files (a cold build), the workers start reading every Markdown file.
 */
export function startBuildPool(settings: BuildSettings, now: Date, cpus = Number(process.env.NEWS_THREADS ?? availableParallelism())): BuildPool | undefined {
  if (cpus < 2) return undefined;
  const options: LocalOptions = { config: settings.config, rootDir: settings.rootDir, contentDir: settings.contentDir, now };
  const files = existsSync(itemsCacheFile(settings)) ? undefined : listMarkdownFiles(options).files;
  return BuildPool.start(options, { rootDir: settings.rootDir, contentDir: settings.contentDir }, files, cpus);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((file, i) => file === b[i]);
}
