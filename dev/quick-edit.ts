/**
 * An edit to one item shown at once: the dev server reads the one file saved, puts the
 * item in place of its last version in the site it made last (site/substitute.ts), and
 * writes the outputs that show it (its page, the listings and feeds it is in) before it
 * makes the whole site again, which takes seconds at tens of thousands of items.
 *
 * Only an edit that leaves the item where it was qualifies: the same id, address, date,
 * streams, tags and draft state, the file free of errors. Anything else (a new item, a
 * retagged one, a deletion, an error) waits for the whole site, which is always made
 * afterwards and stays the one that counts.
 */
import path from 'node:path';
import { createLocalReader } from '../lib/content/local.ts';
import { createFeedRenderer } from '../lib/feeds/document.ts';
import type { NewsItem } from '../lib/model.ts';
import type { BuildSettings } from '../pipeline/settings.ts';
import type { Site } from '../site/build.ts';
import { routes, type Output } from '../site/outputs.ts';
import { placeItems, substituteItem, type ItemPlaces } from '../site/substitute.ts';
import { renderOutput, type PageOutput } from '../src/index.ts';

/** A file of the site and what to write in it. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** The quick editor of a dev server: `prepare` it with each site made, and `edit` turns a saved file into the files to write. */
export interface QuickEditor {
  /** Takes `site` as the one to edit, and works out where each item shows, a little at a time (until then, an edit walks through the site). */
  prepare(site: Site): void;
  /** The files an edit of one Markdown file (relative to the content folder) changes, or undefined when it does not qualify. */
  edit(relative: string): RenderedFile[] | undefined;
}

export function createQuickEditor(settings: BuildSettings): QuickEditor {
  let read: ReturnType<typeof createLocalReader> | undefined;
  let current: { site: Site; places?: ItemPlaces; feeds: ReturnType<typeof createFeedRenderer> } | undefined;
  return {
    prepare: (site) => {
      // One feed renderer for the site: an entry rendered once serves every later edit's documents.
      const prepared: NonNullable<typeof current> = { site, feeds: createFeedRenderer({ config: site.config, siteUpdated: site.stream.updated }) };
      current = prepared;
      void placeItems(site).then((places) => {
        prepared.places = places;
      });
    },
    edit: (relative) => {
      if (current === undefined) return undefined;
      const { site, places, feeds } = current;
      // A reader of its own, made once: "now" is the dev server's start, as the future-date check needs no more.
      read ??= createLocalReader({ config: settings.config, rootDir: settings.rootDir, contentDir: settings.contentDir, now: new Date() });
      const result = read(relative);
      if (result.item === undefined || result.problems.some((problem) => problem.severity === 'error')) return undefined;
      const file = path.join(settings.contentDir, relative).split(path.sep).join('/');
      const old = site.stream.items.find((item) => item.sources.some((source) => source.kind === 'markdown' && source.file === file));
      if (old === undefined || !inSamePlace(old, result.item)) return undefined;
      // What the whole site's making settles across files (a tag's spelling, partners' copies merged in) stays as it was.
      const fresh: NewsItem = { ...result.item, tags: old.tags, sources: old.sources, streams: old.streams };
      const context = { config: site.config, rootDir: settings.rootDir };
      return substituteItem(site, old, fresh, places).flatMap((output): RenderedFile[] => {
        const writer = routes[output.route].writer;
        if (writer === 'eleventy') return [{ path: output.path, content: renderOutput(output as PageOutput, context) }];
        if (writer === 'feeds') return [{ path: output.path, content: feeds.bytes((output as Output<'feedRss' | 'feedAtom' | 'feedJson'>).data.document) }];
        return [];
      });
    },
  };
}

/** Whether the edited item stays where the last one was: in the same lists, in the same order. */
function inSamePlace(old: NewsItem, edited: NewsItem): boolean {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return old.id === edited.id && old.path === edited.path && old.date.iso === edited.date.iso && old.updated?.iso === edited.updated?.iso
    && old.draft === edited.draft && old.homeStream === edited.homeStream && same(old.streams, edited.streams)
    && same(old.tags.map((tag) => tag.slug), edited.tags.map((tag) => tag.slug));
}
