/**
 * A worker thread's part of a cold build: it reads, checks and normalises the Markdown
 * files it claims from the counter shared with the other threads, and posts back each
 * result with the file's index (see readLocalItems in local.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { claimFiles, createLocalReader, type FileResult, type LocalOptions } from './local.ts';

const { options, files, shared, slot } = workerData as { options: LocalOptions; files: readonly string[]; shared: Int32Array; slot: number };
const read = createLocalReader(options);
// Ready: from here on this thread may hold claimed files, so the main thread waits for its answer.
Atomics.store(shared, slot, 1);
Atomics.notify(shared, slot);
const results: [number, FileResult][] = [];
claimFiles(files, shared, (index, file) => results.push([index, read(file)]));
parentPort?.postMessage(results);
