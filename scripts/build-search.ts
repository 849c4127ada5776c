/**
 * `npm run build:search`: the Pagefind index of what readers search for, every item: the
 * item pages and the partner items (which link to the partner's original and have no
 * page here), exactly as the site build declared them (its manifest, site/write.ts). Not
 * the listing, tag and feed pages, which only repeat the items. The index is kept in
 * the cache with a fingerprint of the pages and records it was made from; when none
 * changed, the kept index is copied back instead of indexing again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { paths } from '../site/paths.ts';
import { manifestFile, outputFile, readManifest } from '../site/write.ts';
import { parseCommand } from './cli.ts';

const command = {
  name: 'npm run build:search',
  usage: `Usage: npm run build:search [-- --site DIR]

Indexes the item pages and the partner items of the site built into _site/ (or DIR)
into its pagefind/ folder with Pagefind, reusing the previous index kept in the cache
(NEWS_CACHE_DIR, default .cache/) when no item page and no partner item changed.`,
  options: { site: { type: 'string', default: '_site' } },
} as const;

const { values } = parseCommand(command);
const site = values.site;
const { cacheDir } = settingsFromEnvironment();
const manifest = readManifest(manifestFile(cacheDir, site));
if (manifest === undefined) {
  console.error(`${command.name}: there is no site built into ${site}/ to index (its manifest is not in ${cacheDir}/): run npm run build:site first, or name the folder it was built into with --site.`);
  process.exit(1);
}
const started = performance.now();
const pages = manifest.search.pages.map(outputFile);
const { records } = manifest.search;
const hash = createHash('sha256');
for (const file of pages) hash.update(file).update(readFileSync(path.join(site, file)));
hash.update(JSON.stringify(records));
const fingerprint = hash.digest('hex');
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const described = `${count(pages.length, 'item page')} and ${count(records.length, 'partner item')}`;
const output = path.join(site, paths.pagefind);
const kept = path.join(cacheDir, 'search');

if (existsSync(path.join(kept, 'pagefind')) && readText(path.join(kept, 'fingerprint')) === fingerprint) {
  rmSync(output, { recursive: true, force: true });
  cpSync(path.join(kept, 'pagefind'), output, { recursive: true });
  console.log(`Search index: ${described} unchanged, previous index reused (${seconds()} s).`);
} else {
  const { index } = await pagefind.createIndex({});
  if (index === undefined) throw new Error('Pagefind could not start: reinstall it with npm ci');
  for (const file of pages) {
    const added = await index.addHTMLFile({ sourcePath: file, content: readFileSync(path.join(site, file), 'utf8') });
    if (added.errors.length > 0) throw new Error(`Pagefind, ${file}: ${added.errors.join('; ')}`);
  }
  for (const record of records) {
    const result = await index.addCustomRecord({ ...record, meta: { ...record.meta } });
    if (result.errors.length > 0) throw new Error(`Pagefind, partner item ${record.url}: ${result.errors.join('; ')}`);
  }
  // Pagefind adds its files to the folder: the last index's files (other hashes) would stay.
  rmSync(output, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  rmSync(path.join(kept, 'pagefind'), { recursive: true, force: true });
  mkdirSync(kept, { recursive: true });
  cpSync(output, path.join(kept, 'pagefind'), { recursive: true });
  writeFileSync(path.join(kept, 'fingerprint'), fingerprint);
  console.log(`Search index: ${described} indexed (${seconds()} s).`);
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
