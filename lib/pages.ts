/**
 * Paged listings with their paths, computed once here so that page templates only
 * render: `/`, `/page/2/`, … or `/pathfinder/`, `/pathfinder/page/2/`, …
 */
import type { NewsItem } from './model.ts';
import type { Section } from './sections.ts';
import { paginate, type StreamView } from './select.ts';

export interface ListingPage {
  readonly section: Section;
  /** Site path of this page. */
  readonly path: string;
  /** 1-based. */
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly items: readonly NewsItem[];
  readonly previousPath?: string;
  readonly nextPath?: string;
}

/** A section's items in pages of `size`; page 1 is the section's own path, page 2 is `<path>page/2/`. */
export function listingPages(section: Section, size: number): ListingPage[] {
  const chunks = paginate(section.items, size);
  const pathOf = (index: number) => (index === 0 ? section.path : `${section.path}page/${index + 1}/`);
  return chunks.map((chunk, index) => ({
    section,
    path: pathOf(index),
    pageNumber: index + 1,
    pageCount: chunks.length,
    items: chunk,
    ...(index > 0 && { previousPath: pathOf(index - 1) }),
    ...(index < chunks.length - 1 && { nextPath: pathOf(index + 1) }),
  }));
}

/** What an item's page shows besides the item: its neighbours in its home stream, and related items. */
export interface ItemPage {
  readonly item: NewsItem & { readonly path: string };
  /** The next older and next newer items with pages of their own, in the item's home stream. */
  readonly older?: NewsItem;
  readonly newer?: NewsItem;
  readonly related: readonly NewsItem[];
}

/** One page per local item (partner items link to their original instead). */
export function itemPages(items: readonly NewsItem[], streams: readonly StreamView[], related: ReadonlyMap<NewsItem, readonly NewsItem[]>): ItemPage[] {
  const neighbours = new Map<NewsItem, { older?: NewsItem; newer?: NewsItem }>();
  for (const view of streams) {
    const local = view.items.filter((item) => item.path !== undefined && item.homeStream === view.stream.slug);
    local.forEach((item, index) => {
      const newer = local[index - 1];
      const older = local[index + 1];
      neighbours.set(item, { ...(older && { older }), ...(newer && { newer }) });
    });
  }
  return items.flatMap((item): ItemPage[] => {
    if (item.path === undefined) return [];
    return [{ item: item as NewsItem & { path: string }, ...neighbours.get(item), related: related.get(item) ?? [] }];
  });
}
