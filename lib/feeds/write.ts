/**
 * Writes feed documents into an output folder, a few at a time, without
 * holding the documents in memory: each is rendered, written and let go. Feeds are
 * most of a large site's bytes (every item appears in several feeds, three formats
 * each), so they bypass the page pipeline.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFeedRenderer, type FeedRendererOptions } from './document.ts';
import type { FeedDocument } from './spec.ts';

/** Writes `documents` under `outputDir`, a few at a time; resolves to their site paths. */
export async function writeFeeds(documents: readonly FeedDocument[], options: FeedRendererOptions, outputDir: string, concurrency = 8): Promise<string[]> {
  const { bytes } = createFeedRenderer(options);
  const folders = new Map<string, Promise<unknown>>();
  const ensureFolder = (folder: string) => {
    let made = folders.get(folder);
    if (made === undefined) folders.set(folder, (made = mkdir(folder, { recursive: true })));
    return made;
  };
  let next = 0;
  const worker = async () => {
    while (next < documents.length) {
      const document = documents[next++];
      if (document === undefined) break;
      const file = path.join(outputDir, document.path);
      const content = bytes(document);
      await ensureFolder(path.dirname(file));
      await writeFile(file, content);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return documents.map((d) => d.path);
}
