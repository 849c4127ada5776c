/**
 * Keeps the dev server's process running the current code: it is started again when the
 * code changes (Node cannot load a changed module into a running process), and stopped,
 * with everything it started, when this process is stopped (Ctrl-C, or its pid killed).
 * Content edits never restart it: the dev server applies them itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'chokidar';
import { codeFiles, codeFolders } from '../site/version.ts';

export interface SuperviseOptions {
  /** The command and its arguments. */
  readonly command: readonly [string, ...string[]];
  readonly env: NodeJS.ProcessEnv;
  /** Files and folders whose change restarts it. */
  readonly code: readonly string[];
  /** Processes that run beside it for as long as it runs, never restarted: when one stops, everything does. */
  readonly beside?: readonly { readonly name: string; readonly command: readonly [string, ...string[]] }[];
}

/**
 * The dev server of `npm start` on `port`; with `localBackend`, decap-server's API, its
 * CMS at /admin/ saves through it (`npm run edit`).
 */
export function devServerProcess(port: number, localBackend?: string): SuperviseOptions {
  return {
    command: [process.execPath, 'scripts/run.mjs', 'dev/main.ts', String(port), ...(localBackend ? [localBackend] : [])],
    // Feeds and canonical links in the preview point at the preview, unless told otherwise.
    env: { ...process.env, NEWS_ORIGIN: process.env.NEWS_ORIGIN ?? `http://localhost:${port}` },
    // What decides the outputs (site/version.ts), and the dev server's own code.
    code: [...codeFolders, 'dev', ...codeFiles],
  };
}

export function supervise(options: SuperviseOptions): void {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = () => {
    const [file, ...args] = options.command;
    // An IPC channel, so that the child also stops if this process dies without a word.
    const started = spawn(file, args, { env: options.env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
  };
  const stopChild = async () => {
    child?.kill('SIGTERM');
    await exited;
    child = undefined;
  };
  let restarting = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch([...options.code], { ignoreInitial: true, atomic: true }).on('all', (_event, file) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      restarting = restarting.then(async () => {
        console.log(`[3ML News] ${file} changed: restarting the preview`);
        await stopChild();
        start();
      });
    }, 100);
  });
  let stopping = false;
  const besides = (options.beside ?? []).map(({ name, command: [file, ...args] }) => {
    const started = spawn(file, args, { env: options.env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    const exited = new Promise<void>((resolve) => started.once('exit', (code, signal) => {
      resolve();
      if (stopping) return;
      console.error(`[3ML News] ${name} stopped (${signal ?? `exit code ${code}`}), so everything stops`);
      void stop(1);
    }));
    return { started, exited };
  });
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    for (const beside of besides) beside.started.kill('SIGTERM');
    await watcher.close();
    await restarting;
    await Promise.all([stopChild(), ...besides.map((beside) => beside.exited)]);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
  // `npm start` stopped by its pid passes the signal to its shell, not to this process: the
  // shell goes, and this process, left behind, would serve on. So it watches for that too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop();
  }, 250).unref();
  start();
}
