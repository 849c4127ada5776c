/**
 * The dev server (`npm start`, run by scripts/start.ts): the site with drafts, built into a
 * folder of its own in the cache, never _site/, so a preview can never be published.
 *
 * Eleventy builds it once; then content edits are applied without Eleventy. The watcher
 * (chokidar, as Eleventy's own; it sees saves that replace the file, as vim and JetBrains
 * make them, new folders, deletions and renames) reports a change, the changed files are
 * read again (the rest come from the cache), and the outputs whose declared inputs
 * changed are written again with the same renderers (pipeline/builder.ts, src/index.ts);
 * pages nothing declares any more are removed. The browser reloads. An edit to one item
 * that leaves it in place is shown before that, at once (dev/quick-edit.ts).
 *
 * A content error is shown in the browser, for every page, until it is fixed, and in the
 * terminal; the last good build stays in the folder meanwhile.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { watch } from 'chokidar';
import { buildWithEleventy, ContentHasErrors } from '../eleventy.config.ts';
import { isEditorFile } from '../lib/content/listing.ts';
import { formatReport, NewsContentError, type Problem } from '../lib/problems.ts';
import { finishBuild, openCache, prepareBuild, readSite, type FolderState } from '../pipeline/builder.ts';
import type { BuildSettings } from '../pipeline/settings.ts';
import { paths, sitePath } from '../site/paths.ts';
import { outputFile, writeRendered } from '../site/write.ts';
import { isPageOutput, renderOutput } from '../src/index.ts';
import { renderErrorPage } from './error-page.ts';
import { createQuickEditor } from './quick-edit.ts';

export interface DevServerOptions {
  readonly settings: BuildSettings;
  /** The folder the preview is built into. */
  readonly outputDir: string;
  readonly port: number;
  /** Told of each change applied, for people (and the bench). */
  readonly log?: (text: string) => void;
}

