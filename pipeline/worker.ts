/**
 * A reading thread of the site build (pipeline/parallel.ts): it reads, checks and
 * normalises the Markdown files it claims from the counter shared with the other threads,
 * and posts each result with the file's index, and a digest of each item's body.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { claimFiles, createLocalReader, type FileResult } from '../lib/content/local.ts';
import { bodyDigest } from '../site/fingerprint.ts';
import type { FromWorker, WorkerSetup } from './parallel.ts';
import { trace } from './trace.ts';

const setup = workerData as WorkerSetup;

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

try {
  const read = createLocalReader(setup.options);
  trace('loaded');
  const results: [number, FileResult][] = [];
  const digests: [string, string][] = [];
  claimFiles(setup.files, setup.shared, (index, file) => {
    const result = read(file);
    if (result.item) digests.push([result.item.id, bodyDigest(result.item.contentHtml)]);
    results.push([index, result]);
  });
  trace(`read ${results.length} files`);
  post({ kind: 'read', results, digests });
} catch (error) {
  post({ kind: 'failed', message: (error as Error).stack ?? String(error) });
}
