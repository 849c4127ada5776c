/**
 * What each page shows, as plain data: the declared inputs of the site's outputs
 * (site/outputs.ts). A page is written again exactly when this data changes, so each
 * holds only what its page shows: names and paths of what it links to, and the items it
 * lists (an item counts by its value; see site/fingerprint.ts).
 */
import type { FeedDocument } from '../lib/feeds/spec.ts';
import type { NewsItem } from '../lib/model.ts';
import type { SourceHealth } from '../lib/partners/items.ts';
import { paginate, type StreamView, type YearView } from '../lib/select.ts';
import { listingPath, yearPath } from './paths.ts';
import type { FeedLinks, Section, SectionInfo } from './sections.ts';

/** The feeds a page offers for autodiscovery: its own section's first, then all news. */
export interface PageFeeds {
  readonly feeds: readonly FeedLinks[];
}

export interface ListingData extends PageFeeds {
  readonly section: SectionInfo;
  /** 1-based. */
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly items: readonly NewsItem[];
  readonly previousPath?: string;
  readonly nextPath?: string;
}

/** A section's items in pages of `size`; page 1 is the section's own path. */
export function listingPages(section: Section, info: SectionInfo, size: number, feeds: readonly FeedLinks[]): { path: string; data: ListingData }[] {
  const chunks = paginate(section.items, size);
  const pathOf = (index: number) => listingPath(section.path, index + 1);
  return chunks.map((items, index) => ({
    path: pathOf(index),
    data: {
      section: info, pageNumber: index + 1, pageCount: chunks.length, items, feeds,
      ...(index > 0 && { previousPath: pathOf(index - 1) }),
      ...(index < chunks.length - 1 && { nextPath: pathOf(index + 1) }),
    },
  }));
}

/** Another item's page, as a link shows it. */
export interface ItemLink {
  readonly title: string;
  readonly path: string;
}

export interface ItemData extends PageFeeds {
  readonly item: NewsItem & { readonly path: string };
  /** The next older and next newer items with pages of their own, in the item's home stream. */
  readonly older?: ItemLink;
  readonly newer?: ItemLink;
  readonly related: readonly NewsItem[];
}

/** One page per local item (partner items link to their original instead). */
export function itemPages(
  items: readonly NewsItem[], streams: readonly StreamView[], related: ReadonlyMap<NewsItem, readonly NewsItem[]>, feedsOf: (item: NewsItem) => readonly FeedLinks[],
): { path: string; data: ItemData }[] {
  const link = (item: NewsItem | undefined): ItemLink | undefined => (item?.path === undefined ? undefined : { title: item.title, path: item.path });
  const neighbours = new Map<NewsItem, { older?: ItemLink; newer?: ItemLink }>();
  for (const view of streams) {
    const local = view.items.filter((item) => item.path !== undefined && item.homeStream === view.stream.slug);
    local.forEach((item, index) => {
      const older = link(local[index + 1]);
      const newer = link(local[index - 1]);
      neighbours.set(item, { ...(older && { older }), ...(newer && { newer }) });
    });
  }
  return items.flatMap((item) => {
    if (item.path === undefined) return [];
    const page: ItemData = { item: item as ItemData['item'], ...neighbours.get(item), related: related.get(item) ?? [], feeds: feedsOf(item) };
    return [{ path: item.path, data: page }];
  });
}

export interface YearData extends PageFeeds {
  readonly year: number;
  readonly items: readonly NewsItem[];
  readonly newer?: number;
  readonly older?: number;
}

export function yearPages(years: readonly YearView[], feeds: readonly FeedLinks[]): { path: string; data: YearData }[] {
  return years.map((view, index) => {
    const newer = years[index - 1]?.year;
    const older = years[index + 1]?.year;
    return { path: yearPath(view.year), data: { year: view.year, items: view.items, feeds, ...(newer && { newer }), ...(older && { older }) } };
  });
}

export interface TagsData extends PageFeeds {
  readonly tags: readonly { readonly name: string; readonly path: string; readonly count: number }[];
}

/** Items a year published, by home stream (in configuration order), so each item counts once. */
export interface YearCounts {
  readonly year: number;
  readonly counts: readonly number[];
  readonly total: number;
}

export interface ArchiveData extends PageFeeds {
  readonly total: number;
  /** Oldest first, as the chart draws them. */
  readonly years: readonly YearCounts[];
}

export function countByYearAndStream(years: readonly YearView[], streams: readonly string[]): YearCounts[] {
  return [...years].reverse().map(({ year, items }) => ({
    year, total: items.length, counts: streams.map((slug) => items.filter((item) => item.homeStream === slug).length),
  }));
}

export interface FeedsData extends PageFeeds {
  readonly all: FeedLinks;
  readonly streams: readonly FeedLinks[];
  readonly tags: readonly FeedLinks[];
}

export interface FeedAboutData extends PageFeeds {
  readonly section: SectionInfo;
  readonly channel: FeedLinks;
  /** The newest items, as the page lists them. */
  readonly latest: readonly NewsItem[];
  /** The archive documents, oldest first, each in every format. */
  readonly archives: readonly { readonly number: number; readonly files: readonly { readonly name: string; readonly path: string }[] }[];
  readonly subscriptionSize: number;
}

export interface SourcesData extends PageFeeds {
  readonly sources: readonly SourceHealth[];
}

export interface EmbedData extends PageFeeds {
  readonly sections: readonly SectionInfo[];
}

export interface EmbedFrameData {
  readonly section: SectionInfo;
  readonly items: readonly NewsItem[];
}

/** The archives of a channel, from its documents, for its about page. */
export function archiveLinks(documents: readonly FeedDocument[], formatName: (document: FeedDocument) => string): FeedAboutData['archives'] {
  const byNumber = new Map<number, { name: string; path: string }[]>();
  for (const document of documents) {
    if (document.archive === undefined) continue;
    const files = byNumber.get(document.archive) ?? [];
    files.push({ name: formatName(document), path: document.path });
    byNumber.set(document.archive, files);
  }
  return [...byNumber].sort(([a], [b]) => a - b).map(([number, files]) => ({ number, files }));
}
