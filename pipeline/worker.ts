/**
 * A worker thread of the site build (pipeline/parallel.ts says how the threads share the
 * work): it reads the Markdown files it claims, keeps the bodies of the items it read, and
 * renders what it claims of the same site as the main thread makes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { claimFiles, createLocalReader, type FileResult } from '../lib/content/local.ts';
import type { NewsStream } from '../lib/news.ts';
import type { PageOutput } from '../src/index.ts';
import { bodyDigest, fingerprint } from '../site/fingerprint.ts';
import { trace } from './trace.ts';
import type { AnyOutput, Output } from '../site/outputs.ts';
import { checkOutputs, claimedByWorker, fingerprintBlock, isArchive, isPage, type FromWorker, type RenderMessage, type ToWorker, type WorkerSetup } from './parallel.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('pipeline/worker.ts runs as a worker thread (pipeline/parallel.ts starts it)');
const read = createLocalReader(setup.options);
trace('loaded');
/** The body of every item this thread read, by id. */
const bodies = new Map<string, string>();
/**
 * What rendering needs, loaded once the reading is done (while the main thread takes in
 * the results): a cold build's reading starts sooner for not waiting for it.
 */
let rendering: Promise<[typeof import('../src/index.ts'), typeof import('../site/build.ts'), typeof import('../lib/feeds/write.ts')]> | undefined;
const loadRendering = () => (rendering ??= Promise.all([import('../src/index.ts'), import('../site/build.ts'), import('../lib/feeds/write.ts')]));
/** Pages are posted a few at a time: each message has a cost of its own. */
const pagesPerMessage = 16;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

function report(error: unknown): void {
  post({ kind: 'failed', message: (error as Error).stack ?? String(error) });
}

function readFiles(files: readonly string[], shared: Int32Array): void {
  const results: [number, FileResult][] = [];
  const digests: [string, string][] = [];
  claimFiles(files, shared, (index, file) => {
    const result = read(file);
    if (result.item) {
      bodies.set(result.item.id, result.item.contentHtml);
      digests.push([result.item.id, bodyDigest(result.item.contentHtml)]);
    }
    results.push([index, result]);
  });
  trace(`read ${results.length} files`);
  post({ kind: 'read', results, digests });
  loadRendering().catch(report);
}

/**
 * The text as UTF-8 in memory of its own, which can be handed to the main thread rather
 * than copied: Node puts a short text's bytes in a pool shared with others.
 */
function ownBytes(text: string): Uint8Array {
  const bytes = Buffer.from(text);
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes : new Uint8Array(bytes);
}

async function render(job: RenderMessage): Promise<void> {
  const [{ renderOutput }, { buildSite }, { writeFeeds }] = await loadRendering();
  const light = deserialize(job.stream) as NewsStream;
  const stream: NewsStream = { ...light, items: light.items.map((item) => {
    const body = bodies.get(item.id);
    return body === undefined ? item : { ...item, contentHtml: body };
  }) };
  const site = buildSite(stream, setup.site);
  trace('site made');
  post({ kind: 'site', outputs: checkOutputs(site.outputs) });
  const places = job.changed ?? site.outputs.map((_, at) => at);
  const outputAt = (at: number) => site.outputs[at] as AnyOutput;
  // From the last, as Eleventy asks for pages from the first: the threads meet in the middle.
  const claim = (at: number) => Atomics.compareExchange(job.claims, at, 0, claimedByWorker) === 0;
  const renderable = (output: AnyOutput) => isPage(output) && (output.route !== 'item' || bodies.has(output.data.item.id));
  const context = { config: site.config, rootDir: setup.site.rootDir };
  let batch: [number, Uint8Array][] = [];
  const flush = () => {
    post({ kind: 'pages', pages: batch }, batch.map(([, bytes]) => bytes.buffer as ArrayBuffer));
    batch = [];
  };
  for (let k = places.length - 1; k >= 0; k--) {
    const at = places[k] as number;
    if (!renderable(outputAt(at)) || !claim(at)) continue;
    batch.push([at, ownBytes(renderOutput(outputAt(at) as PageOutput, context))]);
    if (batch.length === pagesPerMessage) flush();
  }
  if (batch.length > 0) flush();
  trace('pages rendered');
  const writer = { config: site.config, siteUpdated: site.stream.updated };
  for (let k = places.length - 1; k >= 0; k--) {
    const at = places[k] as number;
    if (isArchive(outputAt(at)) && claim(at)) await writeFeeds([(outputAt(at) as Output<'feedRss' | 'feedAtom' | 'feedJson'>).data.document], writer, job.outputDir);
  }
  trace('feed archives written');
  if (job.changed === undefined) {
    const fingerprints: [string, string][] = [];
    for (let block = Atomics.add(job.blocks, 0, 1); block * fingerprintBlock < site.outputs.length; block = Atomics.add(job.blocks, 0, 1)) {
      for (const output of site.outputs.slice(block * fingerprintBlock, (block + 1) * fingerprintBlock)) fingerprints.push([output.path, fingerprint(output, job.digests)]);
    }
    post({ kind: 'fingerprints', fingerprints });
  }
  trace('done');
  post({ kind: 'rendered' });
}

port.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'read') readFiles(message.files, message.shared);
    else render(message).catch(report);
  } catch (error) {
    report(error);
  }
});

try {
  if (setup.early) readFiles(setup.early.files, setup.early.shared);
} catch (error) {
  report(error);
}
