/**
 * `npm run build:search`: the Pagefind index of the item pages (what readers search
 * for), not of every listing, tag and feed page. The index is kept in .cache/search/
 * (or --cache) with a fingerprint of the pages it was made from; when no item page changed, the kept
 * index is copied back instead of indexing again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { resolveConfig } from '../lib/index.ts';
import newsConfig from '../news.config.ts';

const usage = `Usage: npm run build:search [-- --site DIR] [--cache DIR]

Indexes the item pages of the built site (--site, default _site/) into its pagefind/
folder with Pagefind, reusing the previous index kept in the cache folder (--cache,
default .cache/search/) when no item page changed.`;

const { values } = parseArgs({
  options: { site: { type: 'string', default: '_site' }, cache: { type: 'string', default: path.join('.cache', 'search') }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const config = resolveConfig(newsConfig);
const site = values.site;
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`There is no built site in ${site}/ to index: run npm run build:site first, or name the folder it was built into with --site.`);
  process.exit(1);
}
const cacheDir = values.cache;
const started = performance.now();

// Item pages live at /<stream>/<year>/<slug>/: a pattern Pagefind can glob on, and that we can hash.
const streams = config.streams.map((s) => s.slug);
const itemPages = streams.flatMap((stream) => listItemPages(path.join(site, stream)).map((file) => path.relative(site, file))).sort();
const hash = createHash('sha256');
for (const file of itemPages) hash.update(file).update(readFileSync(path.join(site, file)));
const fingerprint = hash.digest('hex');
const output = path.join(site, 'pagefind');

if (existsSync(path.join(cacheDir, 'pagefind')) && readText(path.join(cacheDir, 'fingerprint')) === fingerprint) {
  rmSync(output, { recursive: true, force: true });
  cpSync(path.join(cacheDir, 'pagefind'), output, { recursive: true });
  console.log(`Search index: ${itemPages.length} item pages unchanged, previous index reused (${seconds()} s).`);
} else {
  const { index } = await pagefind.createIndex({});
  if (index === undefined) throw new Error('Pagefind could not start: reinstall it with npm ci');
  const added = await index.addDirectory({ path: site, glob: `{${streams.join(',')}}/[0-9][0-9][0-9][0-9]/*/index.html` });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  rmSync(path.join(cacheDir, 'pagefind'), { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  cpSync(output, path.join(cacheDir, 'pagefind'), { recursive: true });
  writeFileSync(path.join(cacheDir, 'fingerprint'), fingerprint);
  console.log(`Search index: ${added.page_count} item pages indexed (${seconds()} s).`);
}

function listItemPages(streamDir: string): string[] {
  if (!existsSync(streamDir)) return [];
  return readdirSync(streamDir, { withFileTypes: true })
    .filter((year) => year.isDirectory() && /^\d{4}$/.test(year.name))
    .flatMap((year) => readdirSync(path.join(streamDir, year.name), { withFileTypes: true })
      .filter((item) => item.isDirectory())
      .map((item) => path.join(streamDir, year.name, item.name, 'index.html'))
      .filter((file) => existsSync(file)));
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function seconds(): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
