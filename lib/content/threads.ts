/**
 * Worker threads that run this library's own modules. A worker does not inherit the
 * loader its parent was started with (`node --import tsx`: Node 20 gives workers no
 * module hooks of the parent's), so a worker whose module is TypeScript registers tsx
 * itself before importing it. Where the program was compiled ahead (scripts/run.mjs
 * writes `x.js` where the source has `x.ts`), the compiled module is started instead.
 * The only module that starts workers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Below this many files to read, starting worker threads costs more than it saves. */
export const filesWorthThreads = 400;

/** A worker started by `startWorker`: the first message it posts, and a way to stop it early. */
export interface StartedWorker<T> {
  readonly answer: Promise<T>;
  /** Ends the worker; `answer` then never settles. */
  stop(): void;
}

/** Runs `moduleUrl` (a `.ts` module, or its compiled `.js` twin) in a worker thread with `workerData`. */
export function spawnWorker(moduleUrl: URL, workerData: unknown): Worker {
  const compiled = new URL(moduleUrl.href.replace(/\.ts$/, '.js'));
  const module = existsSync(fileURLToPath(moduleUrl)) ? moduleUrl : compiled;
  // The one module this file imports by a computed name: the worker's own, passed as its last argument.
  const register = module.pathname.endsWith('.ts') ? "import('tsx/esm/api').then((tsx) => tsx.register())" : 'Promise.resolve()';
  const source = `${register}.then(() => import(process.argv[process.argv.length - 1]))`;
  // The parent's loader is not for workers (see above); its profiling flags are, so that `node --cpu-prof` profiles every thread.
  const execArgv = process.execArgv.filter((flag) => flag.startsWith('--cpu-prof'));
  return new Worker(source, { eval: true, workerData, argv: [module.href], execArgv });
}

/** Starts `moduleUrl` in a worker thread with `workerData`, for its one answer. */
export function startWorker<T>(moduleUrl: URL, workerData: unknown): StartedWorker<T> {
  const worker = spawnWorker(moduleUrl, workerData);
  let stopped = false;
  const answer = new Promise<T>((resolve, reject) => {
    let answered = false;
    worker.once('message', (message: T) => {
      answered = true;
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered && !stopped) reject(new Error(`a worker running ${moduleUrl.pathname} stopped (exit code ${code}) before it answered`));
    });
  });
  return {
    answer,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
