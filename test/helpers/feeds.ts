/**
 * Writes a site's feed files to a temporary folder and reads them back as feed readers
 * do: RSS and Atom with Debian's feedparser, JSON Feed with feedsmith (the parser the
 * library reads partners' feeds with; Debian's feedparser 6.0 reads no JSON Feed).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseJsonFeed, type JsonFeed } from 'feedsmith';
import { createFeedRenderer } from '../../lib/feeds/document.ts';
import type { FeedDocument } from '../../lib/feeds/spec.ts';
import type { Site } from '../../site/build.ts';

const run = promisify(execFile);

/** A category as the reader reports it: RSS gives the text as `term` and the domain as `scheme`. */
export interface ReadCategory {
  readonly term: string;
  readonly scheme: string | null;
  readonly label: string | null;
}

export interface ReadEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly published: string;
  readonly updated: string;
  readonly content: string;
  /** RSS and Atom categories; JSON Feed tags as terms. */
  readonly categories: readonly ReadCategory[];
  /** `dc:publisher`; JSON Feed: `_threeml.organisation`. */
  readonly publisher: string | null;
  /** `dc:coverage`; JSON Feed: `_threeml.region`. */
  readonly coverage: string | null;
  /** RSS: the guid's `isPermaLink` (true when absent, as RSS 2.0 says); null elsewhere. */
  readonly permaLink: boolean | null;
}

export interface ReadFeed {
  readonly path: string;
  readonly wellFormed: boolean;
  readonly error?: string;
  readonly bozo: boolean;
  readonly bozoException?: string;
  readonly version: string;
  readonly title: string;
  readonly language: string | null;
  /** RFC 5005 `fh:archive` (JSON Feed has none). */
  readonly archive: boolean;
  /** Feed-level links by rel; JSON Feed: `self` (feed_url), `next` (next_url), `about` (`_threeml.about_url`). */
  readonly links: Record<string, string | null>;
  readonly entries: readonly ReadEntry[];
}

/** Renders `documents` (default: all of the site's) and returns the text of each, by site path. */
export function renderAll(site: Site, documents: readonly FeedDocument[] = site.documents): Map<string, string> {
  const { text } = createFeedRenderer({ config: site.config, siteUpdated: site.stream.updated });
  return new Map(documents.map((doc) => [doc.path, text(doc)]));
}

/** Parses every rendered file as a feed reader would; results are keyed by site path. */
export async function readBack(files: Map<string, string>): Promise<Map<string, ReadFeed>> {
  const read = new Map<string, ReadFeed>();
  const xml = new Map<string, string>();
  for (const [sitePath, text] of files) {
    if (sitePath.endsWith('.json')) read.set(sitePath, readJsonFeed(sitePath, text));
    else xml.set(sitePath, text);
  }
  for (const feed of await readXmlFeeds(xml)) read.set(feed.path, feed);
  return new Map([...files.keys()].map((sitePath) => [sitePath, read.get(sitePath) as ReadFeed]));
}

async function readXmlFeeds(files: Map<string, string>): Promise<ReadFeed[]> {
  if (files.size === 0) return [];
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-feeds-'));
  try {
    const paths = [...files].map(([sitePath, text]) => {
      const full = path.join(dir, sitePath);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    });
    const { stdout } = await run('/usr/bin/python3', ['test/helpers/read-feeds.py', ...paths], { maxBuffer: 1 << 30 });
    return (JSON.parse(stdout) as ReadFeed[]).map((feed) => ({ ...feed, path: `/${path.relative(dir, feed.path).split(path.sep).join('/')}` }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds precision with `Z`, as read-feeds.py reports RSS and Atom dates. */
function iso(date: Date | undefined): string | null {
  return date === undefined ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface ThreemlItem {
  readonly _threeml?: { readonly organisation?: string; readonly region?: string };
}

function readJsonFeed(sitePath: string, text: string): ReadFeed {
  let raw: { version?: string; _threeml?: { about_url?: string }; items?: ThreemlItem[] };
  let feed: JsonFeed.Feed<Date>;
  try {
    raw = JSON.parse(text) as typeof raw;
    feed = parseJsonFeed(text, { parseDateFn: (value) => new Date(value) });
  } catch (error) {
    return { path: sitePath, wellFormed: false, error: String(error), bozo: true, version: '', title: '', language: null, archive: false, links: {}, entries: [] };
  }
  const extensions = raw.items ?? [];
  return {
    path: sitePath,
    wellFormed: true,
    bozo: false,
    // feedsmith keeps neither the version nor extension keys, so those come from the JSON itself.
    version: raw.version ?? '',
    title: feed.title ?? '',
    language: feed.language ?? null,
    archive: false,
    links: { self: feed.feed_url ?? null, next: feed.next_url ?? null, about: raw._threeml?.about_url ?? null },
    entries: (feed.items ?? []).map((item, index): ReadEntry => {
      const published = iso(item.date_published);
      return {
        id: item.id ?? '',
        title: item.title ?? '',
        link: item.external_url ?? item.url ?? '',
        published: published ?? '',
        updated: iso(item.date_modified) ?? published ?? '',
        content: item.content_html ?? '',
        categories: (item.tags ?? []).map((term) => ({ term, scheme: null, label: null })),
        publisher: extensions[index]?._threeml?.organisation ?? null,
        coverage: extensions[index]?._threeml?.region ?? null,
        permaLink: null,
      };
    }),
  };
}

