/**
 * The Pagefind index of what readers search for, every item: the item pages and the
 * partner items (which link to the partner's original and have no page here), exactly as
 * the site build declared them (its manifest, site/write.ts). Not the listing, tag and
 * feed pages, which only repeat the items. The index is kept in the cache with a
 * fingerprint of the pages and records it was made from; when none changed, the kept
 * index is copied back instead of indexing again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { plural } from '../lib/text.ts';
import { paths } from '../site/paths.ts';
import { manifestFile, outputFile, readManifest } from '../site/write.ts';

/** There is no site built into the folder to index. */
export class NoBuiltSite extends Error {
  override readonly name = 'NoBuiltSite';
}

/** Indexes the site built into `siteDir` (its manifest in `cacheDir`); resolves to a line saying what was done. */
export async function indexSite(siteDir: string, cacheDir: string): Promise<string> {
  const manifest = readManifest(manifestFile(cacheDir, siteDir));
  if (manifest === undefined) throw new NoBuiltSite(`there is no site built into ${siteDir}/ to index (its manifest is not in ${cacheDir}/)`);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const pages = manifest.search.pages.map(outputFile);
  const { records } = manifest.search;
  const hash = createHash('sha256');
  for (const file of pages) hash.update(file).update(readFileSync(path.join(siteDir, file)));
  hash.update(JSON.stringify(records));
  const fingerprint = hash.digest('hex');
  const described = `${plural(pages.length, 'item page')} and ${plural(records.length, 'partner item')}`;
  const output = path.join(siteDir, paths.pagefind);
  const kept = path.join(cacheDir, 'search');

  if (existsSync(path.join(kept, 'pagefind')) && readText(path.join(kept, 'fingerprint')) === fingerprint) {
    rmSync(output, { recursive: true, force: true });
    cpSync(path.join(kept, 'pagefind'), output, { recursive: true });
    return `Search index: ${described} unchanged, previous index reused (${seconds()} s).`;
  }
  // Pagefind's Node API starts its binary: loaded only when there is indexing to do.
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (index === undefined) throw new Error('Pagefind could not start: reinstall it with npm ci');
  for (const file of pages) {
    const added = await index.addHTMLFile({ sourcePath: file, content: readFileSync(path.join(siteDir, file), 'utf8') });
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
  return `Search index: ${described} indexed (${seconds()} s).`;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
