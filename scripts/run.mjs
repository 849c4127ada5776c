/**
 * Runs one of the project's TypeScript commands, compiled ahead of time:
 *
 *   node scripts/run.mjs scripts/build-site.ts [arguments]
 *
 * Under Node 20, a loader such as tsx runs TypeScript through module hooks on a thread
 * of their own, and every module, Eleventy's included, is resolved and loaded through
 * it: measured here, half a second and 60 MB more per command (docs/performance.md).
 * So the project's own TypeScript is compiled once with esbuild (the bundler the embed
 * already uses) into .cache/program/<hash of the sources, the lockfile and this file>/, one
 * JavaScript module beside each source module, with the packages it imports bundled in,
 * and Node runs that. Bundled, the packages load in a third of the time (the reading
 * thread's modules: 250 ms to 85 ms), as Node no longer resolves and reads hundreds of
 * files one by one. The sources are the truth: any change to them, or to the installed
 * versions, gives another hash and a fresh compile (about 0.5 s). Tests run the sources
 * through tsx instead, and tsc checks the types.
 *
 * Plain JavaScript, as the one file Node must run before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sourceFolders = ['lib', 'site', 'src', 'layouts', 'embed', 'cms', 'pipeline', 'dev', 'scripts', 'bench'];
/** Generated folders among the sources: the bench's corpora (bench/common.ts makes them) hold tens of thousands of files, and listing them cost every command 30-40 ms. */
const notSources = new Set([path.join('bench', 'corpus')]);
// package-lock.json: the packages bundled in are the installed versions, which it names;
// this file: how they are compiled.
const sourceFiles = ['eleventy.config.ts', 'news.config.ts', 'package.json', 'package-lock.json', 'scripts/run.mjs'];

/** Every TypeScript source of the program, relative to the root, sorted. */
function listSources() {
  const found = sourceFiles.filter((file) => existsSync(path.join(root, file)));
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory() && !notSources.has(child)) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(child);
    }
  };
  for (const folder of sourceFolders) if (existsSync(path.join(root, folder))) walk(folder);
  return found.sort();
}

/**
 * Each module compiled on its own, its imports of other modules kept as imports (of the
 * compiled `.js` beside it), so the compiled program has the same modules, and
 * `import.meta.url`, as the sources. Data files (package.json) are compiled in.
 */
const keepModules = {
  name: 'keep-modules',
  setup(build) {
    build.onResolve({ filter: /\.ts$/ }, (args) => {
      if (args.kind === 'entry-point' || !/^\.\.?\//.test(args.path)) return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

/**
 * Packages loaded as installed, not bundled: Eleventy (it loads its own files, and the
 * templates, by path), the binaries' wrappers (esbuild, Pagefind), Decap (browser bundles
 * and a server, found by path) and the browser driver and file watcher, which only the
 * tools and the dev server load.
 */
const installedOnly = ['@11ty/*', 'esbuild', 'pagefind', 'decap-*', 'playwright-core', 'chokidar'];

/** The compiled program's folder, compiled now if these sources have not been. */
async function compiled() {
  const sources = listSources();
  const hash = createHash('sha256');
  for (const source of sources) hash.update(source).update('\0').update(readFileSync(path.join(root, source)));
  const programs = path.join(root, '.cache', 'program');
  const outdir = path.join(programs, hash.digest('hex').slice(0, 16));
  if (existsSync(outdir)) return outdir;
  const { build } = await import('esbuild');
  const temporary = `${outdir}.${process.pid}.tmp`;
  await build({
    entryPoints: sources.filter((source) => source.endsWith('.ts')).map((source) => path.join(root, source)),
    outdir: temporary,
    outbase: root,
    bundle: true,
    external: installedOnly,
    // A package that several modules import is bundled once, in a chunk they share.
    splitting: true,
    // Packages written as CommonJS call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [keepModules],
    logLevel: 'warning',
  });
  // Another command may have compiled the same sources meanwhile: either copy will do.
  try {
    renameSync(temporary, outdir);
  } catch {
    rmSync(temporary, { recursive: true, force: true });
  }
  // Programs compiled from older sources, once no command can still be running them.
  for (const other of readdirSync(programs)) {
    const dir = path.join(programs, other);
    if (dir !== outdir && Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
  }
  return outdir;
}

const [entry, ...rest] = process.argv.slice(2);
if (entry === undefined || !entry.endsWith('.ts')) {
  console.error('Usage: node scripts/run.mjs <module.ts> [arguments]: runs one of the project\'s TypeScript modules, compiled ahead.');
  process.exit(2);
}
mkdirSync(path.join(root, '.cache'), { recursive: true });
const outdir = await compiled();
// Eleventy re-imports changed JavaScript in its own watch mode through a module hook that,
// under Node 20, runs on a thread of its own and sees every import after it: no command
// here uses that mode (the dev server rebuilds without Eleventy), so none pays for it.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
// The command sees its own arguments where Node puts them, from process.argv[2] on.
process.argv.splice(2, process.argv.length - 2, ...rest);
process.argv[1] = path.join(root, entry);
await import(pathToFileURL(path.join(outdir, entry.replace(/\.ts$/, '.js'))).href);
