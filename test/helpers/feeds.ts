/** Writes a site's feed files to a temporary folder and reads them back with Debian's feedparser. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createFeedRenderer, type FeedDocument, type NewsSite } from '../../lib/index.ts';

const run = promisify(execFile);

export interface ReadEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly published: string;
  readonly updated: string;
  readonly content: string;
}

export interface ReadFeed {
  readonly path: string;
  readonly wellFormed: boolean;
  readonly error?: string;
  readonly bozo: boolean;
  readonly bozoException?: string;
  readonly version: string;
  readonly title: string;
  readonly links: Record<string, string | null>;
  readonly entries: readonly ReadEntry[];
}

/** Renders `documents` (default: all of the site's) and returns the text of each, by site path. */
export function renderAll(site: NewsSite, documents: readonly FeedDocument[] = site.feedDocuments): Map<string, string> {
  const { text } = createFeedRenderer({ config: site.config, stylesheetPath: '/assets/feed.xsl' });
  return new Map(documents.map((doc) => [doc.path, text(doc)]));
}

/** Parses every rendered file as a feed reader would; results are keyed by site path. */
export async function readBack(files: Map<string, string>): Promise<Map<string, ReadFeed>> {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-feeds-'));
  try {
    const paths = [...files].map(([sitePath, text]) => {
      const full = path.join(dir, sitePath);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    });
    const { stdout } = await run('/usr/bin/python3', ['test/helpers/read-feeds.py', ...paths], { maxBuffer: 1 << 30 });
    const results = JSON.parse(stdout) as ReadFeed[];
    return new Map(results.map((result) => [`/${path.relative(dir, result.path).split(path.sep).join('/')}`, result]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