/** Starts the dev server; resolves once it serves, to a way to stop it. */
export async function startDevServer(options: DevServerOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const { settings, outputDir } = options;
  const log = options.log ?? console.log;
  const contentRoot = path.resolve(settings.rootDir, settings.contentDir);
  let problems: readonly Problem[] = [];

  // The site made, for an edit to be shown at once (dev/quick-edit.ts).
  // One read of the items cache, shared by the first build and every later one.
  const opened = openCache(settings);
  const first = await buildWithEleventy(settings, outputDir, { opened }).catch((error: unknown) => {
    if (!(error instanceof ContentHasErrors)) throw error;
    problems = (error.cause as NewsContentError).problems;
    console.error(formatReport(settings.contentDir, problems));
    return undefined;
  });
  const quick = createQuickEditor(settings);
  if (first) quick.prepare(first);

  const adminPage = sitePath(settings.config, paths.admin);
  const server = EleventyDevServer.getServer('3ML News', outputDir, {
    port: options.port,
    pathPrefix: settings.config.site.pathPrefix,
    domDiff: false,
    // Its start message names the server; ours, printed by the caller, names the preview.
    logger: { info: () => {}, log: () => {}, error: console.error },
    middleware: [(request, response, next) => {
      // The CMS is served without the dev server's reload script: each save in it rewrites the site, and a reload would
      // throw away what is being typed in another of its tabs, or show an empty form before Decap has opened the saved item.
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== adminPage) return next();
      let page: Buffer;
      try {
        page = readFileSync(path.join(outputDir, outputFile(paths.admin)));
      } catch {
        return next();
      }
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      // As bytes: the dev server adds its script only to HTML written as text.
      response.end(page);
    }, (request, response, next) => {
      // A page asked for while the content has errors is the report, until they are fixed.
      const page = request.headers['sec-fetch-dest'] === 'document' || /(?:\/|\.html)(?:\?.*)?$/.test(request.url ?? '');
      if (problems.length === 0 || !page) return next();
      response.statusCode = 500;
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(renderErrorPage(settings.contentDir, problems));
    }],
  });
  server.serve(options.port);
  const port = await server.getPort();

  const { cache, save } = opened;
  // The parsed files are kept for the next start, once the edits pause for 10 s (and on stopping): writing tens of megabytes after every save would hold up the next.
  let saveTimer: NodeJS.Timeout | undefined;
  let saving = Promise.resolve();
  const saveNow = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    saving = saving.then(save).catch((error: unknown) => console.error(error));
    return saving;
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow(), 10_000);
  };
  let running = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  /** What the watcher reported since the last burst was applied. */
  let events: { event: string; file: string }[] = [];
  /**
   * One item edited in place is shown first, at once, and the browser given a moment to
   * reload it before the whole site is made, which holds this thread for seconds at tens of
   * thousands of items. Other files in the burst (a temporary file renamed over the item)
   * are the whole site's to judge. What it wrote, by site path.
   */
  const showQuickly = async (burst: readonly { event: string; file: string }[]): Promise<Map<string, string | Uint8Array>> => {
    const shown = new Map<string, string | Uint8Array>();
    const items = burst.filter((e) => /\.md$/i.test(e.file));
    const edited = new Set(items.map((e) => e.file));
    const [only] = edited;
    if (problems.length > 0 || edited.size !== 1 || only === undefined || !items.every((e) => e.event === 'change' || e.event === 'add')) return shown;
    const started = performance.now();
    const files = quick.edit(path.relative(contentRoot, only));
    if (files === undefined) return shown;
    await writeRendered(files, outputDir);
    for (const file of files) shown.set(file.path, file.content);
    server.reloadFiles(files.map((file) => path.join(outputDir, outputFile(file.path))));
    log(`[3ML News] ${path.relative(settings.rootDir, only)} shown in ${Math.round(performance.now() - started)} ms (${files.length} files); the whole site follows`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    return shown;
  };
  /** The folder's state after the last change applied; until then, read from the folder. */
  let folderState: FolderState | undefined;
  const apply = async (shown: ReadonlyMap<string, string | Uint8Array>) => {
    const started = performance.now();
    let site;
    try {
      site = await readSite({ ...settings, log: () => {} }, cache, new Date());
    } catch (error) {
      if (!(error instanceof NewsContentError)) throw error;
      problems = error.problems;
      console.error(formatReport(settings.contentDir, problems));
      server.reload();
      return;
    }
    const hadProblems = problems.length > 0;
    problems = [];
    const prepared = await prepareBuild(site, settings, outputDir, folderState);
    const context = { config: settings.config, rootDir: settings.rootDir };
    const pages = prepared.pages.filter(isPageOutput).map((output) => ({ path: output.path, content: renderOutput(output, context) }));
    // What the quick edit already wrote is written, and reloaded, only if the whole site says otherwise.
    await writeRendered(pages.filter((page) => page.content !== shown.get(page.path)), outputDir);
    // The manifest just written, kept rather than read and parsed again at the next save.
    folderState = await finishBuild(site, settings, prepared);
    saveSoon();
    // Made ready for the next edit once this one is out.
    setTimeout(() => quick.prepare(site), 0);
    const reloaded = prepared.plan.changed.map((output) => output.path).filter((file) => !sameAsShown(file, shown.get(file)));
    log(`[3ML News] ${settings.contentDir}/ changed: wrote ${prepared.plan.changed.length} files, removed ${prepared.plan.stale.length}, in ${Math.round(performance.now() - started)} ms`);
    if (reloaded.length > 0 || prepared.plan.stale.length > 0 || hadProblems) server.reloadFiles(reloaded.map((file) => path.join(outputDir, outputFile(file))));
  };
  /** Whether the file at a site path holds what the quick edit showed. */
  const sameAsShown = (sitePath: string, content: string | Uint8Array | undefined): boolean => {
    if (content === undefined) return false;
    try {
      return Buffer.from(content).equals(readFileSync(path.join(outputDir, outputFile(sitePath))));
    } catch {
      return false;
    }
  };
  // Saves come in bursts (a temporary file, then a rename; an editor's backup): one rebuild per burst.
  // A save that lands while the watcher is still taking in the last one (replaced files are
  // watched afresh) can go unreported. So each applied burst is followed by a look at the
  // folders it touched: a file there that changed since the burst was read, and that the
  // rebuild did not read as it is now, is applied too. (A save the rebuild already read
  // needs nothing more: another rebuild would hold up the next edit for seconds.)
  let recheck: NodeJS.Timeout | undefined;
  let closed = false;
  /** The folders the last burst touched, and whether a look at them found a change the watcher did not report. */
  let folders: string[] = [];
  let missed = false;
  /** Whether a burst is being applied; it looks at its folders again when done. */
  let busy = false;
  const schedule = (delay: number) => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        const burst = events.splice(0).filter((e) => !alreadyRead(e.file));
        if (burst.length === 0 && !missed) return;
        missed = false;
        busy = true;
        const shown = await showQuickly(burst);
        if (burst.length > 0) folders = [...new Set(burst.map((e) => path.dirname(e.file)))];
        const looked = folders;
        const seen = snapshot(looked);
        await apply(shown).finally(() => (busy = false));
        clearTimeout(recheck);
        if (!closed) recheck = setTimeout(() => {
          // A burst reported meanwhile, or being applied, looks again itself when it is done.
          if (busy || events.length > 0) return;
          const now = snapshot(looked);
          const changed = [...new Set([...seen.keys(), ...now.keys()])].filter((file) => seen.get(file) !== now.get(file));
          if (!changed.some((file) => !alreadyRead(file))) return;
          missed = true;
          schedule(0);
        }, 250);
      }).catch((error: unknown) => console.error(error));
    }, delay);
  };
  // A save often reaches the watcher twice (the file emptied, then written): a report of a
  // Markdown file as it was when last read is no change, and makes no second rebuild.
  const alreadyRead = (file: string): boolean => {
    const known = cache.get(path.relative(contentRoot, file));
    if (known === undefined || !/\.md$/i.test(file)) return false;
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats !== undefined && stats.size === known.size && stats.mtimeMs === known.mtimeMs;
  };
  const watcher = watch(contentRoot, { ignoreInitial: true, atomic: true, ignored: (file) => isEditorFile(path.basename(file)) }).on('all', (event, file) => {
    events.push({ event, file });
    schedule(30);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: `http://localhost:${port}${settings.config.site.pathPrefix}`,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
      clearTimeout(recheck);
      if (saveTimer !== undefined) await saveNow();
      await saving;
      await server.close();
    },
  };
}

/** Every file in `folders` (not below them), with its size and time: equal when nothing changed. */
function snapshot(folders: readonly string[]): Map<string, string> {
  const entries = folders.flatMap((dir) => {
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() && !isEditorFile(entry.name));
    } catch {
      return [];
    }
  });
  return new Map(entries.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    const stats = statSync(file, { throwIfNoEntry: false });
    return [file, stats === undefined ? 'gone' : `${stats.size} ${stats.mtimeMs}`];
  }));
}
