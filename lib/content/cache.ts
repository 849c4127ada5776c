/**
 * The parsed-items cache kept between builds, so that a warm build reads only the files
 * that changed. It is one file, valid only for the content folder, the configuration, the
 * library code and the static files it was made with: any change to those and it is ignored.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NewsConfig } from '../config.ts';
import type { LocalCache } from './local.ts';

/** The library's own folder (its code is part of what the cache was made with). */
const libDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * What the cached items were made from: the content folder, the configuration, this
 * library's code, and the static files' names, sizes and times (images' sizes go into
 * the items).
 */
function cacheKey(config: NewsConfig, contentRoot: string): string {
  const hash = createHash('sha256').update(contentRoot).update(JSON.stringify(config));
  for (const file of listFiles(libDir)) hash.update(file).update(readFileSync(file));
  for (const file of listFiles(path.join(contentRoot, config.files.dir))) {
    const stats = statSync(file);
    hash.update(`${file} ${stats.size} ${stats.mtimeMs}`);
  }
  return hash.digest('hex');
}

/**
 * The key each cache `readLocalCache` returned was read under. A cache is written under
 * that key, not one worked out again: its items were made from the static files as they
 * were then (a dev server keeps items whose Markdown did not change), and a later key
 * would vouch for them with files they never saw. It also spares hashing the library's
 * code at every save.
 */
const readUnder = new WeakMap<LocalCache, string>();

/**
 * The parsed files kept in `file` for the content folder `contentRoot` (absolute), to
 * pass to `readNews` as its `cache`: an empty cache when there is none, or when it was
 * made from other content, configuration or library code.
 */
export function readLocalCache(file: string, config: NewsConfig, contentRoot: string): LocalCache {
  const key = cacheKey(config, contentRoot);
  let cache: LocalCache = new Map();
  try {
    const stored = deserialize(readFileSync(file)) as { key: string; cache: LocalCache };
    if (stored.key === key) cache = stored.cache;
  } catch {
    // None yet, or unreadable: start empty.
  }
  readUnder.set(cache, key);
  return cache;
}

/** Numbers each write's temporary file: a dev server may start a write before the last has ended. */
let writes = 0;

/**
 * Writes the cache kept between readings of `contentRoot` (a temporary file, then a
 * rename, so a crash leaves the old one whole).
 * The items are serialised at once; the writing goes on while the build does, and the
 * returned promise settles when the file is in place.
 */
export async function writeLocalCache(file: string, cache: LocalCache, config: NewsConfig, contentRoot: string): Promise<void> {
  // V8's own serialisation: several times faster than JSON for tens of megabytes of items.
  const bytes = serialize({ key: readUnder.get(cache) ?? cacheKey(config, contentRoot), cache });
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${++writes}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
