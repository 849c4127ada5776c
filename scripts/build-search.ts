/**
 * `npm run build:search`: the Pagefind index of what readers search for, every item: the
 * item pages, and the partner items (which link to the partner's original and have no
 * page here) from the records the site build writes to search/partner-items.json. Not
 * every listing, tag and feed page, which only repeat the items. The index is kept in
 * .cache/search/ (or --cache) with a fingerprint of the pages and records it was made
 * from; when none changed, the kept index is copied back instead of indexing again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { resolveConfig } from '../lib/index.ts';
import newsConfig from '../news.config.ts';
import type { SearchRecord } from '../src/search-records.11ty.ts';

const usage = `Usage: npm run build:search [-- --site DIR] [--cache DIR]

Indexes the item pages and the partner items (search/partner-items.json) of the
built site (--site, default _site/) into its pagefind/ folder with Pagefind, reusing
the previous index kept in the cache folder (--cache, default .cache/search/) when
no item page and no partner item changed.`;

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
const recordsFile = path.join(site, 'search', 'partner-items.json');
if (!existsSync(recordsFile)) {
  console.error(`There is no ${recordsFile} (the partner items to index) in the built site: build it again with npm run build:site.`);
  process.exit(1);
}
const cacheDir = values.cache;
const started = performance.now();

// Item pages live at /<stream>/<year>/<slug>/: a pattern Pagefind can glob on, and that we can hash.
const streams = config.streams.map((s) => s.slug);
const itemPages = streams.flatMap((stream) => listItemPages(path.join(site, stream)).map((file) => path.relative(site, file))).sort();
const hash = createHash('sha256');
for (const file of itemPages) hash.update(file).update(readFileSync(path.join(site, file)));
const recordsText = readFileSync(recordsFile, 'utf8');
hash.update(path.relative(site, recordsFile)).update(recordsText);
const fingerprint = hash.digest('hex');
const records = JSON.parse(recordsText) as SearchRecord[];
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const described = (pages: number) => `${count(pages, 'item page')} and ${count(records.length, 'partner item')}`;
const output = path.join(site, 'pagefind');

if (existsSync(path.join(cacheDir, 'pagefind')) && readText(path.join(cacheDir, 'fingerprint')) === fingerprint) {
  rmSync(output, { recursive: true, force: true });
  cpSync(path.join(cacheDir, 'pagefind'), output, { recursive: true });
  console.log(`Search index: ${described(itemPages.length)} unchanged, previous index reused (${seconds()} s).`);
} else {
  const { index } = await pagefind.createIndex({});
  if (index === undefined) throw new Error('Pagefind could not start: reinstall it with npm ci');
  const added = await index.addDirectory({ path: site, glob: `{${streams.join(',')}}/[0-9][0-9][0-9][0-9]/*/index.html` });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  for (const record of records) {
    const result = await index.addCustomRecord({ ...record, meta: { ...record.meta } });
    if (result.errors.length > 0) throw new Error(`Pagefind, partner item ${record.url} in ${recordsFile}: ${result.errors.join('; ')}`);
  }
  // Pagefind adds its files to the folder: the last index's files (other hashes) would stay.
  rmSync(output, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  rmSync(path.join(cacheDir, 'pagefind'), { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  cpSync(output, path.join(cacheDir, 'pagefind'), { recursive: true });
  writeFileSync(path.join(cacheDir, 'fingerprint'), fingerprint);
  console.log(`Search index: ${described(added.page_count)} indexed (${seconds()} s).`);
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
