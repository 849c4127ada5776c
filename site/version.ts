/**
 * What a build was made with besides its content: the configuration and the code that
 * renders it. Outputs are fingerprinted by their own inputs (site/fingerprint.ts); a
 * change to either of these can change any output, so a build with another key trusts
 * nothing an earlier one wrote.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NewsConfig } from '../lib/config.ts';

/** The code that decides what the outputs hold, relative to the project root (the TypeScript in these folders; src/assets is copied as it is). */
export const codeFolders = ['lib', 'site', 'src', 'layouts', 'embed', 'cms', 'pipeline'];
export const codeFiles = ['news.config.ts', 'eleventy.config.ts', 'package-lock.json'];

/** Keys already worked out: the code does not change under a running process (the dev server restarts when it does). */
const known = new Map<string, string>();

export function buildKey(config: NewsConfig, rootDir: string): string {
  const configuration = JSON.stringify(config);
  const id = `${rootDir}\0${configuration}`;
  const key = known.get(id);
  if (key !== undefined) return key;
  const hash = createHash('sha256').update(configuration);
  const files = [
    ...codeFolders.flatMap((folder) => listFiles(path.join(rootDir, folder))),
    ...codeFiles.map((file) => path.join(rootDir, file)),
  ];
  for (const file of files) {
    hash.update(path.relative(rootDir, file));
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(none)');
    }
  }
  const made = hash.digest('hex');
  known.set(id, made);
  return made;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
