/**
 * Where a build's time goes, for whoever is making it faster: with NEWS_TRACE=1 in the
 * environment, each step says when it ended, in milliseconds since the process started,
 * with the thread's heap and the process's memory, on stderr. Without it, nothing is printed.
 */
import { getHeapStatistics } from 'node:v8';
import { isMainThread, threadId } from 'node:worker_threads';

const enabled = process.env.NEWS_TRACE === '1';
/** Workers count from the main thread's start, which they are told through the environment they inherit. */
const origin = Number(process.env.NEWS_TRACE_ORIGIN ?? (process.env.NEWS_TRACE_ORIGIN = String(performance.timeOrigin)));

export function trace(step: string): void {
  if (!enabled) return;
  const at = Math.round(performance.timeOrigin + performance.now() - origin);
  const heap = Math.round(getHeapStatistics().used_heap_size / 2 ** 20);
  const rss = Math.round(process.memoryUsage.rss() / 2 ** 20);
  process.stderr.write(`[trace] ${String(at).padStart(6)} ms ${isMainThread ? 'main' : `worker ${threadId}`}: ${step} (this thread's heap ${heap} MiB, process ${rss} MiB)\n`);
}
